"""render(): precedence, substitutions, variables and missing content, per channel."""

from __future__ import annotations

import base64
import copy
import gc
import json
import random
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from pinpoint_mock.models import Endpoint
from pinpoint_mock.rendering import BODY, _render_reference, prepare, render

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


def sms_body(body: str, user: dict[str, Any] | None = None, **kwargs: Any) -> Any:
    return render("SMS", {"SMSMessage": {"Body": body}}, user, endpoint(), **kwargs)


# -- SMS ---------------------------------------------------------------------------------------


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


@pytest.mark.parametrize(
    ("body", "encoding", "segments"),
    [
        ("a" * 160, "GSM-7", 1),
        ("a" * 161, "GSM-7", 2),
        ("€" * 81, "GSM-7", 2),
        ("ж" * 70, "UCS-2", 1),
        ("ж" * 71, "UCS-2", 2),
        ("hello 😀", "UCS-2", 1),
    ],
)
def test_sms_encoding_and_segments(body: str, encoding: str, segments: int) -> None:
    rendered = sms_body(body)
    assert (rendered.sms_encoding, rendered.sms_segments) == (encoding, segments)


def test_sms_encoding_is_measured_after_substitution() -> None:
    rendered = sms_body("Hi {{Name}}", {"Substitutions": {"Name": ["Жанна"]}})
    assert rendered.body == "Hi Жанна"
    assert rendered.sms_encoding == "UCS-2"
    long = sms_body("{{Text}}", {"Substitutions": {"Text": ["x" * 200]}})
    assert (long.sms_encoding, long.sms_segments) == ("GSM-7", 2)


def test_non_sms_channels_have_no_sms_facts() -> None:
    rendered = render("VOICE", {"VoiceMessage": {"Body": "ж"}}, None, endpoint("VOICE"))
    assert (rendered.sms_encoding, rendered.sms_segments) == (None, None)


# -- EMAIL -------------------------------------------------------------------------------------


def simple_email(**parts: str) -> dict[str, Any]:
    return {name: {"Data": data, "Charset": "UTF-8"} for name, data in parts.items()}


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


# -- VOICE -------------------------------------------------------------------------------------


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


# -- push --------------------------------------------------------------------------------------


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


# -- substitutions -----------------------------------------------------------------------------


def test_substitutions_merge_lowest_to_highest() -> None:
    config = {
        "DefaultMessage": {"Substitutions": {"A": ["dm"], "B": ["dm"], "C": ["dm"], "D": ["dm"]}},
        "DefaultPushNotificationMessage": {
            "Substitutions": {"B": ["dp"], "C": ["dp"], "D": ["dp"]}
        },
        "APNSMessage": {
            "Body": "{{A}} {{B}} {{C}} {{D}}",
            "Substitutions": {"C": ["ch"], "D": ["ch"]},
        },
    }
    user = {"Substitutions": {"D": ["user"]}}
    rendered = render("APNS", config, user, endpoint("APNS"))
    assert rendered.body == "dm dp ch user"
    assert rendered.substitutions == {"A": ["dm"], "B": ["dp"], "C": ["ch"], "D": ["user"]}


def test_default_push_substitutions_only_for_push() -> None:
    config = {
        "DefaultMessage": {"Substitutions": {"A": ["dm"]}},
        "DefaultPushNotificationMessage": {"Substitutions": {"A": ["dp"]}},
        "SMSMessage": {"Body": "{{A}}"},
    }
    assert render("SMS", config, None, endpoint()).body == "dm"


def test_input_is_not_mutated() -> None:
    config = {
        "DefaultMessage": {"Substitutions": {"A": ["dm"]}},
        "SMSMessage": {"Body": "{{A}}", "Substitutions": {"A": ["ch"]}},
    }
    user = {"Substitutions": {"A": ["user"]}}
    before = copy.deepcopy((config, user))
    render("SMS", config, user, endpoint())
    assert (config, user) == before


