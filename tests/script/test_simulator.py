"""Simulator addresses: the status each asks for, and the channel markers that rule others out."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pinpoint_mock.script import SIMULATOR_MARKERS, Script, simulated_status


@pytest.mark.parametrize(
    ("channel", "address", "status"),
    [
        ("EMAIL", "ana+throttled@example.com", "THROTTLED"),
        ("EMAIL", "ana+temporary-failure@example.com", "TEMPORARY_FAILURE"),
        ("EMAIL", "ana+permanent-failure@example.com", "PERMANENT_FAILURE"),
        ("EMAIL", "ana+unknown-failure@example.com", "UNKNOWN_FAILURE"),
        ("EMAIL", "ana+opt-out@example.com", "OPT_OUT"),
        ("EMAIL", "ana+news@example.com", None),
        ("EMAIL", "ana@example.com", None),
        ("SMS", "+9995550100", "SUCCESSFUL"),
        ("SMS", "+9995550101", "THROTTLED"),
        ("SMS", "+9995550102", "TEMPORARY_FAILURE"),
        ("SMS", "+9995550103", "PERMANENT_FAILURE"),
        ("VOICE", "+9995550104", "UNKNOWN_FAILURE"),
        ("SMS", "+9995550105", "OPT_OUT"),
        ("SMS", "+9995550199", None),
        ("SMS", "+99955501011", None),
        # The fictional range people type is an ordinary number (the old simulator numbers).
        ("SMS", "+12065550100", None),
        ("SMS", "+12065550101", None),
        ("VOICE", "+14255550105", None),
        ("SMS", "+442065550101", None),
        ("APNS", "throttled-abc123", "THROTTLED"),
        ("GCM", "permanent-failure-xyz", "PERMANENT_FAILURE"),
        ("GCM", "abc-throttled", None),
    ],
)
def test_simulator_addresses(channel: str, address: str, status: str | None) -> None:
    assert simulated_status(channel, address) == status


@pytest.mark.parametrize(
    ("channel", "address"),
    [
        ("EMAIL", "ana+throttled@example.com"),
        ("EMAIL", "Ana+Opt-Out@example.com"),
        ("SMS", "+9995550101"),
        ("VOICE", "+9995550105"),
        ("APNS", "permanent-failure-abc"),
        ("GCM", "unknown-failure-1"),
        ("BAIDU", "throttled-1"),
    ],
)
def test_every_simulator_address_holds_its_channel_marker(channel: str, address: str) -> None:
    assert simulated_status(channel, address) is not None
    assert SIMULATOR_MARKERS[channel] in address
    assert Script().simulator_marker(channel) == SIMULATOR_MARKERS[channel]
    assert Script(simulator=False).simulator_marker(channel) is None


@settings(max_examples=300)
@given(st.sampled_from(sorted(SIMULATOR_MARKERS)), st.text(alphabet="+-@.abc15023ort", max_size=20))
def test_an_address_without_the_marker_is_never_simulated(channel: str, address: str) -> None:
    if SIMULATOR_MARKERS[channel] not in address:
        assert simulated_status(channel, address) is None
