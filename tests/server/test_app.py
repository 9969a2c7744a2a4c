"""The standalone server: the Pinpoint API over real HTTP, and its hardening."""

from __future__ import annotations

import json
import threading
from typing import Any

import boto3
import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from pinpoint_mock.mock import PinpointMock
from pinpoint_mock.server import PinpointServer
from tests.server.helpers import APP, GOOD, SEND_PATH, raw


def test_boto3_against_the_server(server: PinpointServer) -> None:
    client = boto3.client("pinpoint", region_name="us-east-1", endpoint_url=server.url)
    client.update_endpoint(
        ApplicationId=APP,
        EndpointId="e1",
        EndpointRequest={"ChannelType": "SMS", "Address": "+12065550123", "User": {"UserId": "u1"}},
    )
    result = client.send_users_messages(ApplicationId=APP, SendUsersMessageRequest=GOOD)
    assert (
        result["SendUsersMessageResponse"]["Result"]["u1"]["e1"]["DeliveryStatus"] == "SUCCESSFUL"
    )
    assert [c.transport for c in server.mock.calls] == ["server", "server"]
    with pytest.raises(client.exceptions.BadRequestException, match="MessageType"):
        client.send_users_messages(
            ApplicationId=APP,
            SendUsersMessageRequest={
                "MessageConfiguration": {"SMSMessage": {"MessageType": "X"}},
                "Users": {},
            },
        )


def test_error_wire_shape(server: PinpointServer) -> None:
    status, headers, body = raw(server, "POST", SEND_PATH, b'{"Users": ')
    assert status == 400
    assert headers["x-amzn-errortype"] == "BadRequestException"
    assert headers["content-type"] == "application/json"
    assert body["RequestID"] == headers["x-amzn-requestid"]
    assert "line 1, column 11" in body["Message"]


def test_payload_over_7_mb_is_413(server: PinpointServer) -> None:
    status, headers, _ = raw(server, "POST", SEND_PATH, b" " * (7 * 1024 * 1024 + 1))
    assert status == 413
    assert headers["x-amzn-errortype"] == "PayloadTooLargeException"


def test_chunked_bodies_are_read(server: PinpointServer) -> None:
    payload = json.dumps(GOOD).encode()
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(payload), payload)
    status, _, body = raw(server, "POST", SEND_PATH, chunked, {"Transfer-Encoding": "chunked"})
    assert status == 200
    assert body["Result"]["u1"][""]["StatusMessage"] == "No endpoints found for userId."


def test_wrong_method_and_unknown_paths(server: PinpointServer) -> None:
    status, headers, body = raw(server, "PATCH", SEND_PATH)
    assert (status, headers["x-amzn-errortype"]) == (405, "MethodNotAllowedException")
    status, _, body = raw(server, "GET", "/v1/nothing/here")
    assert status == 404
    assert "/v1/nothing/here" in body["Message"]
    status, _, body = raw(server, "GET", f"/v1/apps/{APP}/campaigns")
    assert status == 404
    assert body["Message"].startswith(
        "pinpoint-mock does not implement the Pinpoint operation GetCampaigns"
    )


def signed(server: PinpointServer, key: str, secret: str) -> dict[str, str]:
    body = json.dumps(GOOD)
    request = AWSRequest(
        "POST", server.url + SEND_PATH, data=body, headers={"Content-Type": "application/json"}
    )
    SigV4Auth(Credentials(key, secret), "mobiletargeting", "us-east-1").add_auth(request)
    return dict(request.headers.items())


def test_signatures_are_checked_only_when_required() -> None:
    with PinpointServer(require_signature=True, credentials={"AKID": "secret"}) as server:
        body = json.dumps(GOOD).encode()
        status, _, answer = raw(
            server, "POST", SEND_PATH, body, {"Content-Type": "application/json"}
        )
        assert (status, answer["Message"]) == (403, "Missing Authentication Token")
        status, _, answer = raw(server, "POST", SEND_PATH, body, signed(server, "AKID", "wrong"))
        assert status == 403
        assert "signature we calculated does not match" in answer["Message"]
        status, _, answer = raw(server, "POST", SEND_PATH, body, signed(server, "OTHER", "secret"))
        assert answer["Message"] == "The security token included in the request is invalid."
        status, _, _ = raw(server, "POST", SEND_PATH, body, signed(server, "AKID", "secret"))
        assert status == 200
        client = boto3.client(
            "pinpoint",
            region_name="us-east-1",
            endpoint_url=server.url,
            aws_access_key_id="AKID",
            aws_secret_access_key="secret",
        )
        client.update_endpoint(
            ApplicationId="a b/c", EndpointId="e 1", EndpointRequest={"ChannelType": "SMS"}
        )
    with PinpointServer() as open_server:
        status, _, _ = raw(open_server, "POST", SEND_PATH, body, {})
        assert status == 200


