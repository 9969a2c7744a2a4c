"""Serve every botocore Pinpoint client from the engine, at the HTTP layer.

While at least one mock is active, ``botocore.endpoint.Endpoint._send`` is wrapped: requests of
clients whose endpoint prefix is a messaging service's (:data:`~.hosts.MESSAGING`; clients created
before or after the mock started, any endpoint URL) are answered by the innermost active mock,
after botocore has serialized and signed them, so the wire body is what gets validated, or refused
when the mock does not serve their service (:mod:`.messaging`). Everything else goes to the
original ``_send``. botocore's retry back-off sleeps are recorded instead of slept for those
calls. A client of a messaging service made without credentials signs with the fake ones while a
mock is active (:func:`_sign`). moto's ``before-send`` stubber is told to let the mock's calls
through while a mock is active. Nothing is patched before the first mock starts, and everything
is restored when the last stops.
"""

from __future__ import annotations

import io
import sys
import threading
import warnings
from collections.abc import Iterator, Mapping
from typing import Any, Protocol
from urllib.parse import urlsplit

from ..errors import PinpointContractWarning, UnsupportedOperationError
from .callers import stacklevel
from .environment import FAKE_ENVIRONMENT
from .hosts import MESSAGING, prefix_of
from .messaging import refusal


class Answerer(Protocol):
    """What the interceptor needs from a mock."""

    def answer(
        self,
        method: str,
        path: str,
        headers: Mapping[str, str],
        body: bytes,
        backoff: float,
        transport: str = "botocore",
        service: str | None = None,
    ) -> tuple[int, Mapping[str, str], bytes, tuple[str, ...]]: ...

    def handles(self, method: str, path: str, headers: Mapping[str, str], prefix: str) -> bool: ...


_lock = threading.RLock()
_stack: list[Answerer] = []
_saved: dict[str, Any] = {}
_local = threading.local()


class RawBody(io.BytesIO):
    """What botocore reads a response body from (an ``AWSResponse``'s ``raw``)."""

    def stream(self, **kwargs: Any) -> Iterator[bytes]:
        contents = self.read()
        while contents:
            yield contents
            contents = self.read()


def _body_bytes(body: Any) -> bytes:
    if body is None:
        return b""
    if isinstance(body, bytes):
        return body
    if isinstance(body, str):
        return body.encode()
    if hasattr(body, "read"):
        data = body.read()
        if hasattr(body, "seek"):
            body.seek(0)
        return data if isinstance(data, bytes) else str(data).encode()
    return bytes(body)


def _headers(headers: Any) -> dict[str, str]:
    """A prepared request's headers as a plain dict of text. botocore's ``HeadersDict`` makes a
    case-insensitive key object per lookup and per key it yields, so its items are read from its
    inner dict (keys kept with their original case in ``_key``) when it has one."""
    inner = getattr(headers, "_dict", None)
    if inner.__class__ is dict:
        try:
            plain = {}
            for key, value in inner.items():  # a loop: a comprehension is one more call
                plain[key._key] = value.decode() if value.__class__ is bytes else _text(value)
            return plain
        except AttributeError:  # not botocore's keys after all
            pass
    return {str(key): _text(value) for key, value in headers.items()}


def _text(value: Any) -> str:
    if value.__class__ is str:
        return value
    return value.decode() if isinstance(value, bytes) else str(value)


_PATHS: dict[str, str] = {}
"""The path (and query) of each request URL seen (a suite sends to a few URLs, over and over)."""


def _path(url: str) -> str:
    path = _PATHS.get(url)
    if path is None:
        parts = urlsplit(url)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if len(_PATHS) >= 512:
            _PATHS.clear()
        _PATHS[url] = path
    return path


def current() -> Answerer | None:
    """The innermost active mock, or None."""
    # Reading it needs no lock: indexing a list is atomic, and install and uninstall change the
    # stack under the lock.
    try:
        return _stack[-1]
    except IndexError:
        return None


def respond(
    target: Answerer, prefix: str, request: Any, backoff: float, transport: str = "botocore"
) -> tuple[int, Mapping[str, str], bytes]:
    """The mock's answer to a prepared request of a client whose endpoint prefix is one of the
    messaging services'; raises :class:`UnsupportedOperationError` for a call to a messaging
    service the mock does not serve (fail closed: it never reaches the network)."""
    path = _path(request.url)
    headers = _headers(request.headers)
    body = _body_bytes(request.body)
    refused = refusal(prefix, request.method, path, headers, body)
    if refused is not None:
        raise UnsupportedOperationError(refused)
    status, response_headers, payload, notes = target.answer(
        request.method, path, headers, body, backoff, transport, prefix
    )
    for note in notes:
        warnings.warn(PinpointContractWarning(note), stacklevel=stacklevel())
    return status, response_headers, payload


