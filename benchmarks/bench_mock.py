"""What the mock costs a test suite: per boto3 call, per test, and per pytest run.

    python -m benchmarks.bench_mock            # full run
    python -m benchmarks.bench_mock --quick    # fewer rounds, for CI smoke runs
    python -m benchmarks.bench_mock --profile  # also cProfile one 100 x 3 mock call

Every timing is a median from :func:`benchmarks.harness.compare` (candidates interleaved in one
process) and is reported as a ratio; absolute times are printed for orientation only. Nothing here
asserts a timing: targets are printed next to the figures with whether they are met.

1. Per-call cost through boto3, for 1 user x 1 endpoint and 100 users x 3 endpoints (SMS, EMAIL,
   APNS; a MessageConfiguration with ``{{Name}}`` variables and per-user Substitutions, so
   validation, rendering and recording all run). Candidates:

   * ``mock``: ``client.send_users_messages`` inside an active ``mock_pinpoint(seed=1)``.
     Recording stays on; the timed function clears the call log every 1,000 calls (every 10 for
     100 x 3: at most ~3,000 deliveries held, about what one test's mock holds at most) so memory
     and the garbage collector's work stay flat; the clear is timed too.
   * ``floor``: the same call on an identically created client, answered by a canned
     ``before-send`` handler with the very body and headers the mock returned for that request:
     what boto3 itself costs (serialize, sign, parse) with a free backend.
   * ``stubber``: botocore's ``Stubber`` on a third identical client; the ``add_response`` before
     each call is timed, as a Stubber user pays it.
   * ``mock, records read``: the mock candidate, then ``mock.sent`` read after every call, so
     that each delivery's ``SentMessage`` is made (the mock keeps deliveries as compact rows and
     makes records when they are first read). Measured against the floor in rounds of its own,
     after the others; reported as a ratio without a target.
   * ``moto``: moto has no SendUsersMessages, so its candidate is ``get_app`` (a different, much
     smaller operation) inside ``mock_aws()``.

   One mock stays active while mock, floor and stubber run in the same rounds. The floor's
   ``before-send`` handler and the Stubber's ``before-call`` answer before ``Endpoint._send``, which
   is where the mock intercepts; that they never reach the mock is checked (every call the mock
   recorded is one the mock candidate made). moto cannot share those rounds: while ``mock_aws`` is
   active the mock asks moto's backend whether the application exists (so the mock would answer
   404), and while the mock is active it routes Pinpoint calls past moto's hook (so ``get_app``
   would reach the mock). So moto runs in its own rounds against the same floor client, outside the
   mock, and mock/moto is a ratio of ratios: ``(mock/floor) / (moto/floor)``. The three clients of
   figure 1 never carry moto's ``before-send`` hook, whatever the import order (it is unregistered
   from them if moto was imported first), so the floor is plain boto3 in both round sets.

2. Per-test fixture cost: ``with mock_pinpoint(...)`` + ``add_endpoint`` + one 1-user call, against
   ``with mock_aws()`` + ``create_app`` + ``get_app``; both use one client created once, outside
   the context, after moto was imported (so it carries moto's hook, as in a suite that uses both).
   moto's documentation recommends creating clients inside ``mock_aws``; that variant is printed
   too. The bare enter + exit of each context is printed as well.

3. Plugin cost for a pytest run that does not use it, on one trivial test, alternating, median of
   paired differences: (a) subprocess wall time of ``python -m pytest -q -p no:cacheprovider`` with
   every installed plugin, against the same with ``-p no:pinpoint_mock``; (b) with
   ``PYTEST_DISABLE_PLUGIN_AUTOLOAD=1``, a subprocess imports pytest, then times
   ``pytest.main(...)`` given ``plugins=[our plugin module]`` (its import included) or nothing.
   (a) is what the issue asks for, but with hypothesis installed a run takes 0.4 to 0.9 s here and
   its paired differences spread over more than the 20 ms target; (b) leaves out interpreter
   start-up and the import of pytest and of other plugins. A target whose quartiles of paired
   differences are further apart than the target itself is reported as "too noisy", not as met.
   (``-p pinpoint_mock.plugins.pytest_plugin`` with autoload off would charge us for pytest's
   scan of every installed distribution's entry points, ~4 ms, which a normal run does anyway.)
   Bytecode is cached under a temporary PYTHONPYCACHEPREFIX, as for an installed package, even if
   the caller sets PYTHONDONTWRITEBYTECODE. Plus ``-X importtime`` of the plugin with pytest
   imported first, and a check that importing the plugin imports none of boto3, botocore, moto,
   faker or jsonschema.

A note on moto: ``mock_aws()`` allocates ~1,300 ``responses`` callbacks per enter, so its cost
swings with the garbage collector's state (2 to 10 ms here); its figures are the least stable.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import json
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from importlib import metadata
from pathlib import Path
from typing import Any

from benchmarks.harness import compare, fmt

APP_ID = "611e3e3cdd47474c9c1399a505665b91"  # the mock's default application
CHANNELS = ("SMS", "EMAIL", "APNS")
FORBIDDEN = ("boto3", "botocore", "moto", "faker", "jsonschema")


@dataclass(frozen=True)
class Settings:
    rounds: int
    budget: float
    pytest_runs: int
    importtime_runs: int


FULL = Settings(rounds=21, budget=0.05, pytest_runs=15, importtime_runs=7)
QUICK = Settings(rounds=5, budget=0.01, pytest_runs=5, importtime_runs=3)


@dataclass(frozen=True)
class Row:
    """One reported figure: a ratio (``unit="x"``) or a duration in seconds (``unit="s"``)."""

    figure: str
    name: str
    value: float
    unit: str
    target: float | None = None
    """Upper bound the issue asks for, in the same unit; None when there is none."""
    note: str = ""
    noisy: bool = False
    """The measurement's spread is wider than the target: it cannot tell met from not met."""

    @property
    def met(self) -> bool | None:
        if self.target is None or self.noisy:
            return None
        return self.value <= self.target

    def line(self) -> str:
        text = f"    {self.name:<34} {self._show(self.value):>10}"
        if self.target is not None:
            bound = self._show(self.target)
            verdict = "too noisy" if self.noisy else "met" if self.met else "NOT MET"
            text += f"   target <= {bound:<9} {verdict}"
        if self.note:
            text += f"   ({self.note})"
        return text

    def _show(self, value: float) -> str:
        if self.unit == "x":
            return f"{value:.2f}x" if value >= 0.1 else f"{value:.3f}x"
        if self.unit == "s":
            return signed(value)
        return f"{value:g}"


