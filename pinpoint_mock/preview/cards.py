"""One delivery as a card: who it went to, what the channel would show, its status and the rule
that decided it.

An email's HTML part is shown in an ``<iframe sandbox srcdoc=...>``: no scripts, no forms, no
navigation, and a content security policy inside the frame that loads nothing from the network.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..models import PUSH_CHANNELS
from .details import ses_envelope, ses_events, sms_voice_facts
from .markup import escape, fields, raw, span, status_class, substitutions, text

#: Push fields shown in the card itself rather than in the list of other fields.
_PUSH_SHOWN = ("Action", "Url", "Badge", "Sound")
#: Email fields shown in the envelope.
_EMAIL_SHOWN = ("FromAddress", "ReplyToAddresses", "FeedbackForwardingAddress", "Charset")
#: The content security policy of an email preview frame: inline styles and data: images only.
_FRAME_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"


def render_message(message: Mapping[str, Any]) -> str:
    """One delivery as a card: who, the channel preview, the status and the rule that decided."""
    status = str(message.get("deliveryStatus") or "")
    channel = str(message.get("channel") or "")
    who = [
        span("user", message.get("userId"), "user"),
        span("endpoint", message.get("endpointId"), "endpoint"),
        span("address", message.get("address") or '""', "address"),
    ]
    code = message.get("statusCode")
    head = (
        f'<header class="card-head"><span class="channel">{escape(channel)}</span>'
        f'<span class="who">{"".join(w for w in who if w)}</span>'
        f'<span class="pill {status_class(status)}">{escape(status)}'
        f"{f' {escape(code)}' if code is not None else ''}</span></header>"
    )
    rule = message.get("rule")
    rule_html = (
        f'<div class="rule">rule <code>{escape(rule)}</code></div>'
        if rule
        else '<div class="rule rule-default">rule <code>default (service rules)</code></div>'
    )
    status_message = message.get("statusMessage")
    if status_message == f"MessageId: {message.get('messageId')}":
        status_message = None  # the message id is shown on its own
    meta = {
        "status message": status_message,
        "message id": message.get("messageId"),
        "template": message.get("template"),
        "call": _call_ref(message),
        "trace id": message.get("traceId"),
        "application": message.get("applicationId"),
    }
    rows = "".join(
        f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in meta.items() if v not in (None, "")
    )
    foot = f'<footer class="card-foot">{rule_html}<dl class="meta-list">{rows}</dl></footer>'
    return (
        f'<article class="card {status_class(status)}" data-status="{escape(status)}" '
        f'data-channel="{escape(channel)}" data-user="{escape(message.get("userId"))}">'
        f"{head}{_preview(message)}{substitutions(message)}{foot}</article>"
    )


def render_messages(
    messages: Sequence[Mapping[str, Any]],
    *,
    newest_first: bool = False,
    empty: str = "No messages.",
) -> str:
    """Cards for ``messages`` (in order, or newest first), or a note when there are none."""
    if not messages:
        return f'<p class="empty">{escape(empty)}</p>'
    ordered = reversed(messages) if newest_first else iter(messages)
    return '<div class="cards">' + "".join(render_message(m) for m in ordered) + "</div>"


def _preview(message: Mapping[str, Any]) -> str:
    channel = str(message.get("channel") or "")
    if channel == "SMS":
        return _sms(message)
    if channel == "EMAIL":
        return _email(message)
    if channel == "VOICE":
        return _voice(message)
    if channel in PUSH_CHANNELS or channel == "PUSH":
        return _push(message)
    return _generic(message)


def _sms(message: Mapping[str, Any]) -> str:
    rest = dict(message.get("fields") or {})
    details = []
    encoding = message.get("smsEncoding")
    segments = message.get("smsSegments")
    if encoding:
        details.append(f'<span class="encoding">{escape(encoding)}</span>')
    if segments is not None:
        noun = "segment" if segments == 1 else "segments"
        details.append(f'<span class="segments">{escape(segments)} {noun}</span>')
    for name in ("MessageType", "OriginationNumber", "SenderId", "Keyword"):
        if rest.get(name):
            details.append(f"<span>{escape(name)} {escape(rest.pop(name))}</span>")
    details += sms_voice_facts(message)  # SMS and voice v2: origination, message type, MMS
    return (
        '<div class="preview preview-sms"><div class="phone">'
        f'<div class="bubble">{text(message.get("body"))}</div>'
        f'<div class="sms-meta">{" · ".join(details)}</div></div>'
        f"{raw(message)}{fields(rest)}</div>"
    )


def _email(message: Mapping[str, Any]) -> str:
    rest = dict(message.get("fields") or {})
    envelope = [
        f'<div class="subject"><b>Subject</b> {text(message.get("title"), "(no subject)")}</div>',
        f"<div><b>To</b> {escape(message.get('address'))}</div>",
        *ses_envelope(message),  # SES v2: sender, every recipient, this copy's kind
    ]
    for name in _EMAIL_SHOWN:
        if rest.get(name):
            value = rest.pop(name)
            if isinstance(value, list):
                value = ", ".join(str(v) for v in value)
            envelope.append(f"<div><b>{escape(name)}</b> {escape(value)}</div>")
    html_part = message.get("html")
    body = message.get("body")
    parts = []
    if html_part:
        parts.append(
            f'<iframe class="email-html" sandbox="" title="HTML part" '
            f'referrerpolicy="no-referrer" srcdoc="{escape(_frame_document(html_part))}">'
            "</iframe>"
        )
        if body:
            parts.append(
                '<details class="text-part"><summary>text part</summary>'
                f'<pre class="email-text">{escape(body)}</pre></details>'
            )
    elif body:
        parts.append(f'<pre class="email-text">{escape(body)}</pre>')
    elif not message.get("rawContent"):
        parts.append(f'<div class="email-text">{text(None)}</div>')
    return (
        f'<div class="preview preview-email"><div class="envelope">{"".join(envelope)}</div>'
        f"{''.join(parts)}{raw(message, 'raw email')}{fields(rest)}{ses_events(message)}</div>"
    )


def _frame_document(html_part: str) -> str:
    """The email's HTML wrapped so that, inside the frame, nothing is fetched."""
    return (
        f'<!doctype html><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{escape(_FRAME_CSP)}">'
        f"<style>body{{font-family:sans-serif;margin:8px;}}</style>{html_part}"
    )


