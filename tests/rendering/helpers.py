"""What the rendering tests share: an endpoint with every kind of value, the service's
missing-content messages, and shorthands for SMS and SimpleEmail messages."""

from __future__ import annotations

import base64
from typing import Any

from pinpoint_mock.models import Endpoint, RenderedMessage
from pinpoint_mock.rendering import render

APNS_CHANNELS = ("APNS", "APNS_SANDBOX", "APNS_VOIP", "APNS_VOIP_SANDBOX")
PUSH_MESSAGES = {
    **dict.fromkeys(APNS_CHANNELS, "APNSMessage"),
    "GCM": "GCMMessage",
    "BAIDU": "BaiduMessage",
    "ADM": "ADMMessage",
}
MISSING_PUSH = "Either template or push notification message must be specified"
MISSING_SMS = "Either template or SMS message body must be specified"
MISSING_EMAIL = "Either template or email message must be specified"
MISSING_VOICE = "Either template or voice message body must be specified"


def endpoint(channel: str = "SMS", **kwargs: Any) -> Endpoint:
    values: dict[str, Any] = {
        "application_id": "app-1",
        "endpoint_id": "ep-1",
        "channel": channel,
        "address": "+15550100",
        "user_id": "user-1",
        "attributes": {"Color": ["red", "blue"], "Empty": []},
        "user_attributes": {"FirstName": ["ana"], "Pets": ["cat", "dog"]},
        "metrics": {"Score": 4.5},
        "demographic": {"Platform": "ios", "Locale": "fr_FR"},
        "location": {"City": "Paris", "Latitude": 48.85},
    }
    values.update(kwargs)
    return Endpoint(**values)


def b64(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def sms_body(body: str, user: dict[str, Any] | None = None, **kwargs: Any) -> RenderedMessage:
    return render("SMS", {"SMSMessage": {"Body": body}}, user, endpoint(), **kwargs)


def simple_email(**parts: str) -> dict[str, Any]:
    return {name: {"Data": data, "Charset": "UTF-8"} for name, data in parts.items()}
