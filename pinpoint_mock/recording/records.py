"""The records users read: an immutable :class:`Call` per HTTP call, a :class:`SentMessage` per
delivery."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..models import PUSH_CHANNELS, Channel, RenderedMessage, Status

#: PushFields attribute -> the channel message's field (APNs, FCM, Baidu and ADM messages).
_PUSH_NAMES = {
    "action": "Action",
    "url": "Url",
    "image_url": "ImageUrl",
    "image_icon_url": "ImageIconUrl",
    "small_image_icon_url": "SmallImageIconUrl",
    "icon_reference": "IconReference",
    "media_url": "MediaUrl",
    "sound": "Sound",
    "badge": "Badge",
    "silent_push": "SilentPush",
    "data": "Data",
    "category": "Category",
    "thread_id": "ThreadId",
    "time_to_live": "TimeToLive",
    "priority": "Priority",
    "collapse_id": "CollapseId",
    "collapse_key": "CollapseKey",
    "apns_push_type": "APNSPushType",
    "consolidation_key": "ConsolidationKey",
    "expires_after": "ExpiresAfter",
    "md5": "MD5",
    "restricted_package_name": "RestrictedPackageName",
    "preferred_authentication_method": "PreferredAuthenticationMethod",
    "context": "Context",
}


@dataclass(frozen=True)
class PushFields:
    """A push delivery's settings besides its title and body (``SentMessage.push``): the
    effective value of each field of the channel message (which wins over
    ``DefaultPushNotificationMessage``), None when neither gives it. ``url``, the image and
    media URLs have their ``{{variables}}`` filled for the endpoint; the others are as sent."""

    action: str | None = None
    """``OPEN_APP``, ``DEEP_LINK`` or ``URL``."""
    url: str | None = None
    image_url: str | None = None
    image_icon_url: str | None = None
    small_image_icon_url: str | None = None
    icon_reference: str | None = None
    media_url: str | None = None
    sound: str | None = None
    badge: int | None = None
    silent_push: bool | None = None
    data: Mapping[str, str] | None = None
    category: str | None = None
    thread_id: str | None = None
    time_to_live: int | None = None
    priority: str | None = None
    collapse_id: str | None = None
    collapse_key: str | None = None
    apns_push_type: str | None = None
    consolidation_key: str | None = None
    expires_after: str | None = None
    md5: str | None = None
    restricted_package_name: str | None = None
    preferred_authentication_method: str | None = None
    context: Mapping[str, str] | None = None
    """The recipient's ``Context`` (push channels carry it to the device)."""

    @classmethod
    def of(cls, fields: Mapping[str, Any]) -> PushFields:
        """The push fields among a rendered message's ``fields``."""
        return cls(**{name: fields.get(field) for name, field in _PUSH_NAMES.items()})


@dataclass(frozen=True)
class SentMessage:
    """One endpoint delivery: what the recipient would see and how delivery went."""

    application_id: str
    user_id: str | None
    endpoint_id: str | None
    channel: Channel
    address: str
    delivery_status: Status
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
    service: str = "pinpoint"
    """The service that delivered it (botocore's name: ``pinpoint``, ``sesv2``…)."""
    details: Mapping[str, Any] = field(default_factory=dict)
    """What only its service knows (SES: sender, Cc/Bcc, tags, attachments, later events; SMS
    and voice v2: origination identity, message type…); empty for Pinpoint."""

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
    def fields(self) -> Mapping[str, Any]:
        """Every other effective field of the channel message, by its wire name (``Url``,
        ``Badge``, ``MessageType``, ``FromAddress``…)."""
        return self.message.fields

    @property
    def push(self) -> PushFields | None:
        """The push settings (``url``, ``action``, ``badge``, ``data``…) of a push delivery
        (APNs, FCM, Baidu, ADM); None on other channels."""
        if self.channel not in PUSH_CHANNELS:
            return None
        return PushFields.of(self.message.fields)

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
            "service": self.service,
            "details": dict(self.details),
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
    service: str = "pinpoint"
    """The service the call was for (botocore's name)."""

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
            "service": self.service,
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
