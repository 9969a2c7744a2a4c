"""The control API over HTTP: DNS rebinding and cross-site writes refused, fault values checked,
lists paginated, the history bounded and its drops counted in health."""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest

from pinpoint_mock.mock import PinpointMock
from pinpoint_mock.server import PinpointServer
from tests.server.helpers import APP, GOOD, SEND_PATH, control, raw

JSON = {"Content-Type": "application/json"}


def test_a_rebinding_page_can_neither_read_nor_reset(server: PinpointServer) -> None:
    server.mock.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
    assert raw(server, "POST", SEND_PATH, json.dumps(GOOD).encode())[0] == 200
    evil = {"Host": f"rebound.evil.example:{server.port}"}
    status, _, answer = raw(server, "GET", "/_aws/pinpoint/messages", headers=evil)
    assert status == 403
    assert "is not this server's" in answer["error"]
    assert raw(server, "GET", "/_aws/pinpoint/ui", headers=evil)[0] == 403
    assert raw(server, "POST", "/_aws/pinpoint/reset", b"{}", {**evil, **JSON})[0] == 403
    assert len(server.mock.sent) == 1
    assert raw(server, "GET", "/_aws/pinpoint/messages", headers={"Host": "localhost"})[0] == 200


@pytest.mark.parametrize(
    "headers",
    [
        {"Content-Type": "text/plain"},  # fetch(url, {mode: "no-cors", body: "..."})
        {"Content-Type": "application/x-www-form-urlencoded"},  # a <form>
        {},  # a Blob without a type
        {**JSON, "Origin": "http://evil.example"},
        {**JSON, "Origin": "null"},
        {**JSON, "Sec-Fetch-Site": "cross-site"},
    ],
)
def test_cross_site_writes_are_refused(server: PinpointServer, headers: dict[str, str]) -> None:
    payload = json.dumps({"code": "TooManyRequestsException", "times": 5}).encode()
    status, _, answer = raw(server, "POST", "/_aws/pinpoint/faults", payload, headers)
    assert status == 403
    assert answer["error"]
    assert raw(server, "POST", SEND_PATH, json.dumps(GOOD).encode())[0] == 200  # no fault


def test_the_servers_own_page_may_write(server: PinpointServer) -> None:
    origin = {"Origin": f"http://127.0.0.1:{server.port}"}
    assert raw(server, "DELETE", "/_aws/pinpoint/messages", headers=origin)[0] == 200
    status, _, _ = raw(server, "POST", "/_aws/pinpoint/reset", b"", {**origin, **JSON})
    assert status == 200


def test_allowed_hosts_extend_the_names() -> None:
    with PinpointServer(allowed_hosts=["pinpoint"]) as server:
        headers = {"Host": "pinpoint:4599"}
        assert raw(server, "GET", "/_aws/pinpoint/health", headers=headers)[0] == 200
        assert raw(server, "GET", "/_aws/pinpoint/health", headers={"Host": "x"})[0] == 403


@pytest.mark.parametrize(
    "fault",
    [
        {"code": "Foo\r\nX-Injected: yes"},
        {"code": "Foo", "status": 99999},
        {"code": "Foo", "status": -5},
        {"code": "Foo", "status": 101},
        {"code": "Foo", "status": 204},
    ],
)
def test_bad_faults_are_400_and_not_scripted(server: PinpointServer, fault: Any) -> None:
    status, answer = control(server, "POST", "faults", fault)
    assert status == 400
    assert "field 'code'" in answer["error"] or "field 'status'" in answer["error"]
    assert server.mock.unfired() == []


def test_lists_come_in_pages(server: PinpointServer) -> None:
    for i in range(5):
        server.mock.add_endpoint(user_id=f"u{i}", channel="SMS", address=f"+1206555010{i}")
    users = {f"u{i}": {} for i in range(5)}
    body = {"MessageConfiguration": {"SMSMessage": {"Body": "hi"}}, "Users": users}
    assert raw(server, "POST", SEND_PATH, json.dumps(body).encode())[0] == 200
    _, first = control(server, "GET", "messages?limit=2")
    assert [m["userId"] for m in first["messages"]] == ["u0", "u1"]
    assert (first["total"], first["next"]) == (5, 2)
    _, last = control(server, "GET", "messages?start=4&limit=2")
    assert ([m["userId"] for m in last["messages"]], last["next"]) == (["u4"], None)
    _, answer = control(server, "GET", "messages?userId=u3&limit=1")
    assert [m["userId"] for m in answer["messages"]] == ["u3"]
    _, answer = control(server, "GET", "endpoints?limit=3")
    assert (len(answer["endpoints"]), answer["next"]) == (3, 3)
    _, answer = control(server, "GET", "calls?limit=1")
    assert answer["total"] == 1
    for bad in ("limit=0", "limit=10001", "start=-1", "limit=abc"):
        status, answer = control(server, "GET", f"messages?{bad}")
        assert status == 400
        assert "must be an integer" in answer["error"]


def test_a_bounded_server_keeps_the_newest_and_counts_the_dropped() -> None:
    with PinpointServer(PinpointMock(seed=1), max_calls=3, max_deliveries=4) as server:
        server.mock.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
        for i in range(6):
            body = {"MessageConfiguration": {"SMSMessage": {"Body": f"m{i}"}}, "Users": {"u1": {}}}
            assert raw(server, "POST", SEND_PATH, json.dumps(body).encode())[0] == 200
        _, health = control(server, "GET", "health")
        assert health["history"] == {
            "calls": 3,
            "deliveries": 4,
            "maxCalls": 3,
            "maxDeliveries": 4,
            "droppedCalls": 3,
            "droppedDeliveries": 2,
        }
        _, answer = control(server, "GET", "messages")
        assert [m["body"] for m in answer["messages"]] == ["m2", "m3", "m4", "m5"]


def test_errors_inside_the_server_are_kept_bounded(server: PinpointServer) -> None:
    for i in range(150):
        server.record_error(RuntimeError(f"e{i}"))
    assert len(server.errors) == 100
    assert server.errors_dropped == 50
    with pytest.raises(RuntimeError, match="e0"):
        server.check()
    assert (server.errors, server.errors_dropped) == ([], 0)


def test_a_missing_user_is_resource_not_found(server: PinpointServer) -> None:
    client = boto3.client("pinpoint", region_name="us-east-1", endpoint_url=server.url)
    with pytest.raises(client.exceptions.NotFoundException, match="Resource not found"):
        client.get_user_endpoints(ApplicationId=APP, UserId="nobody")
    status, _, answer = raw(server, "GET", f"/v1/apps/{APP}/users/nobody")
    assert (status, answer["Message"]) == (404, "Resource not found")
