"""The report page: calls with their deliveries, tests with their calls, nothing fetched."""

from __future__ import annotations

import re
from typing import Any

from pinpoint_mock import preview
from tests.html_helpers import parse
from tests.preview.helpers import call, delivery


def test_call_with_fault_violations_and_deliveries() -> None:
    failed = parse(
        preview.render_call(
            call(
                429,
                error_code="TooManyRequestsException",
                rule="fail('TooManyRequestsException', times=1)",
                violations=("Users: <bad>",),
                warnings=("Body: {{x}} has no value",),
                backoff=0.25,
            )
        )
    )
    (_section,) = failed.find("section", "call-error")
    assert "429 TooManyRequestsException" in failed.text
    assert "fault fail('TooManyRequestsException', times=1)" in failed.text
    assert "violation Users: <bad>" in failed.text
    assert "warning Body: {{x}}" in failed.text
    assert "backoff 0.25 s" in failed.text
    assert '"Message": "<boom>"' in failed.text  # the response body, escaped
    ok = parse(preview.render_call(call(), [delivery(body="nested delivery")]))
    assert ok.find("section", "call-ok")
    assert "nested delivery" in ok.text


def report_page(tests: list[dict[str, Any]]) -> str:
    return preview.render_report(tests, subtitle="pytest -q")


def test_report_page_is_self_contained() -> None:
    email = delivery("EMAIL", html='<img src="https://tracker.example/p.gif"><a href="x">x</a>')
    html = report_page(
        [
            {
                "nodeid": "t.py::test_ok",
                "outcome": "passed",
                "duration": 0.5,
                "calls": [call()],
                "messages": [delivery(), email],
            },
            {
                "nodeid": "t.py::test_bad",
                "outcome": "failed",
                "longrepr": "AssertionError: <expected>",
                "calls": [call(500, index=1, error_code="InternalServerErrorException")],
                "messages": [],
                "seeds": ["7:t.py::test_bad"],
            },
        ]
    )
    page = parse(html)
    assert not page.find("script")
    assert not page.find("link")
    assert all("src" not in t.attrs and "href" not in t.attrs for t in page.tags)
    (csp,) = page.find("meta", http_equiv="Content-Security-Policy")
    assert (csp.attrs["content"] or "").startswith("default-src 'none'")
    assert not re.search(r"url\(", preview.STYLE)  # no fonts or images fetched by the CSS
    tests = page.find("details", "test")
    assert [t.attrs["data-nodeid"] for t in tests] == ["t.py::test_ok", "t.py::test_bad"]
    assert "outcome-failed" in tests[1].classes
    assert "open" in tests[1].attrs
    assert "AssertionError: <expected>" in page.text
    assert "2 tests, 2 calls, 2 deliveries" in page.text
    assert "seed 7:t.py::test_bad" in page.text
    assert "1 call, 2 deliveries, 0.50 s" in page.text


def test_report_groups_deliveries_under_their_call() -> None:
    first = call(index=1)
    second = call(index=2)
    html = report_page(
        [
            {
                "nodeid": "t.py::test_retry",
                "outcome": "passed",
                "calls": [first, second],
                "messages": [
                    delivery(body="from call one", call_index=1),
                    delivery(body="from call two", call_index=2),
                ],
            }
        ]
    )
    one, two = html.split('data-call="2"')
    assert "from call one" in one
    assert "from call two" in two


def test_report_with_many_tests_collapses_passed_ones() -> None:
    tests = [
        {"nodeid": f"t.py::test_{i}", "outcome": "failed" if i == 3 else "passed"} for i in range(5)
    ]
    page = parse(preview.render_report(tests, open_limit=2))
    opened = [t.attrs["data-nodeid"] for t in page.find("details", "test") if "open" in t.attrs]
    assert opened == ["t.py::test_3"]
    assert "No Pinpoint calls." in page.text
    assert "No test used pinpoint-mock." in parse(preview.render_report([])).text


def test_status_counts_follow_the_model_order_then_others() -> None:
    statuses = ["OPT_OUT", "TIMEOUT", "SUCCESSFUL", "OPT_OUT", "THROTTLED"]
    counts = preview.status_counts(delivery(delivery_status=s) for s in statuses)
    assert counts == {"SUCCESSFUL": 1, "THROTTLED": 1, "OPT_OUT": 2, "TIMEOUT": 1}
