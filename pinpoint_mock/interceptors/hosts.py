"""The AWS hosts whose calls the interceptors catch, by endpoint prefix (one table for every
interceptor): Pinpoint (``pinpoint``), SES v1 and v2 and the Pinpoint Email API (``email``), End
User Messaging SMS and voice v2 (``sms-voice``) and the Pinpoint SMS and Voice API v1
(``sms-voice.pinpoint``), in every partition, FIPS and dual-stack included, with or without the
trailing dot of a fully qualified name. While a mock is active every call to these hosts stays in
the process: the mock answers it, or refuses it naming the service and the operation."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

MESSAGING: dict[str, tuple[str, ...]] = {
    "pinpoint": ("pinpoint",),
    "email": ("sesv2", "ses", "pinpoint-email"),
    "sms-voice": ("pinpoint-sms-voice-v2",),
    "sms-voice.pinpoint": ("pinpoint-sms-voice",),
}
"""The messaging services behind each endpoint prefix, by botocore's names for them (checked
against botocore's models by the tests)."""

PREFIXES = tuple(MESSAGING)
"""The endpoint prefixes of the messaging services."""

_REST = r"(-fips)?\.[a-z0-9-]+\.(amazonaws\.com(\.cn)?|api\.aws|c2s\.ic\.gov|sc2s\.sgov\.gov)\.?"
_NAMES = "|".join(re.escape(p) for p in sorted(PREFIXES, key=len, reverse=True))
_HOST = re.compile(rf"^({_NAMES}){_REST}$")

SERVICE_URL = re.compile(rf"^https?://({_NAMES}){_REST}(:\d+)?(/|$)", re.IGNORECASE)
"""A URL on one of those hosts (what the ``requests`` interceptor registers)."""


def prefix_of(url: str) -> str | None:
    """The endpoint prefix of a messaging service's URL, or None for any other URL."""
    match = _HOST.match((urlsplit(url).hostname or "").lower())
    return match.group(1) if match else None
