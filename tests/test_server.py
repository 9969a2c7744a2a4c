"""The standalone server: the Pinpoint API over real HTTP, hardening, and the inspection API."""

from __future__ import annotations

import http.client
import json
import threading
from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from pinpoint_mock.mock import PinpointMock
from pinpoint_mock.server import PinpointServer

APP = "611e3e3cdd47474c9c1399a505665b91"
SEND_PATH = f"/v1/apps/{APP}/users-messages"
GOOD = {"MessageConfiguration": {"SMSMessage": {"Body": "hi"}}, "Users": {"u1": {}}}


@pytest.fixture
def server() -> Iterator[PinpointServer]:
    with PinpointServer(PinpointMock(seed=1)) as running:
        yield running
        running.check()


def raw(
    server: PinpointServer,
    method: str,
    path: str,
    body: bytes = b"",
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], Any]:
    connection = http.client.HTTPConnection(server.host, server.port, timeout=10)
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    parsed = json.loads(data) if data else None
    return response.status, {k.lower(): v for k, v in response.getheaders()}, parsed


def test_url_and_health(server: PinpointServer) -> None:
    assert server.url == f"http://127.0.0.1:{server.port}"
    status, _, body = raw(server, "GET", "/_aws/pinpoint/health")
    assert status == 200
    assert body["status"] == "ok"
    assert "SendUsersMessages" in body["operations"]


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
    assert body["Message"] == "pinpoint-mock does not implement the Pinpoint operation GetCampaigns"


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
        assert "unknown key OTHER" in answer["Message"]
        status, _, _ = raw(server, "POST", SEND_PATH, body, signed(server, "AKID", "secret"))
        assert status == 200
        client = boto3.client(
            "pinpoint",
            region_name="eu-west-1",
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

    server.mock.engine.handle = broken  # type: ignore[method-assign]
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


# -- the inspection API -------------------------------------------------------------------------


def control(server: PinpointServer, method: str, name: str, payload: Any = None) -> tuple[int, Any]:
    body = json.dumps(payload).encode() if payload is not None else b""
    status, _, answer = raw(server, method, f"/_aws/pinpoint/{name}", body)
    return status, answer


def test_inspection_round_trip(server: PinpointServer) -> None:
    assert (
        control(
            server,
            "POST",
            "endpoints",
            {"userId": "u1", "channel": "SMS", "address": "+12065550123"},
        )[0]
        == 201
    )
    assert (
        control(
            server,
            "POST",
            "endpoints",
            {"userId": "u2", "channel": "EMAIL", "address": "b@example.com"},
        )[0]
        == 201
    )
    status, answer = control(
        server, "POST", "outcomes", {"status": "THROTTLED", "user": "u1", "times": 1}
    )
    assert (status, answer["rule"]) == (201, "outcome('THROTTLED', user='u1', times=1)")
    body = {
        "MessageConfiguration": {"DefaultMessage": {"Body": "hi"}},
        "Users": {"u1": {}, "u2": {}},
    }
    assert raw(server, "POST", SEND_PATH, json.dumps(body).encode())[0] == 200
    _, answer = control(server, "GET", "messages?userId=u1")
    assert [m["deliveryStatus"] for m in answer["messages"]] == ["THROTTLED"]
    _, answer = control(server, "GET", "messages?channel=EMAIL&status=SUCCESSFUL")
    assert [m["address"] for m in answer["messages"]] == ["b@example.com"]
    _, answer = control(server, "GET", "calls")
    assert [c["operation"] for c in answer["calls"]] == ["SendUsersMessages"]
    _, answer = control(server, "GET", "endpoints?userId=u1")
    assert [e["Address"] for e in answer["endpoints"]] == ["+12065550123"]
    assert control(server, "DELETE", "messages") == (200, {"deleted": 2})
    assert control(server, "GET", "messages")[1] == {"messages": []}
    assert (
        control(server, "POST", "faults", {"code": "TooManyRequestsException", "times": 1})[0]
        == 201
    )
    assert raw(server, "POST", SEND_PATH, json.dumps(body).encode())[0] == 429
    assert control(server, "POST", "chaos", {"profile": {"THROTTLED": 1.0}, "seed": 3})[0] == 200
    assert control(server, "POST", "reset") == (200, {"reset": True})
    assert control(server, "GET", "endpoints")[1] == {"endpoints": []}


@pytest.mark.parametrize(
    ("method", "name", "payload", "status", "message"),
    [
        ("POST", "outcomes", {"status": "NOPE"}, 400, "unknown delivery status 'NOPE'"),
        ("POST", "outcomes", {"user": "u1"}, 400, "field 'status' is required"),
        ("POST", "outcomes", {"status": "THROTTLED", "usr": "u1"}, 400, "unknown field 'usr'"),
        (
            "POST",
            "outcomes",
            {"status": "THROTTLED", "times": "2"},
            400,
            "field 'times' has the wrong type",
        ),
        ("POST", "faults", {"code": "Nope"}, 400, "unknown error code 'Nope'"),
        ("POST", "endpoints", {"channel": "SMS"}, 400, "field 'address' is required"),
        ("POST", "endpoints", {"channel": "FAX", "address": "1"}, 400, "channel 'FAX'"),
        ("POST", "chaos", {"profile": {"THROTTLED": 2}}, 400, "must be in [0, 1]"),
        ("GET", "messages?user=u1", None, 400, "unknown filter 'user'"),
        ("PUT", "messages", None, 405, "PUT not allowed on messages"),
        ("GET", "nothing", None, 404, "no inspection route"),
    ],
)
def test_inspection_api_errors_name_the_problem(
    server: PinpointServer, method: str, name: str, payload: Any, status: int, message: str
) -> None:
    got_status, answer = control(server, method, name, payload)
    assert got_status == status
    assert message in answer["error"]


def test_templates_over_http(server: PinpointServer) -> None:
    template = {
        "name": "code",
        "channel": "SMS",
        "body": "Code {{Code}}",
        "defaultSubstitutions": {"Code": "0"},
    }
    assert control(server, "POST", "templates", template) == (201, {"name": "code", "version": "1"})
    endpoint = {"userId": "u1", "channel": "SMS", "address": "+12065550123"}
    control(server, "POST", "endpoints", endpoint)
    body = {
        "MessageConfiguration": {},
        "TemplateConfiguration": {"SMSTemplate": {"Name": "code"}},
        "Users": {"u1": {}},
    }
    assert raw(server, "POST", SEND_PATH, json.dumps(body).encode())[0] == 200
    assert control(server, "GET", "messages")[1]["messages"][0]["body"] == "Code 0"
    status, answer = control(server, "POST", "templates", {"name": "x", "channel": "FAX"})
    assert status == 400
    assert "channel 'FAX'" in answer["error"]


def test_inspection_api_rejects_bad_json(server: PinpointServer) -> None:
    status, _, answer = raw(server, "POST", "/_aws/pinpoint/outcomes", b"{nope")
    assert status == 400
    assert "body is not valid JSON" in answer["error"]
