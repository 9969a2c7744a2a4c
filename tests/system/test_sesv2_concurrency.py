"""SES v2 under concurrency: 16 threads sending, bulk sending and changing templates and the
suppression list at once; every call and every recipient is recorded once, and ``times=N``
rules fire exactly N times."""

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
SENDS = int(os.environ.get("PINPOINT_MOCK_CONCURRENCY_SENDS", "60"))
SIMPLE = {"Simple": {"Subject": {"Data": "Hi"}, "Body": {"Text": {"Data": "hello"}}}}


@pytest.fixture(autouse=True)
def frequent_thread_switches() -> Iterator[None]:
    previous = sys.getswitchinterval()
    sys.setswitchinterval(1e-4)
    yield
    sys.setswitchinterval(previous)


def run_threads(count: int, target: Any) -> None:
    errors: list[BaseException] = []

    def guarded(i: int) -> None:
        try:
            target(i)
        except BaseException as exc:  # re-raised in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=guarded, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise errors[0]


@pytest.mark.slow
def test_threads_sending_email_and_bulk_record_every_recipient_once() -> None:
    with mock_pinpoint(seed=1) as pinpoint:
        pinpoint.sesv2.create_template("t", subject="Hi {{n}}")
        pinpoint.outcome("BOUNCE", address="t3-0@example.com", service="sesv2", times=5)
        ids: dict[int, list[str]] = {}

        def work(i: int) -> None:
            client = boto3.client("sesv2", region_name="us-east-1")
            mine = ids.setdefault(i, [])
            for n in range(SENDS):
                if n % 10 == 0:
                    entries = [{"Destination": {"ToAddresses": [f"b{i}-{n}-{k}@example.com"]}}
                               for k in range(5)]  # fmt: skip
                    results = client.send_bulk_email(
                        FromEmailAddress="me@example.com",
                        DefaultContent={"Template": {"TemplateName": "t",
                                                     "TemplateData": '{"n": 1}'}},
                        BulkEmailEntries=entries,
                    )["BulkEmailEntryResults"]  # fmt: skip
                    mine += [r["MessageId"] for r in results]
                else:
                    answer = client.send_email(
                        FromEmailAddress="me@example.com",
                        Destination={"ToAddresses": [f"t{i}-{n % 2}@example.com"],
                                     "CcAddresses": [f"c{i}@example.com"]},
                        Content=SIMPLE,
                    )  # fmt: skip
                    mine.append(answer["MessageId"])

        run_threads(THREADS, work)
        sent = list(pinpoint.sent)
        bulk_calls, single_calls = THREADS * SENDS // 10, THREADS * (SENDS - SENDS // 10)
        assert len(pinpoint.calls) == bulk_calls + single_calls
        assert len(sent) == bulk_calls * 5 + single_calls * 2
        every_id = [m for found in ids.values() for m in found]
        assert len(set(every_id)) == len(every_id) == bulk_calls * 5 + single_calls
        per_message = Counter(s.message_id for s in sent)
        assert set(per_message.values()) <= {1, 2}
        assert Counter(s.delivery_status for s in sent)["BOUNCE"] == 5


@pytest.mark.slow
def test_templates_and_the_suppression_list_change_under_concurrent_sends() -> None:
    with mock_pinpoint(seed=2) as pinpoint:

        def work(i: int) -> None:
            client = boto3.client("sesv2", region_name="us-east-1")
            for n in range(SENDS // 4):
                name = f"t{i}-{n}"
                client.create_email_template(TemplateName=name, TemplateContent={"Subject": name})
                client.put_suppressed_destination(
                    EmailAddress=f"{name}@example.com", Reason="BOUNCE"
                )
                client.send_email(
                    FromEmailAddress="me@example.com",
                    Destination={"ToAddresses": [f"{name}@example.com"]},
                    Content={"Template": {"TemplateName": name, "TemplateData": "{}"}},
                )
                if n % 2:
                    client.delete_email_template(TemplateName=name)

        run_threads(THREADS, work)
        total = THREADS * (SENDS // 4)
        assert len(pinpoint.sesv2.suppressed()) == total
        assert len(pinpoint.sesv2.state.templates) == total - THREADS * (SENDS // 8)
        assert Counter(s.delivery_status for s in pinpoint.sent) == {"SUPPRESSED": total}
        assert [s.title for s in pinpoint.sent if s.address == "t0-0@example.com"] == ["t0-0"]