# -- variables ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("Attributes.Color", "red"),
        ("User.UserAttributes.FirstName", "ana"),
        ("User.UserId", "user-1"),
        ("Address", "+15550100"),
        ("Id", "ep-1"),
        ("ChannelType", "SMS"),
        ("EndpointStatus", "ACTIVE"),
        ("OptOut", "NONE"),
        ("Demographic.Platform", "ios"),
        ("Location.City", "Paris"),
        ("Location.Latitude", "48.85"),
        ("Metrics.Score", "4.5"),
    ],
)
def test_endpoint_variables(variable: str, value: str) -> None:
    rendered = sms_body("<{{" + variable + "}}>")
    assert rendered.body == f"<{value}>"
    assert rendered.unresolved == ()


def test_substitutions_win_over_endpoint_values() -> None:
    rendered = sms_body("{{Address}}", {"Substitutions": {"Address": ["elsewhere"]}})
    assert rendered.body == "elsewhere"


@pytest.mark.parametrize(
    "variable", ["Attributes.Nope", "User.UserAttributes.Nope", "Demographic.Nope", "Nope"]
)
def test_unknown_endpoint_values_are_unresolved(variable: str) -> None:
    rendered = sms_body("a{{" + variable + "}}b")
    assert rendered.body == "ab"
    assert rendered.unresolved == (variable,)


def test_bare_address_has_no_endpoint_variables() -> None:
    config = {"SMSMessage": {"Body": "{{Address}} {{Attributes.Color}} {{Code}}"}}
    rendered = render("SMS", config, {"Substitutions": {"Code": ["42"]}}, None)
    assert rendered.body == "  42"
    assert rendered.unresolved == ("Address", "Attributes.Color")


def test_variable_spacing_and_triple_braces() -> None:
    rendered = sms_body(
        "{{ Name }}|{{Name}}|{{{Name}}}|{{  Name}}", {"Substitutions": {"Name": ["x"]}}
    )
    assert rendered.body == "x|x|x|x"


def test_unresolved_in_order_without_duplicates_across_fields() -> None:
    config = {"APNSMessage": {"Title": "{{B}} {{A}}", "Body": "{{A}} {{C}} {{B}} {{Known}}"}}
    user = {"Substitutions": {"Known": ["k"]}}
    rendered = render("APNS", config, user, endpoint("APNS"))
    assert (rendered.title, rendered.body) == (" ", "   k")
    assert rendered.unresolved == ("B", "A", "C")


def test_unresolved_in_email_parts_order() -> None:
    config = {
        "EmailMessage": {
            "SimpleEmail": simple_email(Subject="{{S}}", TextPart="{{T}}", HtmlPart="{{H}}")
        }
    }
    assert render("EMAIL", config, None, endpoint("EMAIL")).unresolved == ("S", "T", "H")


def test_a_body_that_renders_empty_still_counts_as_content() -> None:
    rendered = sms_body("{{Nothing}}")
    assert rendered.body == ""
    assert rendered.missing is None
    assert rendered.sms_encoding is None


def test_empty_substitution_list_is_unresolved() -> None:
    rendered = sms_body("[{{A}}][{{Attributes.Empty}}]", {"Substitutions": {"A": []}})
    assert rendered.body == "[][]"
    assert rendered.unresolved == ("A", "Attributes.Empty")


@pytest.mark.parametrize(
    ("multi_value", "expected"), [("first", "a|red"), ("join", "a, b|red, blue")]
)
def test_multi_value(multi_value: str, expected: str) -> None:
    user = {"Substitutions": {"L": ["a", "b"]}}
    assert sms_body("{{L}}|{{Attributes.Color}}", user, multi_value=multi_value).body == expected


def test_multi_value_default_is_first() -> None:
    assert sms_body("{{User.UserAttributes.Pets}}").body == "cat"


