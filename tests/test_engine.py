"""The engine without any interceptor: HTTP in, HTTP out, everything recorded."""

from __future__ import annotations

import dataclasses
import json

import pytest

from pinpoint_mock.engine import Engine
from pinpoint_mock.limits import MAX_PAYLOAD_BYTES
from pinpoint_mock.models import Endpoint
from pinpoint_mock.request import Request
from pinpoint_mock.script import Rule

PATH = "/v1/apps/app/users-messages"


def post(
    engine: Engine, body: bytes, path: str = PATH, method: str = "POST"
) -> tuple[int, dict, dict]:
    response, _ = engine.handle(Request(method, path, {}, body, "server"))
    return response.status, response.headers, json.loads(response.body)


def test_a_send_end_to_end() -> None:
    engine = Engine(seed=1)
    engine.core.directory.put(Endpoint("app", "e1", "SMS", "+12065550123", "u1"))
    body = {"MessageConfiguration": {"SMSMessage": {"Body": "hi"}}, "Users": {"u1": {}}}
    status, headers, payload = post(engine, json.dumps(body).encode())
    assert status == 200
    assert payload["ApplicationId"] == "app"
    assert payload["RequestId"] != headers["x-amzn-RequestId"]
    assert payload["Result"]["u1"]["e1"]["DeliveryStatus"] == "SUCCESSFUL"
    (call,) = engine.log.calls
    assert (call.transport, call.index) == ("server", 1)
    assert engine.log.sent[0].call_index == 1


def test_same_seed_same_answer() -> None:
    def answer(seed: int) -> bytes:
        engine = Engine(seed=seed)
        engine.core.directory.put(Endpoint("app", "e1", "SMS", "+12065550123", "u1"))
        body = b'{"MessageConfiguration": {"SMSMessage": {"Body": "hi"}}, "Users": {"u1": {}}}'
        response, _ = engine.handle(Request("POST", PATH, {}, body))
        return response.body

    assert answer(1) == answer(1)
    assert answer(1) != answer(2)


@pytest.mark.parametrize(
    ("body", "status", "code", "text"),
    [
        (
            b'{"Users": ',
            400,
            "BadRequestException",
            "not valid JSON: Expecting value at line 1, column 11",
        ),
        (b"\xff", 400, "BadRequestException", "not UTF-8"),
        (b"[]", 400, "BadRequestException", "must be a JSON object"),
        (
            b'{"Users": {}}',
            400,
            "BadRequestException",
            "MessageConfiguration: is required but missing",
        ),
        (b" " * (MAX_PAYLOAD_BYTES + 1), 413, "PayloadTooLargeException", "the limit is 7340032"),
    ],
)
def test_bad_bodies_get_clear_errors_and_are_recorded(
    body: bytes, status: int, code: str, text: str
) -> None:
    engine = Engine()
    response, call = engine.handle(Request("POST", PATH, {}, body))
    assert response.status == status
    assert response.headers["x-amzn-ErrorType"] == code
    assert text in json.loads(response.body)["Message"]
    assert engine.log.calls == [call]
    assert call.error_code == code


def test_wrong_method_and_unknown_path() -> None:
    engine = Engine()
    assert post(engine, b"", method="GET")[0] == 405
    status, _, payload = post(engine, b"", path="/v1/apps/app/campaigns")
    assert status == 404
    assert "GET" not in payload["Message"]
    assert "does not implement the Pinpoint operation CreateCampaign" in payload["Message"]
    assert [c.status for c in engine.log.calls] == [405, 404]


def test_every_routed_operation_is_implemented() -> None:
    from pinpoint_mock.services import SERVICES

    routed = [op for service in SERVICES.values() for op in service.routes.operations]
    assert sorted(routed) == sorted(Engine().operations)


def test_attempt_and_invocation_are_read_from_sdk_headers() -> None:
    engine = Engine()
    headers = {"amz-sdk-request": "ttl=1; attempt=3; max=5", "Amz-Sdk-Invocation-Id": "abc"}
    _, call = engine.handle(Request("POST", PATH, headers, b"{}"))
    assert (call.attempt, call.invocation_id) == (3, "abc")


def test_call_indexes_count_from_one_again_after_a_clear() -> None:
    engine = Engine()
    first = [engine.handle(Request("POST", PATH, {}, b"{}"))[1].index for _ in range(3)]
    engine.log.clear()
    assert first == [1, 2, 3]
    assert engine.handle(Request("POST", PATH, {}, b"{}"))[1].index == 1


def test_calls_and_records_carry_every_field() -> None:
    engine = Engine(seed=1)
    engine.core.directory.put(Endpoint("app", "e1", "SMS", "+12065550123", "u1"))
    body = b'{"MessageConfiguration": {"SMSMessage": {"Body": "hi"}}, "Users": {"u1": {}}}'
    _, call = engine.handle(Request("POST", PATH, {}, body))
    (sent,) = engine.log.sent
    for record in (call, sent, sent.message):
        names = {f.name for f in dataclasses.fields(record)}  # type: ignore[arg-type]
        assert set(vars(record)) == names, type(record).__name__


def test_reset_forgets_scripts_endpoints_templates_and_records() -> None:
    engine = Engine()
    body = json.dumps(
        {"MessageConfiguration": {"SMSMessage": {"Body": "x"}}, "Users": {"u1": {}}}
    ).encode()
    engine.core.directory.put(Endpoint("app", "e1", "SMS", "+12065550123", "u1"))
    engine.core.script.add_rule(Rule("THROTTLED", user="u1"))
    engine.core.script.chaos({"TEMPORARY_FAILURE": 1.0}, 1)
    engine.core.script.add_fault(
        "TooManyRequestsException", times=1, message=None, status=None, operation=None
    )
    assert post(engine, body)[0] == 429
    engine.reset()
    assert engine.log.calls == []
    assert engine.core.directory.endpoints("app") == []
    engine.core.directory.put(Endpoint("app", "e1", "SMS", "+12065550123", "u1"))
    status, _, payload = post(engine, body)
    assert status == 200
    assert payload["Result"]["u1"]["e1"]["DeliveryStatus"] == "SUCCESSFUL"
    assert [c.index for c in engine.log.calls] == [1]


def test_calls_and_deliveries_name_their_service() -> None:
    engine = Engine(seed=1)
    engine.core.directory.put(Endpoint("app", "e1", "SMS", "+12065550123", "u1"))
    body = b'{"MessageConfiguration": {"SMSMessage": {"Body": "hi"}}, "Users": {"u1": {}}}'
    _, call = engine.handle(Request("POST", PATH, {}, body))
    assert call.service == engine.log.sent[0].service == "pinpoint"
    assert call.to_dict()["service"] == engine.log.sent[0].to_dict()["service"] == "pinpoint"
