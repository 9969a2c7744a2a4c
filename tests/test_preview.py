"""preview.py: per-channel previews, escaping, status colours, rules, calls and the report page."""

from __future__ import annotations

import re
from typing import Any

import pytest

from pinpoint_mock import preview
from pinpoint_mock.models import DELIVERY_STATUSES, RenderedMessage
from pinpoint_mock.recording import Call, SentMessage

from .html_helpers import parse

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


def test_every_value_is_escaped() -> None:
    message = delivery(
        "EMAIL",
        user_id=EVIL,
        endpoint_id=EVIL,
        address=EVIL,
        title=EVIL,
        body=EVIL,
        html="<p>hi</p>",
        fields={"FromAddress": EVIL, EVIL: EVIL},
        substitutions={EVIL: [EVIL]},
        status_message=EVIL,
        rule=EVIL,
        template=EVIL,
    )
    html = preview.render_message(message)
    assert "<script" not in html
    assert "<img" not in html
    page = parse(html)
    assert not page.find("script")
    assert not page.find("img")
    assert EVIL in page.text  # shown verbatim, as text
    for tag in page.tags:  # no attribute was broken out of
        assert set(tag.attrs) <= {"class", "title", "data-status", "data-channel", "data-user"} | {
            "sandbox",
            "srcdoc",
            "referrerpolicy",
            "open",
        }


def test_sms_bubble_shows_encoding_and_segments() -> None:
    html = preview.render_message(
        delivery(
            "SMS",
            body="Olá {name} ✓",
            sms_encoding="UCS-2",
            sms_segments=2,
            fields={"MessageType": "TRANSACTIONAL"},
        )
    )
    page = parse(html)
    (_bubble,) = page.find("div", "bubble")
    assert page.find("div", "preview-sms")
    assert "Olá {name} ✓" in page.text
    assert "UCS-2" in page.text
    assert "2 segments" in page.text
    assert "MessageType TRANSACTIONAL" in page.text
    assert "1 segment " in parse(preview.render_message(delivery("SMS"))).text + " "


def test_email_html_part_is_sandboxed_without_scripts() -> None:
    part = '<h1 style="color:red">Welcome</h1><script>top.location="https://evil"</script>'
    html = preview.render_message(
        delivery(
            "EMAIL",
            address="ana@example.com",
            title="Welcome, Ana",
            html=part,
            body="Welcome (text)",
            fields={"FromAddress": "shop@example.com"},
        )
    )
    page = parse(html)
    (frame,) = page.find("iframe")
    assert frame.attrs["sandbox"] == ""  # every restriction, scripts included
    assert "allow-scripts" not in html
    srcdoc = frame.attrs["srcdoc"] or ""
    assert part in srcdoc  # the email's HTML, unescaped by the parser: the frame renders it
    (frame_csp,) = parse(srcdoc).find("meta", http_equiv="Content-Security-Policy")
    assert (frame_csp.attrs["content"] or "").startswith("default-src 'none'")
    assert not page.find("script")  # only inside the attribute, never in the page
    assert "Subject Welcome, Ana" in page.text
    assert "To ana@example.com" in page.text
    assert "FromAddress shop@example.com" in page.text
    assert "Welcome (text)" in page.text  # the text part, under the frame


def test_email_without_html_shows_the_text_and_raw_email() -> None:
    text_only = parse(preview.render_message(delivery("EMAIL", title="Hi", body="plain text")))
    assert not text_only.find("iframe")
    assert "plain text" in text_only.text
    raw_html = preview.render_message(
        delivery("EMAIL", body=None, raw_content="Subject: Raw\r\n\r\n<b>mime</b>")
    )
    raw = parse(raw_html)
    assert "Subject: Raw" in raw.text
    assert "<b>mime</b>" in raw.text
    assert "&lt;b&gt;mime&lt;/b&gt;" in raw_html
    assert raw.find("details", "raw")


@pytest.mark.parametrize("channel", ["APNS", "GCM", "BAIDU", "ADM", "APNS_SANDBOX"])
def test_push_card_shows_title_body_badge_action(channel: str) -> None:
    html = preview.render_message(
        delivery(
            channel,
            address="token-1",
            title="Order shipped",
            body="On its way",
            fields={
                "Badge": 3,
                "Action": "URL",
                "Url": "https://shop.example/o/1",
                "Sound": "default",
                "Data": {"orderId": "1"},
            },
        )
    )
    page = parse(html)
    assert page.find("div", "preview-push")
    assert [t.name for t in page.find(cls="badge-count")] == ["span"]
    for text in ("Order shipped", "On its way", "action URL", "https://shop.example/o/1"):
        assert text in page.text
    assert "sound default" in page.text
    assert '{"orderId": "1"}' in page.text  # other fields are listed


def test_voice_shows_the_spoken_text() -> None:
    page = parse(
        preview.render_message(
            delivery("VOICE", body="Your code is 1 2 3", fields={"VoiceId": "Joanna"})
        )
    )
    assert page.find("blockquote", "spoken")
    assert "Your code is 1 2 3" in page.text
    assert "VoiceId Joanna" in page.text


def test_missing_content_is_shown_as_such() -> None:
    page = parse(preview.render_message(delivery("SMS", body=None, delivery_status="OPT_OUT")))
    assert "(no content)" in page.text