def test_indexed_values() -> None:
    rendered = sms_body("{{User.UserAttributes.Pets.[1]}} {{Attributes.Color.[5]}}")
    assert rendered.body == "dog "
    assert rendered.unresolved == ("Attributes.Color.[5]",)


def test_unknown_multi_value_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="multi_value"):
        sms_body("x", multi_value="last")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{{upper Name}}", "ANA MARIA"),
        ("{{lower Shout}}", "loud"),
        ("{{capitalize Name}}", "Ana Maria"),
        ("{{capitalizeFirst Name}}", "Ana maria"),
        ("{{abbreviate Name 3}}", "ana maria"),
        ('{{upper "literal"}}', "LITERAL"),
        ("{{ upper  Name }}", "ANA MARIA"),
        ("{{upper Attributes.Color}}", "RED"),
        ('{{now format="YYYY"}}', ""),
    ],
)
def test_helpers(text: str, expected: str) -> None:
    user = {"Substitutions": {"Name": ["ana maria"], "Shout": ["LOUD"]}}
    rendered = sms_body(text, user)
    assert rendered.body == expected
    assert rendered.unresolved == ()


def test_helper_with_unresolved_argument() -> None:
    rendered = sms_body("[{{upper Missing}}]")
    assert rendered.body == "[]"
    assert rendered.unresolved == ("Missing",)


def test_blocks_render_empty_and_are_not_unresolved() -> None:
    text = (
        "{{#if User.UserAttributes.FirstName}}yes{{else}}no{{/if}}"
        "{{! comment }}{{#each L}}{{this}}{{/each}}{{else if X}}"
    )
    rendered = sms_body(text)
    assert rendered.body == "yesno"
    assert rendered.unresolved == ()


def test_text_without_variables_is_returned_as_is() -> None:
    body = "no variables here, just {braces}"
    assert sms_body(body).body is body


def test_variables_in_raw_content() -> None:
    config = {"GCMMessage": {"RawContent": '{"data": {"body": "Hi {{Attributes.Color}} {{X}}"}}'}}
    rendered = render("GCM", config, None, endpoint("GCM"))
    assert rendered.raw_content == '{"data": {"body": "Hi red "}}'
    assert rendered.body == "Hi red "
    assert rendered.unresolved == ("X",)


# -- templates and missing content --------------------------------------------------------------


@pytest.mark.parametrize(
    ("channel", "member"),
    [
        ("SMS", "SMSTemplate"),
        ("EMAIL", "EmailTemplate"),
        ("VOICE", "VoiceTemplate"),
        ("APNS", "PushTemplate"),
        ("GCM", "PushTemplate"),
        ("BAIDU", "PushTemplate"),
        ("ADM", "PushTemplate"),
    ],
)
def test_template_counts_as_content(channel: str, member: str) -> None:
    template = {member: {"Name": "welcome", "Version": "3"}}
    rendered = render(channel, {}, None, endpoint(channel), template=template)
    assert rendered.template == "welcome:3"
    assert rendered.missing is None
    assert rendered.body is None


def test_template_without_version() -> None:
    template = {"SMSTemplate": {"Name": "welcome"}}
    assert render("SMS", {}, None, endpoint(), template=template).template == "welcome"


def test_template_for_another_channel_does_not_count() -> None:
    template = {"EmailTemplate": {"Name": "welcome"}, "InAppTemplate": {"Name": "x"}}
    rendered = render("SMS", {}, None, endpoint(), template=template)
    assert rendered.template is None
    assert rendered.missing == MISSING_SMS


def test_template_and_message_body_together() -> None:
    template = {"PushTemplate": {"Name": "promo"}}
    config = {"GCMMessage": {"Body": "b"}}
    rendered = render("GCM", config, None, endpoint("GCM"), template=template)
    assert (rendered.template, rendered.body) == ("promo", "b")


