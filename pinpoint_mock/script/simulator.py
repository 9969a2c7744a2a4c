"""Simulator addresses: addresses that ask for a delivery status by their shape.

Email ``name+<status>@domain`` (``+throttled``, ``+opt-out``...), phone numbers
``+99955501NN`` (``00`` successful to ``05`` opt-out) and push tokens ``<status>-...`` decide
a delivery when no rule does, unless the simulator is switched off.

The phone numbers use the country code 999, which no country has (ITU-T E.164 keeps it spare),
so no real or fictional number a test types (``+1 NPA 555-01NN`` is the range films use) hits
them by chance (earlier development versions used ``+1NPA55501NN``). AWS's own SMS simulator
numbers are SMS and voice v2's (``services/sms_voice_v2/numbers.py``).
"""

from __future__ import annotations

import re

from ..models import PUSH_CHANNELS
from .decisions import STATUS_DEFAULTS, Decision

SMS_OPT_OUT_MESSAGE = "Destination phone number opted out"


def simulated_decision(status: str, channel: str, address: str) -> Decision:
    """The decision a simulator address asks for (an SMS opt-out says what carriers say)."""
    code, message = STATUS_DEFAULTS[status]
    if status == "OPT_OUT" and channel == "SMS":
        message = SMS_OPT_OUT_MESSAGE
    return Decision(status, code, message, f"simulator:{address}")


_EMAIL_TAGS = {
    "success": "SUCCESSFUL",
    "throttled": "THROTTLED",
    "temporary-failure": "TEMPORARY_FAILURE",
    "permanent-failure": "PERMANENT_FAILURE",
    "unknown-failure": "UNKNOWN_FAILURE",
    "opt-out": "OPT_OUT",
}
_PHONE = re.compile(r"^\+99955501(\d\d)$")
"""The project's phone simulator numbers: ``+999 555 01NN``."""
PHONE_PREFIX = "+99955501"
_PHONE_CODES = {
    "00": "SUCCESSFUL",
    "01": "THROTTLED",
    "02": "TEMPORARY_FAILURE",
    "03": "PERMANENT_FAILURE",
    "04": "UNKNOWN_FAILURE",
    "05": "OPT_OUT",
}
_PUSH_TAG = re.compile(
    r"^(success|throttled|temporary-failure|permanent-failure|unknown-failure|opt-out)-"
)
_EMAIL_TAG = re.compile(r"^[^@+]*\+([a-z-]+)@", re.IGNORECASE)


#: What every simulator address of a channel contains: an address without it is ordinary.
SIMULATOR_MARKERS = {
    "EMAIL": "+",
    "SMS": PHONE_PREFIX,
    "VOICE": PHONE_PREFIX,
    **dict.fromkeys(PUSH_CHANNELS, "-"),
}


def simulated_status(channel: str, address: str) -> str | None:
    """The status a simulator address asks for, or None for an ordinary address."""
    if channel == "EMAIL":
        if "+" not in address:
            return None
        match = _EMAIL_TAG.match(address)
        return _EMAIL_TAGS.get(match.group(1).lower()) if match else None
    if channel in ("SMS", "VOICE"):
        if len(address) != 11 or not address.startswith(PHONE_PREFIX):
            return None
        match = _PHONE.match(address)
        return _PHONE_CODES.get(match.group(1)) if match else None
    if channel in PUSH_CHANNELS and "-" in address:
        tag = _PUSH_TAG.match(address)
        return _EMAIL_TAGS.get(tag.group(1)) if tag else None
    return None
