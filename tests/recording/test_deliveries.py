"""Deliveries: a send call's deliveries as flat rows until first read."""

from __future__ import annotations

import gc
import json

from pinpoint_mock.recording import Deliveries
from pinpoint_mock.rendering import prepare


def test_kept_rows_are_left_alone_by_the_garbage_collector() -> None:
    """Big suites keep thousands of deliveries: their rows are strings and numbers in one list,
    with no container for the collector to follow."""
    body = (
        b'{"Context": {"campaign": "spring"}, "MessageConfiguration": {"SMSMessage": {"Body":'
        b' "hi {{Name}} {{Nothing}}"}, "APNSMessage": {"Body": "hi"}}, "Users": {"u1":'
        b' {"Substitutions": {"Name": ["Ana"]}, "Context": {"tier": "vip"}}}}'
    )
    document = json.loads(body)
    prepared = prepare(document["MessageConfiguration"])
    deliveries = Deliveries(
        application_id="app",
        operation="SendUsersMessages",
        request_id="r1",
        call_index=1,
        attempt=1,
        trace_id=None,
        body=body,
        prepared=None,
    )
    user = document["Users"]["u1"]
    for endpoint_id, channel, address in (("e1", "SMS", "+12065550123"), ("e2", "APNS", "t")):
        rendered = prepared.row(channel, user, None)
        deliveries.add(
            "Users", "u1", "u1", endpoint_id, channel, address, "SUCCESSFUL", 200, "", "m",
            None, rendered,
        )  # fmt: skip
    gc.collect()
    assert len(deliveries) == 2
    assert not any(gc.is_tracked(value) for value in deliveries.values)
    sms, push = deliveries.records()
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
            "Users", "u1", "u1", "e1", "SMS", "+1", "SUCCESSFUL", 200, "", "m1", None, rendered
        )
        made.append(deliveries.records())
    assert made[0] == made[1]
    (record,) = made[1]
    assert record.body == "hi a, b"
    assert record.substitutions == {"Name": ["a", "b"]}
    assert record.context == {"k": "v"}
