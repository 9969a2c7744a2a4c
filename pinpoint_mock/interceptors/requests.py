"""Serve ``requests`` calls to the messaging services' hosts (``https://pinpoint.<region>.
amazonaws.com``…) from the engine.

Uses a private ``responses.RequestsMock`` (never the global one), so a test's own ``responses``
mocks keep working: every other URL is passed through to whatever ``HTTPAdapter.send`` was
installed before ours (the user's mock, or the real network).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

from ..errors import UnsupportedOperationError
from .hosts import SERVICE_URL, prefix_of
from .messaging import refusal

Answer = Callable[
    [str, str, Mapping[str, str], bytes, str | None], tuple[int, Mapping[str, str], bytes]
]


def available() -> bool:
    """Whether the ``requests`` extra (requests and responses) is installed."""
    from importlib.util import find_spec

    try:
        return find_spec("responses") is not None and find_spec("requests") is not None
    except (ImportError, ValueError):  # blocked, or a module without a spec
        return False


class RequestsInterceptor:
    def __init__(self, answer: Answer) -> None:
        self._answer = answer
        self._mock: Any = None

    def start(self) -> None:
        import requests.adapters
        import responses

        current: Any = requests.adapters.HTTPAdapter.send
        mock = responses.RequestsMock(
            assert_all_requests_are_fired=False, real_adapter_send=current
        )
        for method in ("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"):
            mock.add_callback(method, SERVICE_URL, callback=self._callback)
        mock.add_passthru(re.compile(r".*"))
        mock.start()
        self._mock = mock

    def stop(self) -> None:
        if self._mock is not None:
            self._mock.stop()
            self._mock.reset()
            self._mock = None

    def _callback(self, request: Any) -> tuple[int, dict[str, str], bytes]:
        url = urlsplit(request.url)
        path = url.path + (f"?{url.query}" if url.query else "")
        body = request.body or b""
        if isinstance(body, str):
            body = body.encode()
        elif not isinstance(body, bytes):  # a file-like body
            body = body.read()
        headers = {str(k): str(v) for k, v in request.headers.items()}
        prefix = prefix_of(request.url)
        refused = refusal(prefix, request.method, path, headers, body) if prefix else None
        if refused is not None:
            raise UnsupportedOperationError(refused)
        status, response_headers, payload = self._answer(
            request.method, path, headers, body, prefix
        )
        return status, dict(response_headers), payload
