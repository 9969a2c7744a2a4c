"""One channel's share of a request: precedence and fields per channel (SMS, email, voice,
push), what counts as content, and plans shared between requests."""

from __future__ import annotations

from typing import Any

import pytest

from pinpoint_mock.rendering import prepare, render
from tests.rendering.helpers import (
    MISSING_EMAIL,
    MISSING_PUSH,
    MISSING_SMS,
    PUSH_MESSAGES,
    endpoint,
    simple_email,
)


def test_sms_body_and_fields() -> None:
    config = {
        "SMSMessage": {
            "Body": "Your code is 1234",
            "MessageType": "TRANSACTIONAL",
            "OriginationNumber": "+15550199",
            "SenderId": "ACME",
            "Keyword": "KW",
            "EntityId": "E1",
            "TemplateId": "T1",
            "MediaUrl": "https://example.com/m.png",
            "Substitutions": {},
        }
    }
    rendered = render("SMS", config, None, endpoint())
    assert rendered.channel == "SMS"
    assert rendered.body == "Your code is 1234"
    assert rendered.title is None
    assert rendered.html is None
    assert rendered.raw_content is None
    assert rendered.fields == {
        "MessageType": "TRANSACTIONAL",
        "OriginationNumber": "+15550199",
        "SenderId": "ACME",
        "Keyword": "KW",
        "EntityId": "E1",
        "TemplateId": "T1",
        "MediaUrl": "https://example.com/m.png",
    }
    assert rendered.missing is None
    assert rendered.has_content


def test_sms_falls_back_to_default_message_body() -> None:
    config = {"SMSMessage": {"MessageType": "PROMOTIONAL"}, "DefaultMessage": {"Body": "Hello"}}
    rendered = render("SMS", config, None, endpoint())
    assert rendered.body == "Hello"
    assert rendered.fields == {"MessageType": "PROMOTIONAL"}


def test_sms_empty_body_counts_as_absent() -> None:
    config = {"SMSMessage": {"Body": ""}, "DefaultMessage": {"Body": "Default"}}
    assert render("SMS", config, None, endpoint()).body == "Default"


def test_sms_body_override_wins_and_title_override_is_ignored() -> None:
    config = {"SMSMessage": {"Body": "channel"}, "DefaultMessage": {"Body": "default"}}
    user = {"BodyOverride": "override", "TitleOverride": "title"}
    rendered = render("SMS", config, user, endpoint())
    assert rendered.body == "override"
    assert rendered.title is None


def test_sms_ignores_push_defaults() -> None:
    config = {"DefaultPushNotificationMessage": {"Body": "push", "Substitutions": {"A": ["1"]}}}
    rendered = render("SMS", config, None, endpoint())
    assert rendered.body is None
    assert rendered.substitutions == {}
    assert rendered.missing == MISSING_SMS
    assert not rendered.has_content


def test_sms_does_not_use_another_channels_message() -> None:
    config = {"EmailMessage": {"Body": "email"}, "APNSMessage": {"Body": "push"}}
    assert render("SMS", config, None, endpoint()).missing == MISSING_SMS


def test_email_subject_text_html_and_fields() -> None:
    headers = [{"Name": "X-Campaign", "Value": "spring"}]
    config = {
        "EmailMessage": {
            "FromAddress": "shop@example.com",
            "ReplyToAddresses": ["help@example.com"],
            "FeedbackForwardingAddress": "bounces@example.com",
            "Body": "unused",
            "SimpleEmail": {
                **simple_email(
                    Subject="Hi {{Name}}", TextPart="Text {{Name}}", HtmlPart="<b>{{Name}}</b>"
                ),
                "Headers": headers,
            },
        }
    }
    user = {"Substitutions": {"Name": ["Ana"]}}
    rendered = render("EMAIL", config, user, endpoint("EMAIL"))
    assert rendered.title == "Hi Ana"
    assert rendered.body == "Text Ana"
    assert rendered.html == "<b>Ana</b>"
    assert rendered.raw_content is None
    assert rendered.fields == {
        "FromAddress": "shop@example.com",
        "ReplyToAddresses": ["help@example.com"],
        "FeedbackForwardingAddress": "bounces@example.com",
        "Headers": headers,
    }
    assert rendered.missing is None


def test_email_overrides_win() -> None:
    config = {"EmailMessage": {"SimpleEmail": simple_email(Subject="s", TextPart="t")}}
    user = {"TitleOverride": "new subject", "BodyOverride": "new body"}
    rendered = render("EMAIL", config, user, endpoint("EMAIL"))
    assert (rendered.title, rendered.body) == ("new subject", "new body")


