"""SMS and voice v2 under concurrency: 16 threads sending, opting out and scripting at once lose
nothing, record every delivery once, and answer every opted-out destination with the reason."""

from __future__ import annotations

import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import boto3
import pytest
from botocore.config import Config

from pinpoint_mock import mock_pinpoint

THREADS = 16
SENDS = 100
SWITCH_INTERVAL = 1e-4


@pytest.fixture(autouse=True)
def frequent_thread_switches() -> Iterator[None]:
    previous = sys.getswitchinterval()
    sys.setswitchinterval(SWITCH_INTERVAL)
    yield
    sys.setswitchinterval(previous)


def run_threads(target: Any) -> None:
    errors: list[BaseException] = []

    def guarded(index: int) -> None:
        try:
            target(index)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=guarded, args=(i,)) for i in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


@pytest.mark.slow
def test_concurrent_sends_opt_outs_and_rules_are_all_recorded_once() -> None:
    config = Config(retries={"total_max_attempts": 1})
    with mock_pinpoint(seed=1) as mock:
        mock.outcome("THROTTLED", channel="VOICE", service="pinpoint-sms-voice-v2", times=THREADS)
        refused = Counter[str]()
        lock = threading.Lock()

        def work(index: int) -> None:
            sms: Any = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1", config=config)
            opted = f"+1206555{index:04d}"
            sms.put_opted_out_number(OptOutListName="Default", OptedOutNumber=opted)
            for n in range(SENDS):
                dest = f"+1425555{(index * SENDS + n) % 10000:04d}"
                sms.send_text_message(DestinationPhoneNumber=dest, MessageBody=f"{index}:{n}")
            refusals: list[tuple[str, Callable[[], Any]]] = [
                ("ConflictException", lambda: sms.send_text_message(
                    DestinationPhoneNumber=opted, MessageBody="x")),
                ("ThrottlingException", lambda: sms.send_voice_message(
                    DestinationPhoneNumber="+14255550000", OriginationIdentity="+14255551111",
                    MessageBody="x")),
            ]  # fmt: skip
            for expected, call in refusals:
                try:
                    call()
                except sms.exceptions.ClientError as exc:
                    code = exc.response["Error"]["Code"]
                    with lock:
                        refused[code if code == expected else f"{code}, not {expected}"] += 1

        run_threads(work)
        texts = [s for s in mock.sent if s.operation == "SendTextMessage" and s.message_id]
        assert len(texts) == THREADS * SENDS
        assert len({s.message_id for s in texts}) == THREADS * SENDS
        assert {s.body for s in texts} == {f"{i}:{n}" for i in range(THREADS) for n in range(SENDS)}
        assert refused == {"ConflictException": THREADS, "ThrottlingException": THREADS}
        assert len(mock.sms_voice_v2.opted_out()) == THREADS
        assert mock.unfired() == []
        assert len(mock.calls) == THREADS * (SENDS + 3)
