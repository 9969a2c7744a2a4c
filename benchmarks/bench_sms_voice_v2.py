"""What SMS and voice v2's SendTextMessage costs through boto3, against the floor.

    python -m benchmarks.bench_sms_voice_v2            # full run
    python -m benchmarks.bench_sms_voice_v2 --quick    # fewer rounds

Candidates, interleaved in one process by :func:`benchmarks.harness.compare` (medians; nothing is
asserted, the target is printed beside the figure):

* ``mock``: ``sms.send_text_message`` inside an active ``mock_pinpoint(seed=1)`` (validation,
  E.164 check, origination, opt-out check, decision and the record all run; the call log is
  cleared every 1,000 calls, timed).
* ``floor``: the same call on an identical client answered by a canned ``before-send`` handler
  with the very headers and body the mock answered: what boto3 itself costs (serialize, sign,
  parse) with a free backend.

Target: mock/floor <= 1.30 (issue 17). Wall-clock medians swing on a shared machine, so the
same interleaved rounds are also timed in CPU time of the calling thread (``time.thread_time``:
time spent waiting for a core is left out), the figure reported first.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any

from benchmarks.bench_mock import canned, registered
from benchmarks.harness import compare, fmt

TARGET = 1.30
REQUEST = {
    "DestinationPhoneNumber": "+12065550123",
    "OriginationIdentity": "+12065551234",
    "MessageBody": "Your code is 123456. It expires in 10 minutes.",
    "MessageType": "TRANSACTIONAL",
}
EVENT = "before-send.pinpoint-sms-voice-v2.SendTextMessage"


def new_client() -> Any:
    import boto3

    return boto3.client(
        "pinpoint-sms-voice-v2",
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


def cpu_compare(
    candidates: dict[str, Callable[[], object]], *, rounds: int, batch: int = 50
) -> dict[str, float]:
    """Median CPU seconds per call of each candidate, in interleaved batches."""
    samples: dict[str, list[float]] = {name: [] for name in candidates}
    for fn in candidates.values():
        fn()
    for _ in range(rounds):
        for name, fn in candidates.items():
            start = time.thread_time()
            for _ in range(batch):
                fn()
            samples[name].append((time.thread_time() - start) / batch)
    return {name: statistics.median(values) for name, values in samples.items()}


def measure(rounds: int) -> tuple[dict[str, float], dict[str, float]]:
    from pinpoint_mock import mock_pinpoint

    mock_client, floor_client = new_client(), new_client()
    with mock_pinpoint(seed=1) as mock:
        mock_client.send_text_message(**REQUEST)
        call = mock.calls[-1]
        assert call.status == 200, call.response_body
        handler = canned(call.status, dict(call.response_headers), call.response_body)
        count = [0]

        def mocked() -> Any:
            count[0] += 1
            if count[0] % 1000 == 0:
                mock.clear_sent()
            return mock_client.send_text_message(**REQUEST)

        with registered(floor_client, EVENT, handler):
            seen = len(mock.calls)
            floor_client.send_text_message(**REQUEST)
            assert len(mock.calls) == seen, "the floor must never reach the mock"
            candidates = {
                "mock": mocked,
                "floor": lambda: floor_client.send_text_message(**REQUEST),
            }
            cpu = cpu_compare(candidates, rounds=rounds * 3)
            return cpu, compare(candidates, rounds=rounds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds")
    args = parser.parse_args()
    cpu, wall = measure(5 if args.quick else 21)
    print("SendTextMessage through boto3, 1 destination")
    for kind, medians in (("CPU time", cpu), ("wall clock", wall)):
        ratio = medians["mock"] / medians["floor"]
        verdict = "met" if ratio <= TARGET else "NOT met"
        print(f"  {kind}: mock {fmt(medians['mock'])}, floor {fmt(medians['floor'])} per call;")
        print(f"    mock/floor {ratio:.2f} (target <= {TARGET:.2f}: {verdict})")


if __name__ == "__main__":
    main()