@pytest.mark.parametrize(
    ("config", "body"),
    [
        ({"EmailMessage": {"SimpleEmail": simple_email(TextPart="text")}}, "text"),
        ({"EmailMessage": {"Body": "body"}, "DefaultMessage": {"Body": "default"}}, "body"),
        ({"EmailMessage": {"FromAddress": "a@example.com"}, "DefaultMessage": {"Body": "d"}}, "d"),
    ],
)
def test_email_body_fallback(config: dict[str, Any], body: str) -> None:
    assert render("EMAIL", config, None, endpoint("EMAIL")).body == body


def test_email_html_alone_is_content() -> None:
    config = {"EmailMessage": {"SimpleEmail": simple_email(HtmlPart="<p>x</p>")}}
    rendered = render("EMAIL", config, None, endpoint("EMAIL"))
    assert (rendered.body, rendered.html, rendered.missing) == (None, "<p>x</p>", None)


def test_email_subject_alone_is_missing_content() -> None:
    config = {"EmailMessage": {"SimpleEmail": simple_email(Subject="only a subject")}}
    rendered = render("EMAIL", config, None, endpoint("EMAIL"))
    assert rendered.title == "only a subject"
    assert rendered.missing == MISSING_EMAIL


def test_voice_body_and_fields() -> None:
    config = {
        "VoiceMessage": {
            "Body": "Hello {{Name}}",
            "LanguageCode": "en-US",
            "VoiceId": "Joanna",
            "OriginationNumber": "+15550199",
            "Substitutions": {"Name": ["Ana"]},
        }
    }
    rendered = render("VOICE", config, None, endpoint("VOICE"))
    assert rendered.body == "Hello Ana"
    assert rendered.fields == {
        "LanguageCode": "en-US",
        "VoiceId": "Joanna",
        "OriginationNumber": "+15550199",
    }


def test_voice_precedence() -> None:
    config = {"VoiceMessage": {"VoiceId": "Joanna"}, "DefaultMessage": {"Body": "default"}}
    assert render("VOICE", config, None, endpoint("VOICE")).body == "default"
    user = {"BodyOverride": "override"}
    assert render("VOICE", config, user, endpoint("VOICE")).body == "override"


@pytest.mark.parametrize("channel", sorted(PUSH_MESSAGES))
def test_each_push_channel_reads_its_own_message(channel: str) -> None:
    config: dict[str, Any] = {
        member: {"Title": f"{member} title", "Body": f"{member} body"}
        for member in set(PUSH_MESSAGES.values())
    }
    rendered = render(channel, config, None, endpoint(channel))
    member = PUSH_MESSAGES[channel]
    assert (rendered.title, rendered.body) == (f"{member} title", f"{member} body")
    assert rendered.missing is None


@pytest.mark.parametrize("channel", sorted(PUSH_MESSAGES))
def test_push_takes_missing_fields_from_default_push_message(channel: str) -> None:
    config = {
        PUSH_MESSAGES[channel]: {"Sound": "ping", "Url": "https://specific.example"},
        "DefaultPushNotificationMessage": {
            "Title": "default title",
            "Body": "default body",
            "Action": "URL",
            "Url": "https://default.example",
            "SilentPush": False,
            "Data": {"k": "v"},
        },
    }
    rendered = render(channel, config, None, endpoint(channel))
    assert (rendered.title, rendered.body) == ("default title", "default body")
    assert rendered.fields == {
        "Action": "URL",
        "Url": "https://specific.example",
        "SilentPush": False,
        "Data": {"k": "v"},
        "Sound": "ping",
    }


def test_push_title_and_body_fall_back_independently() -> None:
    config = {
        "APNSMessage": {"Title": "apns title"},
        "DefaultPushNotificationMessage": {"Body": "default push body", "Title": "dp title"},
        "DefaultMessage": {"Body": "default body"},
    }
    rendered = render("APNS", config, None, endpoint("APNS"))
    assert (rendered.title, rendered.body) == ("apns title", "default push body")


def test_default_message_body_feeds_push_last() -> None:
    config = {"GCMMessage": {"Title": "t"}, "DefaultMessage": {"Body": "default body"}}
    rendered = render("GCM", config, None, endpoint("GCM"))
    assert (rendered.title, rendered.body) == ("t", "default body")


def test_default_message_alone_gives_push_a_body_but_no_title() -> None:
    rendered = render("ADM", {"DefaultMessage": {"Body": "b"}}, None, endpoint("ADM"))
    assert (rendered.title, rendered.body, rendered.missing) == (None, "b", None)


def test_push_overrides_beat_channel_fields() -> None:
    config = {
        "APNSMessage": {"Title": "t", "Body": "b"},
        "DefaultPushNotificationMessage": {"Title": "dt", "Body": "db"},
    }
    user = {"TitleOverride": "ut", "BodyOverride": "ub"}
    rendered = render("APNS", config, user, endpoint("APNS"))
    assert (rendered.title, rendered.body) == ("ut", "ub")
    only_title = render("APNS", config, {"TitleOverride": "ut"}, endpoint("APNS"))
    assert (only_title.title, only_title.body) == ("ut", "b")


