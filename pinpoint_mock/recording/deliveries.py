"""One send call's deliveries, kept as flat rows until they are first read."""

from __future__ import annotations

import json
from typing import Any

from ..models import frozen
from ..rendering import WIDTH, PreparedMessage, Rendered, message, prepare
from .records import SentMessage

_HEAD = 11
_WIDTH = _HEAD + WIDTH  # and the values of a Rendered row


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

    def add(
        self,
        group: str,
        key: str,
        user_id: str | None,
        endpoint_id: str | None,
        channel: str,
        address: str,
        status: str,
        status_code: int,
        status_message: str,
        message_id: str | None,
        rule: str | None,
        rendered: Rendered,
    ) -> None:
        """Keep one delivery: where its recipient is in the request body (``Users``,
        ``Addresses`` or ``Endpoints``, and its key there), who and how it went, and its
        rendered texts."""
        values = self.values
        values += (
            group, key, user_id, endpoint_id, channel, address, status, status_code,
            status_message, message_id, rule,
        )  # fmt: skip
        values += rendered

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
                    "service": "pinpoint",
                    "details": {},
                },
            )
            made.append(record)
        return made
