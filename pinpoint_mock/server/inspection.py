"""The inspection and control API under ``/_aws/pinpoint/`` (LocalStack's ``/_aws/ses`` style).

GET    health                      liveness, version, implemented operations, history kept
                                   and dropped
GET    messages?applicationId=&userId=&endpointId=&channel=&status=&address=&start=&limit=
DELETE messages                    forget recorded deliveries, as mock.clear_sent() does
GET    calls?start=&limit=         every HTTP call, retries included
GET    endpoints?applicationId=&userId=&start=&limit=
POST   endpoints                   {"userId", "channel", "address", ...} like add_endpoint
POST   outcomes                    {"status", "user", "endpoint", "address", "channel",
                                    "times", "statusCode", "statusMessage", "service"}
                                    like outcome()
DELETE outcomes                    drop every scripted outcome, fault and chaos profile
POST   templates                   {"name", "channel", "title", "body", "html",
                                    "defaultSubstitutions"} like add_template()
POST   faults                      {"code", "times", "message", "status", "operation",
                                    "service"} like fail()
POST   chaos                       {"profile": {"THROTTLED": 0.1}, "seed": 7}
POST   reset                       forget endpoints, scripts (outcomes, faults, chaos), records
GET    otp                         the one-time passwords SendOTPMessage sent (mock.otp_codes)
POST   otp                         {"referenceId"} expire codes (all without one), like expire_otp()
GET    sms-voice-v2/identities     SMS and voice v2 origination identities (mock.sms_voice_v2)
POST   sms-voice-v2/identities     {"phoneNumber", ...} | {"senderId", ...} | {"poolId", ...}
                                    like add_phone_number / add_sender_id / add_pool
GET    sms-voice-v2/opt-outs?optOutListName=   the numbers of an opt-out list
POST   sms-voice-v2/opt-outs       {"phoneNumber", "optOutListName"} like sms_voice_v2.opt_out()
GET    ui                          the inbox page: live previews of every delivery (ui.py)
GET    ui/messages?userId=&channel=&status=&...   the inbox's HTML cards, newest first

Every route is ``route(mock, method, query, body) -> (status, headers, body)`` and reaches the
mock only through its public methods. Lists come in pages (``start``, ``limit``: pages.py); the
server checks who may call (guard.py) before a route runs.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs, urlsplit

from .._version import __version__
from ..errors import PinpointMockError
from ..services.pinpoint.endpoints import endpoint_response
from .answers import Answer, Query, Route, arguments, error_answer, json_answer, message_filters
from .guard import check_fault
from .pages import page
from .ui import UI_ROUTES

if TYPE_CHECKING:
    from ..mock import PinpointMock

#: Where the inspection API lives on the server.
PREFIX = "/_aws/pinpoint/"


def health(mock: PinpointMock, method: str, query: Query, body: bytes) -> Answer:
    return json_answer(
        200,
        {
            "status": "ok",
            "version": __version__,
            "operations": mock.operations,
            "history": mock.history,
        },
    )


def messages(mock: PinpointMock, method: str, query: Query, body: bytes) -> Answer:
    if method == "GET":
        query = dict(query)
        paging: Query = {name: query.pop(name) for name in ("start", "limit") if name in query}
        rows, about = page(mock.sent.filter(**message_filters(query)), paging)
        return json_answer(200, {"messages": [s.to_dict() for s in rows], **about})
    if method == "DELETE":
        return json_answer(200, {"deleted": mock.clear_sent()})
    return error_answer(405, f"{method} not allowed on messages; use GET or DELETE")


def calls(mock: PinpointMock, method: str, query: Query, body: bytes) -> Answer:
    if method != "GET":
        return error_answer(405, f"{method} not allowed on calls; use GET")
    rows, about = page(mock.calls, dict(query))
    return json_answer(200, {"calls": [c.to_dict() for c in rows], **about})


def endpoints(mock: PinpointMock, method: str, query: Query, body: bytes) -> Answer:
    if method == "GET":
        app = query.get("applicationId", [None])[-1]
        user = query.get("userId", [None])[-1]
        rows, about = page(mock.endpoints(user_id=user, application_id=app), dict(query))
        return json_answer(200, {"endpoints": [endpoint_response(e) for e in rows], **about})
    if method == "POST":
        args = arguments(
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
        endpoint = mock.add_endpoint(**args)
        return json_answer(201, {"endpoint": endpoint_response(endpoint)})
    return error_answer(405, f"{method} not allowed on endpoints; use GET or POST")


def templates(mock: PinpointMock, method: str, query: Query, body: bytes) -> Answer:
    if method != "POST":
        return error_answer(405, f"{method} not allowed on templates; use POST")
    args = arguments(
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
    template = mock.add_template(args.pop("name"), **args)
    return json_answer(201, {"name": template.name, "version": template.version})


def outcomes(mock: PinpointMock, method: str, query: Query, body: bytes) -> Answer:
    if method == "DELETE":
        mock.clear_outcomes()
        return json_answer(200, {"cleared": True})
    if method != "POST":
        return error_answer(405, f"{method} not allowed on outcomes; use POST or DELETE")
    args = arguments(
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
            "service": str,
        },
        required=("status",),
    )
    rule = mock.outcome(args.pop("status"), **args)
    return json_answer(201, {"rule": rule.label})


def faults(mock: PinpointMock, method: str, query: Query, body: bytes) -> Answer:
    if method != "POST":
        return error_answer(405, f"{method} not allowed on faults; use POST")
    args = arguments(
        body,
        {
            "code": str,
            "times": int,
            "message": str,
            "status": int,
            "operation": str,
            "service": str,
        },
        required=("code",),
    )
    check_fault(args.get("code"), args.get("status"))
    mock.fail(args.pop("code"), **args)
    return json_answer(201, {"fault": True})


def chaos(mock: PinpointMock, method: str, query: Query, body: bytes) -> Answer:
    if method != "POST":
        return error_answer(405, f"{method} not allowed on chaos; use POST")
    args = arguments(body, {"profile": dict, "seed": (int, str)})
    mock.chaos(args.get("profile") or {}, seed=args.get("seed"))
    return json_answer(200, {"chaos": args.get("profile") or {}})


def otp(mock: PinpointMock, method: str, query: Query, body: bytes) -> Answer:
    if method == "GET":
        return json_answer(200, {"codes": [c.to_dict() for c in mock.otp_codes]})
    if method == "POST":
        args = arguments(body, {"reference_id": str})
        return json_answer(200, {"expired": mock.expire_otp(args.get("reference_id"))})
    return error_answer(405, f"{method} not allowed on otp; use GET or POST")


_IDENTITY_FIELDS: dict[str, type | tuple[type, ...]] = {
    "phone_number": str, "phone_number_id": str, "iso_country_code": str, "message_type": str,
    "number_capabilities": list, "number_type": str, "opt_out_list_name": str, "sender_id": str,
    "message_types": list, "pool_id": str, "origination_identities": list,
}  # fmt: skip


def sms_voice_v2_identities(mock: PinpointMock, method: str, query: Query, body: bytes) -> Answer:
    if method == "GET":
        found = [{"kind": i.kind, **asdict(i)} for i in mock.sms_voice_v2.identities]
        return json_answer(200, {"identities": found})
    if method != "POST":
        return error_answer(
            405, f"{method} not allowed on sms-voice-v2/identities; use GET or POST"
        )
    args = arguments(body, _IDENTITY_FIELDS)
    v2 = mock.sms_voice_v2
    if "sender_id" in args:
        made: Any = v2.add_sender_id(args.pop("sender_id"), **args)
    elif "phone_number" in args:
        made = v2.add_phone_number(args.pop("phone_number"), **args)
    else:
        made = v2.add_pool(args.pop("pool_id", None), **args)
    return json_answer(201, {"kind": made.kind, **asdict(made)})


def sms_voice_v2_opt_outs(mock: PinpointMock, method: str, query: Query, body: bytes) -> Answer:
    if method == "GET":
        name = query.get("optOutListName", ["Default"])[-1]
        return json_answer(200, {"optedOut": mock.sms_voice_v2.opted_out(name)})
    if method != "POST":
        return error_answer(405, f"{method} not allowed on sms-voice-v2/opt-outs; use GET or POST")
    args = arguments(body, {"phone_number": str, "opt_out_list_name": str}, ("phone_number",))
    mock.sms_voice_v2.opt_out(args.pop("phone_number"), **args)
    return json_answer(201, {"optedOut": True})


def reset(mock: PinpointMock, method: str, query: Query, body: bytes) -> Answer:
    if method != "POST":
        return error_answer(405, f"{method} not allowed on reset; use POST")
    mock.reset()
    return json_answer(200, {"reset": True})


#: Every route by its path under :data:`PREFIX` (looked up per request, so a test may wrap one).
ROUTES: dict[str, Route] = {
    "health": health,
    "messages": messages,
    "calls": calls,
    "endpoints": endpoints,
    "outcomes": outcomes,
    "templates": templates,
    "faults": faults,
    "chaos": chaos,
    "reset": reset,
    "sms-voice-v2/identities": sms_voice_v2_identities,
    "sms-voice-v2/opt-outs": sms_voice_v2_opt_outs,
    "otp": otp,
    **UI_ROUTES,
}


def is_inspection(target: str) -> bool:
    """Whether a request target is for the inspection API rather than the Pinpoint API."""
    return target.startswith(PREFIX) or target.rstrip("/") == PREFIX.rstrip("/")


def handle(mock: PinpointMock, method: str, target: str, body: bytes) -> Answer:
    """Answer one request of the inspection API; a bad request gets 400 naming the problem."""
    url = urlsplit(target)
    name = url.path[len(PREFIX) :].strip("/") if url.path.startswith(PREFIX) else ""
    route = ROUTES.get(name)
    if route is None:
        return error_answer(404, f"no inspection route {url.path!r}; known: {', '.join(ROUTES)}")
    try:
        return route(mock, method, parse_qs(url.query), body)
    except PinpointMockError as exc:
        return error_answer(400, str(exc))
    except TypeError as exc:
        return error_answer(400, str(exc))
