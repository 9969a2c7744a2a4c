"""The AWS hosts whose calls the interceptors catch (one pattern for every interceptor)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

PINPOINT_HOST = r"pinpoint(-fips)?\.[a-z0-9-]+\.(amazonaws\.com(\.cn)?|api\.aws)"
"""Pinpoint's regional hosts, FIPS and China partitions and dual-stack ``api.aws`` included."""

PINPOINT_URL = re.compile(rf"^https?://{PINPOINT_HOST}(:\d+)?/")
"""A URL on one of those hosts (what the ``requests`` interceptor registers)."""

_HOST = re.compile(rf"^{PINPOINT_HOST}$")


def is_pinpoint_url(url: str) -> bool:
    """Whether ``url`` is on one of Pinpoint's hosts."""
    return _HOST.match(urlsplit(url).hostname or "") is not None
