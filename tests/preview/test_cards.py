"""Cards: one delivery per channel, every value escaped, an email's HTML in a sandboxed frame."""

from __future__ import annotations

import pytest

from pinpoint_mock import preview
from tests.html_helpers import parse
from tests.preview.helpers import EVIL, delivery


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
