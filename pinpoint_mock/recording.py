"""The call log: an immutable :class:`Call` per HTTP call, a :class:`SentMessage` per delivery."""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from .models import RenderedMessage, frozen
from .rendering import PreparedMessage, Rendered, message, prepare


@dataclass(frozen=True)
class SentMessage:
    """One endpoint delivery: what the recipient would see and how delivery went."""

    application_id: str
    user_id: str | None
    endpoint_id: str | None
    channel: str
    address: str
    delivery_status: str
    status_code: int
    status_message: str
    message_id: str | None
    message: RenderedMessage
    context: Mapping[str, str] = field(default_factory=dict)
    trace_id: str | None = None
    request_id: str = ""
    call_index: int = 0
    attempt: int = 1
    rule: str | None = None
    """What decided the outcome: a rule's label, ``simulator:…``, ``chaos`` or ``derived:…``."""
    operation: str = "SendUsersMessages"

    # Shortcuts into the rendered message ----------------------------------------------------
    @property
    def title(self) -> str | None:
        return self.message.title

    @property
    def body(self) -> str | None:
        return self.message.body

    @property
    def html(self) -> str | None:
        return self.message.html

    @property
    def raw_content(self) -> str | None:
        return self.message.raw_content

    @property
    def substitutions(self) -> Mapping[str, list[str]]:
        return self.message.substitutions

    @property
    def delivered(self) -> bool:
        return self.delivery_status == "SUCCESSFUL"

    def to_dict(self) -> dict[str, Any]:
        m = self.message
        return {
            "applicationId": self.application_id,
            "userId": self.user_id,
            "endpointId": self.endpoint_id,
            "channel": self.channel,
            "address": self.address,
            "title": m.title,
            "body": m.body,
            "html": m.html,
            "rawContent": m.raw_content,
            "substitutions": dict(m.substitutions),
            "fields": dict(m.fields),
            "template": m.template,
            "smsEncoding": m.sms_encoding,
            "smsSegments": m.sms_segments,
            "context": dict(self.context),
            "traceId": self.trace_id,
            "deliveryStatus": self.delivery_status,
            "statusCode": self.status_code,
            "statusMessage": self.status_message,
            "messageId": self.message_id,
            "requestId": self.request_id,
            "callIndex": self.call_index,
            "attempt": self.attempt,
            "rule": self.rule,
            "operation": self.operation,
        }


@dataclass(frozen=True)
class Call:
    """One HTTP call the mock answered (each retry attempt is its own call)."""

    index: int
    operation: str | None
    method: str
    path: str
    headers: Mapping[str, str]
    body: bytes
    status: int
    response_headers: Mapping[str, str]
    response_body: bytes
    error_code: str | None = None
    attempt: int = 1
    invocation_id: str | None = None
    request_id: str = ""
    transport: str = "botocore"
    violations: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    rule: str | None = None
    """The fault that answered this call, if one did."""
    backoff: float = 0.0
    """Seconds the client would have slept before this attempt (never slept for real)."""

    @property
    def request(self) -> Any:
        """The request body parsed as JSON (None when empty or not JSON)."""
        return _json_or_none(self.body)

    @property
    def response(self) -> Any:
        return _json_or_none(self.response_body)

    @property
    def ok(self) -> bool:
        return self.status < 300

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "operation": self.operation,
            "method": self.method,
            "path": self.path,
            "status": self.status,
            "errorCode": self.error_code,
            "attempt": self.attempt,
            "invocationId": self.invocation_id,
            "requestId": self.request_id,
            "transport": self.transport,
            "request": self.request,
            "response": self.response,
            "violations": list(self.violations),
            "warnings": list(self.warnings),
            "rule": self.rule,
            "backoff": self.backoff,
        }


def _json_or_none(data: bytes) -> Any:
    if not data:
        return None
    try:
        return json.loads(data)
    except ValueError:
        return None


DeliveryHead = tuple[
    str, str, str | None, str | None, str, str, str, int, str, str | None, str | None
]
"""One delivery as the engine keeps it, before its :data:`~pinpoint_mock.rendering.Rendered`
texts: where its recipient is in the request body (``Users``, ``Addresses`` or ``Endpoints``,
and its key there), user id, endpoint id, channel, address, status, status code, status
message, message id, and the rule that decided."""
_HEAD = 11
_WIDTH = _HEAD + 10  # and the ten values of a Rendered row


