"""The shared outcome words in SMS and voice v2's terms.

Pinpoint reports a delivery's fate as a status inside a 200; SMS and voice v2 answers a send
with a MessageId or refuses it with an exception and a reason. A word scripted with
``outcome(...)`` (or drawn by chaos) becomes the exception below; ``status_message`` replaces
its message. docs/sms-voice-v2.md has the table beside Pinpoint's answers.
"""

from __future__ import annotations

from typing import NamedTuple

from .errors import V2Error


class Refusal(NamedTuple):
    code: str
    reason: str | None
    message: str
    field: str | None = None
    """The member named in ``Fields`` (ValidationException), if any."""
    resource: bool = False
    """Whether the destination is named as the resource (``opted-out-number``)."""


#: Each word that refuses a send: the exception, its reason and its default message.
REFUSALS: dict[str, Refusal] = {
    "THROTTLED": Refusal("ThrottlingException", None, "Rate exceeded"),
    "TEMPORARY_FAILURE": Refusal(
        "InternalServerException", None, "An internal error occurred; the message may be retried"
    ),
    "PERMANENT_FAILURE": Refusal(
        "ValidationException",
        "INVALID_PARAMETER",
        "The destination phone number cannot receive messages",
        "DestinationPhoneNumber",
    ),
    "UNKNOWN_FAILURE": Refusal("ValidationException", "OTHER", "Unknown error"),
    "OPT_OUT": Refusal(
        "ConflictException",
        "DESTINATION_PHONE_NUMBER_OPTED_OUT",
        "The destination phone number is opted out",
        resource=True,
    ),
    "DUPLICATE": Refusal(
        "ValidationException",
        "INVALID_PARAMETER",
        "Duplicate destination phone number",
        "DestinationPhoneNumber",
    ),
    "TIMEOUT": Refusal("InternalServerException", None, "The request timed out"),
}
"""SUCCESSFUL answers a MessageId. Words of other services (SES's BOUNCE…) have no SMS
counterpart and answer a MessageId too, recorded with the word."""


def refusal(status: str, destination: str, message: str | None = None) -> V2Error | None:
    """The exception a scripted word answers for a send to ``destination`` (None: a MessageId)."""
    found = REFUSALS.get(status)
    if found is None:
        return None
    text = message or found.message
    return V2Error(
        found.code,
        text,
        reason=found.reason,
        fields=((found.field, text),) if found.field else (),
        resource_type="opted-out-number" if found.resource else None,
        resource_id=destination if found.resource else None,
    )
