"""The pipeline: route -> contract -> directory -> render -> script -> record -> wire.

Only this module knows the order. It does no I/O and patches nothing: interceptors and the server
hand it a method, a path, headers and a body, and get a :class:`~pinpoint_mock.wire.Response`.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from . import contract, endpoint_api, wire
from .directory import Directory
from .errors import ContractError, ServiceError, UnsupportedOperationError
from .limits import MAX_PAYLOAD_BYTES
from .message_templates import TemplateStore
from .models import DELIVERY_STATUSES, Endpoint, frozen
from .options import Options
from .recording import Call, CallLog, Deliveries
from .rendering import (
    BODY,
    MISSING,
    SMS_ENCODING,
    UNRESOLVED,
    PreparedMessage,
    Rendered,
    RenderingChannel,
)
from .script import SMS_OPT_OUT_MESSAGE, SUCCESS, Decision, Delivery, Ids, Script
from .sms import MAX_UCS2_CHARS, analyse

NO_ENDPOINTS = "No endpoints found for userId."
_SDK_STATUSES = frozenset(DELIVERY_STATUSES)
_ATTEMPT = re.compile(r"(?:^|;)\s*attempt=(\d+)\s*(?:;|$)")


@dataclass(frozen=True)
class Request:
    method: str
    path: str
    headers: Mapping[str, str]
    body: bytes
    transport: str = "botocore"
    backoff: float = 0.0
    attempt: int = field(init=False)
    """The attempt number from botocore's ``amz-sdk-request: attempt=N; max=M`` header."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "attempt", _attempt(self.headers))

    @classmethod
    def make(
        cls,
        method: str,
        path: str,
        headers: Mapping[str, str],
        body: bytes,
        transport: str = "botocore",
        backoff: float = 0.0,
    ) -> Request:
        """``Request(...)`` in one step, for the interceptors (one per call)."""
        request: Request = frozen(
            cls,
            {
                "method": method,
                "path": path,
                "headers": headers,
                "body": body,
                "transport": transport,
                "backoff": backoff,
                "attempt": _attempt(headers),
            },
        )
        return request


def _attempt(headers: Mapping[str, str]) -> int:
    """The attempt number from botocore's ``amz-sdk-request: attempt=N; max=M`` header."""
    value = headers.get("amz-sdk-request")  # botocore's spelling; others are looked for below
    if value is None:
        value = _header(headers, "amz-sdk-request")
        if value is None:
            return 1
    attempt = _ATTEMPTS.get(value)
    if attempt is None:
        match = _ATTEMPT.search(value)
        attempt = int(match.group(1)) if match else 1
        if len(_ATTEMPTS) < 64:  # a few distinct values in practice
            _ATTEMPTS[value] = attempt
    return attempt


_ATTEMPTS: dict[str, int] = {}


