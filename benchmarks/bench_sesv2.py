"""What SES v2's SendEmail and a 50-entry SendBulkEmail cost through boto3, against the floor.

    python -m benchmarks.bench_sesv2            # full run
    python -m benchmarks.bench_sesv2 --quick    # fewer rounds

Candidates, interleaved in one process by :func:`benchmarks.harness.compare` (medians; nothing
is asserted, the targets are printed beside the figures):

* ``mock``: the call inside an active ``mock_pinpoint(seed=1)``: the contract check, the
  content (Simple for SendEmail; a stored template with ``{{#each}}`` rendered per entry for the
  bulk send), each recipient's decision, the events SES would publish and the records all run;
  the call log is cleared every 1,000 calls (every 20 bulk calls), timed.
* ``floor``: the same call on an identical client answered by a canned ``before-send`` handler
  with the very headers and body the mock answered: what boto3 itself costs (serialize, sign,
  parse) with a free backend.

Targets (issue 16): SendEmail mock/floor <= 1.30, 50-entry SendBulkEmail <= 1.50. Wall-clock
medians swing on a shared machine, so the same interleaved rounds are also timed in CPU time of
the calling thread (``time.thread_time``), the figure reported first.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import Any

from benchmarks.bench_mock import canned, registered
from benchmarks.bench_sms_voice_v2 import cpu_compare
from benchmarks.harness import compare, fmt

SEND = {
    "FromEmailAddress": "Shop <shop@example.com>",
    "Destination": {"ToAddresses": ["ana@example.com"]},
    "Content": {
        "Simple": {
            "Subject": {"Data": "Your order has shipped"},
            "Body": {"Text": {"Data": "It is on its way."}, "Html": {"Data": "<p>On its way.</p>"}},
        }
    },
    "EmailTags": [{"Name": "campaign", "Value": "orders"}],
}
BULK = {
    "FromEmailAddress": "shop@example.com",
    "DefaultContent": {"Template": {"TemplateName": "news", "TemplateData": '{"name": "friend"}'}},
    "BulkEmailEntries": [
        {
            "Destination": {"ToAddresses": [f"reader{n}@example.com"]},
            "ReplacementEmailContent": {
                "ReplacementTemplate": {
                    "ReplacementTemplateData": json.dumps({"name": f"R{n}", "items": ["a", "b"]})
                }
            },
        }
        for n in range(50)
    ],
}
CASES: dict[str, tuple[str, str, dict[str, Any], int, float]] = {
    "SendEmail, 1 recipient": ("send_email", "SendEmail", SEND, 1000, 1.30),
    "SendBulkEmail, 50 entries": ("send_bulk_email", "SendBulkEmail", BULK, 20, 1.50),
}


def new_client() -> Any:
    import boto3

    return boto3.client(
        "sesv2",
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


def measure(rounds: int) -> dict[str, tuple[dict[str, float], dict[str, float]]]:
    from pinpoint_mock import mock_pinpoint

    results = {}
    with mock_pinpoint(seed=1) as mock:
        mock.sesv2.create_template(
            "news", subject="Hi {{name}}", text="{{#each items}}- {{this}}\n{{/each}}"
        )
        for label, (method, operation, request, clear_every, _) in CASES.items():
            mock_client, floor_client = new_client(), new_client()
            getattr(mock_client, method)(**request)
            call = mock.calls[-1]
            assert call.status == 200, call.response_body
            handler = canned(call.status, dict(call.response_headers), call.response_body)
            count = [0]
            send: Callable[..., Any] = getattr(mock_client, method)
            floor: Callable[..., Any] = getattr(floor_client, method)

            def mocked(send: Callable[..., Any] = send, request: Any = request,
                       every: int = clear_every, count: list[int] = count) -> Any:  # fmt: skip
                count[0] += 1
                if count[0] % every == 0:
                    mock.clear_sent()
                return send(**request)

            event = f"before-send.sesv2.{operation}"
            with registered(floor_client, event, handler):
                seen = len(mock.calls)
                floor(**request)
                assert len(mock.calls) == seen, "the floor must never reach the mock"
                candidates = {"mock": mocked, "floor": lambda f=floor, r=request: f(**r)}
                results[label] = (
                    cpu_compare(candidates, rounds=rounds * 3, batch=50 if clear_every > 20 else 5),
                    compare(candidates, rounds=rounds),
                )
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds")
    args = parser.parse_args()
    for label, (cpu, wall) in measure(5 if args.quick else 21).items():
        target = CASES[label][4]
        print(f"{label}, through boto3")
        for kind, medians in (("CPU time", cpu), ("wall clock", wall)):
            ratio = medians["mock"] / medians["floor"]
            verdict = "met" if ratio <= target else "NOT met"
            print(f"  {kind}: mock {fmt(medians['mock'])}, floor {fmt(medians['floor'])} per call;")
            print(f"    mock/floor {ratio:.2f} (target <= {target:.2f}: {verdict})")


if __name__ == "__main__":
    main()
