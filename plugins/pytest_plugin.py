"""pytest plugin: the ``pinpoint`` fixture, the ``pinpoint`` marker and ``--pinpoint-seed``.

Importing this module imports nothing but pytest; the mock is imported when a test asks for it.
"""

from __future__ import annotations

import os
import random
from collections.abc import Generator
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from faker import Faker

    from pinpoint_mock.factories import PinpointFactory
    from pinpoint_mock.mock import PinpointMock
    from pinpoint_mock.parity import Parity
    from pinpoint_mock.server import PinpointServer, ServerHandle

    from .report import ReportCollector

_SEED_KEY = pytest.StashKey[str]()
_REPORT_KEY: pytest.StashKey[ReportCollector] = pytest.StashKey()
_USED_KEY = pytest.StashKey[str]()
_CALL_REPORT = pytest.StashKey[pytest.TestReport]()


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("pinpoint-mock")
    group.addoption(
        "--pinpoint-seed",
        default=None,
        help="seed for pinpoint-mock ids and chaos (default: pinpoint_seed ini, else random)",
    )
    group.addoption(
        "--pinpoint-report",
        default=None,
        metavar="PATH",
        help="write an HTML page of every Pinpoint call and delivery, per test",
    )
    parser.addini("pinpoint_seed", "default seed for pinpoint-mock", default="")
    parser.addini(
        "pinpoint_strict_applications",
        "answer 404 for application ids the test did not register",
        type="bool",
        default=False,
    )
    parser.addini(
        "pinpoint_simulator", "simulator addresses decide outcomes", type="bool", default=True
    )
    parser.addini(
        "pinpoint_end_of_support",
        "refuse the Pinpoint operations AWS retired on 2026-10-30 (403 ForbiddenException)",
        type="bool",
        default=False,
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "pinpoint(**options): options for the pinpoint fixture, as for mock_pinpoint()",
    )
    seed = config.getoption("--pinpoint-seed") or config.getini("pinpoint_seed")
    if not seed:
        # Workers of one xdist run share this id, so they agree on the session seed.
        run_id = os.environ.get("PYTEST_XDIST_TESTRUNUID")
        seed = str(int(run_id[:8], 16)) if run_id else str(random.randrange(10**6))
    config.stash[_SEED_KEY] = str(seed)
    report_path = config.getoption("--pinpoint-report")
    if report_path:  # only then: the collector's hooks cost nothing otherwise
        from .report import ReportCollector

        config.stash[_REPORT_KEY] = ReportCollector.install(config, report_path, str(seed))


def pytest_report_header(config: pytest.Config) -> str:
    return f"pinpoint-mock: --pinpoint-seed={config.stash[_SEED_KEY]}"


@pytest.fixture
def pinpoint(request: pytest.FixtureRequest) -> Generator[PinpointMock, None, None]:
    """A fresh fake Pinpoint for this test: every boto3 Pinpoint client is served by it."""
    from pinpoint_mock.errors import PinpointMockError
    from pinpoint_mock.mock import PinpointMock, warn_unfired

    config = request.config
    options: dict[str, Any] = {
        "strict_applications": config.getini("pinpoint_strict_applications"),
        "simulator": config.getini("pinpoint_simulator"),
        "end_of_support": config.getini("pinpoint_end_of_support"),
    }
    marker = request.node.get_closest_marker("pinpoint")
    if marker is not None:
        if marker.args:
            raise pytest.UsageError("@pytest.mark.pinpoint takes keyword arguments only")
        options.update(marker.kwargs)
    session_seed = config.stash[_SEED_KEY]
    options.setdefault("seed", f"{session_seed}:{request.node.nodeid}")
    request.node.stash[_USED_KEY] = session_seed
    mock = PinpointMock(**options)
    missing = None
    try:
        mock.start()
    except PinpointMockError as error:  # no extra to catch calls with: say which to install
        missing = str(error)
    if missing is not None:
        pytest.fail(missing, pytrace=False)
    try:
        yield mock
    finally:
        mock.stop()
    collector = config.stash.get(_REPORT_KEY, None)
    if collector is not None:
        collector.record(request.node, "pinpoint", mock)
    report = request.node.stash.get(_CALL_REPORT, None)
    if report is not None and report.passed:
        warn_unfired(mock, at=_test_line(request.node))


