"""Rendered rows: values the garbage collector need not follow, and the messages made of them
(which own their mappings)."""

from __future__ import annotations

import gc

from pinpoint_mock.rendering import BODY, prepare
from tests.rendering.helpers import endpoint


def test_rows_hold_only_values_the_garbage_collector_need_not_follow() -> None:
    config = {
        "APNSMessage": {"Body": "Hi {{Name}} {{Missing}}", "Substitutions": {"Name": ["all"]}},
    }
    user = {"Substitutions": {"Name": ["Ana"]}, "Context": {"k": "v"}}
    row = prepare(config).row("APNS", user, endpoint("APNS", address="token"))
    for _ in range(2):  # a tuple is untracked once its items are (the inner one goes first)
        gc.collect()
    assert not gc.is_tracked(row)
    assert row[BODY] == "Hi Ana "
    assert prepare(config).maps("APNS", user) == ({"Name": ["Ana"]}, {"Context": {"k": "v"}})


def test_rendered_messages_own_their_mappings() -> None:
    config = {"SMSMessage": {"Body": "Hi", "Substitutions": {"Name": ["all"]}}}
    prepared = prepare(config)
    first, second = (prepared.render("SMS", None, endpoint()) for _ in range(2))
    first.substitutions["Name"] = ["changed"]  # type: ignore[index]
    first.fields["MessageType"] = "changed"  # type: ignore[index]
    assert second.substitutions == {"Name": ["all"]}
    assert second.fields == {}
    assert prepared.render("SMS", None, endpoint()).substitutions == {"Name": ["all"]}
