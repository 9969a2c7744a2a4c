"""HTTP shapes in and out, for every rest-json service: a route table from method and path to
an operation, and answers written exactly like the services (status, ``x-amzn-RequestId``,
``x-amzn-ErrorType``, compact JSON)."""

from __future__ import annotations

import functools
import json
import json.encoder
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from email.utils import formatdate
from typing import Any
from urllib.parse import unquote


@dataclass(frozen=True)
class Route:
    """Where a call goes: the operation, and the values its path carries."""

    operation: str
    params: dict[str, str]


class RouteError(Exception):
    """No operation at this method and path: 404, or 405 when the path has other methods."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class RouteTable:
    """A rest-json service's operations by method and path pattern (named groups become the
    route's ``params``)."""

    def __init__(
        self, service: str, routes: tuple[tuple[str, str, str], ...], *, owned: str | None = None
    ) -> None:
        """``owned``: a path prefix under which every call is the service's (else only calls
        that match one of its routes are)."""
        self.service = service
        self.routes = routes
        self.owned = owned
        self._compiled = tuple(
            (method, re.compile(pattern + r"/?$"), op) for method, pattern, op in routes
        )
        # A test sends to the same few paths over and over: answers are kept per method and
        # path (they depend on nothing else; a route's params must not be changed).
        self.route = functools.lru_cache(maxsize=512)(self._route)
        self.claims = functools.lru_cache(maxsize=512)(self._claims)

    @property
    def operations(self) -> tuple[str, ...]:
        return tuple(op for _, _, op in self.routes)

    def find(self, method: str, path: str, headers: Mapping[str, str]) -> Route:
        """The operation of a call (what every service's router offers; a rest-json service
        routes by method and path alone)."""
        return self.route(method, path)

    def owns(self, method: str, path: str, headers: Mapping[str, str]) -> bool:
        """Whether a call is on one of this service's paths (whatever the method)."""
        return self.claims(path)

    def _claims(self, path: str) -> bool:
        """Whether any of this service's paths matches ``path`` (whatever the method)."""
        path = path.split("?", 1)[0]
        if self.owned is not None:
            return path.startswith(self.owned)
        return any(pattern.match(path) for _, pattern, _ in self._compiled)

    def _route(self, method: str, path: str) -> Route:
        """The operation for a method and path; RouteError 404/405 when there is none."""
        path = path.split("?", 1)[0]
        allowed = []
        for route_method, pattern, operation in self._compiled:
            match = pattern.match(path)
            if match is None:
                continue
            if route_method == method.upper():
                return Route(operation, {k: unquote(v) for k, v in match.groupdict().items()})
            allowed.append(route_method)
        if allowed:
            raise RouteError(
                405,
                "MethodNotAllowedException",
                f"Method {method.upper()} is not allowed on {path}; allowed: {', '.join(allowed)}",
            )
        raise RouteError(
            404, "NotFoundException", f"No {self.service} API operation at {method} {path}"
        )


@dataclass
class Response:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    error_code: str | None = None


#: One compact encoder for every answer (json.dumps would build a new one per call).
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_make_c_encoder = getattr(json.encoder, "c_make_encoder", None)
#: The C encoder ``_ENCODER.encode`` makes on every call, made once (answers are trees, so
#: there is no need for its check for cycles). None where the C accelerator is missing.
_C_ENCODER = (
    None
    if _make_c_encoder is None
    else _make_c_encoder(
        None, _ENCODER.default, json.encoder.encode_basestring, None, ":", ",", False, False, True
    )
)


def encode(payload: Any) -> bytes:
    """``payload`` as compact UTF-8 JSON, as the service writes it."""
    if _C_ENCODER is not None:
        return "".join(_C_ENCODER(payload, 0)).encode()
    return _ENCODER.encode(payload).encode()


_date_cache: tuple[int, str] = (0, "")


def http_date() -> str:
    """The current HTTP date, formatted once per second."""
    global _date_cache
    now = int(time.time())
    if _date_cache[0] != now:
        _date_cache = (now, formatdate(now, usegmt=True))
    return _date_cache[1]


def _headers(request_id: str, length: int) -> dict[str, str]:
    return {
        "Content-Type": "application/json",
        "Content-Length": str(length),
        "Date": http_date(),
        "x-amzn-RequestId": request_id,
    }


#: A string as a JSON string literal, quotes included (what the encoder writes for it).
quote: Callable[[str], str] = json.encoder.encode_basestring


def json_response(status: int, payload: Any, request_id: str) -> Response:
    body = encode(payload)
    return Response(status, body, _headers(request_id, len(body)))


def text_response(status: int, text: str, request_id: str) -> Response:
    """An answer whose JSON the caller wrote itself (with :data:`quote` for every string)."""
    body = text.encode()
    return Response(status, body, _headers(request_id, len(body)))


def error_response(status: int, code: str, message: str, request_id: str) -> Response:
    """An error exactly as botocore and the JS SDK decode it."""
    payload = {"Message": message, "RequestID": request_id}
    body = encode(payload)
    headers = _headers(request_id, len(body))
    headers["x-amzn-ErrorType"] = code
    return Response(status, body, headers, error_code=code)
