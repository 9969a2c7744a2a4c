"""Under concurrency nothing is lost: every call and delivery is recorded, once, consistently.

Threads switch every 100 µs here instead of Python's default 5 ms: the microseconds a send spends
recording are interrupted fifty times more often than at the default, so 16 threads x 200 sends
switch threads more than ten times as often as 16 x 1,000 sends did at the default interval
(``PINPOINT_MOCK_CONCURRENCY_SENDS`` raises the count).
"""

from __future__ import annotations

import os
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from typing import Any

import boto3
import pytest

from pinpoint_mock import mock_pinpoint

THREADS = 16
SENDS = int(os.environ.get("PINPOINT_MOCK_CONCURRENCY_SENDS", "200"))
SWITCH_INTERVAL = 1e-4  # seconds; Python's default is 5e-3


@pytest.fixture(autouse=True)
def frequent_thread_switches() -> Iterator[None]:
    previous = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL)
    yield
    sys.setswitchinterval(previous)


def run_threads(count: int, target: Any) -> None:
    errors: list[BaseException] = []

    def guarded(i: int) -> None:
        try:
            target(i)
        except BaseException as exc:  # re-raised below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=guarded, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]


@pytest.mark.slow
def test_16_threads_sending_at_once_record_exactly_what_was_sent() -> None:
    with mock_pinpoint(seed=1) as pinpoint:
        for i in range(THREADS):
            pinpoint.add_endpoint(user_id=f"u{i}", channel="SMS", address=f"+1206555{i:04d}")
            pinpoint.add_endpoint(user_id=f"u{i}", channel="EMAIL", address=f"user{i}@example.com")
        results: dict[int, list[str]] = {}

        def work(i: int) -> None:
            client = boto3.client("pinpoint", region_name="us-east-1")
            statuses = []
            for n in range(SENDS):
                response = client.send_users_messages(
                    ApplicationId=pinpoint.application_id,
                    SendUsersMessageRequest={
                        "MessageConfiguration": {"DefaultMessage": {"Body": f"{i}:{n}"}},
                        "Users": {f"u{i}": {}},
                    },
                )
                entries = response["SendUsersMessageResponse"]["Result"][f"u{i}"]
                statuses.extend(e["DeliveryStatus"] for e in entries.values())
            results[i] = statuses

        run_threads(THREADS, work)
        calls, sent = pinpoint.calls, pinpoint.sent
    assert len(calls) == THREADS * SENDS
    assert len(sent) == THREADS * SENDS * 2
    assert sorted(c.index for c in calls) == list(range(1, THREADS * SENDS + 1))
    assert all(c.status == 200 for c in calls)
    # Every delivery belongs to the call that made it, with the body that call sent.
    by_call = {c.index: c for c in calls}
    for delivery in sent:
        request = by_call[delivery.call_index].request
        assert delivery.body == request["MessageConfiguration"]["DefaultMessage"]["Body"]
        assert delivery.user_id in request["Users"]
    bodies = Counter(s.body for s in sent)
    assert set(bodies.values()) == {2}
    assert all(len(statuses) == SENDS * 2 for statuses in results.values())


def test_times_n_rules_fire_exactly_n_times_under_concurrency() -> None:
    with mock_pinpoint(seed=2) as pinpoint:
        for i in range(THREADS):
            pinpoint.add_endpoint(user_id=f"u{i}", channel="SMS", address=f"+1206555{i:04d}")
        throttled = pinpoint.outcome("THROTTLED", times=37)
        failing = pinpoint.outcome("PERMANENT_FAILURE", user="u3", times=5)
        pinpoint.fail("TooManyRequestsException", times=11)

        def work(i: int) -> None:
            client = boto3.client(
                "pinpoint",
                region_name="us-east-1",
                config=boto3.session.Config(retries={"mode": "standard", "max_attempts": 20}),
            )
            for _ in range(50):
                client.send_users_messages(
                    ApplicationId=pinpoint.application_id,
                    SendUsersMessageRequest={
                        "MessageConfiguration": {"SMSMessage": {"Body": "x"}},
                        "Users": {f"u{i}": {}},
                    },
                )

        run_threads(THREADS, work)
        statuses = Counter(s.delivery_status for s in pinpoint.sent)
        errors = Counter(c.error_code for c in pinpoint.calls)
    assert throttled.fired == 37
    assert failing.fired == 5
    assert statuses == {"THROTTLED": 37, "PERMANENT_FAILURE": 5, "SUCCESSFUL": THREADS * 50 - 42}
    assert errors["TooManyRequestsException"] == 11
    assert errors[None] == THREADS * 50
