"""SES's mailbox simulator and what each outcome word means for an SES v2 send.

The simulator addresses (``…@simulator.amazonses.com``, any ``+label`` allowed) answer as the
SES developer guide documents them; every outcome word of the shared vocabulary, scripted or
from the Pinpoint-style ``+tag`` simulator, becomes what SES would do: the synchronous answer
(most sends are accepted; THROTTLED is a 429, MESSAGE_REJECTED a MessageRejected), the bulk
entry's status, and the events SES publishes later for the recipient.
"""

from __future__ import annotations

from dataclasses import dataclass

SIMULATOR_DOMAIN = "simulator.amazonses.com"


@dataclass(frozen=True)
class Effect:
    """What an outcome does to one recipient of an SES send."""

    events: tuple[str, ...]
    """The event types SES publishes, in order (``Send``, ``Delivery``, ``Bounce``…)."""
    bounce: tuple[str, str] | None = None
    """(bounceType, bounceSubType) of a Bounce event."""
    entry_status: str = "SUCCESS"
    """The SendBulkEmail entry status."""
    error: tuple[str, int, str] | None = None
    """A synchronous error (code, HTTP status, message) instead of an accepted send."""
    diagnostic: tuple[str, str] = ("5.1.1", "smtp; 550 5.1.1 user unknown")
    """A bounce's (status, diagnosticCode)."""


_DELIVERED = Effect(("Send", "Delivery"))
_HARD = Effect(("Send", "Bounce"), ("Permanent", "General"))
_ACCOUNT_LIST = Effect(
    ("Send", "Bounce"),
    ("Permanent", "OnAccountSuppressionList"),
    diagnostic=(
        "5.1.1",
        "Amazon SES did not send the message to this address because it is on the suppression "
        "list for your account.",
    ),
)
_DELAYED = Effect(("Send", "DeliveryDelay"))

EFFECTS: dict[str, Effect] = {
    "SUCCESSFUL": _DELIVERED,
    "DUPLICATE": _DELIVERED,
    "BOUNCE": _HARD,
    "PERMANENT_FAILURE": _HARD,
    "SOFT_BOUNCE": Effect(
        ("Send", "DeliveryDelay", "Bounce"),
        ("Transient", "General"),
        diagnostic=("4.4.7", "smtp; 421 4.4.7 Delivery time expired"),
    ),
    "UNKNOWN_FAILURE": Effect(
        ("Send", "Bounce"),
        ("Undetermined", "Undetermined"),
        diagnostic=("5.0.0", "smtp; 550 5.0.0 Undetermined failure"),
    ),
    "COMPLAINT": Effect(("Send", "Delivery", "Complaint")),
    "SUPPRESSED": _ACCOUNT_LIST,
    "OPT_OUT": _ACCOUNT_LIST,
    "REJECTED": Effect(("Send", "Reject")),
    "DELIVERY_DELAY": _DELAYED,
    "TEMPORARY_FAILURE": _DELAYED,
    "TIMEOUT": _DELAYED,
    "THROTTLED": Effect(
        (),
        entry_status="ACCOUNT_THROTTLED",
        error=("TooManyRequestsException", 429, "Maximum sending rate exceeded."),
    ),
    "MESSAGE_REJECTED": Effect(
        (),
        entry_status="MESSAGE_REJECTED",
        error=("MessageRejected", 400, "Email rejected."),
    ),
}
"""Every outcome word, as an SES v2 send answers it."""

GLOBAL_LIST = Effect(
    ("Send", "Bounce"),
    ("Permanent", "Suppressed"),
    diagnostic=(
        "5.1.1",
        "Amazon SES has suppressed sending to this address because it has a recent history of "
        "bouncing as an invalid address.",
    ),
)
"""``suppressionlist@``: a hard bounce as if the address were on SES's global list."""

SIMULATOR: dict[str, tuple[str, Effect]] = {
    "success": ("SUCCESSFUL", _DELIVERED),
    "bounce": ("BOUNCE", _HARD),
    "ooto": ("SUCCESSFUL", _DELIVERED),
    "complaint": ("COMPLAINT", EFFECTS["COMPLAINT"]),
    "suppressionlist": ("SUPPRESSED", GLOBAL_LIST),
}
"""The mailbox simulator's local parts: the outcome word and its effect."""


def simulator_mailbox(address: str) -> str | None:
    """The simulator mailbox of an address (``bounce`` for ``bounce+x@simulator.amazonses.com``),
    or None for any other address (an unknown mailbox at the simulator domain is delivered, as
    ``success``)."""
    local, _, domain = address.rpartition("@")
    if domain.lower() != SIMULATOR_DOMAIN:
        return None
    mailbox = local.split("+", 1)[0].lower()
    return mailbox if mailbox in SIMULATOR else "success"
