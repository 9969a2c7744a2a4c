"""HTML previews of recorded deliveries and calls, shared by the pytest report and the inbox page.

Pure functions from the ``to_dict()`` JSON of :class:`~pinpoint_mock.recording.SentMessage` and
:class:`~pinpoint_mock.recording.Call` to HTML text: no I/O, every value HTML-escaped. An email's
HTML part is shown in an ``<iframe sandbox srcdoc=...>``: no scripts, no forms, no navigation, and
a content security policy inside the frame that loads nothing from the network.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from html import escape as _escape
from typing import Any

from .models import DELIVERY_STATUSES, PUSH_CHANNELS

__all__ = [
    "STATUS_COLOURS",
    "STYLE",
    "escape",
    "render_call",
    "render_message",
    "render_messages",
    "render_report",
    "render_test",
    "status_class",
    "status_counts",
]

#: Background colour of each delivery status (text on it is white).
STATUS_COLOURS: dict[str, str] = {
    "SUCCESSFUL": "#1a7f37",
    "THROTTLED": "#bc4c00",
    "TEMPORARY_FAILURE": "#9a6700",
    "PERMANENT_FAILURE": "#cf222e",
    "UNKNOWN_FAILURE": "#8250df",
    "OPT_OUT": "#57606a",
    "DUPLICATE": "#0969da",
    "TIMEOUT": "#6e7781",
}
_OTHER_COLOUR = "#6e7781"

#: Outcome of a test in the report: colour of its marker.
_OUTCOME_COLOURS = {
    "passed": "#1a7f37",
    "failed": "#cf222e",
    "error": "#cf222e",
    "skipped": "#9a6700",
    "xfailed": "#9a6700",
    "xpassed": "#bc4c00",
}

#: Longest JSON shown for one request or response body (characters).
MAX_JSON_CHARS = 20_000
#: Push fields shown in the card itself rather than in the list of other fields.
_PUSH_SHOWN = ("Action", "Url", "Badge", "Sound")
#: Email fields shown in the envelope.
_EMAIL_SHOWN = ("FromAddress", "ReplyToAddresses", "FeedbackForwardingAddress", "Charset")
#: The content security policy of an email preview frame: inline styles and data: images only.
_FRAME_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"


def escape(value: object) -> str:
    """``value`` as HTML text (quotes escaped too, so it is safe in attributes); None is empty."""
    if value is None:
        return ""
    return _escape(value if isinstance(value, str) else str(value), quote=True)


def status_class(status: object) -> str:
    """The CSS class of a delivery status: ``status-successful``, ``status-opt-out``…"""
    slug = re.sub(r"[^a-z0-9]+", "-", str(status or "none").lower()).strip("-")
    return f"status-{slug or 'none'}"


def status_counts(messages: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """How many deliveries had each status, in the service model's order (others after)."""
    counts: dict[str, int] = {}
    for message in messages:
        status = str(message.get("deliveryStatus") or "")
        counts[status] = counts.get(status, 0) + 1
    order = {status: i for i, status in enumerate(DELIVERY_STATUSES)}
    return dict(sorted(counts.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])))