def signed(seconds: float) -> str:
    return fmt(seconds) if seconds >= 0 else f"-{fmt(-seconds)}"


# -- shared set-up ------------------------------------------------------------------------------


def new_client(session: Any = None) -> Any:
    """A Pinpoint client, from boto3's default session unless another is given."""
    import boto3

    return (session or boto3).client(
        "pinpoint", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="y"
    )


def has_moto_hook(client: Any) -> bool:
    models = sys.modules.get("moto.core.models")
    if models is None:
        return False
    # As moto's own patch_client looks for it.
    return models.botocore_stubber in client.meta.events._emitter._handlers.prefix_search(
        "before-send"
    )


def without_moto_hook(client: Any) -> Any:
    """Unregister moto's ``before-send`` hook (present on clients created after moto's import)."""
    if has_moto_hook(client):
        hook = sys.modules["moto.core.models"].botocore_stubber
        client.meta.events.unregister("before-send", hook)
    return client


def message_configuration() -> dict[str, Any]:
    return {
        "SMSMessage": {"Body": "Hi {{Name}}, your code is 4321", "MessageType": "TRANSACTIONAL"},
        "EmailMessage": {
            "SimpleEmail": {
                "Subject": {"Data": "Welcome, {{Name}}"},
                "TextPart": {"Data": "Dear {{Name}}, thanks for signing up."},
            }
        },
        "APNSMessage": {"Title": "Hello {{Name}}", "Body": "{{Name}}, you have a new message"},
    }


