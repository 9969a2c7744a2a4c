"""Checks of the factories' arguments: each bad value gets a sentence naming what is allowed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from ..errors import PinpointMockError
from ..limits import MAX_ENDPOINTS_PER_USER
from ..models import CHANNELS
from .countries import COUNTRIES

if TYPE_CHECKING:
    from ..models import Channel

#: The ways applications spell Pinpoint user ids.
USER_ID_STYLES = ("uuid", "cognito", "integer")


def channel_name(channel: str) -> Channel:
    """``"sms"`` -> ``"SMS"``; an unknown channel is an error."""
    upper = str(channel).upper()
    if upper not in CHANNELS:
        raise PinpointMockError(f"channel {channel!r} is not one of {', '.join(CHANNELS)}")
    return upper


def names_in(items: Iterable[str] | str) -> list[str]:
    """``["SMS,EMAIL", "APNS"]`` or ``"SMS EMAIL"`` -> ``["SMS", "EMAIL", …]``."""
    if isinstance(items, str):
        items = [items]
    return [name for item in items for name in str(item).replace(",", " ").split()]


def parse_channels(channels: Iterable[str] | str) -> tuple[Channel, ...]:
    """Channel names, upper-cased and checked: a list, or a string such as ``"SMS,EMAIL"``."""
    found = tuple(dict.fromkeys(channel_name(c) for c in names_in(channels)))
    if not found:
        raise PinpointMockError("channels must name at least one channel")
    return found


def country_code(country: str) -> str:
    """``"gb"`` -> ``"GB"``; a country outside :data:`COUNTRIES` is an error."""
    code = str(country).upper()
    if code not in COUNTRIES:
        raise PinpointMockError(f"country {country!r} is not one of {', '.join(COUNTRIES)}")
    return code


def country_codes(countries: Iterable[str] | str | None) -> list[str]:
    """Checked country codes (a list or ``"US,GB"``); None: every country of the table."""
    if countries is None:
        return list(COUNTRIES)
    codes = list(dict.fromkeys(country_code(c) for c in names_in(countries)))
    if not codes:
        raise PinpointMockError("countries must name at least one country")
    return codes


def id_style(style: str) -> str:
    if style not in USER_ID_STYLES:
        raise PinpointMockError(f"id_style {style!r} is not one of {', '.join(USER_ID_STYLES)}")
    return style


def rate(name: str, value: float) -> float:
    """A probability, 0 to 1."""
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise PinpointMockError(f"{name} must be a number from 0 to 1, got {value!r}")
    return float(value)


def count(name: str, value: Any, low: int = 0, high: int | None = None) -> int:
    """An integer from ``low`` to ``high``."""
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise PinpointMockError(f"{name} must be an integer >= {low}, got {value!r}")
    if high is not None and value > high:
        raise PinpointMockError(f"{name} must be at most {high}, got {value!r}")
    return value


def per_user(value: int | tuple[int, int] | None) -> tuple[int, int] | None:
    """``endpoints_per_user``: N, or a ``(low, high)`` range, at most 15 (the service's limit)."""
    if value is None:
        return None
    if isinstance(value, tuple):
        if len(value) != 2:
            raise PinpointMockError(f"endpoints_per_user range must be (low, high), got {value!r}")
        low = count("endpoints_per_user", value[0], 0, MAX_ENDPOINTS_PER_USER)
        high = count("endpoints_per_user", value[1], low, MAX_ENDPOINTS_PER_USER)
        return low, high
    number = count("endpoints_per_user", value, 0, MAX_ENDPOINTS_PER_USER)
    return number, number