class Engine:
    """Answers Pinpoint HTTP calls from a directory, a script and a call log."""

    def __init__(
        self,
        *,
        options: Options | None = None,
        seed: int | str | None = None,
        directory: Directory | None = None,
        script: Script | None = None,
        log: CallLog | None = None,
    ) -> None:
        self.options = options or Options()
        self.directory = directory or Directory()
        self.script = script or Script(simulator=self.options.simulator)
        self.log = log or CallLog()
        self.templates = TemplateStore()
        self.ids = Ids(seed)
        #: Optional check of application ids against another registry (moto's backend).
        self.application_exists: Callable[[str, Mapping[str, str]], bool | None] | None = None
        self._lock = threading.Lock()

    # -- entry point --
    def handle(self, request: Request) -> tuple[wire.Response, Call]:
        index = self.log.reserve()
        request_id = self.ids.uuid()
        operation: str | None = None
        sent: Deliveries | None = None
        warnings: tuple[str, ...] = ()
        violations: tuple[str, ...] = ()
        rule: str | None = None
        try:
            found = wire.route(request.method, request.path)
            operation = found.operation
            fault = self.script.take_fault(operation)
            if fault is not None:
                rule = fault.label
                raise ServiceError(fault.code, fault.message, fault.status)
            handler = self._handlers.get(operation)
            if handler is None:
                raise UnsupportedOperationError(
                    f"pinpoint-mock does not implement the Pinpoint operation {operation} yet"
                )
            response, sent, warnings = handler(self, found, request, request_id, index)
        except wire.RouteError as exc:
            response = wire.error_response(exc.status, exc.code, exc.message, request_id)
        except ContractError as exc:
            violations = tuple(str(exc).splitlines()[1:]) or (str(exc),)
            response = wire.error_response(400, "BadRequestException", str(exc), request_id)
        except ServiceError as exc:
            response = wire.error_response(exc.status, exc.code, exc.message, request_id)
        headers = request.headers
        call: Call = frozen(
            Call,
            {
                "index": index,
                "operation": operation,
                "method": request.method,
                "path": request.path,
                "headers": dict(headers),
                "body": request.body,
                "status": response.status,
                "response_headers": response.headers,
                "response_body": response.body,
                "error_code": response.error_code,
                "attempt": request.attempt,
                "invocation_id": _header(headers, "amz-sdk-invocation-id"),
                "request_id": request_id,
                "transport": request.transport,
                "violations": tuple(v.strip() for v in violations) if violations else (),
                "warnings": warnings,
                "rule": rule,
                "backoff": request.backoff,
            },
        )
        self.log.record(call, sent)
        return response, call

    # -- SendUsersMessages --
    def _parse(self, request: Request, operation: str) -> tuple[dict[str, Any], tuple[str, ...]]:
        if len(request.body) > MAX_PAYLOAD_BYTES:
            raise ServiceError(
                "PayloadTooLargeException",
                f"Request body is {len(request.body)} bytes; the limit is {MAX_PAYLOAD_BYTES}",
            )
        document = contract.parse_json(request.body)
        if not isinstance(document, dict):
            raise ContractError("invalid request:\n  the request body must be a JSON object")
        if not self.options.validate:
            return document, ()
        errors, warnings = contract.check_body(document, operation)
        if errors:
            raise ContractError("invalid request:\n" + "\n".join(f"  {e}" for e in errors))
        return document, warnings

    def _check_application(self, application_id: str, request: Request) -> None:
        exists: bool | None = None
        if self.application_exists is not None:
            exists = self.application_exists(application_id, request.headers)
        if exists is None and self.options.strict_applications:
            exists = self.directory.has_app(application_id)
        if exists is False:
            raise ServiceError("NotFoundException", "Resource not found")

    def _send_users_messages(
        self, found: wire.Route, request: Request, request_id: str, index: int
    ) -> tuple[wire.Response, Deliveries, tuple[str, ...]]:
        send = self._start_send(found, request, index, "SendUsersMessages")
        quote = wire.quote
        application_id = send.deliveries.application_id
        skip_inactive = self.options.skip_inactive
        directory = self.directory
        views = directory.views
        # Loops, not comprehensions: before Python 3.12 a comprehension is a function call, and
        # inside a boto3 call a Python call costs up to a few tenths of a us (measured).
        recipients: list[_Recipient] = []
        for user_id, user in (send.body.get("Users") or {}).items():
            targets = views.get((application_id, user_id, skip_inactive, _targets))
            if targets is None:
                targets = directory.user_view(
                    application_id, user_id, _targets, active_only=skip_inactive
                )
            recipients.append(("Users", user_id, user, user_id, None, targets))
        # "user id":{"endpoint id":{EndpointMessageResult},...}
        out = [
            '{"ApplicationId":', quote(application_id),
            ',"RequestId":', quote(send.deliveries.request_id), ',"Result":{',
        ]  # fmt: skip
        self._deliver(send, recipients, out, _USER_FRAME)
        out.append("}}")
        return wire.text_response(200, "".join(out), request_id), send.deliveries, send.notes()

    def _send_messages(
        self, found: wire.Route, request: Request, request_id: str, index: int
    ) -> tuple[wire.Response, Deliveries, tuple[str, ...]]:
        """SendMessages: direct sends to ``Addresses`` and registered ``Endpoints``."""
        send = self._start_send(found, request, index, "SendMessages")
        quote = wire.quote
        out = [
            '{"ApplicationId":', quote(send.deliveries.application_id),
            ',"RequestId":', quote(send.deliveries.request_id),
        ]  # fmt: skip
        addresses = send.body.get("Addresses") or {}
        if addresses:
            out.append(',"Result":{')
            for n, (address, cfg) in enumerate(addresses.items()):
                if n:
                    out.append(",")
                channel = cfg.get("ChannelType")
                if not channel:
                    out += (quote(address), ":", _NO_CHANNEL)
                    continue
                bare = Endpoint(send.deliveries.application_id, "", channel, address)
                # MessageResult has no Address
                recipient: _Recipient = (
                    "Addresses", address, cfg, None, None, _targets([bare], BARE),
                )  # fmt: skip
                self._deliver(send, [recipient], out, _ENTRY_FRAME)
            out.append("}")
        endpoint_ids = send.body.get("Endpoints") or {}
        if endpoint_ids:
            out.append(',"EndpointResult":{')
            for n, (endpoint_id, cfg) in enumerate(endpoint_ids.items()):
                if n:
                    out.append(",")
                endpoint = self.directory.get(send.deliveries.application_id, endpoint_id)
                if endpoint is None:
                    out += (quote(endpoint_id), ":", _NO_ENDPOINT)
                    continue
                recipient = (
                    "Endpoints",
                    endpoint_id,
                    cfg,
                    endpoint.user_id,
                    endpoint_id,
                    _targets([endpoint], ADDRESSED),
                )
                self._deliver(send, [recipient], out, _ENTRY_FRAME)
            out.append("}")
        out.append("}")
        return wire.text_response(200, "".join(out), request_id), send.deliveries, send.notes()

    def _start_send(self, found: wire.Route, request: Request, index: int, operation: str) -> _Send:
        application_id = found.params["application_id"]
        body, warnings = self._parse(request, operation)
        self._check_application(application_id, request)
        template = body.get("TemplateConfiguration")
        if template and self.templates:
            missing = self.templates.missing(template)
            if missing:
                raise ServiceError("NotFoundException", f"Template not found: {missing[0]}")
        message_request_id = self.ids.uuid()
        prepared = PreparedMessage(
            body.get("MessageConfiguration") or {},
            template=template,
            multi_value=self.options.multi_value,
            templates=self.templates,
        )
        trace_id = body.get("TraceId")
        return _Send(
            body=body,
            warnings=warnings,
            prepared=prepared,
            deliveries=Deliveries(
                application_id=application_id,
                operation=operation,
                request_id=message_request_id,
                call_index=index,
                attempt=request.attempt,
                trace_id=trace_id,
                body=request.body,
                # Registered templates may change: then the records need this very message.
                prepared=prepared if template else None,
                multi_value=self.options.multi_value,
            ),
        )

    def _deliver(
        self,
        send: _Send,
        recipients: Sequence[_Recipient],
        out: list[str],
        frame: tuple[str, str, str],
    ) -> None:
        """Render, decide and record the deliveries to each recipient's endpoints, and write
        their results to ``out`` as pieces of JSON: per recipient (separated by commas) its
        quoted key, then ``frame``'s opening, its targets' results (each begun by the target's
        head, separated by commas) and ``frame``'s closing; or, for a recipient without
        endpoints, its key and ``frame``'s third part. The answer is joined once from the
        pieces: a 100 x 3 request's ~55 KB answer is not copied once per level of nesting."""
        quote = wire.quote
        lanes, seen, kept = send.lanes, send.seen, send.deliveries.values
        script = self.script
        scripted = script.scripted
        opening, closing, empty = frame
        comma = ""
        for group, key, recipient, user_id, requested_id, targets in recipients:
            if not targets:
                out += (comma, quote(key), empty)
                comma = ","
                continue
            out += (comma, quote(key), opening)
            comma = ","
            separator = ""
            for endpoint, channel, address, decision, seen_key, head in targets:
                lane = lanes.get(channel)
                if lane is None:
                    lane = lanes[channel] = (
                        send.prepared.channel(channel),
                        script.simulator_marker(channel),
                        *self.ids.source(channel),
                        channel in ("SMS", "VOICE"),
                    )
                renderer, marker, pop_id, take_id, numbered = lane
                rendered = renderer.row(recipient, endpoint)
                endpoint_id = requested_id or endpoint.endpoint_id or None
                # Derived outcomes: inactive and opted out come with the target; then
                # duplicate address, no content, SMS too long.
                if decision is None:
                    if seen_key in seen:
                        decision = _DUPLICATE
                    else:
                        seen.add(seen_key)
                        if rendered[MISSING] is not None or (
                            rendered[SMS_ENCODING] is not None
                            and len(rendered[BODY]) > MAX_UCS2_CHARS  # type: ignore[arg-type]
                        ):
                            decision = _no_content(rendered)
                    if decision is None:
                        if scripted:
                            decision = script.decide(
                                Delivery(
                                    application_id=endpoint.application_id,
                                    user_id=user_id,
                                    endpoint_id=endpoint.endpoint_id or None,
                                    channel=channel,
                                    address=address,
                                    attributes=endpoint.attributes,
                                )
                            )
                        elif marker is None or marker not in address:
                            # The common case (no rule, no chaos, an ordinary address): SUCCESS,
                            # written out; the general path below takes 15% longer for a 100 x 3
                            # call (measured). Ids need no JSON escaping (generated).
                            try:
                                new_id = pop_id()
                            except IndexError:
                                new_id = take_id()
                            status_message = f"MessageId: {new_id}" if numbered else ""
                            out += (
                                separator, head, 'SUCCESSFUL","StatusCode":200,"StatusMessage":"',
                                status_message, '","MessageId":"', new_id, '"}',
                            )  # fmt: skip
                            separator = ","
                            if rendered[UNRESOLVED]:
                                self._note(send, SUCCESS, rendered, endpoint, user_id, endpoint_id)
                            delivery: tuple[Any, ...] = (
                                group, key, user_id, endpoint_id, channel, address, "SUCCESSFUL",
                                200, status_message, new_id, None,
                            )  # fmt: skip
                            kept += delivery  # Deliveries.add, inlined
                            kept += rendered
                            continue
                        else:
                            decision = script.simulate(channel, address)
                status, code, status_message = (
                    decision.status,
                    decision.status_code,
                    decision.status_message,
                )
                message_id = None
                tail = "}"
                if status == "SUCCESSFUL":
                    try:
                        message_id = pop_id()
                    except IndexError:
                        message_id = take_id()
                    if not status_message and numbered:
                        status_message = f"MessageId: {message_id}"
                    tail = f',"MessageId":"{message_id}"}}'
                # Statuses need no JSON escaping (checked names).
                out += (
                    separator, head, status, '","StatusCode":', str(code), ',"StatusMessage":',
                    quote(status_message), tail,
                )  # fmt: skip
                separator = ","
                if rendered[UNRESOLVED] or status not in _SDK_STATUSES:
                    self._note(send, decision, rendered, endpoint, user_id, endpoint_id)
                delivery = (
                    group, key, user_id, endpoint_id, channel, address, status, code,
                    status_message, message_id, decision.rule,
                )  # fmt: skip
                kept += delivery  # Deliveries.add, inlined
                kept += rendered
            out.append(closing)

    @staticmethod
    def _note(
        send: _Send,
        decision: Decision,
        rendered: Rendered,
        endpoint: Endpoint,
        user_id: str | None,
        endpoint_id: str | None,
    ) -> None:
        """Warnings about one delivery: statuses outside the SDK enum, endpoint variables
        without a value."""
        who = f"{user_id}/{endpoint_id}" if user_id else (endpoint_id or endpoint.address)
        if decision.status not in _SDK_STATUSES:
            send.extra_notes.append(
                f"{who}: {decision.status} is outside the SDK's DeliveryStatus enum "
                "(typed SDKs report it as unknown)"
            )
        # Bare {{Name}} variables are already reported by the contract's warnings;
        # endpoint variables ({{Attributes.X}}…) can only be judged here.
        missing = [n for n in rendered[UNRESOLVED] if contract.endpoint_fillable(n)]
        if missing:
            names = ", ".join("{{" + n + "}}" for n in missing)
            send.extra_notes.append(
                f"{who}: {names} had no value on this endpoint and rendered empty"
            )

    _handlers: ClassVar[
        dict[
            str,
            Callable[
                [Engine, wire.Route, Request, str, int],
                tuple[wire.Response, Deliveries | None, tuple[str, ...]],
            ],
        ]
    ] = {
        "SendUsersMessages": _send_users_messages,
        "SendMessages": _send_messages,
        **endpoint_api.HANDLERS,
    }

    @property
    def operations(self) -> list[str]:
        """The operations this engine implements."""
        return list(self._handlers)

    def reset(self) -> None:
        self.templates.clear()
        self.directory.clear()
        self.script.clear()
        self.log.clear()