@pytest.mark.parametrize(
    ("channel", "message"),
    [
        ("SMS", MISSING_SMS),
        ("EMAIL", MISSING_EMAIL),
        ("VOICE", MISSING_VOICE),
        *((channel, MISSING_PUSH) for channel in sorted(PUSH_MESSAGES)),
    ],
)
def test_missing_content_messages(channel: str, message: str) -> None:
    rendered = render(channel, {}, None, endpoint(channel))
    assert rendered.missing == message
    assert not rendered.has_content


@pytest.mark.parametrize("channel", ["PUSH", "CUSTOM", "IN_APP", "CARRIER_PIGEON"])
def test_unsupported_channels(channel: str) -> None:
    config = {"DefaultMessage": {"Body": "b"}, "DefaultPushNotificationMessage": {"Body": "b"}}
    rendered = render(channel, config, {"BodyOverride": "x"}, endpoint(channel))
    assert rendered.channel == channel
    assert rendered.missing == f"{channel} channel is not supported for direct sends"
    assert rendered.body is None


# -- prepare(): the per-request path against the original per-endpoint algorithm ---------------

TEXTS = (
    "plain text, {braces} but no variables",
    "Hi {{Name}}, your code is {{Code}}",
    "{{Name}}",
    "<{{upper Name}}>",
    "{{L.[1]}}!",
    "{{ Name }}|{{{Code}}}|{{L}}|{{L.[1]}}|{{L.[9]}}",
    "<{{Attributes.Color}}> {{Address}} {{Id}} {{User.UserId}} {{ChannelType}} {{EffectiveDate}}",
    "{{User.UserAttributes.Pets.[1]}} {{Attributes.Empty}} {{Metrics.Score}} {{Location.City}}",
    "{{upper Name}} {{capitalize Missing}} {{lower 'LIT'}} {{abbreviate Code 3}} {{now x=1}}",
    "{{#if Name}}yes{{else}}no{{/if}}{{! note }}{{this}}{{> partial}}{{}}",
    "Жанна {{Name}}",
    "€ {{Code}} [x]",
    "x" * 158 + "{{Name}}",
    "ж" * 60 + "{{Name}}",
    "{{Address}}",
    "{{Unknown}}{{Unknown}}{{Other}}",
    "{{Name}}{{Code}}{{Name}}",
    "",
)
RAW_JSON = (
    '{"aps": {"alert": {"title": "T {{Name}}", "body": "B {{Attributes.Color}}"}}}',
    '{"aps": {"alert": "alert {{Code}}"}}',
    '{"notification": {"title": "n {{Name}}"}, "data": {"body": "d {{Missing}}"}}',
    '{"title": "{{Name}}", "description": "{{Address}}"}',
    '{"aps": {"content-available": 1}}',
    "not json {{Name}} {",
    '["a list {{Name}}"]',
)
RAW_MIME = (
    "Subject: Hello {{Name}}\nMIME-Version: 1.0\n"
    'Content-Type: multipart/alternative; boundary="b"\n\n'
    "--b\nContent-Type: text/plain; charset=utf-8\n\nPlain {{Name}} {{Address}}\n"
    "--b\nContent-Type: text/html; charset=utf-8\n\n<p>{{Code}}</p>\n--b--\n",
    "Content-Type: text/plain\n\nno subject {{Missing}}\n",
)
VALUES: tuple[Any, ...] = (
    ["Ana"], ["a", "b"], [], [""], ["Жанна"], ["x" * 20], "bare", 7, True, None, ("t1", "t2"),
)  # fmt: skip
NAMES = ("Name", "Code", "L", "Address", "Attributes.Color", "Missing")
ALL_CHANNELS = (*sorted(PUSH_MESSAGES), "SMS", "EMAIL", "VOICE", "PUSH", "IN_APP")


Case = tuple[dict[str, Any], "dict[str, Any] | None", str, list[Any]]


