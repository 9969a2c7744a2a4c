"""The benchmark report's code, on made-up figures: no benchmark runs and no timing is asserted.

``PINPOINT_MOCK_BENCH_SMOKE=1`` also runs ``python -m benchmarks.report --quick`` end to end
(about two minutes), checking only that the report and the plot were written.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import bench_mock, bench_server, report
from benchmarks.report import Line, Point, Section, Table, Target

ROOT = Path(__file__).resolve().parent.parent


def mock_rows() -> list[bench_mock.Row]:
    Row = bench_mock.Row
    one, big = "per-call 1 user x 1 endpoint", "per-call 100 users x 3 endpoints"
    return [
        Row(one, "mock/floor", 1.2, "x", 1.3),
        Row(one, "mock/stubber", 3.0, "x"),
        Row(one, "mock median", 400e-6, "s"),
        Row(big, "mock/floor", 2.0, "x", 1.5),
        Row(big, "floor median", 3e-3, "s"),
        Row("per-test fixture", "mock_pinpoint + endpoint + 1 call", 600e-6, "s", 2e-3),
        Row("per-test fixture", "pinpoint test/moto test", 0.15, "x"),
        Row("plugin: pytest.main()", "added by the plugin", 5e-3, "s", 20e-3, noisy=True),
        Row("plugin", "our modules' self time", 1e-3, "s"),
        Row("plugin", "forbidden modules imported", 0, "n", 0),
    ]


# -- formatting ---------------------------------------------------------------------------------


def test_markdown_table_aligns_and_escapes() -> None:
    table = report.markdown_table(("Name", "Value"), [("a|b", 1), ("c", "2\n3")])
    assert table.splitlines() == [
        "| Name | Value |",
        "|:---|---:|",
        "| a\\|b | 1 |",
        "| c | 2 3 |",
    ]
    assert report.markdown_table(("A", "B", "C"), [], "lrl").splitlines()[1] == "|:---|---:|:---|"
    with pytest.raises(ValueError, match="one alignment letter"):
        report.markdown_table(("A", "B"), [], "l")


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        (2.5, "s", "2.50 s"),
        (2.5e-3, "s", "2.50 ms"),
        (2.5e-6, "s", "2.5 µs"),
        (-0.041, "s", "-41.00 ms"),
        (1.234, "x", "1.23x"),
        (0.0312, "x", "0.031x"),
        (1234.4, "calls/s", "1,234 calls/s"),
        (0, "n", "0"),
        (17, "calls", "17 calls"),
    ],
)
def test_show(value: float, unit: str, shown: str) -> None:
    assert report.show(value, unit) == shown


@pytest.mark.parametrize(
    ("line", "met", "verdict"),
    [
        (Line("r", 1.2, "x", Target("<=", 1.3)), True, "met"),
        (Line("r", 1.3, "x", Target("<=", 1.3)), True, "met"),
        (Line("r", 1.4, "x", Target("<=", 1.3)), False, "**not met**"),
        (Line("t", 2e-3, "s", Target("<", 2e-3)), False, "**not met**"),
        (Line("t", 1e-3, "s", Target("<", 2e-3)), True, "met"),
        (Line("s", 68.0, "x", Target(">=", 50)), True, "met"),
        (Line("s", 12.0, "x", Target(">=", 50)), False, "**not met**"),
        (Line("n", 5e-3, "s", Target("<", 20e-3), noisy=True), None, "too noisy"),
        (Line("plain", 1.0, "x"), None, ""),
    ],
)
def test_verdicts(line: Line, met: bool | None, verdict: str) -> None:
    assert line.met is met
    assert line.verdict == verdict


def test_target_rejects_unknown_comparison() -> None:
    with pytest.raises(ValueError, match="unknown comparison"):
        Target("==", 1).met(1)


def test_show_target() -> None:
    assert report.show_target(Target("<=", 1.3), "x") == "≤ 1.30x"
    assert report.show_target(Target(">=", 3), "x") == "≥ 3.00x"
    assert report.show_target(Target("<", 20e-3), "s") == "< 20.00 ms"
    assert report.show_target(None, "x") == ""


# -- the benchmark modules' results -------------------------------------------------------------


def test_mock_sections() -> None:
    per_call, per_test, plugin = report.mock_sections(mock_rows())
    assert [t.caption for t in per_call.tables] == [
        "1 user x 1 endpoint",
        "100 users x 3 endpoints",
    ]
    first = per_call.tables[0].lines
    assert [line.name for line in first] == ["mock", "mock/floor", "mock/stubber"]  # s first
    assert [line.verdict for line in first] == ["", "met", ""]
    assert per_call.tables[1].lines[1].verdict == "**not met**"
    fixture = per_test.tables[0].lines[0]
    assert fixture.target == Target("<", 2e-3)
    assert fixture.met
    assert [t.caption for t in plugin.tables] == [
        "pytest.main()",
        "import of the plugin (-X importtime, pytest first)",
    ]
    assert plugin.tables[0].lines[0].verdict == "too noisy"
    assert plugin.tables[1].lines[-1].target == Target("<=", 0)

    summary = report.summary_table([per_call, per_test, plugin])
    assert "| 1 user x 1 endpoint: mock/floor | 1.20x | ≤ 1.30x | met |" in summary
    assert "| 100 users x 3 endpoints: mock/floor | 2.00x | ≤ 1.50x | **not met** |" in summary
    assert "mock/stubber" not in summary  # no target, not in the summary
    assert report.tally([per_call, per_test, plugin]) == (3, 4, 1)


def test_contract_section() -> None:
    section = report.contract_section(
        [("1 user(s)", 20e-6, 300e-6, 15.0), ("100 user(s)", 100e-6, 7e-3, 70.0)]
    )
    one, hundred = (table.lines[-1] for table in section.tables)
    assert one.target is None  # the target is for 100 users
    assert hundred.target == Target(">=", 50)
    assert hundred.verdict == "met"


def test_server_section() -> None:
    Row = bench_server.Row
    section = report.server_section(
        [
            Row("pinpoint-mock SendUsersMessages", 1500.0, "calls/s", "32 clients"),
            Row("moto_server GetApp", 600.0, "calls/s", "32 clients"),
            Row("ours/moto", 2.5, "x", "target >= 3x: NOT MET"),
        ]
    )
    lines = section.tables[0].lines
    assert lines[0].note == "32 clients"
    assert lines[2].target == Target(">=", 3)
    assert lines[2].note == ""  # the module's own verdict is replaced by the report's
    assert lines[2].verdict == "**not met**"


def test_factories_and_rendering_sections() -> None:
    factories = report.factories_section(
        {"populate": 0.2, "floor": 0.05, "plain faker": 0.4, "cli": 1.5}
    )
    lines = {line.name: line for line in factories.lines()}
    assert lines["populate(users=1000, 3 channels)"].verdict == "met"
    assert lines["populate / floor"].value == pytest.approx(4.0)
    assert lines["populate / plain faker"].value == pytest.approx(0.5)

    rendering = report.rendering_section({"reference": 11e-6, "prepared": 2e-6})
    assert rendering.tables[0].lines[-1].value == pytest.approx(5.5)
    assert rendering.tables[0].lines[-1].target is None  # informative, no issue target

    assert report.rendering_section("something else").tables == []  # printed output only


def test_call_main_passes_quick_only_to_mains_taking_arguments() -> None:
    class Takes:
        @staticmethod
        def main(argv: list[str] | None = None) -> list[str] | None:
            return argv

    class Bare:
        @staticmethod
        def main() -> str:
            return "ran"

    assert report._call_main(Takes, quick=True) == ["--quick"]
    assert report._call_main(Takes, quick=False) == []
    assert report._call_main(Bare, quick=True) == "ran"


# -- running figures ----------------------------------------------------------------------------


def test_missing_optional_module_is_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(report.MODULES, "factories", "bench_no_such_module")
    (section,) = report.run_figure("factories", quick=True)
    assert "cannot be imported" in section.skipped
    assert not section.error
    assert "_Skipped: `benchmarks/bench_no_such_module.py` cannot" in report.render_section(
        1, section
    )


def test_failing_figure_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(quick: bool) -> list[Section]:
        print("half-way")
        raise RuntimeError("no server")

    monkeypatch.setattr(report, "FIGURES", (report.Figure("boom", "boom figure", boom),))
    (section,) = report.run_figure("boom", quick=True)
    assert "RuntimeError: no server" in section.error
    assert section.output == "half-way\n"
    assert "**This figure failed to run:**" in report.render_section(1, section)


def test_render_report() -> None:
    sections = [
        *report.mock_sections(mock_rows()),
        Section("session", "A session", "About it.", [Table("", [Line("wall", 5.0, "s")])]),
        Section("factories", "Factories", "", skipped="not here"),
        Section("server", "Server", "", error="Traceback ...\nOSError"),
    ]
    sections[-2].output = "console text"
    machine = [("CPU", "Test CPU"), ("pytest", "9.0")]
    text = report.render_report(sections, machine, "quick", 65.0)
    assert text.startswith("# pinpoint-mock benchmark results\n")
    assert "`python -m benchmarks.report --quick` (quick profile) in 65.00 s" in text
    assert "| CPU | Test CPU |" in text
    assert "**3/4 targets met**, 1 too noisy to judge; failed to run: Server; skipped: " in text
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Machine",
        "## Targets",
        "## 1. Per-call cost through boto3: mock vs floor, Stubber and moto",
        "## 2. Per-test fixture cost vs moto",
        "## 3. pytest plugin cost",
        "## 4. A session",
        "## 5. Factories",
        "## 6. Server",
    ]


def test_machine_lists_the_versions() -> None:
    names = [name for name, _ in report.machine()]
    assert {"Date", "Platform", "CPU", "CPUs", "Memory", "Python"} <= set(names)
    assert set(report.VERSIONS) <= set(names)


def test_growth_table_and_plot(tmp_path: Path) -> None:
    points = [Point(1, 1, 500e-6, 400e-6), Point(10, 3, 2e-3, 1e-3), Point(100, 3, 6e-3, 3e-3)]
    rows = report.growth_table(points).splitlines()
    assert rows[2] == "| 1 x 1 | 1 | 500.0 µs | 400.0 µs | 1.25x | 100.0 µs | ≤ 1.30x | met |"
    assert rows[3].endswith("| 2.00x | 33.3 µs |  |  |")
    assert rows[4].endswith("| 2.00x | 10.0 µs | ≤ 1.50x | **not met** |")

    pytest.importorskip("matplotlib", reason="the plot needs the bench extra")
    plot = tmp_path / "growth.png"
    report.plot_growth(points, plot)
    assert plot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


@pytest.mark.skipif(
    os.environ.get("PINPOINT_MOCK_BENCH_SMOKE") != "1",
    reason="runs every benchmark (~2 minutes): set PINPOINT_MOCK_BENCH_SMOKE=1 to run it",
)
def test_quick_report_end_to_end(tmp_path: Path) -> None:
    output, plot = tmp_path / "RESULTS.md", tmp_path / "growth.png"
    args = ["-m", "benchmarks.report", "--quick", "--output", str(output), "--plot", str(plot)]
    done = subprocess.run(
        [sys.executable, *args], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    text = output.read_text()
    for title in (
        "Per-call cost through boto3",
        "Per-call cost against request size",
        "Per-test fixture cost",
        "pytest plugin cost",
        "Contract validation",
        "Server throughput",
        "A 10,000-send test session",
    ):
        assert f". {title}" in text, title
    assert "**This figure failed to run:**" not in text
    assert plot.read_bytes().startswith(b"\x89PNG")
