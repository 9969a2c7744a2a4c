"""The full benchmark report: every figure, side by side, into one Markdown file and one plot.

    python -m benchmarks.report                  # full profile (~10 minutes)
    python -m benchmarks.report --quick          # CI smoke profile (~2 minutes)
    python -m benchmarks.report --output benchmarks/RESULTS.md --plot benchmarks/growth.png
    python -m benchmarks.report --only growth --only session   # a subset, for development

Each figure runs in a fresh process of its own (the server benchmark starts further processes),
so no figure pays for the imports, garbage or mocks another one left behind; within a figure the
candidates run interleaved in the same rounds (:func:`benchmarks.harness.compare`) and are
compared as ratios of medians. The figures come from the benchmark modules' own ``main()``
functions, plus two written here: the growth of the per-call cost with the request's size
(measured with :func:`benchmarks.bench_mock.measure`) and a 10,000-send pytest session.

Nothing asserts a timing: each target is printed next to its figure as met / not met. The exit
status is 1 only if a figure failed to run (a missing optional benchmark module is skipped).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import importlib
import inspect
import io
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_OUTPUT = HERE / "RESULTS.md"
DEFAULT_PLOT = HERE / "growth.png"
VERSIONS = ("pinpoint-mock", "boto3", "botocore", "moto", "jsonschema", "pytest")
#: (users, endpoints per user) of the growth figure.
SIZES = ((1, 1), (10, 1), (10, 3), (25, 3), (50, 3), (100, 3))
#: The per-call targets of issue 6, by request size.
PER_CALL_TARGETS = {(1, 1): 1.3, (100, 3): 1.5}


# -- what a section holds -----------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """A bound a figure should meet: ``value <op> bound``, in the figure's unit."""

    op: str  # "<", "<=" or ">="
    bound: float

    def met(self, value: float) -> bool:
        if self.op == "<":
            return value < self.bound
        if self.op == "<=":
            return value <= self.bound
        if self.op == ">=":
            return value >= self.bound
        raise ValueError(f"unknown comparison {self.op!r}")


@dataclass(frozen=True)
class Line:
    """One figure of a table: a duration (``unit="s"``), a ratio (``"x"``) or a count."""

    name: str
    value: float
    unit: str
    target: Target | None = None
    note: str = ""
    noisy: bool = False
    """The spread of the measurement is wider than the target: it cannot tell met from not met."""

    @property
    def met(self) -> bool | None:
        if self.target is None or self.noisy:
            return None
        return self.target.met(self.value)

    @property
    def verdict(self) -> str:
        if self.target is None:
            return ""
        if self.noisy:
            return "too noisy"
        return "met" if self.met else "**not met**"


@dataclass
class Table:
    caption: str
    lines: list[Line]


@dataclass
class Section:
    key: str
    title: str
    about: str
    tables: list[Table] = field(default_factory=list)
    extra: str = ""
    """More Markdown, after the tables."""
    output: str = ""
    """What the benchmark printed."""
    error: str = ""
    skipped: str = ""
    seconds: float = 0.0
    data: dict[str, Any] = field(default_factory=dict)

    def lines(self) -> Iterable[Line]:
        for table in self.tables:
            yield from table.lines


# -- formatting ---------------------------------------------------------------------------------


def show_seconds(seconds: float) -> str:
    sign, size = ("-" if seconds < 0 else ""), abs(seconds)
    if size >= 1:
        return f"{sign}{size:.2f} s"
    if size >= 1e-3:
        return f"{sign}{size * 1e3:.2f} ms"
    return f"{sign}{size * 1e6:.1f} µs"


def show(value: float, unit: str) -> str:
    if unit == "s":
        return show_seconds(value)
    if unit == "x":
        return f"{value:.2f}x" if abs(value) >= 0.1 else f"{value:.3f}x"
    if unit == "n":
        return f"{value:g}"
    if unit == "calls/s":
        return f"{value:,.0f} calls/s"
    return f"{value:,.6g} {unit}"


def show_target(target: Target | None, unit: str) -> str:
    if target is None:
        return ""
    op = {"<=": "≤", ">=": "≥"}.get(target.op, target.op)
    return f"{op} {show(target.bound, unit)}"


def cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def markdown_table(
    headers: Sequence[str], rows: Iterable[Sequence[object]], align: str = ""
) -> str:
    """A GitHub Markdown table. ``align`` has one letter per column, ``l`` or ``r``; by default
    the first column is left-aligned and the others right-aligned."""
    align = align or "l" + "r" * (len(headers) - 1)
    if len(align) != len(headers):
        raise ValueError("one alignment letter per column")
    out = ["| " + " | ".join(cell(h) for h in headers) + " |"]
    out.append("|" + "|".join(":---" if a == "l" else "---:" for a in align) + "|")
    out += ["| " + " | ".join(cell(value) for value in row) + " |" for row in rows]
    return "\n".join(out)


def lines_table(lines: Iterable[Line]) -> str:
    rows = [
        (
            line.name,
            show(line.value, line.unit),
            show_target(line.target, line.unit),
            line.verdict,
            line.note,
        )
        for line in lines
    ]
    return markdown_table(("Measure", "Median", "Target", "Verdict", "Note"), rows, "lrrll")


def summary_table(sections: Iterable[Section]) -> str:
    rows = [
        (
            section.title,
            f"{table.caption}: {line.name}" if table.caption else line.name,
            show(line.value, line.unit),
            show_target(line.target, line.unit),
            line.verdict,
        )
        for section in sections
        for table in section.tables
        for line in table.lines
        if line.target is not None
    ]
    headers = ("Figure", "Measure", "Median", "Target", "Verdict")
    return markdown_table(headers, rows, "llrrl")


def tally(sections: Iterable[Section]) -> tuple[int, int, int]:
    """(met, judged, too noisy) over every line with a target."""
    judged = [line for s in sections for line in s.lines() if line.target is not None]
    met = sum(1 for line in judged if line.met)
    noisy = sum(1 for line in judged if line.noisy)
    return met, len(judged) - noisy, noisy


def render_section(number: int, section: Section) -> str:
    out = [f"## {number}. {section.title}", ""]
    if section.about:
        out += [section.about, ""]
    if section.skipped:
        return "\n".join([*out, f"_Skipped: {section.skipped}_", ""])
    if section.error:
        out += ["**This figure failed to run:**", "", "```", section.error.rstrip(), "```", ""]
    for table in section.tables:
        if table.caption:
            out += [f"**{table.caption}**", ""]
        out += [lines_table(table.lines), ""]
    if section.extra:
        out += [section.extra.rstrip(), ""]
    if section.output.strip():
        out += [
            f"<details><summary>Console output ({show_seconds(section.seconds)})</summary>",
            "",
            "```",
            section.output.rstrip(),
            "```",
            "",
            "</details>",
            "",
        ]
    return "\n".join(out)


def render_report(
    sections: Sequence[Section], machine: Sequence[tuple[str, str]], profile: str, elapsed: float
) -> str:
    met, judged, noisy = tally(sections)
    failed = [s.title for s in sections if s.error]
    skipped = [s.title for s in sections if s.skipped]
    out = [
        "# pinpoint-mock benchmark results",
        "",
        f"Generated by `python -m benchmarks.report{' --quick' if profile == 'quick' else ''}` "
        f"({profile} profile) in {show_seconds(elapsed)}. Medians of interleaved rounds, "
        "compared as ratios; absolute times are for orientation only (see "
        "[README.md](README.md)). Nothing here is asserted by the test suite.",
        "",
        "## Machine",
        "",
        markdown_table(("", ""), machine, "ll"),
        "",
        "## Targets",
        "",
        f"**{met}/{judged} targets met**"
        + (f", {noisy} too noisy to judge" if noisy else "")
        + (f"; failed to run: {', '.join(failed)}" if failed else "")
        + (f"; skipped: {', '.join(skipped)}" if skipped else "")
        + ".",
        "",
        summary_table(sections),
        "",
    ]
    out += [render_section(n, section) for n, section in enumerate(sections, 1)]
    return "\n".join(out).rstrip() + "\n"


# -- the machine --------------------------------------------------------------------------------


def _cpu_model() -> str:
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith(("model name", "hardware", "cpu model")):
                return line.split(":", 1)[1].strip()
    return platform.processor() or "unknown"


def _memory() -> str:
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return f"{int(line.split()[1]) / 2**20:.1f} GiB"
    with contextlib.suppress(ValueError, OSError, AttributeError):
        return f"{os.sysconf('SC_PAGE_SIZE') * os.sysconf('SC_PHYS_PAGES') / 2**30:.1f} GiB"
    return "unknown"


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


_OWN_OUTPUTS = (":!benchmarks/RESULTS.md", ":!benchmarks/growth.png")


