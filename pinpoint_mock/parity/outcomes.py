"""One outcome vocabulary over the services: what each service's recorded word means for parity.

Every service records a delivery's fate with a word of the shared vocabulary (``SUCCESSFUL``,
``OPT_OUT``, ``THROTTLED``…), answered in its own terms: Pinpoint as a status inside a 200, SMS
and voice v2 as an exception with a reason, SES v2 as a later event. A few words exist in one
service only; :func:`normalized` maps them to the word Pinpoint would have recorded for the same
fate, so "OPT_OUT for this address" compares equal whether Pinpoint answered ``OPT_OUT``, SMS v2
refused with ``DESTINATION_PHONE_NUMBER_OPTED_OUT`` or SES bounced the address as suppressed.
"""

from __future__ import annotations

from collections.abc import Mapping

#: Per service (botocore's name), the words that mean another word's fate in Pinpoint's terms.
EQUIVALENT: Mapping[str, Mapping[str, str]] = {
    "sesv2": {
        "SUPPRESSED": "OPT_OUT",  # Bounce OnAccountSuppressionList: nothing reached the person
        "BOUNCE": "PERMANENT_FAILURE",
        "REJECTED": "PERMANENT_FAILURE",
        "MESSAGE_REJECTED": "PERMANENT_FAILURE",
        "SOFT_BOUNCE": "TEMPORARY_FAILURE",
        "DELIVERY_DELAY": "TEMPORARY_FAILURE",
    },
}

#: Words that mean nothing reached the person because they opted out: a run whose code skipped
#: the address itself (it checked the opt-out before calling) agrees with one of these.
OPTED_OUT = frozenset({"OPT_OUT"})

#: The word for "the code sent nothing to this address" in a diff.
NOTHING_SENT = "(nothing sent)"


def normalized(service: str, word: str) -> str:
    """The Pinpoint word for ``word`` as ``service`` recorded it."""
    return EQUIVALENT.get(service, {}).get(word, word)


def opted_out(outcomes: tuple[str, ...]) -> bool:
    """Whether a recipient's outcomes (normalized, in order) all say they opted out."""
    return bool(outcomes) and all(word in OPTED_OUT for word in outcomes)