def generated_cases(count: int, seed: int) -> Iterator[Case]:
    """Random (MessageConfiguration, TemplateConfiguration, multi_value, recipients), seeded.

    Every level may give or lack each text, payload and Substitutions; recipients are None, {},
    and random mixes of Substitutions, overrides, RawContent and Context.
    """
    rng = random.Random(seed)

    def maybe(value: Callable[[], Any], p: float = 0.5) -> Any:
        return value() if rng.random() < p else None

    def text() -> str:
        return rng.choice(TEXTS)

    def substitutions() -> dict[str, Any]:
        return {name: rng.choice(VALUES) for name in rng.sample(NAMES, rng.randint(0, 4))}

    def push_message() -> dict[str, Any]:
        return {
            "Title": maybe(text),
            "Body": maybe(text),
            "RawContent": maybe(lambda: rng.choice(RAW_JSON), 0.2),
            "Substitutions": maybe(substitutions),
            "Badge": maybe(lambda: rng.randint(0, 3)),
            "SilentPush": maybe(lambda: rng.choice([True, False])),
            "Data": maybe(lambda: {"k": "v"}),
            "Sound": maybe(lambda: "default", 0.3),
            "Action": None,
        }

    def message(member: str) -> dict[str, Any]:
        if member in PUSH_MESSAGES.values() or member == "DefaultPushNotificationMessage":
            return push_message()
        if member == "EmailMessage":
            parts: dict[str, Any] = {
                name: {"Data": text(), "Charset": "UTF-8"}
                for name in ("Subject", "TextPart", "HtmlPart")
                if rng.random() < 0.6
            }
            if rng.random() < 0.3:
                parts["Headers"] = [{"Name": "X-A", "Value": "1"}]
            return {
                "FromAddress": maybe(lambda: "shop@example.com"),
                "Body": maybe(text, 0.3),
                "SimpleEmail": parts if rng.random() < 0.8 else None,
                "RawEmail": maybe(lambda: {"Data": b64(rng.choice(RAW_MIME))}, 0.15),
                "Substitutions": maybe(substitutions),
            }
        extra = {"SMSMessage": "MessageType", "VoiceMessage": "LanguageCode"}.get(member, "X")
        return {
            "Body": maybe(text, 0.7),
            extra: maybe(lambda: "v"),
            "Substitutions": maybe(substitutions),
        }

    members = (
        "DefaultMessage", "DefaultPushNotificationMessage", "SMSMessage", "VoiceMessage",
        "EmailMessage", "APNSMessage", "GCMMessage", "BaiduMessage", "ADMMessage",
    )  # fmt: skip
    templates = ("SMSTemplate", "EmailTemplate", "VoiceTemplate", "PushTemplate")
    recipient_keys: tuple[tuple[str, Callable[[], Any]], ...] = (
        ("Substitutions", substitutions),
        ("BodyOverride", lambda: rng.choice([*TEXTS, 5])),
        ("TitleOverride", text),
        ("RawContent", lambda: rng.choice(RAW_JSON)),
        ("Context", lambda: {"c": "1"}),
    )
    for _ in range(count):
        config: dict[str, Any] = {}
        for member in members:
            if rng.random() < 0.6:
                config[member] = (
                    {"Body": maybe(text), "Substitutions": maybe(substitutions)}
                    if member == "DefaultMessage"
                    else message(member)
                )
        template = None
        if rng.random() < 0.2:
            template = {
                rng.choice(templates): {"Name": "t", "Version": rng.choice(["", "2", None])}
            }
        users: list[Any] = [None, {}]
        for _ in range(4):
            users.append({
                key: value()
                for key, value in recipient_keys
                if rng.random() < (0.15 if key == "RawContent" else 0.35)
            })  # fmt: skip
        yield config, template, rng.choice(["first", "join"]), users