_Target = tuple[Endpoint, str, str, Decision | None, str, str]
"""An endpoint as deliveries need it: the endpoint, its channel and address, the outcome its
state decides (inactive, opted out) or None, the key its address has among the request's
addresses, and the head of its result in JSON, up to the opening quote of its DeliveryStatus
(see :data:`KEYED`)."""

KEYED, ADDRESSED, BARE = "keyed", "addressed", "bare"
"""How a target's result begins: ``"endpoint id":{"Address":…,`` (SendUsersMessages),
``{"Address":…,`` (SendMessages' EndpointResult), ``{`` (its MessageResult: no Address)."""


def _targets(endpoints: list[Endpoint], head: str = KEYED) -> list[_Target]:
    """What deliveries need of ``endpoints`` that depends on nothing else (a directory view)."""
    quote = wire.quote
    return [
        (
            endpoint,
            endpoint.channel,
            endpoint.address,
            _INACTIVE
            if endpoint.status != "ACTIVE"
            else (_SMS_OPTED_OUT if endpoint.channel == "SMS" else _OPTED_OUT)
            if endpoint.opt_out == "ALL"
            else None,
            endpoint.address.lower() if endpoint.channel == "EMAIL" else endpoint.address,
            (f"{quote(endpoint.endpoint_id)}:{{" if head == KEYED else "{")
            + ("" if head == BARE else f'"Address":{quote(endpoint.address)},')
            + '"DeliveryStatus":"',
        )
        for endpoint in endpoints
    ]


