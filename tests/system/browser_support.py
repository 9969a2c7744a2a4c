"""Headless Chromium for the report and inbox tests, and the demo data they (and the docs'
screenshots, ``docs/images/make_screenshots.py``) render."""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path
from typing import Any

MISSING = (
    "Chromium is not installed ($CHROMIUM, else /usr/bin/chromium or `chromium` on PATH). "
    "The report and inbox tests need a real browser: install it (Debian and Ubuntu: "
    "apt-get install -y --no-install-recommends chromium; `bash .ci/run` does) or point "
    "$CHROMIUM at a Chromium or Chrome binary."
)

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--mute-audio",
)
SIZE = (1280, 900)


def find_chromium() -> str | None:
    """``$CHROMIUM`` when set (and nothing else then), else the Debian package's binary."""
    explicit = os.environ.get("CHROMIUM")
    if explicit is not None:
        return explicit if os.access(explicit, os.X_OK) else None
    if os.access("/usr/bin/chromium", os.X_OK):
        return "/usr/bin/chromium"
    return shutil.which("chromium") or shutil.which("chromium-browser")


def run_chromium(binary: str, url: str, *args: str, budget_ms: int = 5000) -> str:
    """Load ``url`` in a fresh profile; ``args`` say what to do (``--dump-dom``,
    ``--screenshot=PATH``). Scripts run for ``budget_ms`` of virtual time first."""
    with tempfile.TemporaryDirectory(prefix="pinpoint-chromium-") as profile:
        result = subprocess.run(
            [
                binary,
                *FLAGS,
                f"--user-data-dir={profile}",
                f"--virtual-time-budget={budget_ms}",
                *args,
                url,
            ],
            capture_output=True,
            text=True,
            timeout=90,
            check=False,
        )
    if result.returncode != 0:
        raise AssertionError(
            f"chromium exited with {result.returncode} for {url}:\n{result.stderr[-2000:]}"
        )
    return result.stdout


def dump_dom(binary: str, url: str, budget_ms: int = 5000) -> str:
    return run_chromium(binary, url, "--dump-dom", budget_ms=budget_ms)


def screenshot(binary: str, url: str, path: Path, size: tuple[int, int] = SIZE) -> Path:
    run_chromium(binary, url, f"--screenshot={path}", f"--window-size={size[0]},{size[1]}")
    return path


def png_facts(path: Path) -> tuple[int, int, int]:
    """Width, height and how many distinct byte values its (filtered) pixel data holds: a
    blank page compresses to a handful of values, a rendered one to almost all 256."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    offset, width, height, pixels = 8, 0, 0, bytearray()
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        chunk = data[offset + 8 : offset + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", chunk[:8])
        elif kind == b"IDAT":
            pixels += chunk
        offset += 12 + length
    return width, height, len(set(zlib.decompress(bytes(pixels))))


# -- demo data -------------------------------------------------------------------------------
DEMO_CONFTEST = """
import os
os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
"""

#: A small suite exercising every channel, a scripted outcome, a retried fault and a failure.
DEMO_SUITE = """
import boto3

APP = "611e3e3cdd47474c9c1399a505665b91"


def send(message, users):
    client = boto3.client("pinpoint", region_name="us-east-1")
    return client.send_users_messages(
        ApplicationId=APP,
        SendUsersMessageRequest={"MessageConfiguration": message, "Users": users},
    )["SendUsersMessageResponse"]


