"""The inspection and control API under ``/_aws/pinpoint/``."""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest

from pinpoint_mock.server import PinpointServer
from tests.server.helpers import SEND_PATH, control, raw


def test_url_and_health(server: PinpointServer) -> None:
    assert server.url == f"http://127.0.0.1:{server.port}"
    status, _, body = raw(server, "GET", "/_aws/pinpoint/health")
    assert status == 200
    assert body["status"] == "ok"
    assert "SendUsersMessages" in body["operations"]


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
    assert control(server, "GET", "messages")[1]["messages"] == []
    assert (
        control(server, "POST", "faults", {"code": "TooManyRequestsException", "times": 1})[0]
        == 201
    )
    assert raw(server, "POST", SEND_PATH, json.dumps(body).encode())[0] == 429
    assert control(server, "POST", "chaos", {"profile": {"THROTTLED": 1.0}, "seed": 3})[0] == 200
    assert control(server, "POST", "reset") == (200, {"reset": True})
    assert control(server, "GET", "endpoints")[1]["endpoints"] == []


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
    status, _, answer = raw(
        server, "POST", "/_aws/pinpoint/outcomes", b"{nope", {"Content-Type": "application/json"}
    )
    assert status == 400
    assert "body is not valid JSON" in answer["error"]


def send_to(server: PinpointServer, user: str) -> str:
    """Send an SMS to ``user`` with boto3 pointed at the server; the delivery's status."""
    client = boto3.client("pinpoint", region_name="us-east-1", endpoint_url=server.url)
    answer = client.send_users_messages(
        ApplicationId=server.mock.application_id,
        SendUsersMessageRequest={
            "MessageConfiguration": {"SMSMessage": {"Body": "hi"}},
            "Users": {user: {}},
        },
    )
    (result,) = answer["SendUsersMessageResponse"]["Result"][user].values()
    return str(result["DeliveryStatus"])


ANA = {"userId": "ana", "channel": "SMS", "address": "+12065550123"}


def test_reset_forgets_scripted_outcomes(server: PinpointServer) -> None:
    assert control(server, "POST", "endpoints", ANA)[0] == 201
    assert (
        control(server, "POST", "outcomes", {"status": "OPT_OUT", "address": ANA["address"]})[0]
        == 201
    )
    assert send_to(server, "ana") == "OPT_OUT"
    assert control(server, "POST", "reset") == (200, {"reset": True})
    assert control(server, "GET", "messages")[1]["messages"] == []
    assert control(server, "POST", "endpoints", ANA)[0] == 201
    assert send_to(server, "ana") == "SUCCESSFUL"
    assert server.mock.unfired() == []


def test_reset_forgets_faults_and_chaos(server: PinpointServer) -> None:
    fault = {"code": "TooManyRequestsException", "times": 1}
    assert control(server, "POST", "faults", fault)[0] == 201
    assert control(server, "POST", "chaos", {"profile": {"THROTTLED": 1.0}, "seed": 3})[0] == 200
    assert control(server, "POST", "reset")[0] == 200
    assert control(server, "POST", "endpoints", ANA)[0] == 201
    body = json.dumps(
        {"MessageConfiguration": {"SMSMessage": {"Body": "hi"}}, "Users": {"ana": {}}}
    )
    status, _, answer = raw(server, "POST", SEND_PATH, body.encode())
    assert status == 200  # no fault left
    assert answer["Result"]["ana"][server.mock.endpoints()[0].endpoint_id]["DeliveryStatus"] == (
        "SUCCESSFUL"  # no chaos left
    )


def test_delete_outcomes_keeps_endpoints_and_records(server: PinpointServer) -> None:
    control(server, "POST", "endpoints", ANA)
    control(server, "POST", "outcomes", {"status": "THROTTLED", "user": "ana"})
    control(server, "POST", "faults", {"code": "TooManyRequestsException", "times": 3})
    control(server, "POST", "chaos", {"profile": {"TEMPORARY_FAILURE": 1.0}})
    assert control(server, "DELETE", "outcomes") == (200, {"cleared": True})
    assert send_to(server, "ana") == "SUCCESSFUL"
    assert [e["Address"] for e in control(server, "GET", "endpoints")[1]["endpoints"]] == [
        ANA["address"]
    ]


def test_delete_messages_empties_the_messages(
    server: PinpointServer,
) -> None:
    control(server, "POST", "endpoints", ANA)
    control(server, "POST", "endpoints", {**ANA, "address": "+12065550124"})
    body = json.dumps(
        {"MessageConfiguration": {"SMSMessage": {"Body": "hi"}}, "Users": {"ana": {}}}
    )
    for _ in range(2):
        assert raw(server, "POST", SEND_PATH, body.encode())[0] == 200
    assert len(control(server, "GET", "messages")[1]["messages"]) == 4
    assert control(server, "DELETE", "messages") == (200, {"deleted": 4})
    assert control(server, "GET", "messages")[1]["messages"] == []
    assert server.mock.sent == []
    assert control(server, "DELETE", "messages") == (200, {"deleted": 0})
    assert raw(server, "POST", SEND_PATH, body.encode())[0] == 200
    assert len(control(server, "GET", "messages")[1]["messages"]) == 2  # recording goes on
