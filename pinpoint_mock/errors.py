"""The package's error types: one base class, and AWS-facing errors that carry code and status."""

from __future__ import annotations


class PinpointMockError(Exception):
    """Base class of every error raised by pinpoint-mock itself."""


class ContractError(PinpointMockError):
    """A request broke the SendUsersMessages contract (the service would answer 400)."""


class PinpointContractWarning(UserWarning):
    """A request the service would probably accept but that is very likely a bug."""