@pytest.mark.parametrize("batch", range(4))
def test_prepare_matches_the_reference_algorithm(batch: int) -> None:
    endpoints = [
        None,
        endpoint(),
        endpoint(address="+15550999", user_id=None, effective_date="2024", attributes={}),
    ]
    checked = 0
    for config, template, multi_value, users in generated_cases(60, seed=batch):
        prepared = prepare(config, template=template, multi_value=multi_value)
        for user in users:  # as the engine goes: recipient by recipient, channels interleaved
            for where in endpoints:
                for channel in ALL_CHANNELS:
                    expected = _render_reference(
                        channel, config, user, where, template=template, multi_value=multi_value
                    )
                    got = prepared.render(channel, user, where)
                    assert got == expected, (channel, config, template, multi_value, user, where)
                    checked += 1
    assert checked == 60 * len(ALL_CHANNELS) * 6 * 3


def test_prepare_renders_each_endpoint() -> None:
    prepared = prepare({"SMSMessage": {"Body": "To {{Address}}, {{Attributes.Color}}"}})
    first = prepared.render("SMS", None, endpoint())
    second = prepared.render("SMS", {}, endpoint(address="+15550999", attributes={}))
    assert (first.body, first.unresolved) == ("To +15550100, red", ())
    assert (second.body, second.unresolved) == ("To +15550999, ", ("Attributes.Color",))


def test_prepare_shares_a_message_only_when_nothing_differs() -> None:
    config = {"SMSMessage": {"Body": "Hi {{Name}}", "Substitutions": {"Name": ["all"]}}}
    prepared = prepare(config)
    shared = prepared.row("SMS", None, endpoint())
    assert (
        prepared.row("SMS", {"TitleOverride": "ignored"}, endpoint("SMS", address="+1")) is shared
    )
    own = prepared.render("SMS", {"Substitutions": {"Name": ["Ana"]}}, endpoint())
    assert (shared[BODY], own.body) == ("Hi all", "Hi Ana")
    assert own.substitutions == {"Name": ["Ana"]}
    assert prepared.maps("SMS", None) == ({"Name": ["all"]}, {})


def test_rows_hold_only_values_the_garbage_collector_need_not_follow() -> None:
    config = {
        "APNSMessage": {"Body": "Hi {{Name}} {{Missing}}", "Substitutions": {"Name": ["all"]}},
    }
    user = {"Substitutions": {"Name": ["Ana"]}, "Context": {"k": "v"}}
    row = prepare(config).row("APNS", user, endpoint("APNS", address="token"))
    for _ in range(2):  # a tuple is untracked once its items are (the inner one goes first)
        gc.collect()
    assert not gc.is_tracked(row)
    assert row[BODY] == "Hi Ana "
    assert prepare(config).maps("APNS", user) == ({"Name": ["Ana"]}, {"Context": {"k": "v"}})


def test_rendered_messages_own_their_mappings() -> None:
    config = {"SMSMessage": {"Body": "Hi", "Substitutions": {"Name": ["all"]}}}
    prepared = prepare(config)
    first, second = (prepared.render("SMS", None, endpoint()) for _ in range(2))
    first.substitutions["Name"] = ["changed"]  # type: ignore[index]
    first.fields["MessageType"] = "changed"  # type: ignore[index]
    assert second.substitutions == {"Name": ["all"]}
    assert second.fields == {}
    assert prepared.render("SMS", None, endpoint()).substitutions == {"Name": ["all"]}


def test_prepare_refuses_unknown_multi_value() -> None:
    with pytest.raises(ValueError, match="multi_value"):
        prepare({}, multi_value="last")


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


def test_the_gsm_basic_test_agrees_with_the_character_set_for_every_character() -> None:
    from pinpoint_mock import sms
    from pinpoint_mock.rendering import _gsm_basic

    for code in [*range(0x3000), 0x1F600, 0x10FFFF]:
        char = chr(code)
        assert _gsm_basic(char) is (char in sms.GSM_BASIC), hex(code)
        assert _gsm_basic("Hi " + char + " there") is (char in sms.GSM_BASIC), hex(code)
    assert _gsm_basic("")
