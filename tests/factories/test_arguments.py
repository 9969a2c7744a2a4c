"""Bad arguments to the factories get a sentence naming what is allowed."""

from __future__ import annotations

import re
from typing import Any

import pytest

from pinpoint_mock.errors import PinpointMockError
from pinpoint_mock.factories import (
    COUNTRIES,
    USER_ID_STYLES,
    PinpointFactory,
    arguments,
    parse_channels,
)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"channels": ("SMS", "FAX")}, "channel 'FAX' is not one of PUSH, GCM"),
        ({"channels": ()}, "channels must name at least one channel"),
        ({"endpoints_per_user": 16}, "endpoints_per_user must be at most 15"),
        ({"endpoints_per_user": (3, 1)}, "endpoints_per_user must be an integer >= 3"),
        ({"endpoints_per_user": (1, 2, 3)}, "endpoints_per_user range must be (low, high)"),
        ({"opt_out_rate": -0.1}, "opt_out_rate must be a number from 0 to 1"),
        ({"inactive_rate": True}, "inactive_rate must be a number from 0 to 1"),
        ({"country": "XX"}, "country 'XX' is not one of US, CA"),
    ],
)
def test_bad_arguments_get_clear_errors(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(PinpointMockError, match=re.escape(message)):
        PinpointFactory(seed=1).users(2, **kwargs)


def test_channel_and_country_lists_are_read_in_every_spelling() -> None:
    assert parse_channels("sms,email") == ("SMS", "EMAIL")
    assert parse_channels(["SMS EMAIL", "apns", "SMS"]) == ("SMS", "EMAIL", "APNS")
    assert arguments.country_codes("us gb,us") == ["US", "GB"]
    assert arguments.country_codes(None) == list(COUNTRIES)
    with pytest.raises(PinpointMockError, match="countries must name at least one country"):
        arguments.country_codes([])


def test_counts_rates_and_styles() -> None:
    assert arguments.per_user(None) is None
    assert arguments.per_user(3) == (3, 3)
    assert arguments.per_user((0, 15)) == (0, 15)
    assert arguments.rate("r", 1) == 1.0
    assert arguments.count("n", 0) == 0
    with pytest.raises(PinpointMockError, match="batch must be at most 100, got 101"):
        arguments.count("batch", 101, 1, 100)
    with pytest.raises(PinpointMockError, match=r"users must be an integer >= 0, got 2\.0"):
        arguments.count("users", 2.0)
    assert [arguments.id_style(s) for s in USER_ID_STYLES] == list(USER_ID_STYLES)
    with pytest.raises(PinpointMockError, match=r"seed must be an int or a str, got 1\.5"):
        PinpointFactory(1.5)  # type: ignore[arg-type]
