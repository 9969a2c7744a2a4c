"""The channel operations and the Enabled flag sends respect."""

from __future__ import annotations

from typing import Any

import pytest

from pinpoint_mock.mock import PinpointMock
from pinpoint_mock.services.pinpoint.channels import DISABLED_MESSAGE, PLATFORMS

SMS = {"MessageConfiguration": {"SMSMessage": {"Body": "hi"}}, "Users": {"u1": {}}}


def send(client: Any, pinpoint: PinpointMock, request: dict[str, Any]) -> Any:
    return client.send_users_messages(
        ApplicationId=pinpoint.application_id, SendUsersMessageRequest=request
    )["SendUsersMessageResponse"]["Result"]


def test_unconfigured_channel_is_404_and_update_creates_it(
    pinpoint: PinpointMock, client: Any
) -> None:
    app = pinpoint.application_id
    with pytest.raises(client.exceptions.NotFoundException):
        client.get_sms_channel(ApplicationId=app)
    made = client.update_sms_channel(
        ApplicationId=app, SMSChannelRequest={"SenderId": "SHOP", "Enabled": True}
    )["SMSChannelResponse"]
    assert (made["Platform"], made["Id"], made["Enabled"], made["Version"]) == (
        "SMS",
        "sms",
        True,
        1,
    )
    assert made["SenderId"] == "SHOP"
    assert made["TransactionalMessagesPerSecond"] == 20
    again = client.update_sms_channel(ApplicationId=app, SMSChannelRequest={"ShortCode": "12345"})
    got = client.get_sms_channel(ApplicationId=app)["SMSChannelResponse"]
    assert got == again["SMSChannelResponse"]
    assert (got["Version"], got["Enabled"], got["SenderId"], got["ShortCode"]) == (
        2,
        True,
        "SHOP",
        "12345",
    )


def test_secrets_are_never_answered_back(pinpoint: PinpointMock, client: Any) -> None:
    app = pinpoint.application_id
    apns = client.update_apns_channel(
        ApplicationId=app,
        APNSChannelRequest={
            "TokenKey": "secret-key",
            "TokenKeyId": "K",
            "TeamId": "T",
            "BundleId": "b",
        },
    )["APNSChannelResponse"]
    assert apns["HasTokenKey"] is True
    assert apns["HasCredential"] is True
    assert "secret-key" not in str(apns)
    adm = client.update_adm_channel(
        ApplicationId=app, ADMChannelRequest={"ClientId": "id", "ClientSecret": "s3cret"}
    )["ADMChannelResponse"]
    assert adm["Platform"] == "ADM"
    assert "s3cret" not in str(adm)
    baidu = client.update_baidu_channel(
        ApplicationId=app, BaiduChannelRequest={"ApiKey": "api", "SecretKey": "sk"}
    )["BaiduChannelResponse"]
    assert baidu["Credential"] == "api"
    assert "sk" not in baidu.values()


#: platform -> (boto3's method infix, the request/response members' prefix)
CLIENT_NAMES = {
    "SMS": ("sms", "SMS"),
    "EMAIL": ("email", "Email"),
    "VOICE": ("voice", "Voice"),
    "APNS": ("apns", "APNS"),
    "APNS_SANDBOX": ("apns_sandbox", "APNSSandbox"),
    "APNS_VOIP": ("apns_voip", "APNSVoip"),
    "APNS_VOIP_SANDBOX": ("apns_voip_sandbox", "APNSVoipSandbox"),
    "GCM": ("gcm", "GCM"),
    "BAIDU": ("baidu", "Baidu"),
    "ADM": ("adm", "ADM"),
}


def test_every_platform_is_served() -> None:
    assert set(CLIENT_NAMES) == set(PLATFORMS)


