"""The services' documented limits, in one place (every module that checks one reads it here),
and the server's default port."""

from __future__ import annotations

#: Pinpoint refuses API payloads over 7 MB (413 PayloadTooLargeException).
MAX_PAYLOAD_BYTES = 7 * 1024 * 1024
#: Pinpoint keeps at most 15 endpoints per user id.
MAX_ENDPOINTS_PER_USER = 15
#: The port ``pinpoint-mock serve`` listens on by default (a default, not a service limit: here
#: so the command line can name it without importing the server).
DEFAULT_PORT = 4599