_Recipient = tuple[str, str, Mapping[str, Any], str | None, str | None, list[_Target]]
"""Where the recipient is in the request body (``Users``, ``Addresses`` or ``Endpoints``, and
its key there), its configuration, its user id, the endpoint id the request names (None for
SendUsersMessages: records use the endpoint's own), and its endpoints as targets."""


@dataclass
class _Send:
    """The state of one send call while its deliveries are made."""

    body: dict[str, Any]
    warnings: tuple[str, ...]
    prepared: PreparedMessage
    deliveries: Deliveries
    """What is kept of the call: its application and request id too."""
    seen: set[str] = field(default_factory=set)
    """Addresses delivered to so far (a later one is a DUPLICATE)."""
    lanes: dict[
        str, tuple[RenderingChannel, str | None, Callable[[], str], Callable[[], str], bool]
    ] = field(default_factory=dict)
    """Per channel: the request's message prepared, the simulator's address marker, where its
    message ids come from (the pool's ``pop``, and what refills it when that is empty), and
    whether a success's StatusMessage names the message id (SMS, voice)."""
    extra_notes: list[str] = field(default_factory=list)

    def notes(self) -> tuple[str, ...]:
        return self.warnings + tuple(self.extra_notes)


_INACTIVE = Decision("PERMANENT_FAILURE", 400, "Endpoint is inactive", "derived:inactive")
_OPTED_OUT = Decision("OPT_OUT", 400, "Address is opted out", "derived:opt-out")
_SMS_OPTED_OUT = Decision("OPT_OUT", 400, SMS_OPT_OUT_MESSAGE, "derived:opt-out")
_DUPLICATE = Decision("DUPLICATE", 400, "Duplicate address", "derived:duplicate")
_TOO_LONG = Decision("PERMANENT_FAILURE", 400, "Invalid Message", "derived:sms-too-long")