def test_welcome_on_every_channel(pinpoint):
    pinpoint.add_endpoint(user_id="ana", channel="SMS", address="+12065550123")
    pinpoint.add_endpoint(user_id="ana", channel="EMAIL", address="ana@example.com")
    pinpoint.add_endpoint(user_id="ana", channel="APNS", address="a1b2c3d4e5f60718")
    pinpoint.add_endpoint(user_id="ben", channel="VOICE", address="+12065550188")
    pinpoint.add_endpoint(user_id="ben", channel="SMS", address="+12065550177", opt_out="ALL")
    send(
        {
            "SMSMessage": {
                "Body": "Hi {{FirstName}}, your code is 482913", "MessageType": "TRANSACTIONAL"
            },
            "EmailMessage": {
                "FromAddress": "hello@shop.example",
                "SimpleEmail": {
                    "Subject": {"Data": "Welcome, {{FirstName}}!"},
                    "HtmlPart": {"Data": (
                        "<h2 style='color:#0969da'>Welcome aboard</h2>"
                        "<p>Your account is ready. "
                        "<a href='https://shop.example'>Open the shop</a></p>"
                        "<script>parent.document.body.setAttribute('data-pwned', '1')</script>"
                    )},
                    "TextPart": {"Data": "Welcome aboard. Your account is ready."},
                },
            },
            "APNSMessage": {
                "Title": "Order shipped", "Body": "Your parcel is on its way", "Badge": 2,
                "Action": "URL", "Url": "https://shop.example/orders/42", "Sound": "default",
            },
            "VoiceMessage": {"Body": "Your code is 4 8 2 9 1 3", "VoiceId": "Joanna"},
        },
        {
            "ana": {"Substitutions": {"FirstName": ["Ana"]}},
            "ben": {"Substitutions": {"FirstName": ["Ben"]}},
        },
    )
    assert len(pinpoint.sent) == 5


def test_reminder_is_retried_after_throttling(pinpoint):
    pinpoint.add_endpoint(user_id="cy", channel="SMS", address="+12065550111")
    pinpoint.outcome("THROTTLED", user="cy", times=1)
    pinpoint.fail("TooManyRequestsException", times=1)
    for _ in range(2):
        send({"SMSMessage": {"Body": "Reminder: your appointment is at 10:00"}}, {"cy": {}})
    # Fails on purpose: the second reminder went through.
    assert [m.delivery_status for m in pinpoint.sent] == ["THROTTLED", "THROTTLED"]
"""


def write_demo_report(directory: Path) -> subprocess.CompletedProcess[str]:
    """Run the demo suite in a pytest subprocess; the plugin writes ``directory/report.html``."""
    (directory / "conftest.py").write_text(DEMO_CONFTEST)
    (directory / "test_demo.py").write_text(DEMO_SUITE)
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--pinpoint-report=report.html",
            "--pinpoint-seed=1",
            "-W",
            "ignore",
            "test_demo.py",
        ],
        cwd=directory,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def send_demo_messages(url: str, mock: Any) -> None:
    """Register endpoints on a running server's mock and send through the server with boto3."""
    import boto3

    mock.add_endpoint(user_id="ana", channel="SMS", address="+12065550123")
    mock.add_endpoint(user_id="ana", channel="EMAIL", address="ana@example.com")
    mock.add_endpoint(user_id="ben", channel="GCM", address="fcm-token-0123456789")
    mock.add_endpoint(user_id="ben", channel="SMS", address="+9995550103")  # simulator: failure
    mock.add_endpoint(user_id="cy", channel="VOICE", address="+12065550155")
    mock.outcome("THROTTLED", user="cy")
    client = boto3.client("pinpoint", region_name="us-east-1", endpoint_url=url)
    client.send_users_messages(
        ApplicationId=mock.application_id,
        SendUsersMessageRequest={
            "MessageConfiguration": {
                "SMSMessage": {"Body": "Your table for 2 is booked for Friday, 19:30 ✓"},
                "EmailMessage": {
                    "SimpleEmail": {
                        "Subject": {"Data": "Your booking"},
                        "HtmlPart": {"Data": "<h2>See you Friday</h2><p>Table for <b>2</b></p>"},
                    }
                },
                "GCMMessage": {"Title": "Booking confirmed", "Body": "Friday, 19:30"},
                "VoiceMessage": {"Body": "Your booking is confirmed"},
            },
            "Users": {"ana": {}, "ben": {}, "cy": {}},
        },
    )