def _test_line(item: pytest.Item) -> tuple[str, int] | None:
    """The file and line (1-based) where ``item``'s test function is defined, for warnings
    about the test as a whole."""
    path, line, _ = item.reportinfo()
    return None if line is None else (str(path), line + 1)


@pytest.fixture
def pinpoint_parity(request: pytest.FixtureRequest) -> Parity:
    """A :class:`~pinpoint_mock.parity.Parity` for this test, seeded like the ``pinpoint``
    fixture: ``pinpoint_parity.setup(world)``, then ``pinpoint_parity.assert_same(old, new)``."""
    from pinpoint_mock.parity import Parity

    session_seed = request.config.stash[_SEED_KEY]
    request.node.stash[_USED_KEY] = session_seed
    return Parity(seed=f"{session_seed}:{request.node.nodeid}:parity")


@pytest.fixture
def pinpoint_factory(request: pytest.FixtureRequest) -> PinpointFactory:
    """Believable users, endpoints and requests for this test (needs Faker), seeded like the
    ``pinpoint`` fixture: the session seed (or the marker's ``seed``) and the test's node id."""
    from pinpoint_mock.factories import PinpointFactory

    session_seed = request.config.stash[_SEED_KEY]
    marker = request.node.get_closest_marker("pinpoint")
    base = marker.kwargs.get("seed") if marker is not None else None
    if base is None:
        base = f"{session_seed}:{request.node.nodeid}"
    request.node.stash[_USED_KEY] = session_seed
    return PinpointFactory(f"{base}:factory")


@pytest.fixture
def pinpoint_faker(pinpoint_factory: PinpointFactory) -> Faker:
    """A Faker with the Pinpoint provider (``e164_phone_number``, ``apns_device_token``…),
    seeded for this test; the same random stream as ``pinpoint_factory``."""
    return pinpoint_factory.faker


@pytest.fixture(scope="session")
def pinpoint_server_session(
    request: pytest.FixtureRequest,
) -> Generator[PinpointServer, None, None]:
    """One standalone server per test session (per xdist worker), on a free loopback port."""
    from pinpoint_mock.mock import PinpointMock
    from pinpoint_mock.server import PinpointServer

    server = PinpointServer(PinpointMock(seed=request.config.stash[_SEED_KEY])).start()
    yield server
    server.stop()


_CLIENT_ENV = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
}


@pytest.fixture
def pinpoint_server(
    pinpoint_server_session: PinpointServer,
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
) -> Generator[ServerHandle, None, None]:
    """The session's server, reset for this test, as a typed
    :class:`~pinpoint_mock.server.ServerHandle`: ``url`` for SDKs and subprocesses (also set as
    ``AWS_ENDPOINT_URL_PINPOINT``, ``AWS_ENDPOINT_URL_SESV2`` and
    ``AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2``), ``mock``, and the same
    Python API as the ``pinpoint`` fixture (``add_endpoint``, ``outcome``, ``sent``,
    ``assert_sent``…)."""
    from pinpoint_mock.server import ServerHandle

    server = pinpoint_server_session
    server.check()  # an error left by an earlier test is not this test's
    session_seed = request.config.stash[_SEED_KEY]
    server.mock.reset()
    server.mock.reseed(f"{session_seed}:{request.node.nodeid}")
    request.node.stash[_USED_KEY] = session_seed
    monkeypatch.setenv("AWS_ENDPOINT_URL_PINPOINT", server.url)
    monkeypatch.setenv("AWS_ENDPOINT_URL_SESV2", server.url)
    monkeypatch.setenv("AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2", server.url)
    for name, value in _CLIENT_ENV.items():
        if name not in os.environ:
            monkeypatch.setenv(name, value)
    yield ServerHandle(server)
    collector = request.config.stash.get(_REPORT_KEY, None)
    if collector is not None:
        collector.record(request.node, "pinpoint_server", server.mock)
    server.check()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if report.when == "call":
        item.stash[_CALL_REPORT] = report
    seed = item.stash.get(_USED_KEY, None)
    if seed is not None and report.failed:
        report.sections.append(
            (
                "pinpoint-mock",
                f"seed {seed}; replay with: pytest '{item.nodeid}' --pinpoint-seed={seed}",
            )
        )
    return report
