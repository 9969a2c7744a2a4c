"""The report: one HTTP call with its deliveries, one test with its calls, and the whole page."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from ..models import DELIVERY_STATUSES
from .cards import render_messages
from .markup import count, escape, meta, shorten, status_class
from .style import STYLE

#: The report loads nothing: inline styles, and data: images inside email previews.
REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"


def status_counts(messages: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """How many deliveries had each status, in the service model's order (others after)."""
    counts: dict[str, int] = {}
    for message in messages:
        status = str(message.get("deliveryStatus") or "")
        counts[status] = counts.get(status, 0) + 1
    order: dict[str, int] = {status: i for i, status in enumerate(DELIVERY_STATUSES)}
    return dict(sorted(counts.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0])))


def _status_pills(messages: Iterable[Mapping[str, Any]]) -> str:
    return "".join(
        f'<span class="pill {status_class(s)}">{escape(s)} {n}</span>'
        for s, n in status_counts(messages).items()
    )


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
    metas = [
        meta("attempt", call.get("attempt")),
        meta("transport", call.get("transport")),
        meta("backoff", f"{call['backoff']:g} s" if call.get("backoff") else None),
        meta("request id", call.get("requestId")),
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
        f"<pre>{escape(shorten(json.dumps(call[name], ensure_ascii=False, indent=2)))}</pre>"
        "</details>"
        for name in ("request", "response")
        if call.get(name) is not None
    )
    deliveries = render_messages(messages, empty="No deliveries.") if messages or ok else ""
    return (
        f'<section class="call {"call-ok" if ok else "call-error"}" '
        f'data-call="{escape(call.get("index"))}">'
        f'<header class="call-head">{"".join(parts)}<span class="meta">{"".join(metas)}</span>'
        f"</header>{rule_html}{problems_html}{bodies}{deliveries}</section>"
    )


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
    duration = test.get("duration")
    sizes = f"{count(len(calls), 'call')}, {count(len(messages), 'delivery', 'deliveries')}"
    if isinstance(duration, (int, float)):
        sizes += f", {duration:.2f} s"
    summary = (
        f'<summary><span class="outcome outcome-{escape(outcome)}">{escape(outcome)}</span>'
        f'<span class="nodeid">{escape(test.get("nodeid"))}</span>'
        f'<span class="counts"><span class="meta">{sizes}</span>{_status_pills(messages)}</span>'
        "</summary>"
    )
    longrepr = test.get("longrepr")
    failure = (
        f'<details class="failure" open><summary>failure</summary><pre>{escape(shorten(longrepr))}'
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
    sizes = (
        f"{count(len(tests), 'test')}, {count(calls, 'call')}, "
        f"{count(len(every_message), 'delivery', 'deliveries')}"
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{escape(REPORT_CSP)}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>"
        f'<header class="page-head"><h1>{escape(title)}</h1>'
        f'<div class="meta">{escape(subtitle)}</div>'
        f'<div class="summary"><span class="meta">{sizes}</span>{outcome_html}'
        f"{_status_pills(every_message)}</div>"
        "</header>"
        f'<main class="tests">{body or "<p class=empty>No test used pinpoint-mock.</p>"}</main>'
        "</body></html>"
    )
