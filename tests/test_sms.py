from __future__ import annotations

import pytest

from pinpoint_mock.sms import analyse


@pytest.mark.parametrize(
    ("text", "encoding", "units", "segments"),
    [
        ("", "GSM-7", 0, 1),
        ("a" * 160, "GSM-7", 160, 1),
        ("a" * 161, "GSM-7", 161, 2),
        ("a" * 306, "GSM-7", 306, 2),
        ("a" * 307, "GSM-7", 307, 3),
        ("€" * 80, "GSM-7", 160, 1),  # extension characters take two septets
        ("€" * 81, "GSM-7", 162, 2),
        ("ж" * 70, "UCS-2", 70, 1),
        ("ж" * 71, "UCS-2", 71, 2),
        ("😀" * 35, "UCS-2", 70, 1),  # surrogate pairs count two UTF-16 units
        ("hello 😀", "UCS-2", 8, 1),
    ],
)
def test_encoding_units_and_segments(text: str, encoding: str, units: int, segments: int) -> None:
    info = analyse(text)
    assert (info.encoding, info.units, info.segments) == (encoding, units, segments)


def test_limits() -> None:
    assert not analyse("a" * 1530).too_long
    assert analyse("a" * 1531).too_long
    assert not analyse("a" * 1600).exceeds(1600)
    assert analyse("ж" * 631).too_long
    assert analyse("ж" * 631).limit == 630


def test_a_lone_surrogate_is_one_ucs2_unit_not_an_encoding_error() -> None:
    info = analyse("hi \ud800")  # UnicodeEncodeError before
    assert (info.encoding, info.units, info.characters, info.segments) == ("UCS-2", 4, 4, 1)
    assert analyse("\U0001f600").units == 2  # an astral character: a surrogate pair