@dataclass(frozen=True)
class Scenario:
    label: str
    users: tuple[str, ...]
    channels: tuple[str, ...]

    @property
    def deliveries(self) -> int:
        return len(self.users) * len(self.channels)

    def register(self, mock: Any) -> None:
        for n, user in enumerate(self.users):
            for channel in self.channels:
                address = {
                    "SMS": f"+1206{n:07d}",
                    "EMAIL": f"{user}@example.com",
                    "APNS": f"{n:064x}",
                }[channel]
                mock.add_endpoint(user_id=user, channel=channel, address=address)

    def kwargs(self) -> dict[str, Any]:
        users = {
            user: {"Substitutions": {"Name": [f"Name {n}"]}} for n, user in enumerate(self.users)
        }
        return {
            "ApplicationId": APP_ID,
            "SendUsersMessageRequest": {
                "MessageConfiguration": message_configuration(),
                "Users": users,
            },
        }


SCENARIOS = (
    Scenario("1 user x 1 endpoint", ("solo",), ("SMS",)),
    Scenario("100 users x 3 endpoints", tuple(f"user-{n}" for n in range(100)), CHANNELS),
)
TARGETS = {SCENARIOS[0].label: 1.3, SCENARIOS[1].label: 1.5}


def canned(status: int, headers: dict[str, str], body: bytes) -> Callable[..., Any]:
    """A ``before-send`` handler answering every request with the same response."""
    from botocore.awsrequest import AWSResponse

    def handler(request: Any, **kwargs: Any) -> Any:
        from pinpoint_mock.interceptors.botocore import RawBody

        return AWSResponse(request.url, status, dict(headers), RawBody(body))

    return handler


@contextlib.contextmanager
def registered(client: Any, event: str, handler: Callable[..., Any]) -> Iterator[None]:
    client.meta.events.register_first(event, handler)
    try:
        yield
    finally:
        client.meta.events.unregister(event, handler)