def _commit() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        )
        dirty = subprocess.run(
            # The report's own outputs (written before this runs) do not count.
            ["git", "status", "--porcelain", "--untracked-files=no", "--", ".", *_OWN_OUTPUTS],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
    except OSError:
        return "unknown"
    if head.returncode != 0:
        return "unknown"
    return head.stdout.strip() + (" (with local changes)" if dirty.stdout.strip() else "")


def machine() -> list[tuple[str, str]]:
    now = datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)
    rows = [
        ("Date", now.isoformat().replace("+00:00", "Z")),
        ("Platform", platform.platform()),
        ("CPU", _cpu_model()),
        ("CPUs", str(os.cpu_count())),
        ("Memory", _memory()),
        ("Python", f"{platform.python_implementation()} {platform.python_version()}"),
        ("Commit", _commit()),
    ]
    return rows + [(name, _version(name)) for name in VERSIONS]


# -- figures from the benchmark modules ---------------------------------------------------------


def _line_from_mock(row: Any) -> Line:
    """A :class:`benchmarks.bench_mock.Row` (its targets are upper bounds)."""
    target = None
    if row.target is not None:
        target = Target("<" if row.unit == "s" else "<=", row.target)
    name = row.name.strip().removesuffix(" median")
    return Line(name, row.value, row.unit, target, row.note, row.noisy)


def mock_sections(rows: Sequence[Any]) -> list[Section]:
    """The three figures of ``bench_mock.main()``, from its rows."""
    groups: dict[str, list[Line]] = {}
    for row in rows:
        groups.setdefault(row.figure, []).append(_line_from_mock(row))

    def tables(prefix: str, strip: str = "", default: str = "") -> list[Table]:
        found = []
        for figure, lines in groups.items():
            if figure.startswith(prefix):
                # durations first, then what is computed from them
                ordered = [x for x in lines if x.unit == "s"] + [x for x in lines if x.unit != "s"]
                caption = figure.removeprefix(strip).strip(": ") or default
                found.append(Table(caption, ordered))
        return found

    return [
        Section(
            "per-call",
            "Per-call cost through boto3: mock vs floor, Stubber and moto",
            "`client.send_users_messages` inside `mock_pinpoint` (recording on) against the "
            "floor (the same call answered by a canned `before-send` handler: boto3's own "
            "cost), botocore's `Stubber` (`add_response` timed), and moto's `get_app` (moto has "
            "no SendUsersMessages; own rounds, outside the mock, so mock/moto = "
            "(mock/floor) / (moto/floor)).",
            tables("per-call ", "per-call "),
        ),
        Section(
            "per-test",
            "Per-test fixture cost vs moto",
            "`with mock_pinpoint(...)` + `add_endpoint` + one 1-user call against "
            "`with mock_aws()` + `create_app` + `get_app`; one client created once, outside.",
            tables("per-test", "per-test fixture"),
        ),
        Section(
            "plugin",
            "pytest plugin cost",
            "What the installed plugin adds to a pytest run that does not use it (one trivial "
            "test, runs alternating, median of paired differences), and the import of the "
            "plugin. A target whose quartiles of paired differences are further apart than the "
            "target is reported as too noisy.",
            tables("plugin", "plugin", "import of the plugin (-X importtime, pytest first)"),
        ),
    ]


def contract_section(rows: Sequence[tuple[str, float, float, float]]) -> Section:
    tables = []
    for label, ours, theirs, ratio in rows:
        users = int(label.split()[0]) if label.split()[0].isdigit() else 0
        tables.append(
            Table(
                label,
                [
                    Line("fast path (pinpoint_mock.validate)", ours, "s"),
                    Line("jsonschema Draft 2020-12 iter_errors", theirs, "s"),
                    Line(
                        "speed-up (jsonschema / fast path)",
                        ratio,
                        "x",
                        Target(">=", 50) if users >= 100 else None,
                    ),
                ],
            )
        )
    return Section(
        "contract",
        "Contract validation: fast path vs jsonschema",
        "The compiled request validator against a plain jsonschema validator of the same "
        "schema (errors and warnings), for a 1-user and a 100-user request.",
        tables,
    )


def server_section(rows: Sequence[Any]) -> Section:
    lines = []
    for row in rows:
        target = Target(">=", 3) if row.unit == "x" else None
        note = "" if row.note.startswith("target") else row.note
        lines.append(Line(row.name, row.value, row.unit, target, note))
    return Section(
        "server",
        "Server throughput vs moto_server",
        "`pinpoint-mock serve` answering SendUsersMessages (1 user, 1 endpoint) against "
        "`moto_server` answering GetApp, same load generator (32 boto3 clients over 4 "
        "processes), alternating rounds; medians of calls per second.",
        [Table("", lines)],
    )


