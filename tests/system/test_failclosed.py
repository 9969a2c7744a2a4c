"""Fail closed: no call to a messaging service opens a socket while a mock is active (served,
or refused naming the service and the operation); other services pass through; nothing is
patched else, and nothing a mock touched outlives it."""

from __future__ import annotations

import threading
import time
from typing import Any

import boto3
import botocore.endpoint
import pytest
import requests
import requests.adapters
from botocore.exceptions import NoCredentialsError

from pinpoint_mock import PinpointMockError, UnsupportedOperationError, mock_pinpoint
from tests.system.socket_guard import block, no_credentials

SMS = {"MessageConfiguration": {"SMSMessage": {"Body": "x"}}, "Users": {"u1": {}}}
SES_V1 = {
    "Source": "a@example.com",
    "Destination": {"ToAddresses": ["b@example.com"]},
    "Message": {"Subject": {"Data": "s"}, "Body": {"Text": {"Data": "t"}}},
}
SES_V2 = {
    "FromEmailAddress": "a@example.com",
    "Destination": {"ToAddresses": ["b@example.com"]},
    "Content": {"Simple": {"Subject": {"Data": "s"}, "Body": {"Text": {"Data": "t"}}}},
}


@pytest.fixture
def connections(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every outbound connection attempt, recorded and refused."""
    return block(monkeypatch)


def test_the_guard_itself_catches_a_real_attempt(connections: list[Any]) -> None:
    client = boto3.client(
        "pinpoint",
        region_name="us-east-1",
        config=boto3.session.Config(retries={"total_max_attempts": 1}, connect_timeout=1),
    )
    with pytest.raises(Exception, match=r"Could not connect|blocked"):
        client.get_apps()
    assert connections  # without a mock, botocore really tried the network
    with pytest.raises(requests.ConnectionError):
        requests.get("https://pinpoint.us-east-1.amazonaws.com/v1/apps", timeout=1)
    assert any("pinpoint" in str(attempt) for attempt in connections)


def test_no_pinpoint_call_opens_a_socket_while_a_mock_is_active(connections: list[Any]) -> None:
    with mock_pinpoint() as pinpoint:
        pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
        client = boto3.client("pinpoint", region_name="eu-central-1")
        client.send_users_messages(
            ApplicationId=pinpoint.application_id, SendUsersMessageRequest=SMS
        )
        client.update_endpoint(
            ApplicationId=pinpoint.application_id,
            EndpointId="e9",
            EndpointRequest={"ChannelType": "SMS"},
        )
        pinpoint.fail("InternalServerErrorException", times=2)
        client.get_endpoint(ApplicationId=pinpoint.application_id, EndpointId="e9")
        with pytest.raises(UnsupportedOperationError, match="GetCampaigns"):
            client.get_campaigns(ApplicationId=pinpoint.application_id)
        with pytest.raises(UnsupportedOperationError, match="CreateSegment"):
            client.create_segment(ApplicationId="a", WriteSegmentRequest={"Name": "s"})
        fips = boto3.client(
            "pinpoint",
            region_name="us-east-1",
            endpoint_url="https://pinpoint-fips.us-east-1.amazonaws.com",
        )
        fips.get_user_endpoints(ApplicationId=pinpoint.application_id, UserId="u1")
        answer = requests.get(
            f"https://pinpoint.us-east-1.amazonaws.com/v1/apps/{pinpoint.application_id}/users/u1",
            timeout=5,
        )
        assert answer.status_code == 200
    assert connections == []


@pytest.mark.parametrize(
    ("service", "call", "named"),
    [
        ("ses", lambda c: c.send_email(**SES_V1), r"Simple Email Service \(ses\).*SendEmail"),
        (
            "pinpoint-email",
            lambda c: c.send_email(**SES_V2),
            r"\(pinpoint-email\).*SendEmail",
        ),
        (
            "pinpoint-sms-voice",
            lambda c: c.send_voice_message(DestinationPhoneNumber="+12065550100"),
            r"\(pinpoint-sms-voice\).*SendVoiceMessage",
        ),
        ("sesv2", lambda c: c.get_account(), r"SES v2 operation GetAccount"),
        # served services name what they do not implement themselves
        (
            "pinpoint-sms-voice-v2",
            lambda c: c.describe_phone_numbers(),
            r"End User Messaging SMS and voice v2",
        ),
    ],
)
def test_a_messaging_call_the_mock_does_not_serve_is_refused_by_name(
    connections: list[Any], service: str, call: Any, named: str
) -> None:
    with mock_pinpoint():
        client = boto3.client(service, region_name="us-east-1")  # type: ignore[call-overload]
        with pytest.raises(UnsupportedOperationError, match=named):
            call(client)
    assert connections == []


def test_a_service_left_out_of_services_is_refused_too(connections: list[Any]) -> None:
    with mock_pinpoint(services=["pinpoint"]):
        client = boto3.client("sesv2", region_name="us-east-1")
        with pytest.raises(UnsupportedOperationError, match="not among this mock's services"):
            client.send_email(**SES_V2)
    assert connections == []


def test_requests_callers_of_unserved_services_are_refused_by_name(
    connections: list[Any],
) -> None:
    with mock_pinpoint():
        with pytest.raises(UnsupportedOperationError, match=r"\(ses\).*SendEmail"):
            requests.post(
                "https://email.us-east-1.amazonaws.com/",
                data="Action=SendEmail&Version=2010-12-01",
                headers={"Content-Type": "application/x-www-form-urlencoded"},
                timeout=5,
            )
        with pytest.raises(UnsupportedOperationError, match=r"SendVoiceMessage"):
            requests.post(
                "https://sms-voice.pinpoint.us-east-1.amazonaws.com/v1/sms-voice/voice/message",
                json={},
                timeout=5,
            )
    assert connections == []


def test_a_trailing_dot_host_is_caught_through_requests(connections: list[Any]) -> None:
    with mock_pinpoint() as pinpoint:
        pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
        answer = requests.get(
            f"https://pinpoint.us-east-1.amazonaws.com./v1/apps/{pinpoint.application_id}/users/u1",
            timeout=5,
        )
        assert answer.status_code == 200
        assert answer.json()["Item"][0]["Address"] == "+12065550123"
        assert [call.operation for call in pinpoint.calls] == ["GetUserEndpoints"]
    assert connections == []


def test_other_services_still_pass_through(connections: list[Any]) -> None:
    with mock_pinpoint():
        s3 = boto3.client(
            "s3",
            region_name="us-east-1",
            config=boto3.session.Config(retries={"total_max_attempts": 1}),
        )
        with pytest.raises(Exception, match=r"Could not connect|blocked"):
            s3.list_buckets()
    assert connections  # s3 went on to the network (here: the guard)


def test_moto_still_answers_a_messaging_service_the_mock_does_not_serve(
    connections: list[Any],
) -> None:
    from moto import mock_aws

    with mock_pinpoint(), mock_aws():
        ses = boto3.client("ses", region_name="us-east-1")
        ses.verify_email_identity(EmailAddress="a@example.com")
        assert ses.send_email(**SES_V1)["MessageId"]
    assert connections == []


def test_a_client_made_before_the_mock_without_credentials_works_inside_only(
    monkeypatch: pytest.MonkeyPatch, connections: list[Any]
) -> None:
    no_credentials(monkeypatch)
    monkeypatch.setattr(boto3, "DEFAULT_SESSION", None)
    client = boto3.client("pinpoint", region_name="us-east-1")  # as a module-level CLIENT
    with mock_pinpoint() as pinpoint:
        pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
        client.send_users_messages(
            ApplicationId=pinpoint.application_id, SendUsersMessageRequest=SMS
        )
        assert "Credential=testing/" in pinpoint.calls[0].headers["Authorization"]
    pinpoint.assert_sent(count=1, user="u1")
    with pytest.raises(NoCredentialsError):  # nothing of the fake credentials stayed behind
        client.get_user_endpoints(ApplicationId=pinpoint.application_id, UserId="u1")
    assert connections == []


def test_boto3_default_session_does_not_keep_the_fake_credentials(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    no_credentials(monkeypatch)
    monkeypatch.setattr(boto3, "DEFAULT_SESSION", None)
    with mock_pinpoint():
        inside = boto3.client("pinpoint", region_name="us-east-1")
        assert inside._request_signer._credentials.access_key == "testing"
    assert boto3.DEFAULT_SESSION is None
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAREALKEY")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "real-secret")
    after = boto3.client("pinpoint", region_name="us-east-1")
    assert after._request_signer._credentials.access_key == "AKIAREALKEY"


def test_a_default_session_made_before_forgets_credentials_it_resolved_inside(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    no_credentials(monkeypatch)
    monkeypatch.setattr(boto3, "DEFAULT_SESSION", None)
    boto3.setup_default_session(region_name="us-east-1")
    session = boto3.DEFAULT_SESSION
    with mock_pinpoint():
        boto3.client("pinpoint")  # the session resolves (and caches) the fake credentials
    assert boto3.DEFAULT_SESSION is session
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAREALKEY")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "real-secret")
    assert boto3.client("pinpoint")._request_signer._credentials.access_key == "AKIAREALKEY"


def test_a_second_thread_cannot_start_its_own_mock_while_one_is_active(
    connections: list[Any],
) -> None:
    errors: list[BaseException] = []
    sent: list[int] = []

    def other_thread() -> None:
        try:
            with mock_pinpoint():
                pass
        except PinpointMockError as exc:
            errors.append(exc)
        # the active mock still serves this thread's calls
        client = boto3.client("pinpoint", region_name="us-east-1")
        response = client.get_user_endpoints(ApplicationId=app, UserId="u1")
        sent.append(len(response["EndpointsResponse"]["Item"]))

    with mock_pinpoint() as pinpoint:
        app = pinpoint.application_id
        pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
        with mock_pinpoint():  # nesting in one thread is fine
            pass
        worker = threading.Thread(target=other_thread, name="worker-2")
        worker.start()
        worker.join()
    assert len(errors) == 1
    assert "already active in thread 'MainThread'" in str(errors[0])
    assert "'worker-2'" in str(errors[0])
    assert sent == [1]
    # once the first is stopped, another thread may start one
    done: list[bool] = []
    worker = threading.Thread(target=lambda: done.append(mock_pinpoint().start().stop() is None))
    worker.start()
    worker.join()
    assert done == [True]
    assert connections == []


def test_nothing_is_patched_without_a_mock() -> None:
    from botocore.signers import RequestSigner

    send = botocore.endpoint.Endpoint._send
    adapter = requests.adapters.HTTPAdapter.send
    auth = RequestSigner.get_auth_instance
    assert botocore.endpoint.time is time
    with mock_pinpoint():
        assert botocore.endpoint.Endpoint._send is not send
        assert requests.adapters.HTTPAdapter.send is not adapter
        assert botocore.endpoint.time is not time
        assert RequestSigner.get_auth_instance is not auth
    assert botocore.endpoint.Endpoint._send is send
    assert requests.adapters.HTTPAdapter.send is adapter
    assert botocore.endpoint.time is time
    assert RequestSigner.get_auth_instance is auth


def test_importing_the_package_patches_nothing() -> None:
    import subprocess
    import sys

    code = (
        "import botocore.endpoint, time, requests.adapters as a\n"
        "send, adapter = botocore.endpoint.Endpoint._send, a.HTTPAdapter.send\n"
        "import pinpoint_mock, pinpoint_mock.mock, pinpoint_mock.plugins.pytest_plugin\n"
        "assert botocore.endpoint.Endpoint._send is send and a.HTTPAdapter.send is adapter\n"
        "assert botocore.endpoint.time is time\n"
        "print('clean')\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "clean", result.stderr