@pytest.mark.parametrize("status", [*DELIVERY_STATUSES, "TIMEOUT"])
def test_cards_are_coloured_by_status(status: str) -> None:
    html = preview.render_message(delivery(delivery_status=status, status_code=400))
    cls = preview.status_class(status)
    (card,) = parse(html).find("article", cls, data_status=status)
    assert cls in parse(html).find("span", "pill")[0].classes
    colour = preview.STATUS_COLOURS[status]
    assert f".card.{cls}{{border-left-color:{colour}}}" in preview.STYLE
    assert f".pill.{cls}{{background:{colour}}}" in preview.STYLE
    assert card.attrs["data-status"] == status


def test_status_colours_are_distinct_for_the_model_statuses() -> None:
    colours = [preview.STATUS_COLOURS[s] for s in DELIVERY_STATUSES]
    assert len(set(colours)) == len(colours)
    assert preview.status_class("<x y>") == "status-x-y"


def test_the_rule_that_decided_is_shown() -> None:
    scripted = parse(preview.render_message(delivery(rule="outcome('THROTTLED', user='u1')")))
    assert "rule outcome('THROTTLED', user='u1')" in scripted.text
    default = parse(preview.render_message(delivery(rule=None)))
    assert "rule default (service rules)" in default.text


def test_messages_newest_first_and_empty() -> None:
    first, second = delivery(body="first"), delivery(body="second")
    html = preview.render_messages([first, second], newest_first=True)
    assert html.index("second") < html.index("first")
    assert "Nothing here" in preview.render_messages([], empty="Nothing here")


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


def test_call_with_fault_violations_and_deliveries() -> None:
    failed = parse(
        preview.render_call(
            call(
                429,
                error_code="TooManyRequestsException",
                rule="fail('TooManyRequestsException', times=1)",
                violations=("Users: <bad>",),
                warnings=("Body: {{x}} has no value",),
                backoff=0.25,
            )
        )
    )
    (_section,) = failed.find("section", "call-error")
    assert "429 TooManyRequestsException" in failed.text
    assert "fault fail('TooManyRequestsException', times=1)" in failed.text
    assert "violation Users: <bad>" in failed.text
    assert "warning Body: {{x}}" in failed.text
    assert "backoff 0.25 s" in failed.text
    assert '"Message": "<boom>"' in failed.text  # the response body, escaped
    ok = parse(preview.render_call(call(), [delivery(body="nested delivery")]))
    assert ok.find("section", "call-ok")
    assert "nested delivery" in ok.text


def report_page(tests: list[dict[str, Any]]) -> str:
    return preview.render_report(tests, subtitle="pytest -q")


def test_report_page_is_self_contained() -> None:
    email = delivery("EMAIL", html='<img src="https://tracker.example/p.gif"><a href="x">x</a>')
    html = report_page(
        [
            {
                "nodeid": "t.py::test_ok",
                "outcome": "passed",
                "duration": 0.5,
                "calls": [call()],
                "messages": [delivery(), email],
            },
            {
                "nodeid": "t.py::test_bad",
                "outcome": "failed",
                "longrepr": "AssertionError: <expected>",
                "calls": [call(500, index=1, error_code="InternalServerErrorException")],
                "messages": [],
                "seeds": ["7:t.py::test_bad"],
            },
        ]
    )
    page = parse(html)
    assert not page.find("script")
    assert not page.find("link")
    assert all("src" not in t.attrs and "href" not in t.attrs for t in page.tags)
    (csp,) = page.find("meta", http_equiv="Content-Security-Policy")
    assert (csp.attrs["content"] or "").startswith("default-src 'none'")
    assert not re.search(r"url\(", preview.STYLE)  # no fonts or images fetched by the CSS
    tests = page.find("details", "test")
    assert [t.attrs["data-nodeid"] for t in tests] == ["t.py::test_ok", "t.py::test_bad"]
    assert "outcome-failed" in tests[1].classes
    assert "open" in tests[1].attrs
    assert "AssertionError: <expected>" in page.text
    assert "2 tests, 2 calls, 2 deliveries" in page.text
    assert "seed 7:t.py::test_bad" in page.text
    assert "1 call, 2 deliveries, 0.50 s" in page.text


def test_report_groups_deliveries_under_their_call() -> None:
    first = call(index=1)
    second = call(index=2)
    html = report_page(
        [
            {
                "nodeid": "t.py::test_retry",
                "outcome": "passed",
                "calls": [first, second],
                "messages": [
                    delivery(body="from call one", call_index=1),
                    delivery(body="from call two", call_index=2),
                ],
            }
        ]
    )
    one, two = html.split('data-call="2"')
    assert "from call one" in one
    assert "from call two" in two


def test_report_with_many_tests_collapses_passed_ones() -> None:
    tests = [
        {"nodeid": f"t.py::test_{i}", "outcome": "failed" if i == 3 else "passed"} for i in range(5)
    ]
    page = parse(preview.render_report(tests, open_limit=2))
    opened = [t.attrs["data-nodeid"] for t in page.find("details", "test") if "open" in t.attrs]
    assert opened == ["t.py::test_3"]
    assert "No Pinpoint calls." in page.text
    assert "No test used pinpoint-mock." in parse(preview.render_report([])).text
