"""Hypothesis strategies for SMS and voice v2 (``pip install 'pinpoint-mock[hypothesis]'``):
valid SendTextMessage wire bodies, and bodies broken by exactly one mutation that announce the
``Fields`` name and the ``Reason`` of the ValidationException the service answers.

    @given(sv2.text_requests())
    def test_every_valid_text_is_sent(body): ...

    @given(sv2.invalid_text_requests())
    def test_every_violation_is_named(case):
        ...  # case.body, case.field, case.reason
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

#: Valid destinations: AWS's success simulator numbers and ordinary mobile numbers.
DESTINATIONS = (
    "+14254147755",
    "+447860019066",
    "+61455944038",
    "+12065550123",
    "+14155552671",
    "+447400123456",
    "+4915112345678",
    "+33612345678",
    "+819012345678",
    "+5511912345678",
)
_GSM = "@£$¥èéùìòÇØøÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCXYZÄÖÑÜ§¿abcxyzäöñüà"
_UNICODE = "жщ漢字✓€{}[]~|^\\"
_ALPHABET = st.sampled_from(_GSM + _UNICODE)


def message_bodies(max_size: int = 600) -> st.SearchStrategy[str]:
    """Bodies the service sends: not blank, mostly GSM-7, within every length limit."""
    return st.text(_ALPHABET, min_size=1, max_size=max_size).filter(lambda t: t.strip() != "")


def text_requests() -> st.SearchStrategy[dict[str, Any]]:
    """Valid SendTextMessage bodies (every optional member drawn or left out)."""
    optional = {
        "MessageType": st.sampled_from(("TRANSACTIONAL", "PROMOTIONAL")),
        "Keyword": st.text(
            st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 "), min_size=1, max_size=30
        ).filter(lambda t: t.strip() != ""),
        "TimeToLive": st.integers(5, 259200),
        "MaxPrice": st.just("99.99"),
        "ConfigurationSetName": st.from_regex(r"[A-Za-z0-9_-]{1,64}", fullmatch=True),
        "Context": st.dictionaries(
            st.from_regex(r"[a-z0-9]{1,20}", fullmatch=True),
            st.from_regex(r"[a-z0-9][a-z0-9 ]{0,30}[a-z0-9]", fullmatch=True),
            max_size=5,
        ),
        "DryRun": st.booleans(),
    }
    return st.fixed_dictionaries(
        {"DestinationPhoneNumber": st.sampled_from(DESTINATIONS), "MessageBody": message_bodies()},
        optional=optional,
    )


@dataclass(frozen=True)
class InvalidV2Request:
    """A SendTextMessage body broken by one mutation, and what the service answers."""

    body: dict[str, Any]
    field: str
    reason: str
    mutation: str


_BAD = "FIELD_VALIDATION_FAILED"
_DEST = "DestinationPhoneNumber"

#: Each mutation: the member it breaks, the Fields name and Reason answered, bad values.
MUTATIONS: dict[str, tuple[str | None, str, str, st.SearchStrategy[Any]]] = {
    "destination-not-e164": (_DEST, _DEST, _BAD, st.from_regex(r"[a-z (]{1,19}", fullmatch=True)),
    "destination-not-a-number": (_DEST, _DEST, "INVALID_PARAMETER", st.sampled_from(
        ("+1206555", "+9995550101", "+44123", "+1000000000"))),
    "message-type": ("MessageType", "MessageType", _BAD, st.sampled_from(("BULK", "sms"))),
    "time-to-live": ("TimeToLive", "TimeToLive", _BAD, st.one_of(
        st.integers(max_value=4), st.integers(min_value=259201, max_value=2**31 - 1))),
    "max-price": ("MaxPrice", "MaxPrice", _BAD, st.sampled_from(("1", "100.0", "0.123456", "$1"))),
    "keyword": ("Keyword", "Keyword", _BAD, st.text(min_size=31, max_size=40).filter(
        lambda t: t.strip() == t and "\n" not in t)),
    "context": ("Context", "Context", _BAD, st.dictionaries(
        st.from_regex(r"[a-z]{1,5}", fullmatch=True), st.just("v"), min_size=6, max_size=8)),
    "dry-run": ("DryRun", "DryRun", _BAD, st.sampled_from(("yes", 1, None))),
    "unknown-member": ("Foo", "Foo", _BAD, st.integers()),
    "body-gsm-too-long": ("MessageBody", "MessageBody", "MAXIMUM_SIZE_EXCEEDED",
                          st.integers(1531, 1600).map(lambda n: "a" * n)),
    "body-ucs2-too-long": ("MessageBody", "MessageBody", "MAXIMUM_SIZE_EXCEEDED",
                           st.integers(631, 1600).map(lambda n: "ж" * n)),
    "destination-missing": (None, _DEST, "MISSING_PARAMETER", st.none()),
}  # fmt: skip


@st.composite
def invalid_text_requests(draw: st.DrawFn) -> InvalidV2Request:
    """A valid SendTextMessage body broken by one of :data:`MUTATIONS`."""
    body = draw(text_requests())
    name = draw(st.sampled_from(sorted(MUTATIONS)))
    member, field, reason, values = MUTATIONS[name]
    if member is None:
        del body[_DEST]
    else:
        body[member] = draw(values)
    return InvalidV2Request(body, field, reason, name)