def _push(message: Mapping[str, Any]) -> str:
    given = dict(message.get("fields") or {})
    extras = []
    if given.get("Badge") is not None:
        extras.append(f'<span class="badge-count" title="badge">{escape(given["Badge"])}</span>')
    if given.get("Action"):
        action = f"action {escape(given['Action'])}"
        if given.get("Url"):
            action += f' <span class="url">{escape(given["Url"])}</span>'
        extras.append(f'<span class="action">{action}</span>')
    elif given.get("Url"):
        extras.append(f'<span class="url">{escape(given["Url"])}</span>')
    if given.get("Sound"):
        extras.append(f'<span class="sound">sound {escape(given["Sound"])}</span>')
    rest = {k: v for k, v in given.items() if k not in _PUSH_SHOWN}
    title = text(message.get("title"), "(no title)")
    extras_html = f'<div class="push-extras">{"".join(extras)}</div>' if extras else ""
    return (
        '<div class="preview preview-push"><div class="push">'
        f'<div class="push-app"><span class="push-icon"></span>{escape(message.get("channel"))}'
        "<span>now</span></div>"
        f'<div class="push-title">{title}</div>'
        f'<div class="push-body">{text(message.get("body"))}</div>{extras_html}</div>'
        f"{raw(message, 'raw payload')}{fields(rest)}</div>"
    )


def _voice(message: Mapping[str, Any]) -> str:
    rest = dict(message.get("fields") or {})
    voice = [f"{escape(k)} {escape(rest.pop(k))}" for k in ("VoiceId", "LanguageCode") if k in rest]
    voice += sms_voice_facts(message)  # SMS and voice v2: origination, voice, text type
    voice_html = f'<div class="voice-meta">{" · ".join(voice)}</div>' if voice else ""
    return (
        '<div class="preview preview-voice"><div class="call-card">'
        '<div class="voice-label">voice call, spoken text</div>'
        f'<blockquote class="spoken">{text(message.get("body"))}</blockquote>{voice_html}</div>'
        f"{raw(message)}{fields(rest)}</div>"
    )


def _generic(message: Mapping[str, Any]) -> str:
    title = message.get("title")
    title_html = f'<div class="push-title">{escape(title)}</div>' if title else ""
    rest = dict(message.get("fields") or {})
    return (
        f'<div class="preview preview-other">{title_html}'
        f'<pre class="email-text">{text(message.get("body"))}</pre>'
        f"{raw(message)}{fields(rest)}</div>"
    )


def _call_ref(message: Mapping[str, Any]) -> str | None:
    index = message.get("callIndex")
    if not index:
        return None
    attempt = message.get("attempt") or 1
    operation = message.get("operation") or ""
    return f"#{index} {operation} attempt {attempt}".replace("  ", " ")