FACTORY_NAMES = {
    "populate": "populate(users=1000, 3 channels)",
    "floor": "floor: 3,000 add_endpoint, formatted addresses",
    "plain faker": "plain Faker providers + add_endpoint",
    "cold": "first populate in a fresh process",
    "requests": "10,000 generated requests, made and validated",
    "cli": "`pinpoint-mock fake users --count 1000` wall time",
}


def factories_section(result: Any) -> Section:
    lines = []
    if isinstance(result, dict):
        for key, value in result.items():
            if isinstance(value, int | float):
                target = Target("<", 1.0) if key == "populate" else None
                lines.append(Line(FACTORY_NAMES.get(key, key), float(value), "s", target))
        for other in ("floor", "plain faker"):
            if result.get("populate") and result.get(other):
                ratio = result["populate"] / result[other]
                lines.append(Line(f"populate / {other}", ratio, "x"))
    return Section(
        "factories",
        "Factories: a 1,000-user world",
        "`mock.populate(...)` of 1,000 believable users x 3 endpoints against registering the "
        "same endpoints with formatted addresses and against plain Faker providers.",
        [Table("", lines)] if lines else [],
    )


def rendering_section(result: Any) -> Section:
    lines = []
    if isinstance(result, dict):
        lines = [
            Line(f"{key}, per endpoint", float(value), "s")
            for key, value in result.items()
            if isinstance(value, int | float)
        ]
        if result.get("reference") and result.get("prepared"):
            ratio = result["reference"] / result["prepared"]
            # Informative: no issue sets a target for rendering alone.
            lines.append(Line("speed-up (reference / prepared)", ratio, "x"))
    return Section(
        "rendering",
        "Rendering per endpoint: prepared vs the original algorithm",
        "One 100 users x 3 endpoints request rendered per endpoint by the original algorithm "
        "and by the prepared path (`prepare(config)` once per request).",
        [Table("", lines)] if lines else [],
    )


def ratios_section(key: str, title: str, about: str) -> Callable[[Any], Section]:
    """A section from ``bench_sesv2``/``bench_sms_voice_v2`` ratios (their ``Ratio`` rows):
    per case, mock and floor per call on each clock, and mock/floor against its target."""

    def convert(ratios: Any) -> Section:
        tables: dict[str, list[Line]] = {}
        for row in ratios or ():
            lines = tables.setdefault(row.case, [])
            lines += [
                Line(f"mock ({row.clock})", row.mock, "s"),
                Line(f"floor ({row.clock})", row.floor, "s"),
            ]
            target = Target("<=", row.target) if row.target is not None else None
            lines.append(Line(f"mock/floor ({row.clock})", row.ratio, "x", target))
        ordered = [
            Table(case, [x for x in lines if x.unit == "s"] + [x for x in lines if x.unit != "s"])
            for case, lines in tables.items()
        ]
        return Section(key, title, about, ordered)

    return convert


SESV2_ABOUT = (
    "`sesv2.send_email` (Simple content, one recipient) and a 50-entry "
    "`send_bulk_email` (a stored template with `{{#each}}`, its data per entry) inside "
    "`mock_pinpoint` (recording on) against the floor (the same call answered by a canned "
    "`before-send` handler). CPU time of the calling thread (steadier on a shared machine) "
    "and wall clock from the same candidates; the records-read ratio reads every record "
    "after each call, in rounds of its own, without a target (issue 16)."
)
SMS_ABOUT = (
    "`pinpoint-sms-voice-v2.send_text_message` inside `mock_pinpoint` (recording on) "
    "against the floor (the same call answered by a canned `before-send` handler), in CPU "
    "time and wall clock; the records-read ratio without a target (issue 17)."
)


def scaling(quick: bool) -> list[Section]:
    """``bench_scaling``: each input's cost at n..8n and the exponent of its growth."""
    from benchmarks import bench_scaling

    rows = bench_scaling.run(3, 5) if quick else bench_scaling.run()
    print(bench_scaling.render(rows))
    lines = [
        Line(
            f"{row.case}: exponent",
            round(row.exponent, 2),
            "n",
            Target("<=", bench_scaling.LINEAR),
            f"{row.sizes[0]:,} to {row.sizes[-1]:,} {row.unit}; "
            + "ratios "
            + " ".join(f"{r:.2f}" for r in row.ratios),
        )
        for row in rows
    ]
    about = (
        "Every input a request, a template or the command line can grow, timed at n, 2n, 4n "
        "(and 8n) (fastest of a few runs): cost ~ size ** exponent over the whole range; 1 is "
        "linear, 2 quadratic."
    )
    return [Section("scaling", "Scaling: cost against input size", about, [Table("", lines)])]


