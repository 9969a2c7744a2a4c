"""SendUsersMessages and SendMessages through the engine: warnings, wire bodies, answers."""

from __future__ import annotations

import json

import pytest

from pinpoint_mock import wire
from pinpoint_mock.engine import Engine
from pinpoint_mock.models import Endpoint
from pinpoint_mock.request import Request
from pinpoint_mock.script import Rule

PATH = "/v1/apps/app/users-messages"


def post(
    engine: Engine, body: bytes, path: str = PATH, method: str = "POST"
) -> tuple[int, dict, dict]:
    response, _ = engine.handle(Request(method, path, {}, body, "server"))
    return response.status, response.headers, json.loads(response.body)


def test_endpoint_variables_without_values_are_reported() -> None:
    engine = Engine()
    engine.core.directory.put(Endpoint("app", "e1", "SMS", "+12065550123", "u1"))
    body = {
        "MessageConfiguration": {"SMSMessage": {"Body": "Plan {{Attributes.Plan}}"}},
        "Users": {"u1": {}},
    }
    _, call = engine.handle(Request("POST", PATH, {}, json.dumps(body).encode()))
    assert call.warnings == (
        "u1/e1: {{Attributes.Plan}} had no value on this endpoint and rendered empty",
    )
    assert engine.log.sent[0].body == "Plan "


def test_a_wire_body_is_never_taken_for_the_sdk_input_shape() -> None:
    engine = Engine(seed=1)
    inner = {"MessageConfiguration": {"SMSMessage": {"Body": "hi"}}, "Users": {"u1": {}}}
    status, headers, payload = post(engine, json.dumps({"SendUsersMessageRequest": inner}).encode())
    assert (status, headers["x-amzn-ErrorType"]) == (400, "BadRequestException")
    assert "SendUsersMessageRequest" in payload["Message"]


def test_send_answers_are_exactly_what_the_json_encoder_writes() -> None:
    """The send operations write their JSON themselves; it must be the encoder's, byte for
    byte, whatever the strings hold and whatever the outcome."""
    engine = Engine(seed=5)
    for endpoint in (
        Endpoint("app", "e1", "SMS", "+12065550123", "u1"),
        Endpoint("app", "e2", "EMAIL", 'ana"quote\\@example.com', "u1"),
        Endpoint("app", "e3", "APNS", "tok-é漢\u2028", "u2", opt_out="ALL"),
        Endpoint("app", "e4", "SMS", "+12065550123", "u2"),
        Endpoint("app", "e5", "GCM", "throttled-x", "u3"),
        Endpoint("app", "e6", "SMS", "+12065550124", 'u"4', status="INACTIVE"),
    ):
        engine.core.directory.put(endpoint)
    engine.core.script.add_rule(Rule("TEMPORARY_FAILURE", user="u3", status_message='a "b" \n é'))
    config = {
        "SMSMessage": {"Body": "hi {{Name}}"},
        "EmailMessage": {"Body": "x"},
        "APNSMessage": {"Body": "b"},
        "GCMMessage": {"Body": "g"},
    }
    users = {"u1": {"Substitutions": {"Name": ["A"]}}, "u2": {}, "u3": {}, 'u"4': {}, "none": {}}
    direct = {
        "Addresses": {"+12065550199": {"ChannelType": "SMS"}, "nochannel": {}},
        "Endpoints": {"E1": {}, "missing": {}},
        "MessageConfiguration": config,
    }
    for path, body in (
        (PATH, {"MessageConfiguration": config, "Users": users}),
        ("/v1/apps/app/messages", direct),
        ("/v1/apps/app/messages", {"Endpoints": {"e4": {}}, "MessageConfiguration": config}),
    ):
        response, _ = engine.handle(Request("POST", path, {}, json.dumps(body).encode()))
        assert response.status == 200
        assert response.body == wire.encode(json.loads(response.body))
    statuses = {record.delivery_status for record in engine.log.sent}
    assert statuses == {"SUCCESSFUL", "OPT_OUT", "DUPLICATE", "TEMPORARY_FAILURE"}


@pytest.mark.parametrize(("limit", "length", "status"), [
    (1530, 1530, "SUCCESSFUL"), (1530, 1531, "PERMANENT_FAILURE"), (1600, 1600, "SUCCESSFUL"),
])  # fmt: skip
def test_the_gsm7_limit_is_the_docs_and_an_option(limit: int, length: int, status: str) -> None:
    from pinpoint_mock.options import Options

    engine = Engine(options=Options(sms_max_gsm7=limit))
    engine.core.directory.put(Endpoint("app", "e1", "SMS", "+12065550123", "u1"))
    body = {"MessageConfiguration": {"SMSMessage": {"Body": "a" * length}}, "Users": {"u1": {}}}
    post(engine, json.dumps(body).encode())
    (sent,) = engine.log.sent
    assert sent.delivery_status == status
    if status != "SUCCESSFUL":
        assert (sent.status_message, sent.rule) == ("Invalid Message", "derived:sms-too-long")
