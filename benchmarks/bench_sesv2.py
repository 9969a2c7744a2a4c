"""What SES v2's SendEmail and a 50-entry SendBulkEmail cost through boto3, against the floor.

    python -m benchmarks.bench_sesv2            # full run
    python -m benchmarks.bench_sesv2 --quick    # fewer rounds

Candidates, interleaved in one process by :func:`benchmarks.bench_sms_voice_v2.measure_case`
(medians; nothing is asserted, the targets are printed beside the figures):

* ``mock``: the call inside an active ``mock_pinpoint(seed=1)``: the contract check, the
  content (Simple for SendEmail; a stored template with ``{{#each}}`` rendered per entry for the
  bulk send), each recipient's decision and what the records are made from all run. Recording
  stays on; the call log is cleared every 1,000 calls (every 20 bulk calls) with
  ``mock.engine.log.clear()``, timed, as ``bench_mock`` does.
* ``floor``: the same call on an identical client answered by a canned ``before-send`` handler
  with the very headers and body the mock answered: what boto3 itself costs (serialize, sign,
  parse) with a free backend.
* ``mock, records read``: the mock candidate, then ``mock.sent`` read after every call (every
  recipient's record made, its events when first read), against the floor in rounds of its own;
  reported without a target.

Targets (issue 16): SendEmail mock/floor <= 1.30, 50-entry SendBulkEmail <= 1.50. Wall-clock
medians swing on a shared machine, so the same candidates are also timed in CPU time of the
calling thread (``time.thread_time``), the figure reported first.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from benchmarks.bench_sms_voice_v2 import Ratio, measure_case, show

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
#: label: (operation, request, clear the log every N calls, calls per CPU-time batch, target)
CASES: dict[str, tuple[str, dict[str, Any], int, int, float]] = {
    "SendEmail, 1 recipient": ("SendEmail", SEND, 1000, 50, 1.30),
    "SendBulkEmail, 50 entries": ("SendBulkEmail", BULK, 20, 5, 1.50),
}


def measure(rounds: int) -> list[Ratio]:
    from pinpoint_mock import mock_pinpoint

    ratios: list[Ratio] = []
    with mock_pinpoint(seed=1) as mock:
        mock.sesv2.create_template(
            "news", subject="Hi {{name}}", text="{{#each items}}- {{this}}\n{{/each}}"
        )
        for label, (operation, request, every, batch, target) in CASES.items():
            ratios += measure_case(
                mock,
                label,
                "sesv2",
                operation,
                request,
                target=target,
                rounds=rounds,
                clear_every=every,
                batch=batch,
            )
    return ratios


def main(argv: list[str] | None = None) -> list[Ratio]:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds")
    args = parser.parse_args(argv)
    ratios = measure(5 if args.quick else 21)
    show(ratios)
    return ratios


if __name__ == "__main__":
    main()
