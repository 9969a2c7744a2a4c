"""What the inspection API's routes share: the shape of an answer, JSON and HTML answers, the
arguments of a control request and the filters of a message query.

The bottom of the server package: it imports nothing from the server, so the routes
(``inspection``, ``ui``) and the HTTP front (``app``) all build on it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from ..errors import PinpointMockError

if TYPE_CHECKING:
    from ..mock import PinpointMock

#: A route's answer: HTTP status, headers, body.
Answer = tuple[int, dict[str, str], bytes]
#: A parsed query string (``parse_qs``): each name with every value given, in order.
Query = dict[str, list[str]]
#: A route of the inspection API: ``route(mock, method, query, body) -> Answer``.
Route = Callable[["PinpointMock", str, Query, bytes], Answer]

#: The query names that select recorded deliveries, and the ``SentMessage`` fields they match.
MESSAGE_FILTERS: Mapping[str, str] = {
    "applicationId": "application_id",
    "userId": "user_id",
    "endpointId": "endpoint_id",
    "channel": "channel",
    "status": "delivery_status",
    "address": "address",
}

_HTML = "text/html; charset=utf-8"


def json_answer(status: int, payload: Any) -> Answer:
    """``payload`` as a JSON answer."""
    body = json.dumps(payload, ensure_ascii=False).encode()
    return status, {"Content-Type": "application/json"}, body


def error_answer(status: int, message: str) -> Answer:
    """The inspection API's error: ``{"error": message}``."""
    return json_answer(status, {"error": message})


def html_answer(status: int, text: str, **headers: str) -> Answer:
    """An HTML answer that browsers do not cache; ``headers`` are added."""
    return status, {"Content-Type": _HTML, "Cache-Control": "no-store", **headers}, text.encode()


def message_filters(query: Query) -> dict[str, str]:
    """The ``SentMessage`` fields and values a message query selects (the last value of each
    name), for ``mock.sent.filter(**fields)``; an unknown name is an error that lists the
    known ones."""
    unknown = set(query) - set(MESSAGE_FILTERS)
    if unknown:
        raise PinpointMockError(
            f"unknown filter {sorted(unknown)[0]!r}; use {', '.join(MESSAGE_FILTERS)}"
        )
    return {MESSAGE_FILTERS[name]: values[-1] for name, values in query.items()}


def snake_case(name: str) -> str:
    """``statusCode`` -> ``status_code``."""
    return re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower()


def arguments(
    body: bytes, allowed: Mapping[str, type | tuple[type, ...]], required: tuple[str, ...] = ()
) -> dict[str, Any]:
    """The JSON object of a control request, keys in snake_case, checked against ``allowed``
    (names and types) and ``required``."""
    try:
        data = json.loads(body or b"{}")
    except ValueError as exc:
        raise PinpointMockError(f"body is not valid JSON: {exc}") from None
    if not isinstance(data, dict):
        raise PinpointMockError("body must be a JSON object")
    out = {}
    for key, value in data.items():
        name = snake_case(key)
        if name not in allowed:
            raise PinpointMockError(f"unknown field {key!r}; allowed: {', '.join(allowed)}")
        if value is not None and not isinstance(value, allowed[name]):
            raise PinpointMockError(f"field {key!r} has the wrong type: {value!r}")
        out[name] = value
    for name in required:
        if name not in out:
            raise PinpointMockError(f"field {name!r} is required")
    return out
