"""The rest of the Pinpoint surface through real clients against the real server (boto3 and the
AWS CLI, each group: apps, channels, PhoneNumberValidate, OTP, templates), and apps with moto
side by side in both orders."""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import boto3
import pytest
from moto import mock_aws

from pinpoint_mock import mock_pinpoint
from pinpoint_mock.mock import PinpointMock
from tests.system.clients import aws_executable, client_env, run

TO = "+12065550142"


def aws(url: str, tmp_path: Path, *args: str) -> Any:
    """``aws pinpoint <args>`` against the server; its JSON output (fails on a non-zero exit)."""
    done = run(
        [aws_executable(), "pinpoint", *args, "--endpoint-url", url, "--output", "json"],
        client_env(tmp_path),
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout) if done.stdout.strip() else None


@pytest.fixture
def client(pinpoint_server: Any) -> Any:
    return boto3.client(
        "pinpoint",
        endpoint_url=pinpoint_server.url,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


# -- boto3 against the server --
def test_boto3_apps_and_channels(pinpoint_server: Any, client: Any) -> None:
    app = client.create_app(CreateApplicationRequest={"Name": "shop"})["ApplicationResponse"]["Id"]
    assert client.get_app(ApplicationId=app)["ApplicationResponse"]["Name"] == "shop"
    client.update_sms_channel(ApplicationId=app, SMSChannelRequest={"Enabled": False})
    assert client.get_sms_channel(ApplicationId=app)["SMSChannelResponse"]["Enabled"] is False
    pinpoint_server.add_endpoint(user_id="u1", channel="SMS", address=TO, application_id=app)
    result = client.send_users_messages(
        ApplicationId=app,
        SendUsersMessageRequest={
            "MessageConfiguration": {"SMSMessage": {"Body": "hi"}},
            "Users": {"u1": {}},
        },
    )["SendUsersMessageResponse"]["Result"]["u1"]
    assert [r["DeliveryStatus"] for r in result.values()] == ["PERMANENT_FAILURE"]
    client.delete_app(ApplicationId=app)
    assert [(c.operation, c.transport) for c in pinpoint_server.calls][-1] == (
        "DeleteApp",
        "server",
    )


def test_boto3_phone_and_otp(pinpoint_server: Any, client: Any) -> None:
    answer = client.phone_number_validate(NumberValidateRequest={"PhoneNumber": TO})
    assert answer["NumberValidateResponse"]["CountryCodeIso2"] == "US"
    app = pinpoint_server.application_id
    client.send_otp_message(
        ApplicationId=app,
        SendOTPMessageRequestParameters={
            "BrandName": "Shop",
            "ReferenceId": "r1",
            "Channel": "SMS",
            "DestinationIdentity": TO,
            "OriginationIdentity": "+18005550100",
        },
    )
    # The code as a test outside the process reads it: the inspection API.
    with urllib.request.urlopen(f"{pinpoint_server.url}/_aws/pinpoint/otp", timeout=10) as got:
        codes = json.loads(got.read())["codes"]
    assert [c["referenceId"] for c in codes] == ["r1"]
    verified = client.verify_otp_message(
        ApplicationId=app,
        VerifyOTPMessageRequestParameters={
            "ReferenceId": "r1",
            "DestinationIdentity": TO,
            "Otp": codes[0]["otp"],
        },
    )
    assert verified["VerificationResponse"] == {"Valid": True}


def test_boto3_templates(pinpoint_server: Any, client: Any) -> None:
    client.create_email_template(
        TemplateName="welcome", EmailTemplateRequest={"Subject": "Hi", "TextPart": "v1"}
    )
    client.update_email_template(
        TemplateName="welcome", CreateNewVersion=True, EmailTemplateRequest={"Subject": "Hi"}
    )
    client.update_template_active_version(
        TemplateName="welcome", TemplateType="EMAIL", TemplateActiveVersionRequest={"Version": "2"}
    )
    listed = client.list_templates()["TemplatesResponse"]["Item"]
    assert [(t["TemplateName"], t["Version"]) for t in listed] == [("welcome", "2")]


# -- the AWS CLI against the server --
def test_aws_cli_apps_channels_phone(pinpoint_server: Any, tmp_path: Path) -> None:
    url = pinpoint_server.url
    made = aws(url, tmp_path, "create-app", "--create-application-request", "Name=ExampleCorp")
    app = made["ApplicationResponse"]["Id"]
    names = [a["Name"] for a in aws(url, tmp_path, "get-apps")["ApplicationsResponse"]["Item"]]
    assert "ExampleCorp" in names
    channel = aws(
        url, tmp_path, "update-sms-channel", "--application-id", app,
        "--sms-channel-request", "Enabled=true",
    )["SMSChannelResponse"]  # fmt: skip
    assert (channel["Platform"], channel["Enabled"]) == ("SMS", True)
    got = aws(url, tmp_path, "get-channels", "--application-id", app)["ChannelsResponse"]
    assert "SMS" in got["Channels"]
    number = aws(
        url, tmp_path, "phone-number-validate", "--number-validate-request", f"PhoneNumber={TO}"
    )["NumberValidateResponse"]
    assert (number["PhoneType"], number["Timezone"]) == ("MOBILE", "America/Los_Angeles")
    assert (
        aws(url, tmp_path, "delete-app", "--application-id", app)["ApplicationResponse"]["Id"]
        == app
    )


def test_aws_cli_otp_and_templates(pinpoint_server: Any, tmp_path: Path) -> None:
    url, app = pinpoint_server.url, pinpoint_server.application_id
    sent = aws(
        url, tmp_path, "send-otp-message", "--application-id", app,
        "--send-otp-message-request-parameters",
        json.dumps({
            "BrandName": "Shop", "ReferenceId": "cli", "Channel": "SMS",
            "DestinationIdentity": TO, "OriginationIdentity": "+18005550100", "CodeLength": 5,
        }),
    )  # fmt: skip
    assert sent["MessageResponse"]["Result"][TO]["DeliveryStatus"] == "SUCCESSFUL"
    code = pinpoint_server.otp_codes[0].code
    assert len(code) == 5
    verified = aws(
        url, tmp_path, "verify-otp-message", "--application-id", app,
        "--verify-otp-message-request-parameters",
        json.dumps({"ReferenceId": "cli", "DestinationIdentity": TO, "Otp": code}),
    )  # fmt: skip
    assert verified["VerificationResponse"]["Valid"] is True
    # The CLI's create-sms-template example.
    request = tmp_path / "myfile.json"
    request.write_text('{"Body": "hello\\n how are you?", "TemplateDescription": "Test SMS"}')
    created = aws(
        url, tmp_path, "create-sms-template", "--template-name", "TestTemplate",
        "--sms-template-request", f"file://{request}",
    )  # fmt: skip
    assert created["CreateTemplateMessageBody"]["Message"] == "Created"
    got = aws(url, tmp_path, "get-sms-template", "--template-name", "TestTemplate")
    assert got["SMSTemplateResponse"]["Body"] == "hello\n how are you?"
    versions = aws(
        url, tmp_path, "list-template-versions", "--template-name", "TestTemplate",
        "--template-type", "SMS",
    )  # fmt: skip
    assert [v["Version"] for v in versions["TemplateVersionsResponse"]["Item"]] == ["1"]


# -- apps with moto side by side --
@contextmanager
def pinpoint_then_moto() -> Iterator[PinpointMock]:
    with mock_pinpoint() as pinpoint, mock_aws():
        yield pinpoint


@contextmanager
def moto_then_pinpoint() -> Iterator[PinpointMock]:
    with mock_aws(), mock_pinpoint() as pinpoint:
        yield pinpoint


ORDERS: list[Callable[[], AbstractContextManager[PinpointMock]]] = [
    pinpoint_then_moto,
    moto_then_pinpoint,
]
SMS = {"MessageConfiguration": {"SMSMessage": {"Body": "hi"}}, "Users": {"u1": {}}}


@pytest.mark.parametrize("order", ORDERS, ids=lambda f: f.__name__)
def test_apps_with_moto_in_either_order(order: Any) -> None:
    with order() as pinpoint:
        client = boto3.client("pinpoint", region_name="us-east-1")
        # An app made through the API (moto's registry answers while moto is active)...
        app = client.create_app(CreateApplicationRequest={"Name": "shop"})["ApplicationResponse"]
        pinpoint.add_endpoint(user_id="u1", channel="SMS", address=TO, application_id=app["Id"])
        result = client.send_users_messages(ApplicationId=app["Id"], SendUsersMessageRequest=SMS)
        statuses = result["SendUsersMessageResponse"]["Result"]["u1"]
        assert [s["DeliveryStatus"] for s in statuses.values()] == ["SUCCESSFUL"]
        # ... and one made with the mock's helper: both known to moto and to sends.
        legacy = pinpoint.create_app("0123456789abcdef0123456789abcdef", name="legacy")
        assert client.get_app(ApplicationId=legacy)["ApplicationResponse"]["Name"] == "legacy"
        pinpoint.add_endpoint(user_id="u1", channel="SMS", address=TO, application_id=legacy)
        client.send_users_messages(ApplicationId=legacy, SendUsersMessageRequest=SMS)
        assert pinpoint.sent.last.delivery_status == "SUCCESSFUL"
        names = {a["Name"] for a in client.get_apps()["ApplicationsResponse"]["Item"]}
        assert {"shop", "legacy"} <= names
        client.delete_app(ApplicationId=app["Id"])
        with pytest.raises(client.exceptions.NotFoundException):
            client.send_users_messages(ApplicationId=app["Id"], SendUsersMessageRequest=SMS)
        # The rest of the surface stays the mock's while moto is active.
        client.update_sms_channel(ApplicationId=legacy, SMSChannelRequest={"Enabled": True})
        assert [c.operation for c in pinpoint.calls][-1] == "UpdateSmsChannel"


def test_an_app_made_by_the_mock_is_registered_in_moto_too() -> None:
    from pinpoint_mock.directory import Application
    from pinpoint_mock.interceptors.moto import MotoApps, moto_application_check

    with mock_aws():
        app = Application("feedfacefeedfacefeedfacefeedface", "mirror", {"k": "v"}, "")
        arn = f"arn:aws:mobiletargeting:us-east-1:123456789012:apps/{app.application_id}"
        MotoApps().register(app, arn, {})
        assert moto_application_check(app.application_id, {}) is True
        found = MotoApps().find(app.application_id, {})
        assert found is not None
        assert (found.name, dict(found.tags)) == ("mirror", {"k": "v"})
        MotoApps().forget(app.application_id, {})
        assert moto_application_check(app.application_id, {}) is False
    assert moto_application_check(app.application_id, {}) is None
