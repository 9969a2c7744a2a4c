"""The AWS hosts whose calls the interceptors catch, by endpoint prefix (one table for every
interceptor): Pinpoint (``pinpoint``), SES (``email``) and End User Messaging SMS and voice
(``sms-voice``), in every partition, FIPS and dual-stack included, with or without the
trailing dot of a fully qualified name."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

PREFIXES = ("pinpoint", "email", "sms-voice")
"""The endpoint prefixes of the messaging services."""

_REST = r"(-fips)?\.[a-z0-9-]+\.(amazonaws\.com(\.cn)?|api\.aws|c2s\.ic\.gov|sc2s\.sgov\.gov)\.?"
_HOST = re.compile(rf"^({'|'.join(re.escape(p) for p in PREFIXES)}){_REST}$")

SERVICE_URL = re.compile(
    rf"^https?://({'|'.join(re.escape(p) for p in PREFIXES)}){_REST}(:\d+)?(/|$)", re.IGNORECASE
)
"""A URL on one of those hosts (what the ``requests`` interceptor registers)."""


def prefix_of(url: str) -> str | None:
    """The endpoint prefix of a messaging service's URL, or None for any other URL."""
    match = _HOST.match((urlsplit(url).hostname or "").lower())
    return match.group(1) if match else None