@pytest.mark.parametrize("platform", sorted(PLATFORMS))
def test_every_channel_gets_updates_and_deletes(
    pinpoint: PinpointMock, client: Any, platform: str
) -> None:
    name, member = CLIENT_NAMES[platform]
    body: dict[str, Any] = {"Enabled": False}
    if platform == "EMAIL":
        body.update(FromAddress="a@example.com", Identity="arn:aws:ses:us-east-1:1:identity/x")
    if platform == "BAIDU":
        body.update(ApiKey="k", SecretKey="s")
    if platform == "ADM":
        body.update(ClientId="i", ClientSecret="s")
    app = pinpoint.application_id
    update = getattr(client, f"update_{name}_channel")
    response_key = f"{member}ChannelResponse"
    made = update(ApplicationId=app, **{f"{member}ChannelRequest": body})[response_key]
    assert (made["Platform"], made["Enabled"], made["ApplicationId"]) == (platform, False, app)
    channels = client.get_channels(ApplicationId=app)["ChannelsResponse"]["Channels"]
    assert channels[platform]["Enabled"] is False
    assert channels["IN_APP"]["Enabled"] is True
    deleted = getattr(client, f"delete_{name}_channel")(ApplicationId=app)[response_key]
    assert deleted["Version"] == 1
    with pytest.raises(client.exceptions.NotFoundException):
        getattr(client, f"get_{name}_channel")(ApplicationId=app)


def test_a_disabled_channel_fails_its_deliveries_only(pinpoint: PinpointMock, client: Any) -> None:
    pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550100")
    pinpoint.add_endpoint(user_id="u1", channel="EMAIL", address="u1@example.com")
    client.update_sms_channel(
        ApplicationId=pinpoint.application_id, SMSChannelRequest={"Enabled": False}
    )
    request = {
        "MessageConfiguration": {
            "SMSMessage": {"Body": "hi"},
            "EmailMessage": {"SimpleEmail": {"Subject": {"Data": "s"}, "TextPart": {"Data": "t"}}},
        },
        "Users": {"u1": {}},
    }
    result = send(client, pinpoint, request)["u1"]
    assert result["endpoint-1"]["DeliveryStatus"] == "PERMANENT_FAILURE"
    assert result["endpoint-1"]["StatusMessage"] == DISABLED_MESSAGE
    assert result["endpoint-2"]["DeliveryStatus"] == "SUCCESSFUL"
    sms = pinpoint.sent.filter(channel="SMS")[0]
    assert sms.rule == "derived:channel-disabled"
    assert sms.message_id is None
    # enabled again: delivered
    client.update_sms_channel(
        ApplicationId=pinpoint.application_id, SMSChannelRequest={"Enabled": True}
    )
    assert send(client, pinpoint, SMS)["u1"]["endpoint-1"]["DeliveryStatus"] == "SUCCESSFUL"


def test_a_deleted_channel_fails_and_other_apps_are_untouched(
    pinpoint: PinpointMock, client: Any
) -> None:
    other = pinpoint.create_app("0" * 31 + "1")
    pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550100")
    pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550100", application_id=other)
    client.update_sms_channel(ApplicationId=pinpoint.application_id, SMSChannelRequest={})
    client.delete_sms_channel(ApplicationId=pinpoint.application_id)
    assert send(client, pinpoint, SMS)["u1"]["endpoint-1"]["DeliveryStatus"] == "PERMANENT_FAILURE"
    result = client.send_users_messages(ApplicationId=other, SendUsersMessageRequest=SMS)
    assert (
        result["SendUsersMessageResponse"]["Result"]["u1"]["endpoint-2"]["DeliveryStatus"]
        == "SUCCESSFUL"
    )


def test_send_messages_to_addresses_respects_a_disabled_channel(
    pinpoint: PinpointMock, client: Any
) -> None:
    client.update_voice_channel(
        ApplicationId=pinpoint.application_id, VoiceChannelRequest={"Enabled": False}
    )
    result = client.send_messages(
        ApplicationId=pinpoint.application_id,
        MessageRequest={
            "Addresses": {"+12065550100": {"ChannelType": "VOICE"}},
            "MessageConfiguration": {"VoiceMessage": {"Body": "hi"}},
        },
    )["MessageResponse"]["Result"]
    assert result["+12065550100"]["DeliveryStatus"] == "PERMANENT_FAILURE"


def test_reset_forgets_channels(pinpoint: PinpointMock, client: Any) -> None:
    client.update_sms_channel(
        ApplicationId=pinpoint.application_id, SMSChannelRequest={"Enabled": False}
    )
    pinpoint.reset()
    pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550100")
    assert send(client, pinpoint, SMS)["u1"]["endpoint-1"]["DeliveryStatus"] == "SUCCESSFUL"
