"""End-of-support mode: what AWS retired from Pinpoint answers 403 ForbiddenException with AWS's
own message; what continues keeps working; off by default."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from pinpoint_mock import PinpointMock, mock_pinpoint
from pinpoint_mock.services import SERVICES
from pinpoint_mock.services.pinpoint.retired import MESSAGE, OPERATIONS

APP = "611e3e3cdd47474c9c1399a505665b91"

# aws-amplify/amplify-flutter#6158, verbatim: "October 20" and the double space are AWS's.
AWS_TEXT = (
    "Forbidden:On October 20, 2026, AWS will end support for the Amazon Pinpoint engagement "
    "features (e.g., segments, message templates, campaigns, journeys, analytics).  We "
    "recommend customers to migrate to Amazon Connect for engagement capabilities."
)


@pytest.fixture
def retired() -> Any:
    with mock_pinpoint(seed=1, end_of_support=True) as pinpoint:
        yield pinpoint, boto3.client("pinpoint", region_name="us-east-1")


def refused(call: Any) -> dict[str, Any]:
    with pytest.raises(ClientError) as info:
        call()
    assert info.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403
    return info.value.response["Error"]  # type: ignore[no-any-return]


def test_the_message_is_aws_verbatim() -> None:
    assert MESSAGE == AWS_TEXT
    assert "  We recommend" in MESSAGE


def test_every_retired_name_is_a_pinpoint_operation() -> None:
    botocore = pytest.importorskip("botocore.loaders")
    model = botocore.Loader().load_service_model("pinpoint", "service-2")
    assert set(model["operations"]) >= OPERATIONS
    continuing = set(model["operations"]) - OPERATIONS
    assert {"SendMessages", "SendOTPMessage", "VerifyOTPMessage", "PhoneNumberValidate"} <= (
        continuing
    )
    assert {"CreateApp", "GetSmsChannel", "UpdateGcmChannel", "UpdateVoiceChannel"} <= continuing
    assert SERVICES["sesv2"].retired is None
    assert SERVICES["pinpoint-sms-voice-v2"].retired is None


def test_send_users_messages_is_refused_by_name(retired: Any) -> None:
    pinpoint, client = retired
    pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
    error = refused(
        lambda: client.send_users_messages(
            ApplicationId=APP,
            SendUsersMessageRequest={
                "MessageConfiguration": {"SMSMessage": {"Body": "hi"}},
                "Users": {"u1": {}},
            },
        )
    )
    assert (error["Code"], error["Message"]) == ("ForbiddenException", AWS_TEXT)
    [call] = pinpoint.retired_calls
    assert (call.operation, call.status, call.rule) == ("SendUsersMessages", 403, "end-of-support")
    assert len(pinpoint.sent) == 0


@pytest.mark.parametrize(
    ("name", "call"),
    [
        ("GetEndpoint", lambda c: c.get_endpoint(ApplicationId=APP, EndpointId="e1")),
        ("GetUserEndpoints", lambda c: c.get_user_endpoints(ApplicationId=APP, UserId="u1")),
        ("ListTemplates", lambda c: c.list_templates()),
        ("GetEmailChannel", lambda c: c.get_email_channel(ApplicationId=APP)),
        # not implemented by the fake, refused all the same (not "unsupported")
        ("GetSegments", lambda c: c.get_segments(ApplicationId=APP)),
        ("GetCampaigns", lambda c: c.get_campaigns(ApplicationId=APP)),
        ("ListJourneys", lambda c: c.list_journeys(ApplicationId=APP)),
    ],
)
def test_retired_operations_answer_forbidden(retired: Any, name: str, call: Any) -> None:
    pinpoint, client = retired
    assert refused(lambda: call(client))["Code"] == "ForbiddenException"
    assert [c.operation for c in pinpoint.retired_calls] == [name]


@pytest.mark.parametrize(
    ("addresses", "part"),
    [
        ({"ana@example.com": {"ChannelType": "EMAIL"}}, "SendMessages to an EMAIL address"),
    ],
)
def test_send_messages_to_an_email_address_is_refused(
    retired: Any, addresses: dict[str, Any], part: str
) -> None:
    pinpoint, client = retired
    request = {
        "Addresses": {"+12065550123": {"ChannelType": "SMS"}, **addresses},
        "MessageConfiguration": {
            "SMSMessage": {"Body": "hi"},
            "EmailMessage": {"SimpleEmail": {"Subject": {"Data": "s"}, "TextPart": {"Data": "t"}}},
        },
    }
    refused(lambda: client.send_messages(ApplicationId=APP, MessageRequest=request))
    assert [c.rule for c in pinpoint.retired_calls] == [f"end-of-support: {part}"]


def test_send_messages_to_endpoint_ids_or_with_a_template_is_refused(retired: Any) -> None:
    pinpoint, client = retired
    config = {"SMSMessage": {"Body": "hi"}}
    refused(
        lambda: client.send_messages(
            ApplicationId=APP,
            MessageRequest={"Endpoints": {"e1": {}}, "MessageConfiguration": config},
        )
    )
    refused(
        lambda: client.send_messages(
            ApplicationId=APP,
            MessageRequest={
                "Addresses": {"+12065550123": {"ChannelType": "SMS"}},
                "MessageConfiguration": config,
                "TemplateConfiguration": {"SMSTemplate": {"Name": "t"}},
            },
        )
    )
    assert [c.rule for c in pinpoint.retired_calls] == [
        "end-of-support: SendMessages to endpoint ids",
        "end-of-support: SendMessages with a message template",
    ]


def test_what_continues_keeps_working(retired: Any) -> None:
    pinpoint, client = retired
    answer = client.send_messages(
        ApplicationId=APP,
        MessageRequest={
            "Addresses": {
                "+12065550123": {"ChannelType": "SMS"},
                "token-1": {"ChannelType": "GCM"},
                "+12065550142": {"ChannelType": "VOICE"},
            },
            "MessageConfiguration": {
                "SMSMessage": {"Body": "hi"},
                "GCMMessage": {"Title": "t", "Body": "b"},
                "VoiceMessage": {"Body": "hello"},
            },
        },
    )
    statuses = {a: r["DeliveryStatus"] for a, r in answer["MessageResponse"]["Result"].items()}
    assert set(statuses.values()) == {"SUCCESSFUL"}
    client.update_sms_channel(ApplicationId=APP, SMSChannelRequest={"Enabled": True})
    client.get_sms_channel(ApplicationId=APP)
    client.get_apps()
    client.send_otp_message(
        ApplicationId=APP,
        SendOTPMessageRequestParameters={
            "BrandName": "Shop",
            "ReferenceId": "r1",
            "Channel": "SMS",
            "DestinationIdentity": "+12065550123",
            "OriginationIdentity": "+18005550100",
        },
    )
    boto3.client("sesv2", region_name="us-east-1").send_email(
        FromEmailAddress="shop@example.com",
        Destination={"ToAddresses": ["ana@example.com"]},
        Content={"Simple": {"Subject": {"Data": "s"}, "Body": {"Text": {"Data": "t"}}}},
    )
    boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1").send_text_message(
        DestinationPhoneNumber="+12065550123", MessageBody="hi"
    )
    assert pinpoint.retired_calls == []
    assert all(c.ok for c in pinpoint.calls)


def test_off_by_default_and_kept_by_reset() -> None:
    with mock_pinpoint(seed=1) as pinpoint:
        client = boto3.client("pinpoint", region_name="us-east-1")
        pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
        client.get_user_endpoints(ApplicationId=APP, UserId="u1")
        assert pinpoint.retired_calls == []
    mock = PinpointMock(end_of_support=True)
    mock.reset()
    assert mock.options.end_of_support


def test_handles_names_retired_operations_the_fake_does_not_implement() -> None:
    path = f"/v1/apps/{APP}/campaigns"
    assert not PinpointMock().handles("GET", path)  # left to moto, when it is active
    assert PinpointMock(end_of_support=True).handles("GET", path)  # refused here