def _answer(endpoint: Any, request: Any) -> Any:
    target = current()
    prefix = getattr(endpoint, "_endpoint_prefix", None)
    if target is None or prefix not in MESSAGING:
        _local.pinpoint = False
        return _saved["send"](endpoint, request)
    local = _local
    local.pinpoint = True
    backoff = getattr(local, "backoff", 0.0)
    if backoff:
        local.backoff = 0.0
    status, response_headers, body = respond(target, prefix, request, backoff)
    # AWSResponse copies the headers into its own HeadersDict.
    return _saved["response"](request.url, status, response_headers, RawBody(body))


class _Clock:
    """Stands in for ``time`` inside botocore.endpoint: back-off before a Pinpoint retry is
    recorded on the next call instead of slept."""

    def __init__(self, real: Any) -> None:
        self._real = real

    def sleep(self, seconds: float) -> None:
        if getattr(_local, "pinpoint", False):
            _local.backoff = getattr(_local, "backoff", 0.0) + float(seconds)
            return
        self._real.sleep(seconds)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


SIGNED_BY_THE_MOCK = frozenset(name for names in MESSAGING.values() for name in names)
"""The services whose clients made without credentials sign with fake ones while a mock is
active (their calls never leave the process)."""


def fake_credentials(signer: Any, request_credentials: Any) -> bool:
    """Whether ``signer`` (a client's RequestSigner) has no credentials to sign a call to a
    messaging service with (then the fake ones stand in, for this call only)."""
    if request_credentials is not None or getattr(signer, "_credentials", None) is not None:
        return False
    service_id = getattr(signer, "_service_id", None)
    return service_id is not None and service_id.hyphenize() in SIGNED_BY_THE_MOCK


def _sign(signer: Any, *args: Any, **kwargs: Any) -> Any:
    """``RequestSigner.get_auth_instance`` while a mock is active: a messaging service's client
    made before the mock without credentials (botocore resolves them when the client is made)
    signs with the fake ones, passed for this call only; nothing is cached anywhere."""
    if len(args) < 4 and fake_credentials(signer, kwargs.get("request_credentials")):
        from botocore.credentials import Credentials

        kwargs["request_credentials"] = Credentials(
            FAKE_ENVIRONMENT["AWS_ACCESS_KEY_ID"], FAKE_ENVIRONMENT["AWS_SECRET_ACCESS_KEY"]
        )
    return _saved["auth"](signer, *args, **kwargs)


def _patch_moto() -> None:
    module = sys.modules.get("moto.core.botocore_stubber")
    if module is None or "moto" in _saved:
        return
    stubber = module.BotocoreStubber
    original = stubber.__call__

    def call(self: Any, event_name: str, request: Any, **kwargs: Any) -> Any:
        with _lock:
            target = _stack[-1] if _stack else None
        prefix = prefix_of(request.url) if target is not None else None
        if target is not None and prefix is not None:
            url = urlsplit(request.url)
            path = url.path + (f"?{url.query}" if url.query else "")
            if target.handles(request.method, path, _headers(request.headers), prefix):
                return None  # ours: let it reach Endpoint._send
        return original(self, event_name, request, **kwargs)

    _saved["moto"] = (stubber, original)
    stubber.__call__ = call


def install(target: Answerer) -> None:
    """Route Pinpoint calls to ``target`` until :func:`uninstall` (mocks nest)."""
    import botocore.endpoint
    from botocore.awsrequest import AWSResponse
    from botocore.signers import RequestSigner

    with _lock:
        if not _stack:
            _saved["response"] = AWSResponse
            _saved["send"] = botocore.endpoint.Endpoint._send
            _saved["time"] = botocore.endpoint.time
            _saved["auth"] = RequestSigner.get_auth_instance
            botocore.endpoint.Endpoint._send = _answer
            botocore.endpoint.time = _Clock(_saved["time"])
            RequestSigner.get_auth_instance = _sign
        _patch_moto()
        _stack.append(target)


def uninstall(target: Answerer) -> None:
    import botocore.endpoint

    with _lock:
        if target in _stack:
            _stack.remove(target)
        if _stack:
            return
        if "send" in _saved:
            from botocore.signers import RequestSigner

            botocore.endpoint.Endpoint._send = _saved.pop("send")
            botocore.endpoint.time = _saved.pop("time")
            RequestSigner.get_auth_instance = _saved.pop("auth")
        if "moto" in _saved:
            stubber, original = _saved.pop("moto")
            stubber.__call__ = original


def active() -> bool:
    return bool(_stack)