def test_apns_fields() -> None:
    message = {
        "Body": "b",
        "APNSPushType": "alert",
        "Badge": 0,
        "Category": "c",
        "CollapseId": "id",
        "MediaUrl": "https://m",
        "PreferredAuthenticationMethod": "TOKEN",
        "Priority": "10",
        "ThreadId": "th",
        "TimeToLive": 60,
        "Substitutions": {"A": ["1"]},
        "RawContent": None,
    }
    rendered = render("APNS_SANDBOX", {"APNSMessage": message}, None, endpoint("APNS_SANDBOX"))
    assert rendered.fields == {
        "APNSPushType": "alert",
        "Badge": 0,
        "Category": "c",
        "CollapseId": "id",
        "MediaUrl": "https://m",
        "PreferredAuthenticationMethod": "TOKEN",
        "Priority": "10",
        "ThreadId": "th",
        "TimeToLive": 60,
    }


def test_gcm_fields() -> None:
    message = {
        "Body": "b",
        "CollapseKey": "ck",
        "IconReference": "ic",
        "ImageIconUrl": "https://i",
        "ImageUrl": "https://im",
        "SmallImageIconUrl": "https://s",
        "RestrictedPackageName": "com.example",
        "Priority": "high",
    }
    rendered = render("GCM", {"GCMMessage": message}, None, endpoint("GCM"))
    assert rendered.fields == {k: v for k, v in message.items() if k != "Body"}


def test_adm_and_baidu_fields() -> None:
    adm = {"Body": "b", "ConsolidationKey": "c", "ExpiresAfter": "60", "MD5": "abc"}
    assert render("ADM", {"ADMMessage": adm}, None, endpoint("ADM")).fields == {
        "ConsolidationKey": "c",
        "ExpiresAfter": "60",
        "MD5": "abc",
    }
    baidu = {"Body": "b", "TimeToLive": 30, "IconReference": "ic"}
    assert render("BAIDU", {"BaiduMessage": baidu}, None, endpoint("BAIDU")).fields == {
        "TimeToLive": 30,
        "IconReference": "ic",
    }


def test_push_context_comes_from_the_user() -> None:
    config = {"GCMMessage": {"Body": "b"}}
    user = {"Context": {"campaign": "spring"}}
    assert render("GCM", config, user, endpoint("GCM")).fields == {
        "Context": {"campaign": "spring"}
    }
    assert "Context" not in render("SMS", {"SMSMessage": {"Body": "b"}}, user, None).fields


def test_silent_push_with_data_is_content() -> None:
    config = {"APNSMessage": {"SilentPush": True, "Data": {"k": "v"}}}
    assert render("APNS", config, None, endpoint("APNS")).missing is None
    from_default = {
        "APNSMessage": {"SilentPush": True},
        "DefaultPushNotificationMessage": {"Data": {"k": "v"}},
    }
    assert render("APNS", from_default, None, endpoint("APNS")).missing is None


def test_silent_push_without_data_is_missing() -> None:
    config = {"GCMMessage": {"SilentPush": True}}
    assert render("GCM", config, None, endpoint("GCM")).missing == MISSING_PUSH


def test_push_title_alone_is_content() -> None:
    config = {"APNSMessage": {"Title": "t"}}
    assert render("APNS", config, None, endpoint("APNS")).missing is None


def test_push_settings_alone_are_missing_content() -> None:
    config = {"APNSMessage": {"Badge": 3, "Sound": "default", "Data": {"k": "v"}}}
    rendered = render("APNS", config, None, endpoint("APNS"))
    assert rendered.missing == MISSING_PUSH
    assert rendered.fields == {"Badge": 3, "Sound": "default", "Data": {"k": "v"}}


def test_plans_are_shared_by_requests_with_the_same_texts_and_settings() -> None:
    config = {"SMSMessage": {"Body": "Hi {{Name}}"}}
    first = prepare(config).channel("SMS")
    again = prepare({"SMSMessage": {"Body": "Hi {{Name}}"}}).channel("SMS")
    joined = prepare(config, multi_value="join").channel("SMS")
    other = prepare({"SMSMessage": {"Body": "Bye {{Name}}"}}).channel("SMS")
    assert again.default is first.default  # type: ignore[attr-defined]
    assert joined.default is not first.default  # type: ignore[attr-defined]
    assert other.default is not first.default  # type: ignore[attr-defined]
    user = {"Substitutions": {"Name": ["Ana", "Bo"]}}
    assert again.row(user, None)[2] == "Hi Ana"
    assert joined.row(user, None)[2] == "Hi Ana, Bo"
