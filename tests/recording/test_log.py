"""The call log: deliveries kept as rows, made into records when first read, never changed."""

from __future__ import annotations

import gc
import json
import weakref
from dataclasses import replace

from pinpoint_mock.engine import Engine
from pinpoint_mock.models import Endpoint, RenderedMessage
from pinpoint_mock.recording import Call, CallLog, Deliveries
from pinpoint_mock.rendering import prepare
from pinpoint_mock.request import Request
from pinpoint_mock.wire import Response

PATH = "/v1/apps/app/users-messages"


def send(engine: Engine, body: dict) -> None:
    response, _ = engine.handle(Request("POST", PATH, {}, json.dumps(body).encode()))
    assert response.status == 200, response.body


def engine_with(*endpoints: Endpoint) -> Engine:
    engine = Engine(seed=1)
    for endpoint in endpoints:
        engine.core.directory.put(endpoint)
    return engine


def test_records_hold_what_was_sent_even_after_the_endpoint_changed() -> None:
    endpoint = Endpoint("app", "e1", "SMS", "+12065550123", "u1", attributes={"Plan": ["gold"]})
    engine = engine_with(endpoint)
    send(
        engine,
        {
            "MessageConfiguration": {"SMSMessage": {"Body": "{{Attributes.Plan}} {{Name}}"}},
            "Users": {"u1": {"Substitutions": {"Name": ["Ana"]}}},
        },
    )
    # Changed before anything read the records: they still show the send as it was.
    engine.core.directory.put(
        replace(endpoint, address="+12065550999", attributes={"Plan": ["free"]})
    )
    (record,) = engine.log.sent
    assert (record.address, record.body) == ("+12065550123", "gold Ana")
    assert record.substitutions == {"Name": ["Ana"]}


def test_records_are_made_once_and_keep_their_order() -> None:
    engine = engine_with(
        Endpoint("app", "e1", "SMS", "+12065550123", "u1"),
        Endpoint("app", "e2", "EMAIL", "ana@example.com", "u1"),
    )
    body = {"MessageConfiguration": {"DefaultMessage": {"Body": "hi"}}, "Users": {"u1": {}}}
    send(engine, body)
    first = engine.log.sent
    send(engine, body)
    second = engine.log.sent
    assert [r.call_index for r in second] == [1, 1, 2, 2]
    assert [r.endpoint_id for r in second] == ["e1", "e2", "e1", "e2"]
    assert second[0] is first[0]  # not made again
    assert [r.delivery_status for r in second] == ["SUCCESSFUL"] * 4


def test_each_record_owns_its_mappings() -> None:
    engine = engine_with(
        Endpoint("app", "e1", "SMS", "+12065550123", "u1"),
        Endpoint("app", "e2", "SMS", "+12065550124", "u2"),
    )
    send(
        engine,
        {
            "Context": {"campaign": "spring"},
            "MessageConfiguration": {
                "SMSMessage": {"Body": "hi {{Name}}", "Substitutions": {"Name": ["all"]}}
            },
            "Users": {"u1": {}, "u2": {"Context": {"tier": "vip"}}},
        },
    )
    first, second = engine.log.sent
    assert first.context == {"campaign": "spring"}
    assert second.context == {"campaign": "spring", "tier": "vip"}
    first.message.substitutions["Name"] = ["changed"]  # type: ignore[index]
    assert second.substitutions == {"Name": ["all"]}
    assert second.body == "hi all"


def _deliveries(index: int) -> Deliveries:
    body = b'{"MessageConfiguration": {"SMSMessage": {"Body": "hi"}}, "Users": {"u1": {}}}'
    made = Deliveries(
        application_id="app",
        operation="SendUsersMessages",
        request_id=f"r{index}",
        call_index=index,
        attempt=1,
        trace_id=None,
        body=body,
        prepared=prepare({"SMSMessage": {"Body": "hi"}}),
    )
    rendered = ("SMS", None, "hi", None, None, None, (), "GSM", 1, None, None)
    made.add("Users", "u1", "u1", "e1", "SMS", "+1", "SUCCESSFUL", 200, "", "m1", None, rendered)
    return made


def _record(log: CallLog, index: int, deliveries: Deliveries | None) -> Call:
    return log.record(
        Request("POST", PATH, {"Amz-Sdk-Invocation-Id": "i"}, b"{}", "server"),
        Response(200, b"{}", {}),
        index=index,
        service="pinpoint",
        operation="SendUsersMessages",
        request_id=f"q{index}",
        deliveries=deliveries,
        warnings=(f"w{index}",),
    )


def test_a_log_keeps_calls_and_their_deliveries_in_call_order() -> None:
    log = CallLog()
    first = _record(log, 1, _deliveries(1))
    _record(log, 2, None)
    _record(log, 3, _deliveries(3))
    assert [c.index for c in log.calls] == [1, 2, 3]
    assert (first.invocation_id, first.transport, first.request_id) == ("i", "server", "q1")
    assert [r.call_index for r in log.sent] == [1, 3]
    assert log.sent[0].message == RenderedMessage(
        "SMS", body="hi", sms_encoding="GSM", sms_segments=1
    )
    assert log.warnings == ["w1", "w2", "w3"]


def test_records_are_live_views() -> None:
    log = CallLog()
    sent, calls = log.sent, log.calls
    assert sent == []
    assert len(calls) == 0
    _record(log, 1, _deliveries(1))
    assert len(sent) == 1
    assert len(calls) == 1
    _record(log, 2, _deliveries(2))
    assert [r.call_index for r in sent] == [1, 2]
    assert sent.last.call_index == 2
    assert calls[1:] == [calls.last]
    assert sent.filter(call_index=2) == [sent.last]
    assert sent == log.sent
    assert sent != [sent.last]


def test_clearing_forgets_everything_and_frees_it() -> None:
    log = CallLog()
    call = _record(log, 1, _deliveries(1))
    record = log.sent[0]
    alive = weakref.ref(call), weakref.ref(record)
    del call, record
    log.clear()
    gc.collect()
    assert log.sent == []
    assert log.calls == []
    assert log.warnings == []
    assert [ref() for ref in alive] == [None, None]
