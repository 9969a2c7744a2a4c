"""The HTML report and the inbox page in a real headless Chromium: DOM and screenshots.

Chromium comes from the distribution's packages (``.ci/run`` installs it). Without it these tests
are skipped with a reason saying how to get it, except in CI (``PINPOINT_MOCK_REQUIRE_TOOLS=1``),
where they fail: the ``chromium`` fixture is in conftest.py.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator
from pathlib import Path
from typing import Any

import pytest

from pinpoint_mock.server import PinpointServer, inspection
from tests.html_helpers import parse
from tests.system.browser_support import (
    SIZE,
    dump_dom,
    png_facts,
    screenshot,
    send_demo_messages,
    write_demo_report,
)

pytest_plugins = ["pytester"]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report of the demo suite, written by the plugin in a pytest subprocess."""
    root = tmp_path_factory.mktemp("report")
    result = write_demo_report(root)
    assert result.returncode == 1, result.stdout + result.stderr  # one test fails on purpose
    return root / "report.html"


@pytest.fixture
def server() -> Generator[PinpointServer, None, None]:
    with PinpointServer() as running:
        yield running
        running.check()


def assert_rendered_png(path: Path) -> None:
    width, height, distinct = png_facts(path)
    assert (width, height) == SIZE
    assert distinct > 100, f"{path} looks blank: only {distinct} distinct byte values"


# -- the report --------------------------------------------------------------------------------
def test_report_renders_in_chromium(chromium: str, report: Path) -> None:
    dom = dump_dom(chromium, report.as_uri())
    page = parse(dom)
    tests = page.find("details", "test")
    assert [t.attrs["data-nodeid"] for t in tests] == [
        "test_demo.py::test_welcome_on_every_channel",
        "test_demo.py::test_reminder_is_retried_after_throttling",
    ]
    channels = [t.attrs["data-channel"] for t in page.find("article", "card")]
    assert channels == ["SMS", "EMAIL", "APNS", "VOICE", "SMS", "SMS", "SMS"]
    statuses = [t.attrs["data-status"] for t in page.find("article", "card")]
    assert statuses.count("OPT_OUT") == 1
    assert statuses.count("THROTTLED") == 1
    for text in (
        "Hi Ana, your code is 482913",
        "Subject Welcome, Ana!",
        "Order shipped",
        "Your code is 4 8 2 9 1 3",
        "429 TooManyRequestsException",
        "rule outcome('THROTTLED', user='cy', times=1)",
    ):
        assert text in page.text
    (frame,) = page.find("iframe")
    assert frame.attrs["sandbox"] == ""
    (body,) = page.find("body")
    assert "data-pwned" not in body.attrs, "a script in an email preview ran"


def test_report_screenshot(chromium: str, report: Path, tmp_path: Path) -> None:
    assert_rendered_png(screenshot(chromium, report.as_uri(), tmp_path / "report.png"))


# -- the inbox ---------------------------------------------------------------------------------
def test_inbox_shows_messages_newest_first_and_filters_from_the_url(
    chromium: str, server: PinpointServer
) -> None:
    send_demo_messages(server.url, server.mock)
    page = parse(dump_dom(chromium, f"{server.url}/_aws/pinpoint/ui"))
    cards = page.find("article", "card")
    assert [(c.attrs["data-user"], c.attrs["data-channel"]) for c in cards] == [
        ("cy", "VOICE"),
        ("ben", "SMS"),
        ("ben", "GCM"),
        ("ana", "EMAIL"),
        ("ana", "SMS"),
    ]
    assert "live: 5 messages" in page.text
    assert "Booking confirmed" in page.text

    filtered = parse(dump_dom(chromium, f"{server.url}/_aws/pinpoint/ui?channel=SMS&userId=ben"))
    cards = filtered.find("article", "card")
    assert [(c.attrs["data-user"], c.attrs["data-channel"]) for c in cards] == [("ben", "SMS")]
    assert cards[0].attrs["data-status"] == "PERMANENT_FAILURE"
    assert "live: 1 message," in filtered.text

    by_status = parse(dump_dom(chromium, f"{server.url}/_aws/pinpoint/ui?status=THROTTLED"))
    assert [c.attrs["data-user"] for c in by_status.find("article", "card")] == ["cy"]


def test_inbox_updates_live(
    chromium: str, server: PinpointServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A message sent after the page's first poll shows up without a reload."""
    import boto3

    server.mock.add_endpoint(user_id="ana", channel="SMS", address="+12065550123")
    client = boto3.client("pinpoint", region_name="us-east-1", endpoint_url=server.url)

    def send(body: str) -> None:
        client.send_users_messages(
            ApplicationId=server.mock.application_id,
            SendUsersMessageRequest={
                "MessageConfiguration": {"SMSMessage": {"Body": body}},
                "Users": {"ana": {}},
            },
        )

    send("before the page opened")
    polls: list[int] = []
    lock = threading.Lock()
    original: Callable[..., Any] = inspection.ROUTES["ui/messages"]

    def counting(*args: Any) -> Any:
        answer = original(*args)
        with lock:
            polls.append(int(answer[1]["X-Pinpoint-Count"]))
            first = len(polls) == 1
        if first:  # the page has rendered one message; now another arrives
            send("after the first poll")
        return answer

    monkeypatch.setitem(inspection.ROUTES, "ui/messages", counting)
    page = parse(dump_dom(chromium, f"{server.url}/_aws/pinpoint/ui", budget_ms=4000))
    assert polls[0] == 1
    assert len(polls) >= 2, "the page polled only once"
    assert polls[-1] == 2
    bodies = [t for t in ("after the first poll", "before the page opened") if t in page.text]
    assert bodies == ["after the first poll", "before the page opened"]
    assert len(page.find("article", "card")) == 2


def test_inbox_screenshot_shows_messages(
    chromium: str, server: PinpointServer, tmp_path: Path
) -> None:
    url = f"{server.url}/_aws/pinpoint/ui"
    empty = screenshot(chromium, url, tmp_path / "empty.png")
    send_demo_messages(server.url, server.mock)
    full = screenshot(chromium, url, tmp_path / "inbox.png")
    assert_rendered_png(full)
    # The cards, the bubbles and the email frame add far more detail than the empty page has.
    assert full.stat().st_size > 2 * empty.stat().st_size, (
        full.stat().st_size,
        empty.stat().st_size,
    )


@pytest.mark.parametrize("required", [False, True], ids=["outside-ci", "in-ci"])
def test_without_chromium_the_browser_tests_skip_saying_how_to_get_it_but_fail_in_ci(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, required: bool
) -> None:
    monkeypatch.setenv("CHROMIUM", str(pytester.path / "no-chromium-here"))
    if required:
        monkeypatch.setenv("PINPOINT_MOCK_REQUIRE_TOOLS", "1")  # as .ci/run sets it
    else:
        monkeypatch.delenv("PINPOINT_MOCK_REQUIRE_TOOLS", raising=False)
    result = pytester.runpytest_subprocess(
        "-p", "no:cacheprovider", "-n", "0", "-rs", str(Path(__file__)), "-k", "inbox_updates_live"
    )
    if required:
        result.assert_outcomes(errors=1)
        result.stdout.fnmatch_lines(["*Chromium is not installed*PINPOINT_MOCK_REQUIRE_TOOLS*"])
    else:
        result.assert_outcomes(skipped=1)
        result.stdout.fnmatch_lines(["SKIPPED*Chromium is not installed*apt-get install*"])
