"""Deliveries and calls in their ``to_dict()`` forms, built through the real records."""

from __future__ import annotations

from typing import Any

from pinpoint_mock.models import RenderedMessage
from pinpoint_mock.recording import Call, SentMessage

EVIL = "\"'><script>alert(1)</script><img src=x onerror=alert(2)>&amp;"


def delivery(channel: str = "SMS", **overrides: Any) -> dict[str, Any]:
    """The ``to_dict()`` form of a delivery, built through the real dataclasses."""
    message_fields = {
        k: overrides.pop(k)
        for k in ("title", "body", "html", "raw_content", "fields", "template", "substitutions")
        if k in overrides
    }
    message_fields.setdefault("body", "Your reminder")
    sms = {"sms_encoding": "GSM-7", "sms_segments": 1} if channel == "SMS" else {}
    sms.update({k: overrides.pop(k) for k in ("sms_encoding", "sms_segments") if k in overrides})
    values: dict[str, Any] = {
        "application_id": "611e3e3cdd47474c9c1399a505665b91",
        "user_id": "u1",
        "endpoint_id": "e1",
        "channel": channel,
        "address": "+12065550123",
        "delivery_status": "SUCCESSFUL",
        "status_code": 200,
        "status_message": "MessageId: abc",
        "message_id": "abc",
        "message": RenderedMessage(channel=channel, **message_fields, **sms),
        "call_index": 1,
    }
    values.update(overrides)
    return SentMessage(**values).to_dict()


def call(status: int = 200, **overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "index": 1,
        "operation": "SendUsersMessages",
        "method": "POST",
        "path": "/v1/apps/611e3e3cdd47474c9c1399a505665b91/users-messages",
        "headers": {},
        "body": b'{"MessageConfiguration": {}, "Users": {"u1": {}}}',
        "status": status,
        "response_headers": {},
        "response_body": b'{"Message": "<boom>"}',
    }
    values.update(overrides)
    return Call(**values).to_dict()
