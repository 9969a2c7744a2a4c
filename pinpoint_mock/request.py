"""One HTTP call as the interceptors and the server hand it to the engine."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

_ATTEMPT = re.compile(r"(?:^|;)\s*attempt=(\d{1,9})\s*(?:;|$)")


@dataclass(frozen=True)
class Request:
    """A call: method, path (with its query), headers, body, who caught it, and the seconds the
    client would have slept before it (botocore's retry back-off, recorded instead of slept)."""

    method: str
    path: str
    headers: Mapping[str, str]
    body: bytes
    transport: str = "botocore"
    backoff: float = 0.0
    service: str | None = None
    """The endpoint prefix the client addressed, when the catcher knows it (botocore's
    ``pinpoint``, ``email``, ``sms-voice``); None: the services' routes decide."""
    attempt: int = field(init=False)
    """The attempt number from botocore's ``amz-sdk-request: attempt=N; max=M`` header."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "attempt", attempt_number(self.headers))

    def header(self, name: str) -> str | None:
        """A header's value, whatever the spelling of its name."""
        return header(self.headers, name)


def header(headers: Mapping[str, str], name: str) -> str | None:
    """``headers[name]``, whatever the spelling of the name; None when absent."""
    value = headers.get(name)
    if value is not None:
        return value
    lowered = name.lower()
    for key, candidate in headers.items():
        if key.lower() == lowered:
            return candidate
    return None


def attempt_number(headers: Mapping[str, str]) -> int:
    """The attempt number from botocore's ``amz-sdk-request: attempt=N; max=M`` header
    (1 without it)."""
    value = header(headers, "amz-sdk-request")
    if value is None:
        return 1
    match = _ATTEMPT.search(value)
    return int(match.group(1)) if match else 1
