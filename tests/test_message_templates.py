"""Registered message templates render in sends that name them in TemplateConfiguration."""

from __future__ import annotations

from typing import Any

import pytest

from pinpoint_mock.errors import PinpointMockError
from pinpoint_mock.mock import PinpointMock


def send(client: Any, pinpoint: PinpointMock, request: dict[str, Any]) -> Any:
    return client.send_users_messages(
        ApplicationId=pinpoint.application_id, SendUsersMessageRequest=request
    )["SendUsersMessageResponse"]


def test_template_text_renders_with_default_message_and_user_substitutions(
    pinpoint: PinpointMock, client: Any
) -> None:
    pinpoint.add_template(
        "welcome",
        channel="EMAIL",
        title="Welcome, {{Name}}",
        body="Your plan: {{Plan}}. Code {{Code}}",
        html="<h1>Hi {{Name}}</h1>",
        default_substitutions={"Name": "friend", "Plan": "free", "Code": "0000"},
    )
    pinpoint.add_endpoint(user_id="u1", channel="EMAIL", address="ana@example.com")
    pinpoint.add_endpoint(user_id="u2", channel="EMAIL", address="ben@example.com")
    result = send(
        client,
        pinpoint,
        {
            "MessageConfiguration": {"EmailMessage": {"Substitutions": {"Plan": ["gold"]}}},
            "TemplateConfiguration": {"EmailTemplate": {"Name": "welcome"}},
            "Users": {"u1": {"Substitutions": {"Name": ["Ana"], "Code": ["1234"]}}, "u2": {}},
        },
    )
    statuses = [e["DeliveryStatus"] for user in result["Result"].values() for e in user.values()]
    assert statuses == ["SUCCESSFUL", "SUCCESSFUL"]
    ana, ben = pinpoint.sent
    assert (ana.title, ana.body, ana.html) == (
        "Welcome, Ana",
        "Your plan: gold. Code 1234",
        "<h1>Hi Ana</h1>",
    )
    assert (ben.title, ben.body) == ("Welcome, friend", "Your plan: gold. Code 0000")
    assert ana.message.template == "welcome"


def test_request_message_wins_over_the_template_field_by_field(
    pinpoint: PinpointMock, client: Any
) -> None:
    pinpoint.add_template("alert", channel="PUSH", title="Template title", body="Template body")
    pinpoint.add_endpoint(user_id="u1", channel="GCM", address="token-1")
    send(
        client,
        pinpoint,
        {
            "MessageConfiguration": {"GCMMessage": {"Title": "Request title"}},
            "TemplateConfiguration": {"PushTemplate": {"Name": "alert"}},
            "Users": {"u1": {}},
        },
    )
    (sent,) = pinpoint.sent
    assert (sent.title, sent.body) == ("Request title", "Template body")


def test_versions_newest_is_active_and_a_version_can_be_named(
    pinpoint: PinpointMock, client: Any
) -> None:
    first = pinpoint.add_template("code", channel="SMS", body="v1 {{Code}}")
    second = pinpoint.add_template("code", channel="SMS", body="v2 {{Code}}")
    assert (first.version, second.version) == ("1", "2")
    pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
    for version, expected in ((None, "v2 7"), ("1", "v1 7")):
        entry = {"Name": "code", **({"Version": version} if version else {})}
        send(
            client,
            pinpoint,
            {
                "MessageConfiguration": {},
                "TemplateConfiguration": {"SMSTemplate": entry},
                "Users": {"u1": {"Substitutions": {"Code": ["7"]}}},
            },
        )
        assert pinpoint.sent.last.body == expected


def test_unknown_template_is_404_once_templates_are_registered(
    pinpoint: PinpointMock, client: Any
) -> None:
    pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
    request = {
        "MessageConfiguration": {},
        "TemplateConfiguration": {"SMSTemplate": {"Name": "nope"}},
        "Users": {"u1": {}},
    }
    send(client, pinpoint, request)  # no templates registered: the reference counts as content
    assert pinpoint.sent.last.body is None
    pinpoint.add_template("other", channel="SMS", body="x")
    with pytest.raises(client.exceptions.NotFoundException, match="SMS template 'nope'"):
        send(client, pinpoint, request)
    request["TemplateConfiguration"] = {"SMSTemplate": {"Name": "other", "Version": "9"}}
    with pytest.raises(client.exceptions.NotFoundException, match="'other' version 9"):
        send(client, pinpoint, request)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"channel": "FAX"}, "channel 'FAX' is not one of SMS, EMAIL, PUSH, VOICE"),
        ({"channel": "SMS", "html": "<p>"}, "html is for EMAIL templates only"),
        ({"channel": "VOICE", "title": "t"}, "VOICE templates have no title"),
        ({"channel": "SMS", "default_substitutions": {"A": ["x"]}}, r"\['A'\] must be a string"),
    ],
)
def test_bad_templates_are_refused(
    pinpoint: PinpointMock, kwargs: dict[str, Any], message: str
) -> None:
    with pytest.raises(PinpointMockError, match=message):
        pinpoint.add_template("t", **kwargs)


def test_reset_forgets_templates(pinpoint: PinpointMock) -> None:
    pinpoint.add_template("t", channel="SMS", body="x")
    assert pinpoint.add_template("t", channel="SMS", body="y").version == "2"
    pinpoint.reset()
    assert pinpoint.add_template("t", channel="SMS", body="z").version == "1"  # versions forgotten


def test_records_read_later_show_the_template_as_it_was_at_send_time(
    pinpoint: PinpointMock, client: Any
) -> None:
    pinpoint.add_template(
        "welcome", channel="SMS", body="Hi {{Name}}", default_substitutions={"Name": "friend"}
    )
    pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550100")
    send(
        client,
        pinpoint,
        {
            "MessageConfiguration": {"SMSMessage": {"MessageType": "TRANSACTIONAL"}},
            "TemplateConfiguration": {"SMSTemplate": {"Name": "welcome"}},
            "Users": {"u1": {}},
        },
    )
    # Records are made when first read: changing the template first must not change them.
    pinpoint.add_template(
        "welcome", channel="SMS", body="Bye {{Name}}", default_substitutions={"Name": "stranger"}
    )
    (sent,) = pinpoint.sent
    assert sent.body == "Hi friend"
    assert sent.substitutions == {"Name": ["friend"]}