# -- one delivery -----------------------------------------------------------------------------
def render_message(message: Mapping[str, Any]) -> str:
    """One delivery as a card: who, the channel preview, the status and the rule that decided."""
    status = str(message.get("deliveryStatus") or "")
    channel = str(message.get("channel") or "")
    who = [
        _span("user", message.get("userId"), "user"),
        _span("endpoint", message.get("endpointId"), "endpoint"),
        _span("address", message.get("address") or '""', "address"),
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
        f"{head}{_preview(message)}{_substitutions(message)}{foot}</article>"
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


def _text(value: object, placeholder: str = "(no content)") -> str:
    if value is None or value == "":
        return f'<span class="none">{escape(placeholder)}</span>'
    return escape(value)


def _sms(message: Mapping[str, Any]) -> str:
    fields = dict(message.get("fields") or {})
    details = []
    encoding = message.get("smsEncoding")
    segments = message.get("smsSegments")
    if encoding:
        details.append(f'<span class="encoding">{escape(encoding)}</span>')
    if segments is not None:
        noun = "segment" if segments == 1 else "segments"
        details.append(f'<span class="segments">{escape(segments)} {noun}</span>')
    for name in ("MessageType", "OriginationNumber", "SenderId", "Keyword"):
        if fields.get(name):
            details.append(f"<span>{escape(name)} {escape(fields.pop(name))}</span>")
    return (
        '<div class="preview preview-sms"><div class="phone">'
        f'<div class="bubble">{_text(message.get("body"))}</div>'
        f'<div class="sms-meta">{" · ".join(details)}</div></div>'
        f"{_raw(message)}{_fields(fields)}</div>"
    )


def _email(message: Mapping[str, Any]) -> str:
    fields = dict(message.get("fields") or {})
    envelope = [
        f'<div class="subject"><b>Subject</b> {_text(message.get("title"), "(no subject)")}</div>',
        f"<div><b>To</b> {escape(message.get('address'))}</div>",
    ]
    for name in _EMAIL_SHOWN:
        if fields.get(name):
            value = fields.pop(name)
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
        parts.append(f'<div class="email-text">{_text(None)}</div>')
    return (
        f'<div class="preview preview-email"><div class="envelope">{"".join(envelope)}</div>'
        f"{''.join(parts)}{_raw(message, 'raw email')}{_fields(fields)}</div>"
    )


def _frame_document(html_part: str) -> str:
    """The email's HTML wrapped so that, inside the frame, nothing is fetched."""
    return (
        f'<!doctype html><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{escape(_FRAME_CSP)}">'
        f"<style>body{{font-family:sans-serif;margin:8px;}}</style>{html_part}"
    )


def _push(message: Mapping[str, Any]) -> str:
    fields = dict(message.get("fields") or {})
    extras = []
    if fields.get("Badge") is not None:
        extras.append(f'<span class="badge-count" title="badge">{escape(fields["Badge"])}</span>')
    if fields.get("Action"):
        action = f"action {escape(fields['Action'])}"
        if fields.get("Url"):
            action += f' <span class="url">{escape(fields["Url"])}</span>'
        extras.append(f'<span class="action">{action}</span>')
    elif fields.get("Url"):
        extras.append(f'<span class="url">{escape(fields["Url"])}</span>')
    if fields.get("Sound"):
        extras.append(f'<span class="sound">sound {escape(fields["Sound"])}</span>')
    rest = {k: v for k, v in fields.items() if k not in _PUSH_SHOWN}
    title = _text(message.get("title"), "(no title)")
    extras_html = f'<div class="push-extras">{"".join(extras)}</div>' if extras else ""
    return (
        '<div class="preview preview-push"><div class="push">'
        f'<div class="push-app"><span class="push-icon"></span>{escape(message.get("channel"))}'
        "<span>now</span></div>"
        f'<div class="push-title">{title}</div>'
        f'<div class="push-body">{_text(message.get("body"))}</div>{extras_html}</div>'
        f"{_raw(message, 'raw payload')}{_fields(rest)}</div>"
    )


def _voice(message: Mapping[str, Any]) -> str:
    fields = dict(message.get("fields") or {})
    voice = [
        f"{escape(k)} {escape(fields.pop(k))}" for k in ("VoiceId", "LanguageCode") if k in fields
    ]
    voice_html = f'<div class="voice-meta">{" · ".join(voice)}</div>' if voice else ""
    return (
        '<div class="preview preview-voice"><div class="call-card">'
        '<div class="voice-label">voice call, spoken text</div>'
        f'<blockquote class="spoken">{_text(message.get("body"))}</blockquote>{voice_html}</div>'
        f"{_raw(message)}{_fields(fields)}</div>"
    )


def _generic(message: Mapping[str, Any]) -> str:
    title = message.get("title")
    title_html = f'<div class="push-title">{escape(title)}</div>' if title else ""
    fields = dict(message.get("fields") or {})
    return (
        f'<div class="preview preview-other">{title_html}'
        f'<pre class="email-text">{_text(message.get("body"))}</pre>'
        f"{_raw(message)}{_fields(fields)}</div>"
    )


def _raw(message: Mapping[str, Any], label: str = "raw content") -> str:
    raw = message.get("rawContent")
    if not raw:
        return ""
    return (
        f'<details class="raw" open><summary>{escape(label)}</summary>'
        f"<pre>{escape(_shorten(str(raw)))}</pre></details>"
    )


def _fields(fields: Mapping[str, Any]) -> str:
    shown = {k: v for k, v in fields.items() if v not in (None, "", [], {})}
    if not shown:
        return ""
    rows = "".join(
        f"<dt>{escape(k)}</dt><dd>{escape(v if isinstance(v, str) else _json(v))}</dd>"
        for k, v in shown.items()
    )
    return f'<dl class="fields">{rows}</dl>'


def _substitutions(message: Mapping[str, Any]) -> str:
    subs = message.get("substitutions") or {}
    if not subs:
        return ""
    rows = "".join(f"<dt>{escape(k)}</dt><dd>{escape(_joined(v))}</dd>" for k, v in subs.items())
    return (
        '<details class="subs"><summary>substitutions</summary>'
        f'<dl class="fields">{rows}</dl></details>'
    )


def _joined(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(str(x) for x in value)
    return str(value)


def _span(cls: str, value: object, label: str) -> str:
    if value is None:
        return ""
    return f'<span class="{cls}" title="{label}">{escape(value)}</span>'


def _meta(label: str, value: object) -> str:
    if value is None or value == "":
        return ""
    return f"<span><i>{escape(label)}</i> {escape(value)}</span>"


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _call_ref(message: Mapping[str, Any]) -> str | None:
    index = message.get("callIndex")
    if not index:
        return None
    attempt = message.get("attempt") or 1
    operation = message.get("operation") or ""
    return f"#{index} {operation} attempt {attempt}".replace("  ", " ")


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=False, default=str)


def _shorten(text: str, limit: int = MAX_JSON_CHARS) -> str:
    if len(text) <= limit:
        return text
    return f"{text[:limit]}\n… ({len(text) - limit} more characters)"


# -- one call -------------------------------------------------------------------------------
def render_call(call: Mapping[str, Any], messages: Sequence[Mapping[str, Any]] = ()) -> str:
    """One HTTP call (a retry attempt is its own call) with the deliveries it produced."""
    status = call.get("status")
    ok = isinstance(status, int) and status < 300
    error = call.get("errorCode")
    parts = [
        f'<span class="index">#{escape(call.get("index"))}</span>',
        f'<span class="operation">{escape(call.get("operation") or "unknown operation")}</span>',
        f'<span class="http {"http-ok" if ok else "http-error"}">{escape(status)}'
        f"{f' {escape(error)}' if error else ''}</span>",
        f'<code class="path">{escape(call.get("method"))} {escape(call.get("path"))}</code>',
    ]
    meta = [
        _meta("attempt", call.get("attempt")),
        _meta("transport", call.get("transport")),
        _meta("backoff", f"{call['backoff']:g} s" if call.get("backoff") else None),
        _meta("request id", call.get("requestId")),
    ]
    rule = call.get("rule")
    rule_html = f'<div class="rule">fault <code>{escape(rule)}</code></div>' if rule else ""
    problems = [("violation", v) for v in call.get("violations") or ()]
    problems += [("warning", w) for w in call.get("warnings") or ()]
    problems_html = (
        '<ul class="problems">'
        + "".join(
            f'<li class="{kind}"><b>{kind}</b> {escape(text)}</li>' for kind, text in problems
        )
        + "</ul>"
        if problems
        else ""
    )
    bodies = "".join(
        f'<details class="body"><summary>{name}</summary>'
        f"<pre>{escape(_shorten(json.dumps(call[name], ensure_ascii=False, indent=2)))}</pre>"
        "</details>"
        for name in ("request", "response")
        if call.get(name) is not None
    )
    deliveries = render_messages(messages, empty="No deliveries.") if messages or ok else ""
    return (
        f'<section class="call {"call-ok" if ok else "call-error"}" '
        f'data-call="{escape(call.get("index"))}">'
        f'<header class="call-head">{"".join(parts)}<span class="meta">{"".join(meta)}</span>'
        f"</header>{rule_html}{problems_html}{bodies}{deliveries}</section>"
    )


# -- one test, and the report page ------------------------------------------------------------
def render_test(test: Mapping[str, Any], *, open_: bool = True) -> str:
    """One test: its outcome, then every call with its deliveries.

    ``test`` holds ``nodeid``, ``outcome`` (passed, failed, error, skipped, xfailed, xpassed),
    ``duration`` (seconds), ``longrepr`` (failure text or None), ``calls`` and ``messages``
    (``to_dict()`` forms), and ``seeds`` (the seeds of the mocks it used).
    """
    outcome = str(test.get("outcome") or "unknown")
    calls: Sequence[Mapping[str, Any]] = test.get("calls") or ()
    messages: Sequence[Mapping[str, Any]] = test.get("messages") or ()
    # A test that used two mocks marks each record with ``mock`` (their calls share indexes).
    by_call: dict[tuple[Any, Any], list[Mapping[str, Any]]] = {}
    for message in messages:
        by_call.setdefault((message.get("mock"), message.get("callIndex")), []).append(message)
    sections = [
        render_call(call, by_call.pop((call.get("mock"), call.get("index")), [])) for call in calls
    ]
    orphans = [m for group in by_call.values() for m in group]
    if orphans:
        sections.append(
            '<section class="call"><header class="call-head">deliveries without a recorded call'
            f"</header>{render_messages(orphans)}</section>"
        )
    if not sections:
        sections.append('<p class="empty">No Pinpoint calls.</p>')
    counts = "".join(
        f'<span class="pill {status_class(s)}">{escape(s)} {n}</span>'
        for s, n in status_counts(messages).items()
    )
    duration = test.get("duration")
    sizes = f"{_count(len(calls), 'call')}, {_count(len(messages), 'delivery', 'deliveries')}"
    if isinstance(duration, (int, float)):
        sizes += f", {duration:.2f} s"
    summary = (
        f'<summary><span class="outcome outcome-{escape(outcome)}">{escape(outcome)}</span>'
        f'<span class="nodeid">{escape(test.get("nodeid"))}</span>'
        f'<span class="counts"><span class="meta">{sizes}</span>{counts}</span></summary>'
    )
    longrepr = test.get("longrepr")
    failure = (
        f'<details class="failure" open><summary>failure</summary><pre>{escape(_shorten(longrepr))}'
        "</pre></details>"
        if longrepr
        else ""
    )
    seeds = test.get("seeds") or ()
    seed_html = (
        f'<div class="meta seeds"><i>seed</i> {escape(", ".join(str(s) for s in seeds))}</div>'
        if seeds
        else ""
    )
    return (
        f'<details class="test outcome-{escape(outcome)}" '
        f'data-nodeid="{escape(test.get("nodeid"))}"'
        f'{" open" if open_ else ""}>{summary}<div class="test-body">{failure}{seed_html}'
        f"{''.join(sections)}</div></details>"
    )


def render_report(
    tests: Sequence[Mapping[str, Any]],
    *,
    title: str = "pinpoint-mock report",
    subtitle: str = "",
    open_limit: int = 50,
) -> str:
    """The whole self-contained report page: inline CSS, no script, nothing fetched.

    Failed tests are expanded; passed ones too when there are at most ``open_limit`` tests.
    """
    outcomes: dict[str, int] = {}
    every_message: list[Mapping[str, Any]] = []
    calls = 0
    for test in tests:
        outcome = str(test.get("outcome") or "unknown")
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
        every_message.extend(test.get("messages") or ())
        calls += len(test.get("calls") or ())
    expand_all = len(tests) <= open_limit
    body = "".join(
        render_test(t, open_=expand_all or t.get("outcome") in ("failed", "error")) for t in tests
    )
    outcome_html = "".join(
        f'<span class="outcome outcome-{escape(o)}">{escape(o)} {n}</span>'
        for o, n in sorted(outcomes.items())
    )
    status_html = "".join(
        f'<span class="pill {status_class(s)}">{escape(s)} {n}</span>'
        for s, n in status_counts(every_message).items()
    )
    sizes = (
        f"{_count(len(tests), 'test')}, {_count(calls, 'call')}, "
        f"{_count(len(every_message), 'delivery', 'deliveries')}"
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{escape(REPORT_CSP)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>"
        f'<header class="page-head"><h1>{escape(title)}</h1>'
        f'<div class="meta">{escape(subtitle)}</div>'
        f'<div class="summary"><span class="meta">{sizes}</span>{outcome_html}{status_html}</div>'
        "</header>"
        f'<main class="tests">{body or "<p class=empty>No test used pinpoint-mock.</p>"}</main>'
        "</body></html>"
    )


#: The report loads nothing: inline styles, and data: images inside email previews.
REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"

_STATUS_CSS = "".join(
    f".pill.{status_class(s)}{{background:{c}}}.card.{status_class(s)}{{border-left-color:{c}}}"
    for s, c in STATUS_COLOURS.items()
)
_OUTCOME_CSS = "".join(f".outcome-{o}{{--outcome:{c}}}" for o, c in _OUTCOME_COLOURS.items())

#: The stylesheet of every preview (the report and the inbox page inline it).
STYLE = (
    """
*{box-sizing:border-box}
body{margin:0;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;
 color:#1f2328;background:#f6f8fa}
code,pre,.path{font-family:ui-monospace,"DejaVu Sans Mono",Menlo,monospace;font-size:12px}
pre{white-space:pre-wrap;word-break:break-word;margin:4px 0;background:#f6f8fa;padding:6px;
 border-radius:6px;max-height:320px;overflow:auto}
.page-head{background:#24292f;color:#fff;padding:12px 20px;position:sticky;top:0;z-index:2}
.page-head h1{font-size:18px;margin:0 0 4px}
.page-head .meta{color:#d0d7de}
.summary,.counts{display:flex;flex-wrap:wrap;gap:6px;align-items:center}
.tests,.inbox{padding:12px 20px}
.meta{color:#57606a;font-size:12px}
.meta>span{margin-right:10px}.meta i{font-style:normal;color:#8c959f}
.pill{display:inline-block;color:#fff;border-radius:10px;padding:1px 8px;font-size:12px;
 font-weight:600;background:"""
    + _OTHER_COLOUR
    + """;white-space:nowrap}
.outcome{display:inline-block;border-radius:4px;padding:1px 8px;font-size:12px;font-weight:700;
 color:#fff;background:var(--outcome,#6e7781);text-transform:uppercase}
details.test{background:#fff;border:1px solid #d0d7de;border-left:6px solid var(--outcome,#6e7781);
 border-radius:8px;margin:0 0 12px}
details.test>summary{cursor:pointer;padding:8px 12px;display:flex;gap:10px;align-items:center;
 flex-wrap:wrap}
.nodeid{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-weight:600}
.test-body{padding:0 12px 12px}
.failure pre{background:#ffebe9;color:#82071e}
.call{border:1px solid #d8dee4;border-radius:8px;margin:8px 0;padding:8px;background:#fbfcfd}
.call-error{background:#fff5f5;border-color:#ffcecb}
.call-head{display:flex;flex-wrap:wrap;gap:8px;align-items:center}
.index{font-weight:700;color:#57606a}.operation{font-weight:600}
.http{border-radius:4px;padding:0 6px;font-weight:700;color:#fff}
.http-ok{background:#1a7f37}.http-error{background:#cf222e}
.problems{margin:6px 0;padding-left:18px}.problems .violation{color:#82071e}
.problems .warning{color:#7d4e00}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:10px;
 align-items:start;margin-top:8px}
.card{background:#fff;border:1px solid #d0d7de;border-left:6px solid #6e7781;border-radius:8px;
 padding:8px 10px;display:flex;flex-direction:column;gap:6px;min-width:0}
.card-head{display:flex;gap:6px;align-items:center;flex-wrap:wrap}
.channel{font-weight:700;font-size:11px;letter-spacing:.04em;background:#eaeef2;
 border-radius:4px;padding:1px 6px}
.who{flex:1;min-width:0;display:flex;gap:6px;flex-wrap:wrap;font-size:12px}
.who .user{font-weight:600}.who .endpoint{color:#57606a}
.who .address{font-family:ui-monospace,"DejaVu Sans Mono",monospace;color:#57606a;
 word-break:break-all}
.rule{font-size:12px}.rule code{background:#fff8c5;padding:0 4px;border-radius:4px}
.rule-default code{background:#eaeef2}
.card-foot{border-top:1px dashed #d8dee4;padding-top:4px}
.meta-list{display:grid;grid-template-columns:max-content 1fr;gap:0 8px;font-size:11px;
 margin:4px 0 0;color:#57606a}
.meta-list dt{color:#8c959f}.meta-list dd{margin:0;word-break:break-all}
.none{color:#8c959f;font-style:italic}
.phone{background:#f0f2f5;border-radius:12px;padding:10px}
.bubble{background:#34c759;color:#fff;border-radius:16px 16px 4px 16px;padding:8px 12px;
 margin-left:auto;max-width:90%;width:fit-content;white-space:pre-wrap;word-break:break-word}
.sms-meta{font-size:11px;color:#57606a;text-align:right;margin-top:4px}
.envelope{font-size:12px;border-bottom:1px solid #d8dee4;padding-bottom:4px;margin-bottom:4px}
.envelope .subject{font-size:14px}.envelope b{color:#57606a;font-weight:600;margin-right:4px}
.email-html{width:100%;height:180px;border:1px solid #d8dee4;border-radius:4px;background:#fff}
.email-text{background:#fff;border:1px solid #eaeef2}
.push{background:#f2f2f7;border-radius:14px;padding:10px 12px;box-shadow:0 1px 2px #0002}
.push-app{display:flex;align-items:center;gap:6px;font-size:11px;color:#57606a;
 text-transform:uppercase}
.push-app span:last-child{margin-left:auto;text-transform:none}
.push-icon{width:14px;height:14px;border-radius:4px;background:#0969da;display:inline-block}
.push-title{font-weight:700;margin-top:4px}
.push-body{white-space:pre-wrap;word-break:break-word}
.push-extras{display:flex;gap:8px;flex-wrap:wrap;align-items:center;margin-top:6px;font-size:12px}
.badge-count{background:#ff3b30;color:#fff;border-radius:10px;min-width:20px;text-align:center;
 padding:0 6px;font-weight:700}
.url{font-family:ui-monospace,"DejaVu Sans Mono",monospace;color:#0969da;word-break:break-all}
.call-card{background:#eef6ff;border-radius:12px;padding:8px 12px}
.voice-label{font-size:11px;color:#57606a;text-transform:uppercase}
.spoken{margin:4px 0;font-style:italic;white-space:pre-wrap}
.voice-meta{font-size:11px;color:#57606a}
.fields{display:grid;grid-template-columns:max-content 1fr;gap:0 8px;font-size:12px;margin:4px 0}
.fields dt{color:#57606a}.fields dd{margin:0;word-break:break-all;
 font-family:ui-monospace,"DejaVu Sans Mono",monospace}
details>summary{cursor:pointer}
details.raw summary,details.body summary,details.subs summary,details.text-part summary,
details.failure summary{font-size:12px;color:#57606a}
.empty{color:#57606a;font-style:italic}
.filters{display:flex;gap:10px;flex-wrap:wrap;align-items:end;padding:10px 20px;background:#fff;
 border-bottom:1px solid #d0d7de;position:sticky;top:0;z-index:2}
.filters label{display:flex;flex-direction:column;font-size:12px;color:#57606a}
.filters input,.filters select,.filters button{font:inherit;padding:4px 6px;
 border:1px solid #d0d7de;border-radius:6px;background:#fff}
.live{font-size:12px;margin-left:auto}.live.ok{color:#1a7f37}.live.error{color:#cf222e}
"""
    + _STATUS_CSS
    + _OUTCOME_CSS
)
