"""What a card shows of a delivery's service-specific facts (``SentMessage.details``): the
origination identity and message type of an SMS and voice v2 delivery, the sender, recipients
and events of an SES v2 one. Every value is escaped; a Pinpoint delivery has none of these."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .markup import escape

SMS_VOICE_V2 = "pinpoint-sms-voice-v2"
SESV2 = "sesv2"

#: What each SES event adds to its name on the card (a member of the event's own object).
_EVENT_FACTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "Bounce": ("bounce", ("bounceType", "bounceSubType")),
    "Complaint": ("complaint", ("complaintFeedbackType",)),
    "DeliveryDelay": ("deliveryDelay", ("delayType",)),
    "Reject": ("reject", ("reason",)),
    "RenderingFailure": ("failure", ("errorMessage",)),
}


def details_of(message: Mapping[str, Any], service: str) -> Mapping[str, Any]:
    """The delivery's details when it is ``service``'s, else nothing."""
    details = message.get("details")
    if message.get("service") != service or not isinstance(details, Mapping):
        return {}
    return details


def _joined(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def sms_voice_facts(message: Mapping[str, Any]) -> list[str]:
    """The SMS and voice v2 facts of an SMS, MMS or voice card, as ``<span>`` items: who sent it
    (the origination identity, the pool it came through), its message type, MMS and media,
    its voice and text type, its configuration set."""
    details = details_of(message, SMS_VOICE_V2)
    if not details:
        return []
    items = []
    origin = details.get("sentFrom") or details.get("originationIdentity")
    if origin:
        items.append(f'<span class="origination">from {escape(origin)}</span>')
    asked = details.get("originationIdentity")
    if asked and asked != origin:
        items.append(f'<span class="origination">asked {escape(asked)}</span>')
    if details.get("pool"):
        items.append(f'<span class="pool">pool {escape(details["pool"])}</span>')
    if details.get("messageType"):
        items.append(f'<span class="message-type">{escape(details["messageType"])}</span>')
    if details.get("mms"):
        items.append('<span class="mms">MMS</span>')
    for key, label in (("voiceId", "voice"), ("messageBodyTextType", "text type")):
        if details.get(key):
            items.append(f"<span>{escape(label)} {escape(details[key])}</span>")
    if details.get("configurationSetName"):
        name = details["configurationSetName"]
        items.append(f'<span class="configuration-set">configuration set {escape(name)}</span>')
    return items


def ses_envelope(message: Mapping[str, Any]) -> list[str]:
    """The SES v2 envelope lines of an email card: From, To, Cc, Bcc, Reply-To, which of them
    this copy went to, and the configuration set."""
    details = details_of(message, SESV2)
    if not details:
        return []
    lines = []
    for key, label in (
        ("from", "From"),
        ("to", "To (all)"),
        ("cc", "Cc"),
        ("bcc", "Bcc"),
        ("reply_to", "Reply-To"),
        ("configuration_set", "Configuration set"),
    ):
        value = details.get(key)
        if value:
            lines.append(f'<div class="ses-{key}"><b>{label}</b> {escape(_joined(value))}</div>')
    kind = details.get("recipient_type")
    if kind:
        lines.append(f'<div class="ses-copy"><b>This copy</b> {escape(kind)}</div>')
    return lines


def ses_events(message: Mapping[str, Any]) -> str:
    """The events SES published for this delivery, in order (each with its type, and the
    bounce type, complaint type, delay type or reason when it has one); empty when none."""
    events = details_of(message, SESV2).get("events")
    if not isinstance(events, (list, tuple)) or not events:
        return ""
    names = []
    for event in events:
        if not isinstance(event, Mapping):
            continue
        kind = str(event.get("eventType") or "?")
        member, keys = _EVENT_FACTS.get(kind, ("", ()))
        facts = event.get(member) if member else None
        extra = [str(facts[k]) for k in keys if facts.get(k)] if isinstance(facts, Mapping) else []
        label = f"{kind} ({'/'.join(extra)})" if extra else kind
        names.append(f'<span class="event">{escape(label)}</span>')
    return f'<div class="ses-events"><b>Events</b> {" · ".join(names)}</div>'
