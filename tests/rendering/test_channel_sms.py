"""A channel's SMS facts: encoding and segments of the rendered body (cached per text, and per
length for GSM 03.38 basic text), and the basic-character test behind that cache."""

from __future__ import annotations

import pytest

from pinpoint_mock import sms
from pinpoint_mock.rendering import render
from pinpoint_mock.rendering.channel import gsm_basic
from tests.rendering.helpers import endpoint, sms_body


@pytest.mark.parametrize(
    ("body", "encoding", "segments"),
    [
        ("a" * 160, "GSM-7", 1),
        ("a" * 161, "GSM-7", 2),
        ("€" * 81, "GSM-7", 2),
        ("ж" * 70, "UCS-2", 1),
        ("ж" * 71, "UCS-2", 2),
        ("hello 😀", "UCS-2", 1),
    ],
)
def test_sms_encoding_and_segments(body: str, encoding: str, segments: int) -> None:
    rendered = sms_body(body)
    assert (rendered.sms_encoding, rendered.sms_segments) == (encoding, segments)


def test_sms_encoding_is_measured_after_substitution() -> None:
    rendered = sms_body("Hi {{Name}}", {"Substitutions": {"Name": ["Жанна"]}})
    assert rendered.body == "Hi Жанна"
    assert rendered.sms_encoding == "UCS-2"
    long = sms_body("{{Text}}", {"Substitutions": {"Text": ["x" * 200]}})
    assert (long.sms_encoding, long.sms_segments) == ("GSM-7", 2)


def test_non_sms_channels_have_no_sms_facts() -> None:
    rendered = render("VOICE", {"VoiceMessage": {"Body": "ж"}}, None, endpoint("VOICE"))
    assert (rendered.sms_encoding, rendered.sms_segments) == (None, None)


def test_the_gsm_basic_test_agrees_with_the_character_set_for_every_character() -> None:
    for code in [*range(0x3000), 0x1F600, 0x10FFFF]:
        char = chr(code)
        assert gsm_basic(char) is (char in sms.GSM_BASIC), hex(code)
        assert gsm_basic("Hi " + char + " there") is (char in sms.GSM_BASIC), hex(code)
    assert gsm_basic("")
