"""Origination identities a test registers (phone numbers, sender IDs, pools) and how a send's
``OriginationIdentity`` resolves to one of them.

Without any registered identity every origination is accepted (the permissive default, so a
test that does not care needs no set-up). Once one is registered, a send must name a
registered identity by any of the names the service takes (the number, its id or ARN; the
sender ID or its ARN; the pool id or ARN); anything else is ResourceNotFoundException.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from ...errors import PinpointMockError

ACCOUNT = "123456789012"
REGION = "us-east-1"
ARN_PREFIX = f"arn:aws:sms-voice:{REGION}:{ACCOUNT}:"

MessageType = Literal["TRANSACTIONAL", "PROMOTIONAL"]
NUMBER_TYPES = ("SHORT_CODE", "LONG_CODE", "TOLL_FREE", "TEN_DLC", "SIMULATOR")
CAPABILITIES = ("SMS", "VOICE", "MMS", "RCS")
MESSAGE_TYPES = ("TRANSACTIONAL", "PROMOTIONAL")


@dataclass(frozen=True)
class PhoneNumber:
    """An origination phone number (what DescribePhoneNumbers lists)."""

    phone_number: str
    phone_number_id: str
    iso_country_code: str
    message_type: str = "TRANSACTIONAL"
    number_capabilities: tuple[str, ...] = ("SMS", "VOICE", "MMS")
    number_type: str = "LONG_CODE"
    opt_out_list_name: str = "Default"

    @property
    def arn(self) -> str:
        return f"{ARN_PREFIX}phone-number/{self.phone_number_id}"

    @property
    def kind(self) -> str:
        return "phone-number"

    @property
    def name(self) -> str:
        return self.phone_number


@dataclass(frozen=True)
class SenderId:
    """A sender ID registered for one country."""

    sender_id: str
    iso_country_code: str
    message_types: tuple[str, ...] = ("TRANSACTIONAL",)
    registered: bool = True

    @property
    def arn(self) -> str:
        return f"{ARN_PREFIX}sender-id/{self.sender_id}/{self.iso_country_code}"

    @property
    def kind(self) -> str:
        return "sender-id"

    @property
    def name(self) -> str:
        return self.sender_id


@dataclass(frozen=True)
class Pool:
    """A pool of origination identities sharing an opt-out list."""

    pool_id: str
    members: tuple[PhoneNumber | SenderId, ...] = field(default_factory=tuple)
    message_type: str = "TRANSACTIONAL"
    opt_out_list_name: str = "Default"

    @property
    def arn(self) -> str:
        return f"{ARN_PREFIX}pool/{self.pool_id}"

    @property
    def kind(self) -> str:
        return "pool"

    @property
    def name(self) -> str:
        return self.pool_id


Identity = PhoneNumber | SenderId | Pool


def check_choice(name: str, value: str, allowed: Sequence[str]) -> str:
    if value not in allowed:
        raise PinpointMockError(f"{name} must be one of {', '.join(allowed)}, got {value!r}")
    return value


def names_of(identity: Identity) -> tuple[str, ...]:
    """Every name a send may use for ``identity``."""
    if isinstance(identity, PhoneNumber):
        return (identity.phone_number, identity.phone_number_id, identity.arn)
    if isinstance(identity, SenderId):
        return (identity.sender_id, identity.arn)
    return (identity.pool_id, identity.arn)


def guess_kind(origination: str) -> str:
    """The resource type an unknown origination names, by its shape (for the error)."""
    tail = origination.rsplit(":", 1)[-1]
    if "pool" in tail[:5] or origination.startswith("pool-"):
        return "pool"
    if origination.startswith(("+", "phone-")) or tail.startswith("phone-number"):
        return "phone-number"
    return "sender-id"
