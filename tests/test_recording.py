"""The call log: deliveries kept as rows, made into records when first read, never changed."""

from __future__ import annotations

import gc
import json
from dataclasses import replace

from pinpoint_mock.engine import Engine, Request
from pinpoint_mock.models import Endpoint, RenderedMessage
from pinpoint_mock.recording import Call, CallLog, Deliveries, SentMessage
from pinpoint_mock.rendering import prepare

PATH = "/v1/apps/app/users-messages"


def send(engine: Engine, body: dict) -> None:
    response, _ = engine.handle(Request("POST", PATH, {}, json.dumps(body).encode()))
    assert response.status == 200, response.body


def engine_with(*endpoints: Endpoint) -> Engine:
    engine = Engine(seed=1)
    for endpoint in endpoints:
        engine.directory.put(endpoint)
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
    engine.directory.put(replace(endpoint, address="+12065550999", attributes={"Plan": ["free"]}))
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


def test_a_log_mixes_rows_and_records_in_call_order() -> None:
    log = CallLog()
    rendered = ("SMS", None, "hi", None, None, None, (), "GSM", 1, None)
    head = ("Users", "u1", "u1", "e1", "SMS", "+1", "SUCCESSFUL", 200, "", "m1", None)
    body = b'{"MessageConfiguration": {"SMSMessage": {"Body": "hi"}}, "Users": {"u1": {}}}'

    def deliveries(index: int) -> Deliveries:
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
        made.add(head, rendered)
        return made

    def call(index: int) -> Call:
        return Call(index, "SendUsersMessages", "POST", PATH, {}, b"", 200, {}, b"")

    direct = SentMessage(
        application_id="app",
        user_id="u9",
        endpoint_id="e9",
        channel="SMS",
        address="+9",
        delivery_status="SUCCESSFUL",
        status_code=200,
        status_message="",
        message_id=None,
        message=RenderedMessage("SMS", body="direct"),
        call_index=2,
    )
    log.record(call(1), deliveries(1))
    log.record(call(2), [direct])
    log.record(call(3), deliveries(3))
    log.record(call(4), None)
    assert [r.call_index for r in log.sent] == [1, 2, 3]
    assert log.sent[0].message == RenderedMessage(
        "SMS", body="hi", sms_encoding="GSM", sms_segments=1
    )
    log.record(call(5), deliveries(5))
    log.clear_messages()
    assert log.sent == []
    assert len(log.calls) == 5


def test_kept_rows_are_left_alone_by_the_garbage_collector() -> None:
    """Big suites keep thousands of deliveries: their rows are strings and numbers in one list,
    with no container for the collector to follow."""
    engine = engine_with(
        Endpoint("app", "e1", "SMS", "+12065550123", "u1"),
        Endpoint("app", "e2", "APNS", "token", "u1"),
    )
    send(
        engine,
        {
            "Context": {"campaign": "spring"},
            "MessageConfiguration": {
                "SMSMessage": {"Body": "hi {{Name}} {{Nothing}}"},
                "APNSMessage": {"Body": "hi"},
            },
            "Users": {"u1": {"Substitutions": {"Name": ["Ana"]}, "Context": {"tier": "vip"}}},
        },
    )
    (pending,) = engine.log._pending
    gc.collect()
    assert len(pending) == 2
    assert not any(gc.is_tracked(value) for value in pending.values)
    sms, push = engine.log.sent
    assert (sms.body, sms.substitutions, sms.context) == (
        "hi Ana ",
        {"Name": ["Ana"]},
        {"campaign": "spring", "tier": "vip"},
    )
    assert push.message.fields == {"Context": {"tier": "vip"}}


def test_records_are_the_same_whether_the_prepared_message_was_kept_or_made_again() -> None:
    body = (
        b'{"MessageConfiguration": {"SMSMessage": {"Body": "hi {{Name}}",'
        b' "Substitutions": {"Name": ["a", "b"]}}}, "Users": {"u1": {"Context": {"k": "v"}}}}'
    )
    config = json.loads(body)["MessageConfiguration"]
    made = []
    for kept in (True, False):
        prepared = prepare(config, multi_value="join")
        deliveries = Deliveries(
            application_id="app",
            operation="SendUsersMessages",
            request_id="r1",
            call_index=1,
            attempt=1,
            trace_id=None,
            body=body,
            prepared=prepared if kept else None,
            multi_value="join",
        )
        rendered = prepared.row("SMS", {"Context": {"k": "v"}}, None)
        deliveries.add(
            ("Users", "u1", "u1", "e1", "SMS", "+1", "SUCCESSFUL", 200, "", "m1", None), rendered
        )
        made.append(deliveries.records())
    assert made[0] == made[1]
    (record,) = made[1]
    assert record.body == "hi a, b"
    assert record.substitutions == {"Name": ["a", "b"]}
    assert record.context == {"k": "v"}
