"""The package's error types: one base class, and AWS-facing errors that carry code and status."""

from __future__ import annotations


class PinpointMockError(Exception):
    """Base class of every error raised by pinpoint-mock itself."""


class ContractError(PinpointMockError):
    """A request broke the SendUsersMessages contract (the service would answer 400)."""


class PinpointContractWarning(UserWarning):
    """A request the service would probably accept but that is very likely a bug."""


#: HTTP status of each error code the service returns (all seven modeled errors).
ERROR_STATUS = {
    "BadRequestException": 400,
    "ForbiddenException": 403,
    "NotFoundException": 404,
    "MethodNotAllowedException": 405,
    "PayloadTooLargeException": 413,
    "TooManyRequestsException": 429,
    "InternalServerErrorException": 500,
}


class ServiceError(PinpointMockError):
    """An error the fake answers on the wire: an AWS error code, its HTTP status and a message."""

    def __init__(self, code: str, message: str, status: int | None = None) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message
        self.status = status if status is not None else ERROR_STATUS.get(code, 400)


class UnsupportedOperationError(PinpointMockError):
    """A Pinpoint operation the mock does not implement was called: it fails closed."""
