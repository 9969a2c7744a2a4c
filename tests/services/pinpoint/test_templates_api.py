"""The template API: versions, the active version, lists; sends render the active version."""

from __future__ import annotations

import json
from typing import Any

import pytest

from pinpoint_mock.mock import PinpointMock


def send_sms(client: Any, pinpoint: PinpointMock, template: dict[str, str]) -> str | None:
    client.send_users_messages(
        ApplicationId=pinpoint.application_id,
        SendUsersMessageRequest={
            "MessageConfiguration": {"SMSMessage": {}},
            "TemplateConfiguration": {"SMSTemplate": template},
            "Users": {"u1": {}},
        },
    )
    return pinpoint.sent.last.body


@pytest.fixture
def sms_user(pinpoint: PinpointMock) -> None:
    pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550100")


@pytest.mark.usefixtures("sms_user")
def test_new_versions_are_inactive_until_activated(pinpoint: PinpointMock, client: Any) -> None:
    made = client.create_sms_template(
        TemplateName="code",
        SMSTemplateRequest={
            "Body": "v1 {{Who}}",
            "DefaultSubstitutions": json.dumps({"Who": "you"}),
        },
    )["CreateTemplateMessageBody"]
    assert made["Message"] == "Created"
    assert made["Arn"].endswith(":templates/code/SMS")
    client.update_sms_template(
        TemplateName="code", CreateNewVersion=True, SMSTemplateRequest={"Body": "v2"}
    )
    assert client.get_sms_template(TemplateName="code")["SMSTemplateResponse"]["Version"] == "1"
    assert send_sms(client, pinpoint, {"Name": "code"}) == "v1 you"
    assert send_sms(client, pinpoint, {"Name": "code", "Version": "2"}) == "v2"
    client.update_template_active_version(
        TemplateName="code", TemplateType="SMS", TemplateActiveVersionRequest={"Version": "2"}
    )
    assert send_sms(client, pinpoint, {"Name": "code"}) == "v2"
    got = client.get_sms_template(TemplateName="code", Version="1")["SMSTemplateResponse"]
    assert (got["Body"], got["TemplateType"], got["Version"]) == ("v1 {{Who}}", "SMS", "1")


def test_update_without_a_new_version_overwrites_the_latest(
    pinpoint: PinpointMock, client: Any
) -> None:
    client.create_voice_template(
        TemplateName="call", VoiceTemplateRequest={"Body": "a", "VoiceId": "Joanna"}
    )
    client.update_voice_template(
        TemplateName="call", VoiceTemplateRequest={"Body": "b", "LanguageCode": "en-US"}
    )
    got = client.get_voice_template(TemplateName="call")["VoiceTemplateResponse"]
    assert (got["Body"], got["Version"], got.get("VoiceId")) == ("b", "1", None)
    versions = client.list_template_versions(TemplateName="call", TemplateType="VOICE")
    assert [v["Version"] for v in versions["TemplateVersionsResponse"]["Item"]] == ["1"]
    with pytest.raises(client.exceptions.BadRequestException, match="create-new-version"):
        client.update_voice_template(
            TemplateName="call",
            CreateNewVersion=True,
            Version="1",
            VoiceTemplateRequest={"Body": "c"},
        )
    with pytest.raises(client.exceptions.NotFoundException):
        client.update_voice_template(
            TemplateName="call", Version="9", VoiceTemplateRequest={"Body": "c"}
        )


def test_email_and_push_templates_render_in_sends(pinpoint: PinpointMock, client: Any) -> None:
    pinpoint.add_endpoint(user_id="u1", channel="EMAIL", address="u1@example.com")
    pinpoint.add_endpoint(user_id="u1", channel="GCM", address="token-1")
    client.create_email_template(
        TemplateName="welcome",
        EmailTemplateRequest={
            "Subject": "Hi {{N}}",
            "TextPart": "t",
            "HtmlPart": "<b>{{N}}</b>",
            "tags": {"team": "growth"},
        },
    )
    client.create_push_template(
        TemplateName="welcome",
        PushNotificationTemplateRequest={"Default": {"Title": "T", "Body": "B"}},
    )
    client.send_users_messages(
        ApplicationId=pinpoint.application_id,
        SendUsersMessageRequest={
            "MessageConfiguration": {},
            "TemplateConfiguration": {
                "EmailTemplate": {"Name": "welcome"},
                "PushTemplate": {"Name": "welcome"},
            },
            "Users": {"u1": {"Substitutions": {"N": ["Ana"]}}},
        },
    )
    email = pinpoint.sent.filter(channel="EMAIL")[0]
    push = pinpoint.sent.filter(channel="GCM")[0]
    assert (email.title, email.html) == ("Hi Ana", "<b>Ana</b>")
    assert (push.title, push.body) == ("T", "B")
    got = client.get_email_template(TemplateName="welcome")["EmailTemplateResponse"]
    assert got["tags"] == {"team": "growth"}
    assert got["Subject"] == "Hi {{N}}"