class Recorded:
    """The mock candidate: one call, with the call log cleared now and then (timed). With
    ``read``, every record of the call is then made and read (``mock.sent``), as a test that
    asserts on what was sent does."""

    def __init__(
        self,
        mock: Any,
        client: Any,
        kwargs: dict[str, Any],
        deliveries: int,
        *,
        read: bool = False,
    ) -> None:
        self.mock, self.client, self.kwargs, self.read = mock, client, kwargs, read
        self.every = max(1, min(1000, 3_000 // max(1, deliveries)))
        self.made = 0
        self.cleared = 0

    def __call__(self) -> Any:
        self.made += 1
        if self.made % self.every == 0:
            self.cleared += len(self.mock.calls)
            self.mock.engine.log.clear()
        response = self.client.send_users_messages(**self.kwargs)
        if self.read:
            self.mock.sent.last.body  # noqa: B018  (makes every pending record)
        return response

    def recorded(self) -> int:
        return self.cleared + len(self.mock.calls)


# -- figure 1: per-call cost --------------------------------------------------------------------


@dataclass
class Prepared:
    scenario: Scenario
    kwargs: dict[str, Any]
    floor_handler: Callable[..., Any]
    parsed: dict[str, Any]


def prepare(mock: Any, client: Any, scenario: Scenario) -> Prepared:
    """Make the scenario's call once through the (active) mock, check it delivered everything,
    and build the floor's canned handler answering what the mock answered."""
    kwargs = scenario.kwargs()
    response = client.send_users_messages(**kwargs)
    call = mock.calls[-1]
    assert call.status == 200, call.response_body
    assert not call.warnings, call.warnings
    assert len(mock.sent.filter(call_index=call.index)) == scenario.deliveries
    parsed = {k: v for k, v in response.items() if k != "ResponseMetadata"}
    handler = canned(call.status, dict(call.response_headers), call.response_body)
    return Prepared(scenario, kwargs, handler, parsed)


def per_call(settings: Settings) -> list[Row]:
    from botocore.stub import Stubber

    from pinpoint_mock import mock_pinpoint

    moto_first = "moto.core.models" in sys.modules
    mock_client, floor_client, stub_client = (without_moto_hook(new_client()) for _ in range(3))
    event = "before-send.pinpoint.SendUsersMessages"
    ratios: dict[str, dict[str, float]] = {}
    medians: dict[str, dict[str, float]] = {}
    prepared: list[Prepared] = []

    with mock_pinpoint(seed=1) as mock:
        for scenario in SCENARIOS:
            scenario.register(mock)
        for scenario in SCENARIOS:
            item = prepare(mock, mock_client, scenario)
            kwargs, handler, parsed = item.kwargs, item.floor_handler, item.parsed
            prepared.append(item)

            stubber = Stubber(stub_client)
            stubber.activate()

            def stubbed(
                kwargs: dict[str, Any] = kwargs,
                parsed: dict[str, Any] = parsed,
                stubber: Stubber = stubber,
            ) -> Any:
                stubber.add_response("send_users_messages", parsed)
                return stub_client.send_users_messages(**kwargs)

            mocked = Recorded(mock, mock_client, kwargs, scenario.deliveries)
            with registered(floor_client, event, handler):
                floor_response = floor_client.send_users_messages(**kwargs)
                floor_response.pop("ResponseMetadata")
                assert floor_response == parsed, "the floor must answer what the mock answered"
                before = mocked.recorded()
                result = compare(
                    {
                        "mock": mocked,
                        "floor": lambda kwargs=kwargs: floor_client.send_users_messages(**kwargs),
                        "stubber": stubbed,
                    },
                    rounds=settings.rounds,
                    budget=settings.budget,
                )
                leaked = mocked.recorded() - before - mocked.made
                assert leaked == 0, f"{leaked} floor/stubber calls reached the mock"
                # The same, reading every record after each call, in rounds of its own.
                reading = Recorded(mock, mock_client, kwargs, scenario.deliveries, read=True)
                read = compare(
                    {
                        "mock, records read": reading,
                        "floor": lambda kwargs=kwargs: floor_client.send_users_messages(**kwargs),
                    },
                    rounds=settings.rounds,
                    budget=settings.budget,
                )
                result["mock, records read"] = read["mock, records read"]
                result["floor (read rounds)"] = read["floor"]
            stubber.deactivate()
            stubber.assert_no_pending_responses()
            mock.engine.log.clear()  # what the next rounds keep alive should not depend on order
            medians[scenario.label] = result
            ratios[scenario.label] = {
                "mock/floor": result["mock"] / result["floor"],
                "mock/stubber": result["mock"] / result["stubber"],
                "read/floor": result["mock, records read"] / result["floor (read rounds)"],
            }

    # moto, in its own rounds against the same floor client; the mock is not active.
    from moto import mock_aws

    with mock_aws():
        moto_client = new_client()
        app = moto_client.create_app(CreateApplicationRequest={"Name": "bench"})
        app_id = app["ApplicationResponse"]["Id"]
        without_moto_hook(floor_client)  # a no-op unless moto was imported before figure 1
        for item in prepared:
            with registered(floor_client, event, item.floor_handler):
                result = compare(
                    {
                        "moto": lambda: moto_client.get_app(ApplicationId=app_id),
                        "floor": lambda kwargs=item.kwargs: floor_client.send_users_messages(
                            **kwargs
                        ),
                    },
                    rounds=settings.rounds,
                    budget=settings.budget,
                )
            label = item.scenario.label
            medians[label]["moto"] = result["moto"]
            medians[label]["floor (moto rounds)"] = result["floor"]
            moto_over_floor = result["moto"] / result["floor"]
            ratios[label]["mock/moto"] = ratios[label]["mock/floor"] / moto_over_floor

    print("1. per-call cost through boto3 (3 clients created identically; medians per call)")
    if moto_first:
        print("   note: moto was imported first; its hook was removed from these clients")
    rows = []
    for scenario in SCENARIOS:
        label = scenario.label
        m = medians[label]
        print(f"  {label}")
        candidates = [
            ("mock", "pinpoint_mock, recording on", m["mock"], ""),
            ("floor", "canned before-send response", m["floor"], ""),
            ("stubber", "botocore Stubber + add_response", m["stubber"], ""),
            (
                "read",
                "mock, then every record read",
                m["mock, records read"],
                f"   (own rounds; floor there {fmt(m['floor (read rounds)'])})",
            ),
            (
                "moto",
                "GetApp (moto has no SendUsersMessages)",
                m["moto"],
                f"   (own rounds, outside the mock; floor there {fmt(m['floor (moto rounds)'])})",
            ),
        ]
        for name, what, seconds, note in candidates:
            print(f"    {name:<8} {what:<38} {fmt(seconds):>10}{note}")
        r = ratios[label]
        group = f"per-call {label}"
        shown = [
            Row(group, "mock/floor", r["mock/floor"], "x", TARGETS[label]),
            Row(group, "mock/stubber", r["mock/stubber"], "x"),
            Row(
                group,
                "mock, records read/floor",
                r["read/floor"],
                "x",
                note="every record made and read after each call",
            ),
            Row(group, "mock/moto", r["mock/moto"], "x", note="= (mock/floor) / (moto/floor)"),
        ]
        for row in shown:
            print(row.line())
        rows += shown
        rows += [Row(group, f"{name} median", value, "s") for name, value in m.items()]
    return rows


def sized(users: int, endpoints_per_user: int) -> Scenario:
    """A request of ``users`` users with ``endpoints_per_user`` endpoints each (SMS, EMAIL, APNS
    in that order), built like those of figure 1 (1 x 1 and 100 x 3 are the same requests)."""
    if not 1 <= endpoints_per_user <= len(CHANNELS):
        raise ValueError(f"endpoints_per_user must be 1 to {len(CHANNELS)}")
    names = ("solo",) if users == 1 else tuple(f"user-{n}" for n in range(users))
    label = f"{users} user{'s' if users != 1 else ''} x {endpoints_per_user} endpoint"
    return Scenario(
        label + ("s" if endpoints_per_user != 1 else ""), names, CHANNELS[:endpoints_per_user]
    )


def measure(users: int, endpoints_per_user: int, settings: Settings) -> tuple[float, float]:
    """(mock, floor) median seconds per call for one request size, measured as in figure 1
    (same candidates, interleaved; no Stubber, no moto)."""
    from pinpoint_mock import mock_pinpoint

    scenario = sized(users, endpoints_per_user)
    mock_client, floor_client = (without_moto_hook(new_client()) for _ in range(2))
    event = "before-send.pinpoint.SendUsersMessages"
    with mock_pinpoint(seed=1) as mock:
        scenario.register(mock)
        item = prepare(mock, mock_client, scenario)
        mocked = Recorded(mock, mock_client, item.kwargs, scenario.deliveries)
        with registered(floor_client, event, item.floor_handler):
            floor_response = floor_client.send_users_messages(**item.kwargs)
            floor_response.pop("ResponseMetadata")
            assert floor_response == item.parsed, "the floor must answer what the mock answered"
            before = mocked.recorded()
            result = compare(
                {
                    "mock": mocked,
                    "floor": lambda: floor_client.send_users_messages(**item.kwargs),
                },
                rounds=settings.rounds,
                budget=settings.budget,
            )
            leaked = mocked.recorded() - before - mocked.made
            assert leaked == 0, f"{leaked} floor calls reached the mock"
    return result["mock"], result["floor"]


# -- figure 2: per-test fixture cost ------------------------------------------------------------


def per_test(settings: Settings) -> list[Row]:
    import boto3
    from moto import mock_aws

    from pinpoint_mock import mock_pinpoint

    # A session made after moto's import gives clients its hook, as in a suite using both.
    client = new_client(boto3.session.Session())
    assert has_moto_hook(client), "without moto's hook the moto candidates would reach AWS"
    kwargs = SCENARIOS[0].kwargs()
    seed = "123456:tests/test_signup.py::test_welcome_message"

    def pinpoint_bare() -> None:
        with mock_pinpoint(seed=seed):
            pass

    def pinpoint_test() -> None:
        with mock_pinpoint(seed=seed) as mock:
            mock.add_endpoint(user_id="solo", channel="SMS", address="+12060000000")
            client.send_users_messages(**kwargs)

    def moto_bare() -> None:
        with mock_aws():
            pass

    def moto_test() -> None:
        with mock_aws():
            app = client.create_app(CreateApplicationRequest={"Name": "bench"})
            client.get_app(ApplicationId=app["ApplicationResponse"]["Id"])

    def moto_test_inside() -> None:
        with mock_aws():
            inner = new_client()  # mock_aws resets boto3's default session: a fresh one
            app = inner.create_app(CreateApplicationRequest={"Name": "bench"})
            inner.get_app(ApplicationId=app["ApplicationResponse"]["Id"])

    with mock_pinpoint(seed=seed) as check:
        check.add_endpoint(user_id="solo", channel="SMS", address="+12060000000")
        client.send_users_messages(**kwargs)
        assert [call.status for call in check.calls] == [200]

    m = compare(
        {
            "pinpoint bare": pinpoint_bare,
            "pinpoint test": pinpoint_test,
            "moto bare": moto_bare,
            "moto test": moto_test,
        },
        rounds=settings.rounds,
        budget=settings.budget,
    )
    # Each of these makes a boto3 session: its garbage would be collected on the others' clocks.
    m |= compare(
        {"moto test, client inside": moto_test_inside},
        rounds=settings.rounds,
        budget=settings.budget,
    )
    group = "per-test fixture"
    rows = [
        Row(group, "mock_pinpoint enter+exit", m["pinpoint bare"], "s", 2e-3),
        Row(group, "mock_pinpoint + endpoint + 1 call", m["pinpoint test"], "s", 2e-3, "per test"),
        Row(group, "mock_aws enter+exit", m["moto bare"], "s"),
        Row(group, "mock_aws + create_app + get_app", m["moto test"], "s", note="client outside"),
        Row(
            group,
            "  same, client created inside",
            m["moto test, client inside"],
            "s",
            note="as moto's docs do; own rounds",
        ),
        Row(group, "pinpoint/moto enter+exit", m["pinpoint bare"] / m["moto bare"], "x"),
        Row(group, "pinpoint test/moto test", m["pinpoint test"] / m["moto test"], "x"),
        Row(
            group,
            "pinpoint test/moto test inside",
            m["pinpoint test"] / m["moto test, client inside"],
            "x",
        ),
    ]
    print("2. per-test fixture cost (one client created once, outside, after moto's import)")
    for row in rows:
        print(row.line())
    return rows


# -- figure 3: plugin cost ----------------------------------------------------------------------


def _env(pycache: Path, **extra: str) -> dict[str, str]:
    """The environment of the subprocesses: no inherited pytest settings, and bytecode cached
    under ``pycache`` (an installed package has its bytecode; the prefix keeps the cache out of the
    source tree, and PYTHONDONTWRITEBYTECODE, if set, would recompile our modules every run)."""
    env = dict(os.environ)
    for name in (
        "PYTEST_ADDOPTS",
        "PYTEST_PLUGINS",
        "PYTEST_DISABLE_PLUGIN_AUTOLOAD",
        "PYTHONDONTWRITEBYTECODE",
    ):
        env.pop(name, None)
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    env.update(extra)
    return env


def _run(args: list[str], cwd: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, check=False)


def _importtime(stderr: str) -> tuple[float, float]:
    """(self time of our modules, cumulative time of our outermost imports), in seconds."""
    own = outer = 0.0
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        self_us, cumulative_us, name = line[len("import time:") :].split("|")
        if not self_us.strip().isdigit():
            continue  # the header line
        module = name.strip()
        if module.split(".")[0] != "pinpoint_mock":
            continue
        own += int(self_us) / 1e6
        if len(name) - len(name.lstrip()) <= 1:  # top level (pytest itself was imported first)
            outer += int(cumulative_us) / 1e6
    return own, outer


#: Runs one pytest session in-process and reports its duration, so that interpreter start-up and
#: the import of pytest (the bulk of a subprocess's time, and of its noise) are left out.
DRIVER = """
import sys, time
import pytest
start = time.perf_counter()
plugins = []
if sys.argv[1] == "on":
    import pinpoint_mock.plugins.pytest_plugin as plugin
    plugins.append(plugin)
code = pytest.main(["-q", "-p", "no:cacheprovider", *sys.argv[2:]], plugins=plugins)
sys.stderr.write(f"\\nBENCH {time.perf_counter() - start!r} {int(code)}\\n")
"""


def _driven(args: list[str], cwd: str, env: dict[str, str]) -> tuple[float, int]:
    done = _run(args, cwd, env)
    line = [x for x in done.stderr.splitlines() if x.startswith("BENCH ")]
    assert line, done.stdout + done.stderr
    _, seconds, code = line[-1].split()
    return float(seconds), int(code)


@dataclass(frozen=True)
class Pair:
    """How to time one pytest run with and without our plugin."""

    label: str
    time: Callable[[bool, list[str]], tuple[float, int]]
    """(seconds, exit code) of a run, with the plugin or not, with extra pytest arguments."""


def _added(pair: Pair, runs: int) -> tuple[float, float, float, float, float]:
    """Medians with and without, and the median and quartiles of the paired differences."""
    # The plugin is really on in one and off in the other: only one knows its option.
    assert pair.time(True, ["--pinpoint-seed=1"])[1] == 0
    assert pair.time(False, ["--pinpoint-seed=1"])[1] != 0
    samples: dict[bool, list[float]] = {True: [], False: []}
    for n in range(runs):
        for plugin in (True, False) if n % 2 == 0 else (False, True):
            seconds, code = pair.time(plugin, [])
            assert code == 0, f"{pair.label}: pytest exited with {code}"
            samples[plugin].append(seconds)
    differences = [a - b for a, b in zip(samples[True], samples[False], strict=True)]
    low, middle, high = statistics.quantiles(differences, n=4)
    on, off = statistics.median(samples[True]), statistics.median(samples[False])
    return on, off, middle, low, high


def plugin_cost(settings: Settings) -> list[Row]:
    python = sys.executable
    group = "plugin"
    rows: list[Row] = []
    print(
        f"3. plugin cost for a pytest run that does not use it ({settings.pytest_runs} runs each,"
        " alternating; bytecode cached)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        tests = Path(tmp, "tests")
        tests.mkdir()
        (tests / "test_trivial.py").write_text("def test_trivial():\n    assert True\n")
        env = _env(Path(tmp, "pycache"))
        isolated = {**env, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}

        def subprocess_wall(plugin: bool, extra: list[str]) -> tuple[float, int]:
            args = [python, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
            args += [*([] if plugin else ["-p", "no:pinpoint_mock"]), *extra, str(tests)]
            start = time.perf_counter()
            done = _run(args, str(tests), env)
            return time.perf_counter() - start, done.returncode

        def in_process(plugin: bool, extra: list[str]) -> tuple[float, int]:
            args = [python, "-c", DRIVER, "on" if plugin else "off", *extra, str(tests)]
            return _driven(args, str(tests), isolated)

        pairs = [
            Pair("python -m pytest, all plugins; ours vs -p no:pinpoint_mock", subprocess_wall),
            Pair("pytest.main() in-process, autoload off; plugins=[ours] vs []", in_process),
        ]
        for pair in pairs:
            on, off, added, low, high = _added(pair, settings.pytest_runs)
            print(f"  {pair.label}")
            pair_rows = [
                Row(group, "pytest run with the plugin", on, "s"),
                Row(group, "pytest run without", off, "s"),
                Row(
                    group,
                    "added by the plugin",
                    added,
                    "s",
                    20e-3,
                    f"median of paired differences; quartiles {signed(low)}, {signed(high)}",
                    noisy=high - low > 20e-3,
                ),
                Row(group, "with/without", on / off, "x"),
            ]
            for row in pair_rows:
                print(row.line())
            rows += [replace(row, figure=f"{group}: {pair.label}") for row in pair_rows]

        code = "import pytest; import pinpoint_mock.plugins.pytest_plugin"
        own_samples, outer_samples = [], []
        for _ in range(settings.importtime_runs):
            done = _run([python, "-X", "importtime", "-c", code], tmp, env)
            own, outer = _importtime(done.stderr)
            own_samples.append(own)
            outer_samples.append(outer)

        probe = (
            "import json, sys; import pinpoint_mock.plugins.pytest_plugin; "
            f"print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {FORBIDDEN!r})))"
        )
        leaked = json.loads(_run([python, "-c", probe], tmp, env).stdout)

    print("  import of the plugin (-X importtime, pytest imported first)")
    import_rows = [
        Row(group, "our modules' self time", statistics.median(own_samples), "s"),
        Row(group, "cumulative, with what they import", statistics.median(outer_samples), "s"),
    ]
    for row in import_rows:
        print(row.line())
    tops = sorted({m.split(".")[0] for m in leaked})
    check = "ok, none imported" if not leaked else f"FAILED: imports {', '.join(tops)}"
    print(f"    importing the plugin imports no {'/'.join(FORBIDDEN)}: {check}")
    return [*rows, *import_rows, Row(group, "forbidden modules imported", len(leaked), "n", 0)]


# -- profile ------------------------------------------------------------------------------------


def profile(top: int = 10) -> None:
    """cProfile one 100 x 3 mock call; print our package's functions by cumulative time."""
    from pinpoint_mock import mock_pinpoint

    client = without_moto_hook(new_client())
    scenario = SCENARIOS[1]
    kwargs = scenario.kwargs()
    with mock_pinpoint(seed=1) as mock:
        scenario.register(mock)
        client.send_users_messages(**kwargs)  # warm
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(20):
            client.send_users_messages(**kwargs)
        profiler.disable()
    stats = pstats.Stats(profiler)
    import pinpoint_mock

    package = str(Path(pinpoint_mock.__file__).resolve().parent)
    entries = [
        (value[3] / 20, value[2] / 20, value[0] / 20, key)
        for key, value in stats.stats.items()  # type: ignore[attr-defined]
        if key[0].startswith(package)
    ]
    entries.sort(reverse=True)
    print(
        f"profile: one {scenario.label} mock call (mean of 20 under cProfile, which inflates"
        " small calls), functions of pinpoint_mock by cumulative time"
    )
    print(f"    {'cumulative':>10} {'own':>10} {'calls':>7}  function")
    for cumulative, own, calls, (path, line, name) in entries[:top]:
        where = f"{Path(path).relative_to(Path(package).parent)}:{line}({name})"
        print(f"    {fmt(cumulative):>10} {fmt(own):>10} {calls:>7.0f}  {where}")


# -- main ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> list[Row]:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_mock", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer rounds, for CI smoke runs")
    parser.add_argument("--profile", action="store_true", help="cProfile a 100 x 3 mock call")
    options = parser.parse_args(argv)
    settings = QUICK if options.quick else FULL

    versions = ", ".join(
        f"{name} {metadata.version(name)}" for name in ("boto3", "botocore", "moto", "pytest")
    )
    mode = "quick" if options.quick else "full"
    print(f"pinpoint-mock cost ({mode}; python {sys.version.split()[0]}, {versions})")
    rows = per_call(settings)
    rows += per_test(settings)
    rows += plugin_cost(settings)
    if options.profile:
        profile()

    judged = [row for row in rows if row.met is not None]
    print(f"targets met: {sum(bool(row.met) for row in judged)}/{len(judged)}")
    for row in judged:
        if not row.met:
            print(f"  NOT MET: {row.figure}: {row.name}")
    for row in rows:
        if row.noisy:
            print(f"  too noisy to judge: {row.figure}: {row.name}")
    return rows


if __name__ == "__main__":
    main()
