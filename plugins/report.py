"""``--pinpoint-report=PATH``: one self-contained HTML page of every call and delivery, per test.

Registered by the pytest plugin only when the option is given (so it costs nothing otherwise).

How the data travels, also under pytest-xdist:

1. At teardown, the ``pinpoint`` and ``pinpoint_server`` fixtures hand their mock to
   :meth:`ReportCollector.record`, which keeps the ``to_dict()`` forms of its calls and
   deliveries in the test item's stash.
2. :meth:`ReportCollector.pytest_runtest_makereport` attaches them to the test's *teardown
   report* as the attribute ``pinpoint_mock`` (plain JSON-like data). pytest serializes a
   report's extra attributes, so under xdist the data travels to the controller with the
   report itself.
3. :meth:`ReportCollector.pytest_runtest_logreport` runs where reports arrive (the single
   process, or the xdist controller): it keeps each test's outcome and data.
4. :meth:`ReportCollector.pytest_sessionfinish` writes the page, on the controller only.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Generator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from pinpoint_mock.mock import PinpointMock

#: The attribute of a teardown report that carries a test's Pinpoint records.
REPORT_ATTRIBUTE = "pinpoint_mock"
#: Longest failure text kept per test (characters).
MAX_LONGREPR = 8_000

_ENTRIES = pytest.StashKey[list[dict[str, Any]]]()


class ReportCollector:
    """Collects each test's Pinpoint records and writes the HTML report at the end."""

    def __init__(self, config: pytest.Config, path: str, seed: str = "") -> None:
        self.config = config
        self.seed = seed
        self.path = Path(config.invocation_params.dir, path)
        self.worker = hasattr(config, "workerinput")
        self.tests: dict[str, dict[str, Any]] = {}
        self.written: Path | None = None

    @classmethod
    def install(cls, config: pytest.Config, path: str, seed: str = "") -> ReportCollector:
        collector = cls(config, path, seed)
        config.pluginmanager.register(collector, "pinpoint-mock-report")
        return collector

    # -- in the process that runs the test ------------------------------------------------
    def record(self, item: pytest.Item, fixture: str, mock: PinpointMock) -> None:
        """Keep what ``mock`` recorded during ``item`` (called at the fixture's teardown)."""
        entries = item.stash.setdefault(_ENTRIES, [])
        entries.append(
            {
                "fixture": fixture,
                "seed": None if mock.seed is None else str(mock.seed),
                "calls": [c.to_dict() for c in mock.calls],
                "messages": [s.to_dict() for s in mock.sent],
            }
        )

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(
        self, item: pytest.Item, call: pytest.CallInfo[None]
    ) -> Generator[None, pytest.TestReport, pytest.TestReport]:
        report = yield
        if report.when == "teardown":
            entries = item.stash.get(_ENTRIES, None)
            if entries:
                setattr(report, REPORT_ATTRIBUTE, entries)
        return report

    # -- where the reports arrive (this process, or the xdist controller) ----------------
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        if self.worker:
            return
        test = self.tests.get(report.nodeid)
        if test is None:
            test = self.tests[report.nodeid] = {
                "nodeid": report.nodeid,
                "outcome": "passed",
                "duration": 0.0,
                "longrepr": None,
                "location": report.location,
                "entries": [],
            }
        test["duration"] += report.duration or 0.0
        test["outcome"] = _outcome(test["outcome"], report)
        if report.failed and test["longrepr"] is None:
            text = report.longreprtext
            if len(text) > MAX_LONGREPR:
                text = "…" + text[-MAX_LONGREPR:]
            test["longrepr"] = f"[{report.when}] {text}"
        entries = getattr(report, REPORT_ATTRIBUTE, None)
        if entries:
            test["entries"].extend(entries)

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if self.worker:
            return
        from pinpoint_mock.preview import render_report

        tests = [_flatten(t) for t in self.tests.values() if t["entries"]]
        tests.sort(key=_order)
        now = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M:%S %Z")
        args = " ".join(self.config.invocation_params.args)
        subtitle = f"pytest {args}".strip()
        if self.seed and "--pinpoint-seed" not in args:
            subtitle += f" · --pinpoint-seed={self.seed}"
        subtitle += f" · {now}"
        html = render_report(tests, subtitle=subtitle)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        tmp.write_text(html, encoding="utf-8")
        tmp.replace(self.path)
        self.written = self.path

    def pytest_terminal_summary(self, terminalreporter: Any) -> None:
        if self.written is not None:
            terminalreporter.write_line(f"pinpoint-mock report: {self.written}")
        retired = self.retired_calls()
        if retired:
            terminalreporter.write_sep("-", f"pinpoint-mock: {len(retired)} retired call(s)")
            for nodeid, call in retired:
                terminalreporter.write_line(
                    f"{nodeid}: {call.get('service')} {call.get('operation')} "
                    f"({call.get('rule')}) -> {call.get('status')} {call.get('errorCode')}"
                )

    def retired_calls(self) -> list[tuple[str, dict[str, Any]]]:
        """Every call a test made to something AWS retired (``end_of_support=True``), with
        the test's node id, in source order."""
        found = []
        for test in sorted(self.tests.values(), key=_order):
            for entry in test["entries"]:
                for call in entry.get("calls") or ():
                    if str(call.get("rule") or "").startswith("end-of-support"):
                        found.append((test["nodeid"], call))
        return found


def _outcome(current: str, report: pytest.TestReport) -> str:
    """The test's outcome so far, given one more of its reports."""
    if report.when == "call":
        if hasattr(report, "wasxfail"):
            return "xfailed" if report.skipped else "xpassed"
        if report.failed:
            return "failed"
        if report.skipped:
            return "skipped"
        return current
    if report.failed:  # setup or teardown
        return "failed" if current == "failed" else "error"
    if report.skipped and report.when == "setup":
        return "skipped"
    return current


def _flatten(test: dict[str, Any]) -> dict[str, Any]:
    calls: list[Any] = []
    messages: list[Any] = []
    seeds: list[str] = []
    several = len(test["entries"]) > 1
    for number, entry in enumerate(test["entries"]):
        # Two mocks in one test (both fixtures) number their calls independently.
        calls.extend({**c, "mock": number} if several else c for c in entry.get("calls") or ())
        messages.extend(
            {**m, "mock": number} if several else m for m in entry.get("messages") or ()
        )
        if entry.get("seed") and entry["seed"] not in seeds:
            seeds.append(entry["seed"])
    return {
        "nodeid": test["nodeid"],
        "outcome": test["outcome"],
        "duration": test["duration"],
        "longrepr": test["longrepr"],
        "location": test["location"],
        "calls": calls,
        "messages": messages,
        "seeds": seeds,
    }


def _order(test: dict[str, Any]) -> tuple[str, int, str]:
    """Source order (file, line), the same in a single process and under xdist."""
    location = test.get("location") or ("", 0, "")
    return (str(location[0]), int(location[1] or 0), str(test["nodeid"]))
