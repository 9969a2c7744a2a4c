"""A bounded call log: the newest kept, the oldest dropped and counted; unbounded by default."""

from __future__ import annotations

import json

import pytest

from pinpoint_mock.engine import Engine
from pinpoint_mock.mock import PinpointMock
from pinpoint_mock.models import Endpoint
from pinpoint_mock.recording import CallLog
from pinpoint_mock.request import Request

PATH = "/v1/apps/app/users-messages"


def engine(users: int) -> Engine:
    made = Engine(seed=1)
    for i in range(users):
        made.core.directory.put(
            Endpoint(
                application_id="app",
                endpoint_id=f"e{i}",
                user_id=f"u{i}",
                channel="SMS",
                address=f"+1206555{i:04d}",
            )
        )
    return made


def send(made: Engine, users: int, text: str) -> None:
    body = {
        "MessageConfiguration": {"SMSMessage": {"Body": text}},
        "Users": {f"u{i}": {} for i in range(users)},
    }
    response, _ = made.handle(Request("POST", PATH, {}, json.dumps(body).encode()))
    assert response.status == 200, response.body


def test_unbounded_by_default() -> None:
    made = engine(3)
    for i in range(50):
        send(made, 3, f"m{i}")
    assert len(made.log.calls) == 50
    assert len(made.log.sent) == 150
    assert made.log.history()["droppedDeliveries"] == 0


def test_the_newest_are_kept_and_the_oldest_counted() -> None:
    made = engine(3)
    made.log.bound(max_calls=4, max_sent=7)
    for i in range(10):
        send(made, 3, f"m{i}")
    assert [c.index for c in made.log.calls] == [7, 8, 9, 10]
    bodies = [(s.user_id, s.body) for s in made.log.sent]
    assert bodies == [("u2", "m7")] + [(f"u{u}", f"m{m}") for m in (8, 9) for u in range(3)]
    assert made.log.history() == {
        "calls": 4,
        "deliveries": 7,
        "maxCalls": 4,
        "maxDeliveries": 7,
        "droppedCalls": 6,
        "droppedDeliveries": 23,
    }


def test_memory_stays_bounded_between_reads() -> None:
    made = engine(1)
    made.log.bound(max_calls=100, max_sent=100)
    for i in range(1000):
        send(made, 1, f"m{i}")
        history = made.log
        assert len(history._calls) <= 125  # a quarter over, at most, before a trim
        assert len(history._sent) + history._pending_count <= 125
    assert made.log.sent[-1].body == "m999"
    assert len(made.log.sent) == 100


def test_a_read_between_sends_sees_the_bound() -> None:
    made = engine(2)
    made.log.bound(max_calls=None, max_sent=3)
    send(made, 2, "a")
    assert [s.body for s in made.log.sent] == ["a", "a"]
    send(made, 2, "b")
    assert [s.body for s in made.log.sent] == ["a", "b", "b"]


@pytest.mark.parametrize("bad", [0, -1, True])
def test_bounds_must_be_positive(bad: int) -> None:
    with pytest.raises(ValueError, match="must be a positive count or None"):
        CallLog(max_calls=bad)


def test_the_mock_passes_the_bound_through() -> None:
    mock = PinpointMock(seed=1)
    assert mock.history["maxDeliveries"] is None
    mock.keep_at_most(calls=2, deliveries=None)
    assert mock.history["maxCalls"] == 2
