"""SendUsersMessages and SendMessages: render, decide and record a delivery per endpoint, and
answer with a result per endpoint inside a 200 (per-endpoint failures never change the status).

The delivery loop is the fake's hot path (a 100 users x 3 endpoints call makes 300 deliveries):
it works on tuples made once per endpoint (a directory view, see :mod:`.results`) and per
channel (a lane), writes the answer as JSON pieces, and keeps each delivery as a flat row.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ... import contract
from ...errors import ServiceError
from ...models import DELIVERY_STATUSES, Endpoint
from ...recording import Deliveries
from ...rendering import BODY, MISSING, SMS_ENCODING, UNRESOLVED, PreparedMessage, Rendered
from ...request import Request
from ...script import SUCCESS, Decision, Delivery
from ...sms import MAX_UCS2_CHARS
from ...wire import Route, quote, text_response
from ..base import Answered, Core
from .body import read_body
from .channels import Channels
from .results import (
    ADDRESSED,
    BARE,
    DUPLICATE,
    ENTRY_FRAME,
    NO_CHANNEL,
    NO_ENDPOINT,
    USER_FRAME,
    Frame,
    Target,
    content_decision,
    result,
    targets,
)

_SDK_STATUSES = frozenset(DELIVERY_STATUSES)

Recipient = tuple[str, str, Mapping[str, Any], "str | None", "str | None", list[Target]]
"""Where the recipient is in the request body (``Users``, ``Addresses`` or ``Endpoints``, and
its key there), its configuration, its user id, the endpoint id the request names (None for
SendUsersMessages: records use the endpoint's own), and its endpoints as targets."""

Lane = tuple[Any, "str | None", Callable[[], str], Callable[[], str], bool, "Decision | None"]
"""Per channel: the request's message prepared for it, the simulator's address marker, where
its message ids come from (a pool's ``pop``, and what refills it when that is empty), whether
a success's StatusMessage names the message id (SMS, voice), and the outcome of every delivery
when the application's channel is disabled (else None)."""


def send_users_messages(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    send = _Send.start(core, route, request, call_index, "SendUsersMessages")
    application_id = send.deliveries.application_id
    active_only = core.options.skip_inactive
    user_view = core.directory.user_view
    recipients: list[Recipient] = [
        ("Users", user_id, user, user_id, None, user_view(application_id, user_id, targets,
                                                          active_only=active_only))
        for user_id, user in (send.body.get("Users") or {}).items()
    ]  # fmt: skip
    # "user id":{"endpoint id":{EndpointMessageResult},...}
    out = [
        '{"ApplicationId":', quote(application_id),
        ',"RequestId":', quote(send.deliveries.request_id), ',"Result":{',
    ]  # fmt: skip
    send.deliver(recipients, out, USER_FRAME)
    out.append("}}")
    return Answered(text_response(200, "".join(out), request_id), send.deliveries, send.notes())


def send_messages(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    """Direct sends to ``Addresses`` and to registered ``Endpoints``."""
    send = _Send.start(core, route, request, call_index, "SendMessages")
    application_id = send.deliveries.application_id
    out = [
        '{"ApplicationId":', quote(application_id),
        ',"RequestId":', quote(send.deliveries.request_id),
    ]  # fmt: skip
    addresses = send.body.get("Addresses") or {}
    if addresses:
        out.append(',"Result":{')
        for n, (address, config) in enumerate(addresses.items()):
            if n:
                out.append(",")
            channel = config.get("ChannelType")
            if not channel:
                out += (quote(address), ":", NO_CHANNEL)
                continue
            bare = Endpoint(application_id, "", channel, address)  # MessageResult: no Address
            send.deliver(
                [("Addresses", address, config, None, None, targets([bare], BARE))],
                out,
                ENTRY_FRAME,
            )
        out.append("}")
    endpoint_ids = send.body.get("Endpoints") or {}
    if endpoint_ids:
        out.append(',"EndpointResult":{')
        for n, (endpoint_id, config) in enumerate(endpoint_ids.items()):
            if n:
                out.append(",")
            endpoint = core.directory.get(application_id, endpoint_id)
            if endpoint is None:
                out += (quote(endpoint_id), ":", NO_ENDPOINT)
                continue
            recipient: Recipient = (
                "Endpoints", endpoint_id, config, endpoint.user_id, endpoint_id,
                targets([endpoint], ADDRESSED),
            )  # fmt: skip
            send.deliver([recipient], out, ENTRY_FRAME)
        out.append("}")
    out.append("}")
    return Answered(text_response(200, "".join(out), request_id), send.deliveries, send.notes())


@dataclass
class _Send:
    """One send call while its deliveries are made."""

    core: Core
    body: dict[str, Any]
    warnings: tuple[str, ...]
    prepared: PreparedMessage
    deliveries: Deliveries
    seen: set[str] = field(default_factory=set)
    """Addresses delivered to so far (a later one is a DUPLICATE)."""
    lanes: dict[str, Lane] = field(default_factory=dict)
    extra_notes: list[str] = field(default_factory=list)

    @classmethod
    def start(
        cls, core: Core, route: Route, request: Request, call_index: int, operation: str
    ) -> _Send:
        application_id = route.params["application_id"]
        options = core.options
        body, warnings = read_body(request, operation, validate=options.validate)
        core.check_application(application_id, request)
        template = body.get("TemplateConfiguration")
        if template and core.templates:
            missing = core.templates.missing(template)
            if missing:
                raise ServiceError("NotFoundException", f"Template not found: {missing[0]}")
        prepared = PreparedMessage(
            body.get("MessageConfiguration") or {},
            template=template,
            multi_value=options.multi_value,
            templates=core.templates,
        )
        deliveries = Deliveries(
            application_id=application_id,
            operation=operation,
            request_id=core.ids.uuid(),
            call_index=call_index,
            attempt=request.attempt,
            trace_id=body.get("TraceId"),
            body=request.body,
            # Registered templates may change: then the records need this very message.
            prepared=prepared if template else None,
            multi_value=options.multi_value,
        )
        return cls(core, body, warnings, prepared, deliveries)

    def lane(self, channel: str) -> Lane:
        """What the deliveries on ``channel`` share (made at its first delivery)."""
        lane: Lane = (
            self.prepared.channel(channel),
            self.core.script.simulator_marker(channel),
            *self.core.ids.source(channel),
            channel in ("SMS", "VOICE"),
            self.core.store(Channels).decision(self.deliveries.application_id, channel),
        )
        self.lanes[channel] = lane
        return lane

    def deliver(self, recipients: Sequence[Recipient], out: list[str], frame: Frame) -> None:
        """Render, decide and record the deliveries to each recipient's endpoints, and write
        their results to ``out``: per recipient (separated by commas) its quoted key, then
        ``frame``'s opening, its targets' results (each begun by the target's head, separated
        by commas) and ``frame``'s closing; or, for a recipient without endpoints, its key and
        ``frame``'s third part."""
        seen, lanes, add = self.seen, self.lanes, self.deliveries.add
        script = self.core.script
        scripted = script.scripted
        opening, closing, empty = frame
        comma = ""
        for group, key, recipient, user_id, requested_id, recipient_targets in recipients:
            if not recipient_targets:
                out += (comma, quote(key), empty)
                comma = ","
                continue
            out += (comma, quote(key), opening)
            comma, separator = ",", ""
            for endpoint, channel, address, decision, seen_key, head in recipient_targets:
                lane = lanes.get(channel) or self.lane(channel)
                renderer, marker, pop_id, take_id, numbered, off = lane
                rendered = renderer.row(recipient, endpoint)
                endpoint_id = requested_id or endpoint.endpoint_id or None
                # Derived outcomes: inactive and opted out come with the target; then
                # a duplicate address, no content, an SMS too long.
                if decision is None:
                    if off is not None:  # the application's channel is disabled
                        decision = off
                    elif seen_key in seen:
                        decision = DUPLICATE
                    else:
                        seen.add(seen_key)
                        if rendered[MISSING] is not None or (
                            rendered[SMS_ENCODING] is not None
                            and len(rendered[BODY]) > MAX_UCS2_CHARS
                        ):
                            decision = content_decision(rendered, self.core.options.sms_max_gsm7)
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
                    elif marker is not None and marker in address:
                        decision = script.simulate(channel, address)
                if decision is None:
                    # The common case (no rule, no chaos, an ordinary address): SUCCESSFUL,
                    # written out; through the general path below a 100 x 3 call takes 15%
                    # longer (measured). Generated ids need no JSON escaping.
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
                        self.note(SUCCESS, rendered, endpoint, user_id, endpoint_id)
                    add(
                        group, key, user_id, endpoint_id, channel, address, "SUCCESSFUL", 200,
                        status_message, new_id, None, rendered,
                    )  # fmt: skip
                    continue
                status, code, status_message = (
                    decision.status,
                    decision.status_code,
                    decision.status_message,
                )
                message_id: str | None = None
                if status == "SUCCESSFUL":
                    try:
                        message_id = pop_id()
                    except IndexError:
                        message_id = take_id()
                    if not status_message and numbered:
                        status_message = f"MessageId: {message_id}"
                out += (separator, result(head, status, code, status_message, message_id))
                separator = ","
                if rendered[UNRESOLVED] or status not in _SDK_STATUSES:
                    self.note(decision, rendered, endpoint, user_id, endpoint_id)
                add(
                    group, key, user_id, endpoint_id, channel, address, status, code,
                    status_message, message_id, decision.rule, rendered,
                )  # fmt: skip
            out.append(closing)

    def note(
        self,
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
            self.extra_notes.append(
                f"{who}: {decision.status} is outside the SDK's DeliveryStatus enum "
                "(typed SDKs report it as unknown)"
            )
        # Bare {{Name}} variables are already reported by the contract's warnings;
        # endpoint variables ({{Attributes.X}}…) can only be judged here.
        missing = [n for n in rendered[UNRESOLVED] if contract.endpoint_fillable(n)]
        if missing:
            names = ", ".join("{{" + n + "}}" for n in missing)
            self.extra_notes.append(
                f"{who}: {names} had no value on this endpoint and rendered empty"
            )

    def notes(self) -> tuple[str, ...]:
        return self.warnings + tuple(self.extra_notes)