def _no_content(rendered: Rendered) -> Decision | None:
    """PERMANENT_FAILURE for a message without content on its channel or an SMS too long,
    else None."""
    missing = rendered[MISSING]
    if missing is not None:
        return Decision("PERMANENT_FAILURE", 400, missing, "derived:no-content")
    body = rendered[BODY]
    # No SMS of 630 characters or fewer is too long, whatever its encoding.
    if rendered[SMS_ENCODING] is not None and body is not None and analyse(body).too_long:
        return _TOO_LONG
    return None


def _failure(code: int, message: str, **before: str) -> str:
    """A PERMANENT_FAILURE result, as JSON."""
    entry = {**before, "DeliveryStatus": "PERMANENT_FAILURE", "StatusCode": code}
    return wire.encode({**entry, "StatusMessage": message}).decode()


_NO_ENDPOINTS = _failure(400, NO_ENDPOINTS, Address="")
_NO_ENDPOINT = _failure(404, "Endpoint not found", Address="")
_NO_CHANNEL = _failure(400, "ChannelType must be specified for an address")

_USER_FRAME = (":{", "}", ':{"":' + _NO_ENDPOINTS + "}")
"""SendUsersMessages' Result: ``"user id":{"endpoint id":{…},…}``, and the entry of a user
without endpoints (see :meth:`Engine._deliver`)."""
_ENTRY_FRAME = (":", "", "")
"""SendMessages' Result and EndpointResult: ``"address or endpoint id":{…}`` (each of those
recipients has exactly one target, so the third part is never written)."""


def _header(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    if value is not None:
        return value
    lowered = name.lower()
    for key, candidate in headers.items():
        if key.lower() == lowered:
            return candidate
    return None