def _call_main(module: Any, quick: bool) -> Any:
    """``module.main(argv)`` if it takes arguments (``--quick`` passed on), else ``main()``."""
    if inspect.signature(module.main).parameters:
        return module.main(["--quick"] if quick else [])
    return module.main()


def _module_figure(
    name: str, convert: Callable[[Any], Section | list[Section]], quick: bool
) -> list[Section]:
    module = importlib.import_module(f"benchmarks.{name}")
    result = _call_main(module, quick)
    converted = convert(result)
    return converted if isinstance(converted, list) else [converted]


# -- figure: growth of the per-call cost with the request's size -------------------------------


@dataclass(frozen=True)
class Point:
    users: int
    endpoints: int
    mock: float
    floor: float

    @property
    def deliveries(self) -> int:
        return self.users * self.endpoints

    @property
    def ratio(self) -> float:
        return self.mock / self.floor

    @property
    def label(self) -> str:
        return f"{self.users}x{self.endpoints}"


def growth_table(points: Sequence[Point]) -> str:
    rows = []
    for p in points:
        bound = PER_CALL_TARGETS.get((p.users, p.endpoints))
        line = Line("", p.ratio, "x", Target("<=", bound) if bound is not None else None)
        rows.append(
            (
                f"{p.users} x {p.endpoints}",
                p.deliveries,
                show_seconds(p.mock),
                show_seconds(p.floor),
                show(p.ratio, "x"),
                show_seconds((p.mock - p.floor) / p.deliveries),
                show_target(line.target, "x"),
                line.verdict,
            )
        )
    headers = (
        "Users x endpoints",
        "Deliveries",
        "Mock",
        "Floor",
        "Mock/floor",
        "Added per delivery",
        "Target",
        "Verdict",
    )
    return markdown_table(headers, rows, "lrrrrrrl")


def growth(quick: bool) -> list[Section]:
    from benchmarks.bench_mock import FULL, QUICK, measure

    settings = QUICK if quick else FULL
    points = []
    print("growth of the per-call cost (mock vs floor, interleaved, per request size)")
    for users, endpoints in SIZES:
        mock, floor = measure(users, endpoints, settings)
        point = Point(users, endpoints, mock, floor)
        points.append(point)
        print(
            f"  {users:>3} x {endpoints}  mock {show_seconds(mock):>10}  "
            f"floor {show_seconds(floor):>10}  {point.ratio:5.2f}x"
        )
    section = Section(
        "growth",
        "Per-call cost against request size",
        "The per-call figure's mock and floor candidates (`bench_mock.measure`), one interleaved "
        "comparison per request size (users x endpoints per user: SMS, then EMAIL, then APNS). "
        "The two sizes with targets repeat the per-call figure's verdicts.",
        extra=growth_table(points),
        data={"points": [(p.users, p.endpoints, p.mock, p.floor) for p in points]},
    )
    return [section]


