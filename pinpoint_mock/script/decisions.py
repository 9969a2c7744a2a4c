"""The outcome vocabulary: the delivery a rule looks at, and the decision made about it.

A :class:`Decision` carries a ``DeliveryStatus``, its ``StatusCode`` and ``StatusMessage``, and
what decided it. :data:`STATUS_DEFAULTS` gives each status's code and message when a rule does not.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..errors import PinpointMockError
from ..models import DELIVERY_STATUSES, LEGACY_STATUSES


@dataclass(frozen=True)
class Delivery:
    """What a rule can look at: one endpoint about to receive a message."""

    application_id: str
    user_id: str | None
    endpoint_id: str | None
    channel: str
    address: str
    operation: str = "SendUsersMessages"
    attributes: Mapping[str, Any] = field(default_factory=dict)
    service: str = "pinpoint"


#: Default StatusCode / StatusMessage per status (modelled assumptions where uncertain).
STATUS_DEFAULTS: dict[str, tuple[int, str]] = {
    "SUCCESSFUL": (200, ""),
    "THROTTLED": (429, "Throttled by the downstream provider"),
    "TEMPORARY_FAILURE": (503, "Temporary failure; the message may be retried"),
    "PERMANENT_FAILURE": (400, "Permanent failure"),
    "UNKNOWN_FAILURE": (500, "Unknown error"),
    "OPT_OUT": (400, "Address is opted out"),
    "DUPLICATE": (400, "Duplicate address"),
    "TIMEOUT": (408, "Timeout"),
}

#: Outcome words of the services after Pinpoint, with their default code and message; each
#: service answers a word in its own terms (SES v2: docs/sesv2.md). A Pinpoint delivery given
#: one gets it as its status, outside the SDK's enum, with a warning. Add words, never rename.
SERVICE_STATUSES: dict[str, tuple[int, str]] = {
    "BOUNCE": (400, "Hard bounce: the recipient's mail server permanently rejected the email"),
    "SOFT_BOUNCE": (400, "Soft bounce: delivery failed after retries for a transient reason"),
    "COMPLAINT": (200, "Delivered; the recipient marked the email as spam"),
    "SUPPRESSED": (400, "The address is on a suppression list; the email was not delivered"),
    "REJECTED": (400, "Accepted, then rejected as containing a virus; not delivered"),
    "DELIVERY_DELAY": (200, "Delivery delayed by a temporary issue"),
    "MESSAGE_REJECTED": (400, "The message was rejected"),
}
STATUS_DEFAULTS.update(SERVICE_STATUSES)


def check_status(status: str) -> str:
    if status in DELIVERY_STATUSES or status in LEGACY_STATUSES or status in SERVICE_STATUSES:
        return status
    allowed = ", ".join((*DELIVERY_STATUSES, *LEGACY_STATUSES, *SERVICE_STATUSES))
    raise PinpointMockError(f"unknown delivery status {status!r}; use one of {allowed}")


@dataclass(frozen=True)
class Decision:
    status: str
    status_code: int
    status_message: str
    rule: str | None
    """What decided: a rule's label, ``simulator:…``, ``chaos``, ``derived:…`` or None."""


SUCCESS = Decision("SUCCESSFUL", 200, "", None)
