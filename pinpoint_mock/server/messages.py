"""The server's HTTP messages: its limits, a request as the application sees it, the
application's reply, and the bytes of a response (a header that could split it becomes a 500)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from http import HTTPStatus

from ..limits import MAX_PAYLOAD_BYTES
from ..wire import http_date


@dataclass(frozen=True)
class Limits:
    """The server's limits (every one is in docs/security.md)."""

    max_body_bytes: int = MAX_PAYLOAD_BYTES
    """A bigger request body is answered 413 (Pinpoint's own limit is 7 MB)."""
    max_head_bytes: int = 64 * 1024
    """The request line and headers together; more is 431."""
    max_headers: int = 100
    """Header fields in one request; more is 431."""
    max_connections: int = 256
    """Open connections; a new one evicts the longest idle one, or gets 503."""
    idle_timeout: float = 60.0
    """Seconds a connection may wait with no request before it is closed."""
    request_timeout: float = 30.0
    """Seconds from a request's first byte to its last; then 408 and the connection closes."""
    discard_bytes: int = 64 * 1024 * 1024
    """After a 413, at most this many bytes of the refused body are read and thrown away (so the
    client can read the answer) before the connection closes."""
    discard_timeout: float = 5.0
    """...and for at most this many seconds."""


@dataclass
class HttpRequest:
    """One complete request as the application sees it."""

    method: str
    target: str
    headers: dict[str, str]
    body: bytes
    too_large: bool = False
    """The body was over the limit: ``body`` is empty, and the connection closes after the
    answer."""
    keep_alive: bool = True
    """Whether the connection stays open after the answer."""


@dataclass
class Reply:
    """The application's answer."""

    status: int
    headers: Mapping[str, str]
    body: bytes


Application = Callable[[HttpRequest], Reply]
FAILED = Reply(500, {"Content-Type": "text/plain"}, b"internal error")

_TOKEN = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")
_FIELD_VALUE = re.compile(r"^[^\x00-\x08\x0a-\x1f\x7f]*$")
_GOOD_NAMES: set[str] = set()
"""Response header names already checked to be tokens."""
_SKIPPED = frozenset(("content-length", "date", "server", "connection", "transfer-encoding"))


def render(
    status: int, headers: Mapping[str, str], body: bytes, *, close: bool, head: bool
) -> bytes:
    """The bytes of one response; a header the application made that could split the response
    (a name that is not a token, CR, LF or NUL in a value) turns it into a 500."""
    for name, value in headers.items():
        if name not in _GOOD_NAMES:
            if not _TOKEN.match(name):
                return plain(500, "invalid response header")
            if len(_GOOD_NAMES) < 1000:
                _GOOD_NAMES.add(name)
        if not _FIELD_VALUE.match(value):
            return plain(500, "invalid response header")
    if not 100 <= status <= 999:
        return plain(500, "invalid status")
    lines = [f"HTTP/1.1 {status} {_reason(status)}\r\nServer: pinpoint-mock\r\n"]
    lines.append(f"Date: {http_date()}\r\n")
    lines.extend(
        f"{name}: {value}\r\n" for name, value in headers.items() if name.lower() not in _SKIPPED
    )
    if close:
        lines.append("Connection: close\r\n")
    lines.append(f"Content-Length: {len(body)}\r\n\r\n")
    data = "".join(lines).encode("latin-1")
    return data if head else data + body


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def plain(status: int, text: str) -> bytes:
    """A plain-text response that closes the connection."""
    body = text.encode()
    return render(status, {"Content-Type": "text/plain"}, body, close=True, head=False)