class Deliveries:
    """One send call's deliveries as compact rows; :meth:`records` makes the
    :class:`SentMessage` records (the call log does, once, when they are first read).

    The rows are laid end to end in one flat list of strings and numbers: a big suite keeps
    thousands of deliveries, and the garbage collector then has nothing to follow or count but
    the list itself.

    Everything a record shows is fixed when the call is answered: the texts are rendered then;
    the substitutions, fields and contexts come from the request body (kept as bytes) through
    the request's prepared message, as they did at send time. That message is kept only when
    it depends on more than the body (a TemplateConfiguration: registered templates may change
    later); else it is prepared again from the body when the records are made, so that a kept
    call holds no container the garbage collector must follow but its list of values.
    """

    __slots__ = (
        "application_id", "attempt", "body", "call_index", "multi_value", "operation",
        "prepared", "request_id", "trace_id", "values",
    )  # fmt: skip

    def __init__(
        self,
        *,
        application_id: str,
        operation: str,
        request_id: str,
        call_index: int,
        attempt: int,
        trace_id: str | None,
        body: bytes,
        prepared: PreparedMessage | None,
        multi_value: str = "first",
    ) -> None:
        """``prepared`` None: the body's MessageConfiguration alone (with ``multi_value``)
        makes the prepared message."""
        self.application_id, self.operation = application_id, operation
        self.request_id, self.call_index, self.attempt = request_id, call_index, attempt
        self.trace_id, self.body, self.prepared = trace_id, body, prepared
        self.multi_value = multi_value
        self.values: list[Any] = []

    def add(self, head: DeliveryHead, rendered: Rendered) -> None:
        """Keep one delivery (the engine inlines this: ``values += head; values += rendered``)."""
        self.values += head
        self.values += rendered

    def __len__(self) -> int:
        return len(self.values) // _WIDTH

    def records(self) -> list[SentMessage]:
        if not self.values:
            return []
        document = json.loads(self.body)
        shared = dict(document.get("Context") or {})
        prepared = self.prepared
        if prepared is None:
            config = document.get("MessageConfiguration") or {}
            prepared = prepare(config, multi_value=self.multi_value)
        maps = prepared.maps
        made = []
        for row in zip(*[iter(self.values)] * _WIDTH, strict=True):
            (
                group, key, user_id, endpoint_id, channel, address, status, code, status_message,
                message_id, rule,
            ) = row[:_HEAD]  # fmt: skip
            rendered: Rendered = row[_HEAD:]
            recipient = document[group][key]
            context = recipient.get("Context")
            record: SentMessage = frozen(
                SentMessage,
                {
                    "application_id": self.application_id,
                    "user_id": user_id,
                    "endpoint_id": endpoint_id,
                    "channel": channel,
                    "address": address,
                    "delivery_status": status,
                    "status_code": code,
                    "status_message": status_message,
                    "message_id": message_id,
                    "message": message(rendered, *maps(channel, recipient)),
                    "context": {**shared, **context} if context else shared,
                    "trace_id": self.trace_id,
                    "request_id": self.request_id,
                    "call_index": self.call_index,
                    "attempt": self.attempt,
                    "rule": rule,
                    "operation": self.operation,
                },
            )
            made.append(record)
        return made


T = TypeVar("T", SentMessage, Call)


class Records(list[T]):
    """A list of records with a few conveniences: ``last``, ``filter(**fields)``."""

    @property
    def last(self) -> T:
        if not self:
            raise IndexError("nothing was recorded")
        return self[-1]

    def filter(self, **fields: Any) -> Records[T]:
        """Records whose attributes equal every given value (``channel="SMS"``…)."""
        return Records(r for r in self if all(getattr(r, k) == v for k, v in fields.items()))


class CallLog:
    """Every call and delivery, in order. Thread-safe; readers get snapshots."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._calls: list[Call] = []
        self._sent: list[SentMessage] = []
        self._pending: list[Deliveries] = []
        """Deliveries not yet made into records (see :meth:`Deliveries.records`)."""
        self._warnings: list[str] = []
        self.reserve: Callable[[], int] = itertools.count(1).__next__
        """The index of the next call (unique even under concurrency: a C-level counter, one
        step under the GIL, and no Python call on the way of a request)."""

    def record(self, call: Call, sent: Iterable[SentMessage] | Deliveries | None = None) -> None:
        with self._lock:
            self._calls.append(call)
            if isinstance(sent, Deliveries):
                if sent.values:
                    self._pending.append(sent)
            elif sent:
                self._materialize()
                self._sent.extend(sent)
            if call.warnings:
                self._warnings.extend(call.warnings)

    def _materialize(self) -> None:
        for deliveries in self._pending:
            self._sent.extend(deliveries.records())
        self._pending.clear()

    @property
    def calls(self) -> Records[Call]:
        with self._lock:
            return Records(self._calls)

    @property
    def sent(self) -> Records[SentMessage]:
        with self._lock:
            if self._pending:
                self._materialize()
            return Records(self._sent)

    @property
    def warnings(self) -> list[str]:
        with self._lock:
            return list(self._warnings)

    def clear_messages(self) -> None:
        with self._lock:
            self._sent.clear()
            self._pending.clear()

    def clear(self) -> None:
        with self._lock:
            self._calls.clear()
            self._sent.clear()
            self._pending.clear()
            self._warnings.clear()
            self.reserve = itertools.count(1).__next__
