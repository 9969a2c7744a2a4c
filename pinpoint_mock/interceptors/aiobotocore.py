"""Serve aiobotocore clients (and aioboto3's, which are aiobotocore's) from the mock.

aiobotocore's endpoint (``aiobotocore.endpoint.AioEndpoint``) overrides botocore's ``_send`` with
a coroutine that hands the signed request to aiohttp. While a mock is active that coroutine is
wrapped exactly as botocore's ``_send`` is (:mod:`.botocore`): a messaging service's call is
answered by the innermost mock (or refused when the mock does not serve its service) and never
reaches aiohttp; every other call goes on as before. The back-off aiobotocore sleeps before a
retry of such a call (``asyncio.sleep`` in its endpoint) is recorded instead of slept, and its
signer signs with the fake credentials when the client has none, as botocore's does.

aiobotocore is imported when the first mock starts if it is installed (so a client made after
the mock started, from a module imported late, is caught too); nothing is patched otherwise.
"""

from __future__ import annotations

import contextvars
import importlib
import importlib.util
import threading
from typing import Any

from . import botocore
from .environment import FAKE_ENVIRONMENT
from .hosts import MESSAGING

_lock = threading.Lock()
_saved: dict[str, Any] = {}
_active = 0

_messaging: contextvars.ContextVar[bool] = contextvars.ContextVar("messaging", default=False)
_backoff: contextvars.ContextVar[float] = contextvars.ContextVar("backoff", default=0.0)


class AsyncRawBody:
    """What aiobotocore reads a response body from (its ``AioAWSResponse``'s ``raw``)."""

    def __init__(self, body: bytes) -> None:
        self._body = body

    async def read(self, amt: int | None = None) -> bytes:
        if amt is None or amt < 0:
            data, self._body = self._body, b""
        else:
            data, self._body = self._body[:amt], self._body[amt:]
        return data


async def _send(endpoint: Any, request: Any) -> Any:
    target = botocore.current()
    prefix = getattr(endpoint, "_endpoint_prefix", None)
    if target is None or prefix not in MESSAGING:
        _messaging.set(False)
        return await _saved["send"](endpoint, request)
    _messaging.set(True)
    backoff = _backoff.get()
    if backoff:
        _backoff.set(0.0)
    status, headers, body = botocore.respond(target, prefix, request, backoff, "aiobotocore")
    return _saved["response"](request.url, status, headers, AsyncRawBody(body))


class _AsyncClock:
    """Stands in for ``asyncio`` inside aiobotocore's endpoint: back-off before a retry of a
    messaging service's call is recorded on the next call (of the same task) instead of slept."""

    def __init__(self, real: Any) -> None:
        self._real = real

    async def sleep(self, seconds: float, result: Any = None) -> Any:
        if _messaging.get():
            _backoff.set(_backoff.get() + float(seconds))
            return result
        return await self._real.sleep(seconds, result)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._real, name)


async def _sign(signer: Any, *args: Any, **kwargs: Any) -> Any:
    """aiobotocore's ``get_auth_instance`` while a mock is active: a messaging service's client
    without credentials signs with the fake ones, for this call only."""
    if len(args) < 4 and botocore.fake_credentials(signer, kwargs.get("request_credentials")):
        credentials = importlib.import_module("aiobotocore.credentials")
        kwargs["request_credentials"] = credentials.AioCredentials(
            FAKE_ENVIRONMENT["AWS_ACCESS_KEY_ID"], FAKE_ENVIRONMENT["AWS_SECRET_ACCESS_KEY"]
        )
    return await _saved["auth"](signer, *args, **kwargs)


def _load() -> tuple[Any, Any, Any] | None:
    """aiobotocore's endpoint, response and signer modules, or None when it is not installed
    (or cannot be imported beside this botocore, so no client of it can be made either)."""
    try:
        if importlib.util.find_spec("aiobotocore") is None:
            return None
        return (
            importlib.import_module("aiobotocore.endpoint"),
            importlib.import_module("aiobotocore.awsrequest"),
            importlib.import_module("aiobotocore.signers"),
        )
    except Exception:  # an aiobotocore that does not import makes no client to catch
        return None


def install() -> None:
    """Patch aiobotocore (when installed) for one more active mock."""
    global _active
    with _lock:
        _active += 1
        if _active > 1 or "send" in _saved:
            return
        modules = _load()
        if modules is None:
            return
        endpoint, awsrequest, signers = modules
        _saved["endpoint"] = endpoint
        _saved["send"] = endpoint.AioEndpoint._send
        _saved["asyncio"] = endpoint.asyncio
        _saved["response"] = awsrequest.AioAWSResponse
        _saved["signer"] = signers.AioRequestSigner
        _saved["auth"] = signers.AioRequestSigner.get_auth_instance
        endpoint.AioEndpoint._send = _send
        endpoint.asyncio = _AsyncClock(_saved["asyncio"])
        signers.AioRequestSigner.get_auth_instance = _sign


def uninstall() -> None:
    """One active mock less; the last restores everything :func:`install` patched."""
    global _active
    with _lock:
        _active = max(0, _active - 1)
        if _active or "send" not in _saved:
            return
        endpoint = _saved.pop("endpoint")
        endpoint.AioEndpoint._send = _saved.pop("send")
        endpoint.asyncio = _saved.pop("asyncio")
        _saved.pop("signer").get_auth_instance = _saved.pop("auth")
        _saved.pop("response")


def patched() -> bool:
    """Whether aiobotocore is patched now."""
    return "send" in _saved
