"""Real aiobotocore and aioboto3 clients: served by the mock (sends recorded, answers parsed by
the library), refused by name for services it does not serve, never a socket.

aiobotocore pins botocore to a narrow range, older than the one the test extra installs, so these
tests run in a venv of their own (the ``async-test`` extra; ``.ci/run`` has a step for it). In
any other venv they are skipped, unless ``PINPOINT_MOCK_ASYNC_CLIENTS=1`` says they must run.
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

import pytest

from pinpoint_mock import UnsupportedOperationError, mock_pinpoint
from pinpoint_mock.mock import PinpointMock
from tests.system.socket_guard import block, no_credentials

try:
    import aioboto3
    import aiobotocore.endpoint
    from aiobotocore.config import AioConfig
    from aiobotocore.session import get_session
except ImportError:  # pragma: no cover - depends on the venv
    if os.environ.get("PINPOINT_MOCK_ASYNC_CLIENTS", "") not in ("", "0"):
        raise
    pytest.skip(
        "aiobotocore and aioboto3 are not installed here: they pin an older botocore than the "
        "test extra's, so they run in their own venv (pip install -e '.[async-test]')",
        allow_module_level=True,
    )

SMS = {"MessageConfiguration": {"SMSMessage": {"Body": "hi"}}, "Users": {"u1": {}}}
SES_V1 = {
    "Source": "a@example.com",
    "Destination": {"ToAddresses": ["b@example.com"]},
    "Message": {"Subject": {"Data": "s"}, "Body": {"Text": {"Data": "t"}}},
}


@pytest.fixture
def connections(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    return block(monkeypatch)


def set_up(pinpoint: PinpointMock) -> None:
    pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")


def test_the_guard_catches_an_aiobotocore_attempt(connections: list[Any]) -> None:
    async def call() -> None:
        once = AioConfig(retries={"total_max_attempts": 1})
        async with get_session().create_client(
            "pinpoint", region_name="us-east-1", config=once
        ) as client:
            await client.get_user_endpoints(ApplicationId="a", UserId="u1")

    with pytest.raises(Exception, match=r"Could not connect|blocked|Cannot connect"):
        asyncio.run(call())
    assert connections  # without a mock, aiohttp really tried the network


def test_an_aiobotocore_client_is_served(connections: list[Any]) -> None:
    async def send(pinpoint: PinpointMock) -> Any:
        async with get_session().create_client("pinpoint", region_name="eu-west-1") as client:
            return await client.send_users_messages(
                ApplicationId=pinpoint.application_id, SendUsersMessageRequest=SMS
            )

    with mock_pinpoint() as pinpoint:
        set_up(pinpoint)
        answer = asyncio.run(send(pinpoint))
    result = answer["SendUsersMessageResponse"]["Result"]["u1"]
    assert [r["DeliveryStatus"] for r in result.values()] == ["SUCCESSFUL"]
    pinpoint.assert_sent(count=1, user="u1", body="hi")
    assert pinpoint.calls[0].operation == "SendUsersMessages"
    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 200
    assert connections == []


def test_an_aioboto3_client_is_served_and_its_errors_parsed(connections: list[Any]) -> None:
    async def run(pinpoint: PinpointMock) -> tuple[Any, str]:
        session = aioboto3.Session(region_name="us-east-1")
        async with session.client("pinpoint") as client:
            sent = await client.send_users_messages(
                ApplicationId=pinpoint.application_id, SendUsersMessageRequest=SMS
            )
            try:
                await client.get_endpoint(ApplicationId=pinpoint.application_id, EndpointId="nope")
            except client.exceptions.NotFoundException as exc:
                return sent, exc.response["Error"]["Code"]
        raise AssertionError("no error")

    with mock_pinpoint() as pinpoint:
        set_up(pinpoint)
        sent, code = asyncio.run(run(pinpoint))
    assert sent["SendUsersMessageResponse"]["ApplicationId"] == pinpoint.application_id
    assert code == "NotFoundException"
    assert [c.operation for c in pinpoint.calls] == ["SendUsersMessages", "GetEndpoint"]
    assert connections == []


def test_retries_are_recorded_with_their_back_off(connections: list[Any]) -> None:
    async def send(pinpoint: PinpointMock) -> Any:
        async with get_session().create_client("pinpoint", region_name="us-east-1") as client:
            return await client.send_users_messages(
                ApplicationId=pinpoint.application_id, SendUsersMessageRequest=SMS
            )

    with mock_pinpoint() as pinpoint:
        set_up(pinpoint)
        pinpoint.fail("InternalServerErrorException", times=2)
        asyncio.run(send(pinpoint))
    assert [c.attempt for c in pinpoint.calls] == [1, 2, 3]
    assert [c.status for c in pinpoint.calls] == [500, 500, 200]
    assert pinpoint.calls[1].backoff > 0  # the sleep was recorded for the next attempt
    assert connections == []


def test_a_service_the_mock_does_not_serve_is_refused_by_name(connections: list[Any]) -> None:
    async def call() -> None:
        session = aioboto3.Session(region_name="us-east-1")
        async with session.client("ses") as ses:
            await ses.send_email(**SES_V1)

    with mock_pinpoint(), pytest.raises(UnsupportedOperationError, match=r"\(ses\).*SendEmail"):
        asyncio.run(call())
    assert connections == []


def test_a_client_made_without_credentials_signs_with_the_fake_ones(
    monkeypatch: pytest.MonkeyPatch, connections: list[Any]
) -> None:
    no_credentials(monkeypatch)

    async def run() -> PinpointMock:
        async with get_session().create_client("pinpoint", region_name="us-east-1") as client:
            with mock_pinpoint() as pinpoint:  # the client was made before the mock
                set_up(pinpoint)
                await client.send_users_messages(
                    ApplicationId=pinpoint.application_id, SendUsersMessageRequest=SMS
                )
            return pinpoint

    pinpoint = asyncio.run(run())
    pinpoint.assert_sent(count=1)
    assert "Credential=testing/" in pinpoint.calls[0].headers["Authorization"]
    assert connections == []


def test_the_decorator_runs_an_async_test_inside_the_mock(connections: list[Any]) -> None:
    @mock_pinpoint(seed=3)
    async def a_test(pinpoint: PinpointMock) -> PinpointMock:
        set_up(pinpoint)
        async with aioboto3.Session(region_name="us-east-1").client("pinpoint") as client:
            await client.send_users_messages(
                ApplicationId=pinpoint.application_id, SendUsersMessageRequest=SMS
            )
        return pinpoint

    assert asyncio.iscoroutinefunction(a_test)
    pinpoint = asyncio.run(a_test())  # type: ignore[call-arg]
    pinpoint.assert_sent(count=1)
    assert connections == []


def test_aiobotocore_is_patched_only_while_a_mock_is_active() -> None:
    from aiobotocore.signers import AioRequestSigner

    send = aiobotocore.endpoint.AioEndpoint._send
    auth = AioRequestSigner.get_auth_instance
    with mock_pinpoint(), mock_pinpoint():
        assert aiobotocore.endpoint.AioEndpoint._send is not send
        assert AioRequestSigner.get_auth_instance is not auth
        assert aiobotocore.endpoint.asyncio is not asyncio
    assert aiobotocore.endpoint.AioEndpoint._send is send
    assert AioRequestSigner.get_auth_instance is auth
    assert aiobotocore.endpoint.asyncio is asyncio


def test_ses_v2_and_sms_voice_v2_through_aiobotocore(connections: list[Any]) -> None:
    async def send() -> tuple[Any, Any]:
        session = get_session()
        async with session.create_client("sesv2", region_name="us-east-1") as ses:
            mail = await ses.send_email(
                FromEmailAddress="shop@example.com",
                Destination={"ToAddresses": ["ana@example.com"]},
                Content={
                    "Simple": {"Subject": {"Data": "Hi"}, "Body": {"Text": {"Data": "Hello"}}}
                },
            )
        async with session.create_client("pinpoint-sms-voice-v2", region_name="us-east-1") as sms:
            try:
                await sms.send_text_message(DestinationPhoneNumber="+12065550123", MessageBody="x")
            except sms.exceptions.ConflictException as exc:
                return mail, exc.response["Reason"]
        raise AssertionError("the opted-out number was not refused")

    with mock_pinpoint() as pinpoint:
        pinpoint.sms_voice_v2.opt_out("+12065550123")
        mail, reason = asyncio.run(send())
    assert mail["MessageId"]
    assert reason == "DESTINATION_PHONE_NUMBER_OPTED_OUT"
    pinpoint.assert_sent(service="sesv2", to="ana@example.com", subject="Hi")
    assert [c.service for c in pinpoint.calls] == ["sesv2", "pinpoint-sms-voice-v2"]
    assert connections == []
