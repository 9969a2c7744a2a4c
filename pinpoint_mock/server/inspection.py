"""The inspection and control API under ``/_aws/pinpoint/`` (LocalStack's ``/_aws/ses`` style).

GET    health                      liveness, version, implemented operations
GET    messages?applicationId=&userId=&endpointId=&channel=&status=&address=
DELETE messages                    forget recorded deliveries (same filters select none: all)
GET    calls                       every HTTP call, retries included
GET    endpoints?applicationId=&userId=
POST   endpoints                   {"userId", "channel", "address", ...} like add_endpoint
POST   outcomes                    {"status", "user", "endpoint", "address", "channel",
                                    "times", "statusCode", "statusMessage"} like outcome()
DELETE outcomes                    drop every scripted outcome and fault
POST   templates                   {"name", "channel", "title", "body", "html",
                                    "defaultSubstitutions"} like add_template()
POST   faults                      {"code", "times", "message", "status", "operation"}
POST   chaos                       {"profile": {"THROTTLED": 0.1}, "seed": 7}
POST   reset                       forget endpoints, scripts and records
GET    ui                          the inbox page: live previews of every delivery (ui.py)
GET    ui/messages?userId=&channel=&status=&...   the inbox's HTML cards, newest first
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from ..errors import PinpointMockError
from .ui import UI_ROUTES

if TYPE_CHECKING:
    from .app import PinpointServer

Answer = tuple[int, dict[str, str], bytes]

_FILTERS = {
    "applicationId": "application_id",
    "userId": "user_id",
    "endpointId": "endpoint_id",
    "channel": "channel",
    "status": "delivery_status",
    "address": "address",
}


def _json(status: int, payload: Any) -> Answer:
    body = json.dumps(payload, ensure_ascii=False).encode()
    return status, {"Content-Type": "application/json"}, body


def _error(status: int, message: str) -> Answer:
    return _json(status, {"error": message})


def _snake(name: str) -> str:
    return re.sub(r"(?<!^)([A-Z])", r"_\1", name).lower()


def _arguments(
    body: bytes, allowed: dict[str, type | tuple[type, ...]], required: tuple[str, ...] = ()
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
        name = _snake(key)
        if name not in allowed:
            raise PinpointMockError(f"unknown field {key!r}; allowed: {', '.join(allowed)}")
        if value is not None and not isinstance(value, allowed[name]):
            raise PinpointMockError(f"field {key!r} has the wrong type: {value!r}")
        out[name] = value
    for name in required:
        if name not in out:
            raise PinpointMockError(f"field {name!r} is required")
    return out


def _filtered(server: PinpointServer, query: dict[str, list[str]]) -> list[Any]:
    unknown = set(query) - set(_FILTERS)
    if unknown:
        raise PinpointMockError(f"unknown filter {sorted(unknown)[0]!r}; use {', '.join(_FILTERS)}")
    wanted = {_FILTERS[k]: v[-1] for k, v in query.items()}
    return [s for s in server.mock.sent if all(getattr(s, k) == v for k, v in wanted.items())]


def _messages(
    server: PinpointServer, method: str, query: dict[str, list[str]], body: bytes
) -> Answer:
    if method == "GET":
        return _json(200, {"messages": [s.to_dict() for s in _filtered(server, query)]})
    if method == "DELETE":
        count = len(server.mock.sent)
        server.mock.engine.log.clear_messages()
        return _json(200, {"deleted": count})
    return _error(405, f"{method} not allowed on messages; use GET or DELETE")


def _calls(server: PinpointServer, method: str, query: dict[str, list[str]], body: bytes) -> Answer:
    if method != "GET":
        return _error(405, f"{method} not allowed on calls; use GET")
    return _json(200, {"calls": [c.to_dict() for c in server.mock.calls]})


def _endpoints(
    server: PinpointServer, method: str, query: dict[str, list[str]], body: bytes
) -> Answer:
    from ..endpoint_api import endpoint_response

    if method == "GET":
        app = query.get("applicationId", [None])[-1]
        user = query.get("userId", [None])[-1]
        found = server.mock.endpoints(user_id=user, application_id=app)
        return _json(200, {"endpoints": [endpoint_response(e) for e in found]})
    if method == "POST":
        args = _arguments(
            body,
            {
                "user_id": str,
                "channel": str,
                "address": str,
                "endpoint_id": str,
                "opt_out": str,
                "status": str,
                "attributes": dict,
                "user_attributes": dict,
                "application_id": str,
            },
            required=("channel", "address"),
        )
        args.setdefault("user_id", None)
        endpoint = server.mock.add_endpoint(**args)
        return _json(201, {"endpoint": endpoint_response(endpoint)})
    return _error(405, f"{method} not allowed on endpoints; use GET or POST")


def _templates(
    server: PinpointServer, method: str, query: dict[str, list[str]], body: bytes
) -> Answer:
    if method != "POST":
        return _error(405, f"{method} not allowed on templates; use POST")
    args = _arguments(
        body,
        {
            "name": str,
            "channel": str,
            "title": str,
            "body": str,
            "html": str,
            "default_substitutions": dict,
        },
        required=("name", "channel"),
    )
    template = server.mock.add_template(args.pop("name"), **args)
    return _json(201, {"name": template.name, "version": template.version})


def _outcomes(
    server: PinpointServer, method: str, query: dict[str, list[str]], body: bytes
) -> Answer:
    if method == "DELETE":
        server.mock.engine.script.clear()
        return _json(200, {"cleared": True})
    if method != "POST":
        return _error(405, f"{method} not allowed on outcomes; use POST or DELETE")
    args = _arguments(
        body,
        {
            "status": str,
            "user": str,
            "endpoint": str,
            "address": str,
            "channel": str,
            "times": int,
            "status_code": int,
            "status_message": str,
        },
        required=("status",),
    )
    rule = server.mock.outcome(args.pop("status"), **args)
    return _json(201, {"rule": rule.label})


def _faults(
    server: PinpointServer, method: str, query: dict[str, list[str]], body: bytes
) -> Answer:
    if method != "POST":
        return _error(405, f"{method} not allowed on faults; use POST")
    args = _arguments(
        body,
        {"code": str, "times": int, "message": str, "status": int, "operation": str},
        required=("code",),
    )
    server.mock.fail(args.pop("code"), **args)
    return _json(201, {"fault": True})


def _chaos(server: PinpointServer, method: str, query: dict[str, list[str]], body: bytes) -> Answer:
    if method != "POST":
        return _error(405, f"{method} not allowed on chaos; use POST")
    args = _arguments(body, {"profile": dict, "seed": (int, str)})
    server.mock.chaos(args.get("profile") or {}, seed=args.get("seed"))
    return _json(200, {"chaos": args.get("profile") or {}})


def _reset(server: PinpointServer, method: str, query: dict[str, list[str]], body: bytes) -> Answer:
    if method != "POST":
        return _error(405, f"{method} not allowed on reset; use POST")
    server.mock.reset()
    return _json(200, {"reset": True})


def _health(
    server: PinpointServer, method: str, query: dict[str, list[str]], body: bytes
) -> Answer:
    from .. import __version__

    return _json(
        200,
        {"status": "ok", "version": __version__, "operations": server.mock.engine.operations},
    )


ROUTES: dict[str, Callable[[PinpointServer, str, dict[str, list[str]], bytes], Answer]] = {
    "health": _health,
    "messages": _messages,
    "calls": _calls,
    "endpoints": _endpoints,
    "outcomes": _outcomes,
    "templates": _templates,
    "faults": _faults,
    "chaos": _chaos,
    "reset": _reset,
    **UI_ROUTES,
}


def handle(server: PinpointServer, method: str, target: str, body: bytes) -> Answer:
    url = urlsplit(target)
    name = (
        url.path[len("/_aws/pinpoint/") :].strip("/")
        if url.path.startswith("/_aws/pinpoint/")
        else ""
    )
    route = ROUTES.get(name)
    if route is None:
        return _error(404, f"no inspection route {url.path!r}; known: {', '.join(ROUTES)}")
    try:
        return route(server, method, parse_qs(url.query), body)
    except PinpointMockError as exc:
        return _error(400, str(exc))
    except TypeError as exc:
        return _error(400, str(exc))