def plot_growth(points: Sequence[Point], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    x = [p.deliveries for p in points]
    fig, (cost, ratio) = plt.subplots(1, 2, figsize=(11, 4.2), layout="constrained")
    cost.plot(x, [p.mock * 1e3 for p in points], "o-", label="pinpoint-mock (recording on)")
    cost.plot(x, [p.floor * 1e3 for p in points], "s--", label="floor (boto3, canned response)")
    for p in points:
        cost.annotate(
            p.label, (p.deliveries, p.mock * 1e3), textcoords="offset points", xytext=(4, 6)
        )
    cost.set_xlabel("deliveries per request (users x endpoints)")
    cost.set_ylabel("ms per send_users_messages call (median)")
    cost.set_title("Per-call cost")
    cost.set_ylim(bottom=0)
    cost.margins(x=0.08)
    cost.grid(alpha=0.3)
    cost.legend()

    ratio.plot(x, [p.ratio for p in points], "o-", color="tab:purple", label="mock / floor")
    last = max(x)
    for (users, endpoints), bound in PER_CALL_TARGETS.items():
        where = users * endpoints
        ratio.plot([where], [bound], "v", color="tab:red", markersize=9, label="_target")
        ratio.annotate(
            f"target ≤ {bound}x",
            (where, bound),
            textcoords="offset points",
            xytext=(-8, 8) if where >= last else (8, 8),
            ha="right" if where >= last else "left",
            color="tab:red",
        )
    ratio.axhline(1.0, color="grey", linewidth=0.8)
    ratio.set_xlabel("deliveries per request (users x endpoints)")
    ratio.set_ylabel("mock / floor")
    ratio.set_title("Overhead over boto3 itself")
    ratio.set_ylim(bottom=0)
    ratio.grid(alpha=0.3)
    ratio.legend()
    fig.savefig(path, dpi=110)
    plt.close(fig)


# -- figure: a 10,000-send pytest session -------------------------------------------------------

SESSION_TESTS = 100
SESSION_SENDS = 100

SESSION_CONFTEST = """
import os
import time

import pytest


@pytest.hookimpl(wrapper=True)
def pytest_runtestloop(session):
    start = time.perf_counter()
    try:
        return (yield)
    finally:
        with open(os.environ["BENCH_SESSION_TIMES"], "w") as out:
            out.write(repr(time.perf_counter() - start))
"""

SESSION_TESTS_TEMPLATE = '''
"""{tests} tests x {sends} sends through boto3: with the mock, or with a canned response."""
import os

import boto3
import pytest

from benchmarks.bench_mock import SCENARIOS, canned

BACKEND = os.environ["BENCH_SESSION_BACKEND"]
TESTS = int(os.environ["BENCH_SESSION_TESTS"])
SENDS = {sends}
KWARGS = {kwargs!r}
USER = {user!r}
CANNED = canned({status!r}, {headers!r}, {body!r})
EVENT = "before-send.pinpoint.SendUsersMessages"
CLIENT = boto3.client(
    "pinpoint", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="y"
)

if BACKEND == "mock":

    @pytest.fixture
    def backend(pinpoint):
        SCENARIOS[0].register(pinpoint)
        yield
        assert len(pinpoint.calls) == SENDS

else:

    @pytest.fixture
    def backend():
        CLIENT.meta.events.register_first(EVENT, CANNED)
        yield
        CLIENT.meta.events.unregister(EVENT, CANNED)


@pytest.mark.parametrize("n", range(TESTS))
def test_sends(backend, n):
    for _ in range(SENDS):
        response = CLIENT.send_users_messages(**KWARGS)
        result = response["SendUsersMessageResponse"]["Result"][USER]
        assert next(iter(result.values()))["DeliveryStatus"] == "SUCCESSFUL"
'''


def _session_files(directory: Path) -> None:
    """Write the session's test file (its canned response is what the mock answers)."""
    from benchmarks.bench_mock import SCENARIOS, new_client, without_moto_hook
    from pinpoint_mock import mock_pinpoint

    scenario = SCENARIOS[0]  # 1 user x 1 endpoint, with a {{Name}} substitution
    kwargs = scenario.kwargs()
    with mock_pinpoint(seed=1) as mock:
        scenario.register(mock)
        without_moto_hook(new_client()).send_users_messages(**kwargs)
        call = mock.calls[-1]
        assert call.status == 200, call.response_body
    source = SESSION_TESTS_TEMPLATE.format(
        tests=SESSION_TESTS,
        sends=SESSION_SENDS,
        kwargs=kwargs,
        user=scenario.users[0],
        status=call.status,
        headers=dict(call.response_headers),
        body=call.response_body,
    )
    (directory / "test_sends.py").write_text(source)
    (directory / "conftest.py").write_text(SESSION_CONFTEST)
    (directory / "pytest.ini").write_text("[pytest]\n")


def _session_run(directory: Path, backend: str, tests: int, pycache: Path) -> tuple[float, float]:
    """(wall seconds of ``python -m pytest``, seconds of its test loop) for one session."""
    from benchmarks.bench_mock import _env

    times = directory / f"times-{backend}"
    env = _env(
        pycache,
        BENCH_SESSION_BACKEND=backend,
        BENCH_SESSION_TESTS=str(tests),
        BENCH_SESSION_TIMES=str(times),
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    )
    args = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_sends.py"]
    start = time.perf_counter()
    done = subprocess.run(args, cwd=directory, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0 or f"{tests} passed" not in done.stdout:
        raise RuntimeError(f"{backend} session failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
    return wall, float(times.read_text())


def session(quick: bool) -> list[Section]:
    pairs = 1 if quick else 3
    sends = SESSION_TESTS * SESSION_SENDS
    samples: dict[str, dict[str, list[float]]] = {
        backend: {"wall": [], "loop": []} for backend in ("mock", "floor")
    }
    print(
        f"a {sends:,}-send pytest session ({SESSION_TESTS} tests x {SESSION_SENDS} sends), ", end=""
    )
    print(f"mock vs canned floor, {pairs} alternating pair(s)")
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        pycache = directory / "pycache"
        _session_files(directory)
        for backend in samples:  # compile the bytecode under the cache prefix, outside the clock
            _session_run(directory, backend, 1, pycache)
        for n in range(pairs):
            for backend in ("mock", "floor") if n % 2 == 0 else ("floor", "mock"):
                wall, loop = _session_run(directory, backend, SESSION_TESTS, pycache)
                samples[backend]["wall"].append(wall)
                samples[backend]["loop"].append(loop)
                print(
                    f"  {backend:<5} wall {show_seconds(wall):>9}  test loop {show_seconds(loop)}"
                )
    m = {b: {k: statistics.median(v) for k, v in kinds.items()} for b, kinds in samples.items()}
    mock, floor = m["mock"], m["floor"]
    lines = [
        Line("session wall time, mock", mock["wall"], "s", note="python -m pytest, end to end"),
        Line("session wall time, floor", floor["wall"], "s"),
        Line("wall time mock/floor", mock["wall"] / floor["wall"], "x"),
        Line("test loop, mock", mock["loop"], "s", note="pytest_runtestloop: tests only"),
        Line("test loop, floor", floor["loop"], "s"),
        Line("test loop mock/floor", mock["loop"] / floor["loop"], "x"),
        Line("per send, mock", mock["loop"] / sends, "s", note="test loop / sends"),
        Line("per send, floor", floor["loop"] / sends, "s"),
        Line("added per send by the mock", (mock["loop"] - floor["loop"]) / sends, "s"),
    ]
    for line in lines:
        print(f"    {line.name:<32} {show(line.value, line.unit):>10}")
    section = Section(
        "session",
        f"A {sends:,}-send test session",
        f"`python -m pytest` over a generated file of {SESSION_TESTS} tests, each making "
        f"{SESSION_SENDS} `send_users_messages` calls (1 user x 1 endpoint) through one boto3 "
        "client created at import: once with the `pinpoint` fixture (a fresh mock per test, "
        "recording on), once with a fixture registering a canned `before-send` response (the "
        "floor) instead. The plugin is installed in both; medians of "
        f"{pairs} alternating pair(s) of sessions.",
        [Table("", lines)],
    )
    return [section]


# -- running the figures ------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    key: str
    title: str
    run: Callable[[bool], list[Section]]
    optional: bool = False
    """Skipped, not failed, when its module does not exist or has no ``main``."""


def _from_module(name: str, convert: Callable[[Any], Any]) -> Callable[[bool], list[Section]]:
    def run(quick: bool) -> list[Section]:
        return _module_figure(name, convert, quick)

    run.__qualname__ = run.__name__ = f"run_{name}"
    return run


FIGURES = (
    Figure("mock", "per-call, per-test and plugin cost", _from_module("bench_mock", mock_sections)),
    Figure("growth", "per-call cost against request size", growth),
    Figure("contract", "contract validation", _from_module("bench_contract", contract_section)),
    Figure("server", "server throughput", _from_module("bench_server", server_section)),
    Figure("session", "10,000-send test session", session),
    Figure(
        "factories",
        "factories",
        _from_module("bench_factories", factories_section),
        optional=True,
    ),
    Figure(
        "rendering",
        "rendering",
        _from_module("bench_rendering", rendering_section),
        optional=True,
    ),
    Figure(
        "sesv2",
        "SES v2 per-call cost",
        _from_module(
            "bench_sesv2",
            ratios_section(
                "sesv2", "SES v2 per-call cost through boto3: mock vs floor", SESV2_ABOUT
            ),
        ),
        optional=True,
    ),
    Figure(
        "sms-voice-v2",
        "SMS and voice v2 per-call cost",
        _from_module(
            "bench_sms_voice_v2",
            ratios_section(
                "sms-voice-v2",
                "SMS and voice v2 per-call cost through boto3: mock vs floor",
                SMS_ABOUT,
            ),
        ),
        optional=True,
    ),
    Figure("scaling", "scaling", scaling, optional=True),
)
#: The order of the report's sections (figures run in FIGURES' order).
ORDER = (
    "per-call",
    "growth",
    "per-test",
    "plugin",
    "contract",
    "server",
    "session",
    "factories",
    "rendering",
    "sesv2",
    "sms-voice-v2",
    "scaling",
)
MODULES = {
    "factories": "bench_factories",
    "rendering": "bench_rendering",
    "sesv2": "bench_sesv2",
    "sms-voice-v2": "bench_sms_voice_v2",
    "scaling": "bench_scaling",
}


def missing(figure: Figure) -> str:
    """Why an optional figure cannot run here, or ``""``."""
    name = MODULES.get(figure.key)
    if name is None:
        return ""
    try:
        module = importlib.import_module(f"benchmarks.{name}")
    except ImportError as exc:
        return f"`benchmarks/{name}.py` cannot be imported ({exc})"
    if not callable(getattr(module, "main", None)):
        return f"`benchmarks/{name}.py` has no `main()`"
    return ""


class _Tee(io.TextIOBase):
    def __init__(self, *streams: Any) -> None:
        self.streams = streams

    def write(self, text: str) -> int:
        for stream in self.streams:
            stream.write(text)
        return len(text)

    def flush(self) -> None:
        for stream in self.streams:
            stream.flush()


def run_figure(key: str, quick: bool) -> list[Section]:
    """Run one figure here, capturing what it prints (and passing it on)."""
    figure = next(f for f in FIGURES if f.key == key)
    if figure.optional and (why := missing(figure)):
        return [Section(figure.key, figure.title, "", skipped=why)]
    captured = io.StringIO()
    start = time.perf_counter()
    try:
        with contextlib.redirect_stdout(_Tee(captured, sys.stdout)):
            sections = figure.run(quick)
    except Exception:
        sections = [Section(figure.key, figure.title, "", error=traceback.format_exc())]
    elapsed = time.perf_counter() - start
    for section in sections:
        section.seconds = elapsed
    sections[0].output = captured.getvalue()
    return sections


def _child(connection: Any, key: str, quick: bool) -> None:
    try:
        connection.send(run_figure(key, quick))
    finally:
        connection.close()


def run_isolated(key: str, quick: bool) -> list[Section]:
    """:func:`run_figure` in a fresh (spawned, non-daemonic) process."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(send, key, quick))
    process.start()
    send.close()
    try:
        sections: list[Section] = receive.recv()
    except EOFError:
        title = next(f.title for f in FIGURES if f.key == key)
        sections = [
            Section(key, title, "", error=f"the figure's process died (exit {process.exitcode})")
        ]
    process.join()
    return sections


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.report", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="CI smoke profile (~2 minutes)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help="the Markdown report")
    parser.add_argument("--plot", type=Path, default=DEFAULT_PLOT, help="the growth plot (PNG)")
    parser.add_argument(
        "--only",
        action="append",
        choices=[f.key for f in FIGURES],
        help="run only this figure (repeatable)",
    )
    options = parser.parse_args(argv)
    profile = "quick" if options.quick else "full"
    chosen = [f for f in FIGURES if not options.only or f.key in options.only]

    start = time.perf_counter()
    sections: list[Section] = []
    for n, figure in enumerate(chosen, 1):
        print(f"\n== [{n}/{len(chosen)}] {figure.title} ({profile})", flush=True)
        done = run_isolated(figure.key, options.quick)
        print(f"== {figure.title}: {show_seconds(done[0].seconds)}", flush=True)
        sections += done
    sections.sort(key=lambda s: ORDER.index(s.key) if s.key in ORDER else len(ORDER))

    plotted = False
    for section in sections:
        if section.key != "growth" or not section.data.get("points"):
            continue
        points = [Point(*values) for values in section.data["points"]]
        try:
            options.plot.parent.mkdir(parents=True, exist_ok=True)
            plot_growth(points, options.plot)
        except ImportError:
            section.extra += (
                "\n\n_No plot: matplotlib is not installed (`pip install -e '.[bench]'`)._"
            )
        else:
            plotted = True
            where = os.path.relpath(options.plot.resolve(), options.output.resolve().parent)
            section.extra = f"![per-call cost against request size]({where})\n\n" + section.extra

    elapsed = time.perf_counter() - start
    text = render_report(sections, machine(), profile, elapsed)
    options.output.parent.mkdir(parents=True, exist_ok=True)
    options.output.write_text(text)
    met, judged, noisy = tally(sections)
    print(f"\n{met}/{judged} targets met ({noisy} too noisy); {show_seconds(elapsed)} in all")
    print(f"wrote {options.output}" + (f" and {options.plot}" if plotted else ""))
    failed = [s.title for s in sections if s.error]
    if failed:
        print(f"failed to run: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    # Run as ``benchmarks.report``, not ``__main__``, so that what the figures' processes send
    # back unpickles here.
    from benchmarks.report import main as _main

    sys.exit(_main())