def test_lists_filter_and_page(pinpoint: PinpointMock, client: Any) -> None:
    for name in ("a-1", "a-2", "b-1"):
        client.create_sms_template(TemplateName=name, SMSTemplateRequest={"Body": name})
    client.create_email_template(TemplateName="a-1", EmailTemplateRequest={"Subject": "s"})
    listed = client.list_templates(Prefix="a-")["TemplatesResponse"]["Item"]
    assert [(t["TemplateName"], t["TemplateType"]) for t in listed] == [
        ("a-1", "EMAIL"), ("a-1", "SMS"), ("a-2", "SMS"),
    ]  # fmt: skip
    sms = client.list_templates(TemplateType="SMS", PageSize="2")["TemplatesResponse"]
    assert len(sms["Item"]) == 2
    rest = client.list_templates(TemplateType="SMS", NextToken=sms["NextToken"])[
        "TemplatesResponse"
    ]
    assert [t["TemplateName"] for t in rest["Item"]] == ["b-1"]


def test_deleting_versions_and_templates(pinpoint: PinpointMock, client: Any) -> None:
    client.create_sms_template(TemplateName="t", SMSTemplateRequest={"Body": "1"})
    client.update_sms_template(
        TemplateName="t", CreateNewVersion=True, SMSTemplateRequest={"Body": "2"}
    )
    with pytest.raises(client.exceptions.BadRequestException, match="active version"):
        client.delete_sms_template(TemplateName="t", Version="1")
    client.delete_sms_template(TemplateName="t", Version="2")
    client.update_sms_template(
        TemplateName="t", CreateNewVersion=True, SMSTemplateRequest={"Body": "3"}
    )
    versions = client.list_template_versions(TemplateName="t", TemplateType="sms")
    assert [v["Version"] for v in versions["TemplateVersionsResponse"]["Item"]] == ["1", "3"]
    client.delete_sms_template(TemplateName="t")
    with pytest.raises(client.exceptions.NotFoundException):
        client.get_sms_template(TemplateName="t")
    with pytest.raises(client.exceptions.NotFoundException):
        client.list_template_versions(TemplateName="t", TemplateType="SMS")


def test_bad_names_types_and_duplicates(pinpoint: PinpointMock, client: Any) -> None:
    with pytest.raises(client.exceptions.BadRequestException, match="template-name"):
        client.create_sms_template(TemplateName="_bad", SMSTemplateRequest={"Body": "x"})
    client.create_sms_template(TemplateName="ok", SMSTemplateRequest={"Body": "x"})
    with pytest.raises(client.exceptions.BadRequestException, match="already exists"):
        client.create_sms_template(TemplateName="ok", SMSTemplateRequest={"Body": "x"})
    with pytest.raises(client.exceptions.BadRequestException, match="template-type"):
        client.list_template_versions(TemplateName="ok", TemplateType="FAX")
    with pytest.raises(client.exceptions.BadRequestException, match="DefaultSubstitutions"):
        client.create_sms_template(
            TemplateName="subs",
            SMSTemplateRequest={"Body": "x", "DefaultSubstitutions": "not json"},
        )


@pytest.mark.usefixtures("sms_user")
def test_add_template_is_a_shortcut_over_the_same_store(
    pinpoint: PinpointMock, client: Any
) -> None:
    pinpoint.add_template("promo", channel="SMS", body="one")
    client.update_sms_template(
        TemplateName="promo", CreateNewVersion=True, SMSTemplateRequest={"Body": "two"}
    )
    assert send_sms(client, pinpoint, {"Name": "promo"}) == "one"  # API versions wait
    made = pinpoint.add_template("promo", channel="SMS", body="three")
    assert made.version == "3"
    assert send_sms(client, pinpoint, {"Name": "promo"}) == "three"  # the helper activates
    listed = client.list_template_versions(TemplateName="promo", TemplateType="SMS")
    assert [v["Version"] for v in listed["TemplateVersionsResponse"]["Item"]] == ["1", "2", "3"]
