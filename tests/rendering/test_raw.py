"""Raw payloads: RawContent and RawEmail replace the other texts; titles and bodies are read
from them."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest

from pinpoint_mock.rendering import render
from tests.rendering.helpers import b64, endpoint, simple_email


def test_sms_user_raw_content() -> None:
    config = {"SMSMessage": {"Body": "channel", "MessageType": "TRANSACTIONAL"}}
    user = {"RawContent": "raw {{Code}}", "BodyOverride": "override", "Substitutions": {}}
    rendered = render("SMS", config, user, endpoint())
    assert rendered.raw_content == "raw "
    assert rendered.body is None
    assert rendered.title is None
    assert rendered.sms_encoding is None
    assert rendered.fields == {"MessageType": "TRANSACTIONAL"}
    assert rendered.unresolved == ("Code",)
    assert rendered.missing is None


def test_raw_content_gives_sms_and_voice_no_title() -> None:
    raw = '{"title": "t", "body": "b"}'
    for channel in ("SMS", "VOICE"):
        rendered = render(channel, {}, {"RawContent": raw}, endpoint(channel))
        assert (rendered.title, rendered.body, rendered.raw_content) == (None, "b", raw)


MIME = (
    "Subject: Hello {{Name}}\n"
    "MIME-Version: 1.0\n"
    'Content-Type: multipart/alternative; boundary="b"\n\n'
    "--b\nContent-Type: text/plain; charset=utf-8\n\nPlain {{Name}}\n"
    "--b\nContent-Type: text/html; charset=utf-8\n\n<p>{{Name}}</p>\n"
    "--b--\n"
)


def test_raw_email_is_decoded_and_outranks_simple_email() -> None:
    config = {
        "EmailMessage": {
            "FromAddress": "shop@example.com",
            "RawEmail": {"Data": b64(MIME)},
            "SimpleEmail": simple_email(Subject="simple", TextPart="simple"),
        }
    }
    user = {"Substitutions": {"Name": ["Ana"]}, "TitleOverride": "override"}
    rendered = render("EMAIL", config, user, endpoint("EMAIL"))
    assert rendered.raw_content == MIME.replace("{{Name}}", "Ana")
    assert rendered.title == "Hello Ana"
    assert rendered.body == "Plain Ana"
    assert rendered.html == "<p>Ana</p>"
    assert rendered.fields == {"FromAddress": "shop@example.com"}
    assert rendered.missing is None


def test_raw_email_with_invalid_utf8_is_replaced() -> None:
    data = base64.b64encode(b"Subject: x\n\nbad \xff byte\n").decode("ascii")
    rendered = render("EMAIL", {"EmailMessage": {"RawEmail": {"Data": data}}}, None, None)
    assert rendered.raw_content == "Subject: x\n\nbad \ufffd byte\n"
    assert rendered.missing is None


def test_user_raw_content_outranks_raw_email() -> None:
    config = {"EmailMessage": {"RawEmail": {"Data": b64(MIME)}}}
    rendered = render("EMAIL", config, {"RawContent": "custom"}, endpoint("EMAIL"))
    assert rendered.raw_content == "custom"
    assert (rendered.title, rendered.body, rendered.html) == (None, None, None)


def test_channel_raw_content_beats_overrides() -> None:
    raw = json.dumps({"aps": {"alert": {"title": "raw title", "body": "raw {{Name}}"}}})
    config = {"APNSMessage": {"RawContent": raw, "Title": "t", "Body": "b", "Badge": 2}}
    user = {"TitleOverride": "ut", "BodyOverride": "ub", "Substitutions": {"Name": ["Ana"]}}
    rendered = render("APNS", config, user, endpoint("APNS"))
    assert rendered.raw_content == raw.replace("{{Name}}", "Ana")
    assert (rendered.title, rendered.body) == ("raw title", "raw Ana")
    assert rendered.fields == {"Badge": 2}


def test_user_raw_content_beats_channel_raw_content() -> None:
    config = {"GCMMessage": {"RawContent": '{"notification": {"title": "channel"}}'}}
    user = {"RawContent": '{"notification": {"title": "user", "body": "user body"}}'}
    rendered = render("GCM", config, user, endpoint("GCM"))
    assert rendered.raw_content == user["RawContent"]
    assert (rendered.title, rendered.body) == ("user", "user body")


@pytest.mark.parametrize(
    ("raw", "title", "body"),
    [
        ({"aps": {"alert": "just a body"}}, None, "just a body"),
        ({"aps": {"alert": {"title": "t", "body": "b"}}}, "t", "b"),
        ({"notification": {"title": "t", "body": "b"}, "data": {"title": "x"}}, "t", "b"),
        ({"data": {"title": "t", "body": "b"}}, "t", "b"),
        ({"title": "t", "description": "d"}, "t", "d"),
        ({"aps": {"content-available": 1}}, None, None),
    ],
)
def test_raw_content_title_and_body(raw: dict[str, Any], title: Any, body: Any) -> None:
    config = {"APNSMessage": {"RawContent": json.dumps(raw)}}
    rendered = render("APNS", config, None, endpoint("APNS"))
    assert (rendered.title, rendered.body) == (title, body)
    assert rendered.missing is None  # raw content counts as content


def test_raw_content_that_is_not_json_still_counts() -> None:
    config = {"BaiduMessage": {"RawContent": "not json {", "Title": "t", "Body": "b"}}
    rendered = render("BAIDU", config, None, endpoint("BAIDU"))
    assert rendered.raw_content == "not json {"
    assert (rendered.title, rendered.body, rendered.missing) == (None, None, None)


def test_variables_in_raw_content() -> None:
    config = {"GCMMessage": {"RawContent": '{"data": {"body": "Hi {{Attributes.Color}} {{X}}"}}'}}
    rendered = render("GCM", config, None, endpoint("GCM"))
    assert rendered.raw_content == '{"data": {"body": "Hi red "}}'
    assert rendered.body == "Hi red "
    assert rendered.unresolved == ("X",)


def test_a_raw_payload_nested_deeply_or_with_a_lone_surrogate_still_renders() -> None:
    """A RawContent nested 100,000 deep raised RecursionError; an escaped lone surrogate in its
    title or body reached the recorded delivery, which then could not be encoded."""
    deep = '{"a": ' + "[" * 100_000 + "]" * 100_000 + "}"
    rendered = render("GCM", {"GCMMessage": {"RawContent": deep}}, {}, endpoint("GCM"))
    assert (rendered.raw_content, rendered.title, rendered.body) == (deep, None, None)
    lone = '{"notification": {"title": "T\\ud800", "body": "B\\udfff!"}}'
    rendered = render("GCM", {"GCMMessage": {"RawContent": lone}}, {}, endpoint("GCM"))
    assert (rendered.title, rendered.body) == ("T\ufffd", "B\ufffd!")
