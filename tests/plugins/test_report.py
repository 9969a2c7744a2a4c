"""``--pinpoint-report``: the HTML report written by the pytest plugin, alone and under xdist."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.html_helpers import Parsed, parse

pytest_plugins = ["pytester"]

CONFTEST = """
import os
os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
"""

HELPERS = """
import boto3

APP = "611e3e3cdd47474c9c1399a505665b91"

def send(message, users, url=None):
    client = boto3.client("pinpoint", region_name="us-east-1", endpoint_url=url)
    return client.send_users_messages(
        ApplicationId=APP,
        SendUsersMessageRequest={"MessageConfiguration": message, "Users": users},
    )["SendUsersMessageResponse"]
"""

SUITE = """
from helpers import send

def test_welcome(pinpoint):
    pinpoint.add_endpoint(user_id="ana", channel="SMS", address="+12065550123")
    pinpoint.add_endpoint(user_id="ana", channel="EMAIL", address="ana@example.com")
    send(
        {
            "SMSMessage": {"Body": "Welcome by SMS"},
            "EmailMessage": {"SimpleEmail": {
                "Subject": {"Data": "Welcome by email"},
                "HtmlPart": {"Data": "<p>Welcome <b>HTML</b></p>"},
            }},
        },
        {"ana": {}},
    )

def test_throttled_breaks_the_code(pinpoint):
    pinpoint.add_endpoint(user_id="ben", channel="SMS", address="+12065550124")
    pinpoint.outcome("THROTTLED", user="ben")
    send({"SMSMessage": {"Body": "Throttled reminder"}}, {"ben": {}})
    assert pinpoint.sent[0].delivery_status == "SUCCESSFUL", "expected delivery"

def test_without_pinpoint():
    pass

def test_through_the_server(pinpoint_server):
    pinpoint_server.add_endpoint(user_id="cy", channel="SMS", address="+12065550125")
    send({"SMSMessage": {"Body": "Sent to the server"}}, {"cy": {}}, url=pinpoint_server.url)
"""


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(helpers=HELPERS)
    return pytester


def read_report(path: Path) -> tuple[str, Parsed]:
    assert path.is_file(), f"no report at {path}"
    html = path.read_text(encoding="utf-8")
    return html, parse(html)


def outcomes_in(page: Parsed) -> dict[str, str]:
    """nodeid -> outcome of every test section of the report, in page order."""
    found = {}
    for tag in page.find("details", "test"):
        outcome = next(c for c in tag.classes if c.startswith("outcome-"))
        found[tag.attrs["data-nodeid"] or ""] = outcome.removeprefix("outcome-")
    return found


def test_report_lists_each_test_with_calls_and_deliveries(project: pytest.Pytester) -> None:
    project.makepyfile(test_suite=SUITE)
    result = project.runpytest("--pinpoint-report=out/report.html", "--pinpoint-seed=3")
    result.assert_outcomes(passed=3, failed=1)
    result.stdout.fnmatch_lines(["pinpoint-mock report: *out*report.html"])
    html, page = read_report(project.path / "out" / "report.html")

    assert outcomes_in(page) == {
        "test_suite.py::test_welcome": "passed",
        "test_suite.py::test_throttled_breaks_the_code": "failed",
        "test_suite.py::test_through_the_server": "passed",
    }  # source order; the test that did not use pinpoint is left out
    for text in ("Welcome by SMS", "Welcome by email", "Throttled reminder", "Sent to the server"):
        assert text in page.text
    (frame,) = page.find("iframe")
    assert "<p>Welcome <b>HTML</b></p>" in (frame.attrs["srcdoc"] or "")
    statuses = [t.attrs["data-status"] for t in page.find("article", "card")]
    assert statuses == ["SUCCESSFUL", "SUCCESSFUL", "THROTTLED", "SUCCESSFUL"]
    assert "rule outcome('THROTTLED', user='ben')" in page.text
    assert "AssertionError: expected delivery" in page.text  # the failure, in the report
    assert "seed 3:test_suite.py::test_welcome" in page.text
    assert "3 tests, 3 calls, 4 deliveries" in page.text
    assert "--pinpoint-seed=3" in page.text
    assert "<script" not in html


@pytest.mark.slow
def test_without_the_option_nothing_is_loaded_or_written(project: pytest.Pytester) -> None:
    project.makepyfile(
        test_quiet="""
        import sys

        def test_quiet(pinpoint, request):
            assert request.config.pluginmanager.get_plugin("pinpoint-mock-report") is None
            loaded = {"pinpoint_mock.plugins.report", "pinpoint_mock.preview"} & set(sys.modules)
            assert not loaded
        """
    )
    result = project.runpytest_subprocess("-p", "no:cacheprovider")
    result.assert_outcomes(passed=1)
    assert "pinpoint-mock report" not in result.stdout.str()
    assert not list(project.path.rglob("*.html"))


PARALLEL_SUITE = """
import os
import pytest
from helpers import send

@pytest.mark.parametrize("n", range(6))
def test_each_sends_its_own(pinpoint, n):
    pinpoint.add_endpoint(user_id=f"user-{n}", channel="SMS", address=f"+1206555{n:04d}")
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    if n == 4:
        pinpoint.outcome("PERMANENT_FAILURE", user=f"user-{n}")
    send({"SMSMessage": {"Body": f"message {n} from {worker}"}}, {f"user-{n}": {}})
    assert n != 5, "the sixth test fails"
"""


@pytest.mark.slow
def test_xdist_workers_results_are_merged(
    project: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("PYTEST_XDIST_WORKER", "PYTEST_XDIST_WORKER_COUNT", "PYTEST_XDIST_TESTRUNUID"):
        monkeypatch.delenv(name, raising=False)  # when this suite itself runs under xdist
    project.makepyfile(test_parallel=PARALLEL_SUITE)
    serial = project.runpytest_subprocess(
        "-p", "no:cacheprovider", "--pinpoint-report=serial.html", "--pinpoint-seed=4"
    )
    serial.assert_outcomes(passed=5, failed=1)
    parallel = project.runpytest_subprocess(
        "-p",
        "no:cacheprovider",
        "-p",
        "xdist",
        "-n",
        "2",
        "--pinpoint-report=parallel.html",
        "--pinpoint-seed=4",
    )
    parallel.assert_outcomes(passed=5, failed=1)
    parallel.stdout.fnmatch_lines(["pinpoint-mock report: *parallel.html"])
    assert not list(project.path.glob(".parallel.html.*.tmp"))

    _, one = read_report(project.path / "serial.html")
    _, many = read_report(project.path / "parallel.html")
    expected = {f"test_parallel.py::test_each_sends_its_own[{n}]": "passed" for n in range(6)}
    expected["test_parallel.py::test_each_sends_its_own[5]"] = "failed"
    assert outcomes_in(one) == expected
    assert list(outcomes_in(many).items()) == list(expected.items())  # same order as serial
    for n in range(6):
        assert f"message {n} from main" in one.text
    workers = {w for w in ("gw0", "gw1") for n in range(6) if f"message {n} from {w}" in many.text}
    assert workers == {"gw0", "gw1"}, "both workers' deliveries are in the merged report"
    assert sum(f"message {n} from gw" in many.text for n in range(6)) == 6
    statuses = [t.attrs["data-status"] for t in many.find("article", "card")]
    assert statuses == [t.attrs["data-status"] for t in one.find("article", "card")]
    assert statuses.count("PERMANENT_FAILURE") == 1
    assert "AssertionError: the sixth test fails" in many.text
