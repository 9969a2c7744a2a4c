"""Regenerate docs/images/report.png and docs/images/inbox.png with headless Chromium.

    python docs/images/make_screenshots.py

Runs the demo suite of ``tests/system/browser_support.py`` with ``--pinpoint-report`` and
screenshots the report, then starts a ``PinpointServer``, sends the demo messages through it
with boto3 and screenshots the inbox page (``/_aws/pinpoint/ui``). Needs the ``test`` extra
and Chromium.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from tests.system.browser_support import (  # noqa: E402
    MISSING,
    find_chromium,
    png_facts,
    screenshot,
    send_demo_messages,
    write_demo_report,
)


def main() -> int:
    chromium = find_chromium()
    if chromium is None:
        print(MISSING, file=sys.stderr)
        return 1
    for name, value in (("AWS_ACCESS_KEY_ID", "testing"), ("AWS_SECRET_ACCESS_KEY", "testing")):
        os.environ.setdefault(name, value)
    with tempfile.TemporaryDirectory(prefix="pinpoint-shots-") as tmp:
        work = Path(tmp)
        write_demo_report(work)
        screenshot(chromium, (work / "report.html").as_uri(), HERE / "report.png")

    from pinpoint_mock.server import PinpointServer

    with PinpointServer() as server:
        send_demo_messages(server.url, server.mock)
        screenshot(chromium, f"{server.url}/_aws/pinpoint/ui", HERE / "inbox.png")
    for name in ("report.png", "inbox.png"):
        width, height, _ = png_facts(HERE / name)
        print(f"wrote docs/images/{name} ({width}x{height})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
