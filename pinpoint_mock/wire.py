"""HTTP shapes in and out: routing a method and path to an operation, and building answers
exactly like the service (status, ``x-amzn-RequestId``, ``x-amzn-ErrorType``, JSON body)."""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from typing import Any
from urllib.parse import unquote

#: (method, path pattern, operation) for every operation the engine answers.
ROUTES: tuple[tuple[str, str, str], ...] = (
    ("POST", r"/v1/apps/(?P<application_id>[^/]*)/users-messages", "SendUsersMessages"),
    ("POST", r"/v1/apps/(?P<application_id>[^/]*)/messages", "SendMessages"),
    (
        "PUT",
        r"/v1/apps/(?P<application_id>[^/]*)/endpoints/(?P<endpoint_id>[^/]+)",
        "UpdateEndpoint",
    ),
    ("PUT", r"/v1/apps/(?P<application_id>[^/]*)/endpoints", "UpdateEndpointsBatch"),
    ("GET", r"/v1/apps/(?P<application_id>[^/]*)/endpoints/(?P<endpoint_id>[^/]+)", "GetEndpoint"),
    (
        "DELETE",
        r"/v1/apps/(?P<application_id>[^/]*)/endpoints/(?P<endpoint_id>[^/]+)",
        "DeleteEndpoint",
    ),
    ("GET", r"/v1/apps/(?P<application_id>[^/]*)/users/(?P<user_id>[^/]+)", "GetUserEndpoints"),
    (
        "DELETE",
        r"/v1/apps/(?P<application_id>[^/]*)/users/(?P<user_id>[^/]+)",
        "DeleteUserEndpoints",
    ),
)
_COMPILED = tuple((method, re.compile(pattern + r"/?$"), op) for method, pattern, op in ROUTES)


@dataclass(frozen=True)
class Route:
    operation: str
    params: dict[str, str]


class RouteError(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def route(method: str, path: str) -> Route:
    """The operation for a method and path; RouteError 404/405 when there is none."""
    path = path.split("?", 1)[0]
    allowed = []
    for route_method, pattern, operation in _COMPILED:
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
    raise RouteError(404, "NotFoundException", f"No Pinpoint API operation at {method} {path}")


@dataclass
class Response:
    status: int
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)
    error_code: str | None = None


#: One compact encoder for every answer (json.dumps would build a new one per call).
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
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


def json_response(status: int, payload: Any, request_id: str) -> Response:
    body = _ENCODER.encode(payload).encode()
    return Response(status, body, _headers(request_id, len(body)))


def error_response(status: int, code: str, message: str, request_id: str) -> Response:
    """An error exactly as botocore and the JS SDK decode it."""
    payload = {"Message": message, "RequestID": request_id}
    body = _ENCODER.encode(payload).encode()
    headers = _headers(request_id, len(body))
    headers["x-amzn-ErrorType"] = code
    return Response(status, body, headers, error_code=code)
