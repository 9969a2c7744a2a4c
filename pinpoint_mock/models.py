"""Plain data: channels, statuses, endpoints and rendered messages. No behaviour, no I/O."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, TypeVar, get_args

_R = TypeVar("_R")


def frozen(cls: type[_R], fields: dict[str, Any]) -> _R:
    """An instance of the frozen dataclass ``cls`` from a value for every one of its fields, in
    one step. The generated ``__init__`` sets fields one at a time through
    ``object.__setattr__``, five times slower; records are made on every call, so this matters.
    ``fields`` becomes the instance's ``__dict__``: pass a new dict naming every field."""
    made = object.__new__(cls)
    object.__setattr__(made, "__dict__", fields)
    return made


DeliveryStatus = Literal[
    "SUCCESSFUL",
    "THROTTLED",
    "TEMPORARY_FAILURE",
    "PERMANENT_FAILURE",
    "UNKNOWN_FAILURE",
    "OPT_OUT",
    "DUPLICATE",
]
"""The seven values of the service model's DeliveryStatus enum."""
LegacyStatus = Literal["TIMEOUT"]
"""Values that only ever appeared in documentation prose; returned only when a test asks."""
ServiceStatus = Literal[
    "BOUNCE",
    "SOFT_BOUNCE",
    "COMPLAINT",
    "SUPPRESSED",
    "REJECTED",
    "DELIVERY_DELAY",
    "MESSAGE_REJECTED",
]
"""Outcome words of the services after Pinpoint (SES v2's bounces, complaints…); each service
answers a word in its own terms (script/decisions.py has their default codes and messages)."""
Status = Literal[DeliveryStatus, LegacyStatus, ServiceStatus]
"""Every status a delivery can be given: the model's seven, the legacy ones on request, and the
words of the services after Pinpoint."""
Channel = Literal[
    "PUSH",
    "GCM",
    "APNS",
    "APNS_SANDBOX",
    "APNS_VOIP",
    "APNS_VOIP_SANDBOX",
    "ADM",
    "SMS",
    "VOICE",
    "EMAIL",
    "BAIDU",
    "CUSTOM",
    "IN_APP",
]
"""The channel types of the service model's ChannelType enum."""

#: The values of :data:`DeliveryStatus`, in the model's order.
DELIVERY_STATUSES: tuple[DeliveryStatus, ...] = get_args(DeliveryStatus)
#: The values of :data:`LegacyStatus`.
LEGACY_STATUSES: tuple[LegacyStatus, ...] = get_args(LegacyStatus)
#: The values of :data:`ServiceStatus`.
SERVICE_STATUS_WORDS: tuple[ServiceStatus, ...] = get_args(ServiceStatus)
#: The values of :data:`Channel`, in the model's order.
CHANNELS: tuple[Channel, ...] = get_args(Channel)
PUSH_CHANNELS = frozenset(
    {"GCM", "APNS", "APNS_SANDBOX", "APNS_VOIP", "APNS_VOIP_SANDBOX", "ADM", "BAIDU"}
)
#: Which member of DirectMessageConfiguration serves each channel.
CHANNEL_MESSAGE = {
    "SMS": "SMSMessage",
    "EMAIL": "EmailMessage",
    "VOICE": "VoiceMessage",
    "GCM": "GCMMessage",
    "APNS": "APNSMessage",
    "APNS_SANDBOX": "APNSMessage",
    "APNS_VOIP": "APNSMessage",
    "APNS_VOIP_SANDBOX": "APNSMessage",
    "BAIDU": "BaiduMessage",
    "ADM": "ADMMessage",
}
#: Which TemplateConfiguration member serves each channel.
CHANNEL_TEMPLATE = {
    "SMS": "SMSTemplate",
    "EMAIL": "EmailTemplate",
    "VOICE": "VoiceTemplate",
    **dict.fromkeys(PUSH_CHANNELS, "PushTemplate"),
}


@dataclass(frozen=True)
class Endpoint:
    """One registered endpoint of an application (what GetEndpoint returns)."""

    application_id: str
    endpoint_id: str
    channel: Channel
    address: str
    user_id: str | None = None
    opt_out: str = "NONE"
    status: str = "ACTIVE"
    attributes: Mapping[str, list[str]] = field(default_factory=dict)
    user_attributes: Mapping[str, list[str]] = field(default_factory=dict)
    metrics: Mapping[str, float] = field(default_factory=dict)
    demographic: Mapping[str, str] = field(default_factory=dict)
    location: Mapping[str, Any] = field(default_factory=dict)
    effective_date: str = ""
    creation_date: str = ""
    cohort_id: str = "0"
    request_id: str = ""

    @property
    def active(self) -> bool:
        return self.status == "ACTIVE"

    @property
    def opted_out(self) -> bool:
        return self.opt_out == "ALL"


@dataclass(frozen=True)
class RenderedMessage:
    """What one endpoint would receive, after precedence, substitutions and variables."""

    channel: Channel
    title: str | None = None
    """Push title or email subject."""
    body: str | None = None
    """SMS/voice text, push body, or the email's text part (else its Body)."""
    html: str | None = None
    """The email's HTML part."""
    raw_content: str | None = None
    """A RawContent payload (user or channel level) or a RawEmail's decoded MIME text."""
    substitutions: Mapping[str, list[str]] = field(default_factory=dict)
    fields: Mapping[str, Any] = field(default_factory=dict)
    """Every other effective field of the channel message (Action, Url, Badge, Data, Sound…)."""
    template: str | None = None
    """``Name`` or ``Name:Version`` of the template that supplies the content, if any."""
    unresolved: tuple[str, ...] = ()
    """Variables that had no value and rendered empty."""
    sms_encoding: str | None = None
    sms_segments: int | None = None
    missing: str | None = None
    """Why this endpoint has no content (then it gets PERMANENT_FAILURE), else None."""

    @property
    def has_content(self) -> bool:
        return self.missing is None