def test_internal_errors_are_500_and_reraised_in_the_test(server: PinpointServer) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("boom")

    server.mock.serve = broken  # type: ignore[method-assign]
    status, _, body = raw(server, "POST", SEND_PATH, json.dumps(GOOD).encode())
    assert status == 500
    assert "pinpoint-mock internal error: RuntimeError: boom" in body["Message"]
    with pytest.raises(RuntimeError, match="boom"):
        server.check()


def test_32_concurrent_clients_lose_nothing(server: PinpointServer) -> None:
    for i in range(32):
        server.mock.add_endpoint(user_id=f"u{i}", channel="SMS", address=f"+1206555{i:04d}")
    per_client = 20
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            client = boto3.client("pinpoint", region_name="us-east-1", endpoint_url=server.url)
            for _ in range(per_client):
                out = client.send_users_messages(
                    ApplicationId=APP,
                    SendUsersMessageRequest={
                        "MessageConfiguration": {"SMSMessage": {"Body": f"from {i}"}},
                        "Users": {f"u{i}": {}},
                    },
                )
                assert out["SendUsersMessageResponse"]["Result"][f"u{i}"]
        except BaseException as exc:  # collected and re-raised below
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(32)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(server.mock.calls) == 32 * per_client
    assert len(server.mock.sent) == 32 * per_client
    assert len({c.index for c in server.mock.calls}) == 32 * per_client
    for i in range(32):
        mine = server.mock.sent.filter(user_id=f"u{i}")
        assert {s.body for s in mine} == {f"from {i}"}
        assert len(mine) == per_client


def test_the_server_answers_through_the_mocks_public_serve(
    server: PinpointServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[tuple[str, str]] = []
    serve = server.mock.serve

    def spy(method: str, path: str, headers: Any, body: bytes) -> Any:
        seen.append((method, path))
        return serve(method, path, headers, body)

    monkeypatch.setattr(server.mock, "serve", spy)
    assert raw(server, "POST", SEND_PATH, json.dumps(GOOD).encode())[0] == 200
    assert raw(server, "GET", "/_aws/pinpoint/calls")[0] == 200  # the inspection API: not served
    assert seen == [("POST", SEND_PATH)]


def test_refused_requests_get_ids_from_the_mocks_sequence(server: PinpointServer) -> None:
    twin = PinpointMock(seed=1)
    _, headers, body = raw(server, "POST", SEND_PATH, b" " * (7 * 1024 * 1024 + 1))
    assert body["RequestID"] == headers["x-amzn-requestid"] == twin.new_request_id()


def _client(service: str, server: PinpointServer, region: str = "us-east-1") -> Any:
    return boto3.client(
        service,
        region_name=region,
        endpoint_url=server.url,
        aws_access_key_id="AKID",
        aws_secret_access_key="secret",
    )


def test_signatures_are_checked_per_service_and_region() -> None:
    with PinpointServer(require_signature=True, credentials={"AKID": "secret"}) as server:
        _client("sesv2", server).list_email_templates()  # scoped to "ses"
        _client("pinpoint-sms-voice-v2", server).describe_opt_out_lists()  # "sms-voice"
        _client("pinpoint", server).get_apps()  # "mobiletargeting"
        wrong_region = _client("pinpoint", server, "eu-west-1")
        with pytest.raises(wrong_region.exceptions.ClientError, match="InvalidSignature"):
            wrong_region.get_apps()
        # Pinpoint's signing name on an SES v2 path is refused.
        request = AWSRequest("GET", server.url + "/v2/email/templates")
        SigV4Auth(Credentials("AKID", "secret"), "mobiletargeting", "us-east-1").add_auth(request)
        status, _, _ = raw(server, "GET", "/v2/email/templates", b"", dict(request.headers.items()))
        assert status == 403
        server.check()


def test_a_signed_request_with_a_swapped_body_is_refused_and_not_recorded() -> None:
    with PinpointServer(require_signature=True, credentials={"AKID": "secret"}) as server:
        server.mock.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
        headers = signed(server, "AKID", "secret")
        swapped = json.dumps({**GOOD, "Users": {"u1": {}, "u2": {}}}).encode()
        headers["Content-Length"] = str(len(swapped))
        status, _, answer = raw(server, "POST", SEND_PATH, swapped, headers)
        assert status == 403
        assert answer["Message"].startswith("The request signature we calculated")
        assert list(server.mock.sent) == []
