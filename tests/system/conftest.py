"""What the real-client and browser tests need from the machine, got or explained here.

- ``js_sdk``: the AWS SDK for JavaScript v3 under ``tests/system/js``. When its
  ``node_modules`` is missing and npm is there, the session installs it (``npm ci``, once, under
  a lock shared by the xdist workers). Tests named ``test_js_sdk_*`` get it without asking.
- ``chromium``: a headless Chromium for the report and inbox tests. It cannot be installed
  from inside the suite, so without it those tests are skipped with a reason saying how to get
  it.

Outside CI, what is missing (Node.js and npm, Chromium) is a skip that says how to get it, so
that ``python -m pytest`` passes on a fresh machine. CI sets ``PINPOINT_MOCK_REQUIRE_TOOLS=1``
(``.ci/run`` does): then every such skip is a failure, and CI never skips these tests.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.system.browser_support import MISSING, find_chromium

JS_DIR = Path(__file__).resolve().parent / "js"
REQUIRE_TOOLS = "PINPOINT_MOCK_REQUIRE_TOOLS"
"""Set to 1 (CI does) to turn a missing tool into a failure instead of a skip."""
NO_NODE = (
    "Node.js 18+ with npm is not on PATH: the AWS SDK for JavaScript tests need it "
    "(install Node.js from https://nodejs.org or your distribution's nodejs and npm packages; "
    "the suite then installs the SDK itself with `npm ci --prefix tests/system/js`)"
)


def missing(reason: str) -> None:
    """Skip the test for a tool the machine lacks, or fail it when CI requires the tools."""
    __tracebackhide__ = True
    if os.environ.get(REQUIRE_TOOLS, "") not in ("", "0"):
        pytest.fail(f"{reason} [{REQUIRE_TOOLS} is set: required here]", pytrace=False)
    pytest.skip(reason)


def sdk_installed(directory: Path = JS_DIR) -> bool:
    """Whether every dependency of ``directory``'s package.json is in its node_modules (npm
    writes node_modules/.package-lock.json last, when an install completed)."""
    import json

    modules = directory / "node_modules"
    if not (modules / ".package-lock.json").is_file():
        return False
    manifest = json.loads((directory / "package.json").read_text())
    return all((modules / name).is_dir() for name in manifest.get("dependencies", {}))


@contextlib.contextmanager
def exclusive(lock: Path) -> Iterator[None]:
    """Hold an exclusive lock on the file ``lock`` (every xdist worker of a session sees the
    same file), where the platform has ``fcntl``."""
    try:
        import fcntl
    except ImportError:  # Windows: npm ci is not run concurrently there by this suite's CI
        yield
        return
    with lock.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def install_sdk(directory: Path, lock: Path) -> None:
    """``npm ci`` in ``directory`` unless its SDK is installed, once across the workers."""
    with exclusive(lock):
        if sdk_installed(directory):  # another worker did it while this one waited
            return
        npm = shutil.which("npm")
        if npm is None:
            missing(NO_NODE)
            return
        done = subprocess.run(
            [npm, "ci", "--prefix", str(directory), "--no-audit", "--no-fund"],
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        if done.returncode != 0 or not sdk_installed(directory):
            pytest.fail(
                f"`npm ci --prefix {directory}` failed ({done.returncode}):\n"
                f"{done.stdout[-2000:]}{done.stderr[-3000:]}",
                pytrace=False,
            )


@pytest.fixture(scope="session")
def js_sdk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/system/js with the AWS SDK for JavaScript v3 installed (``npm ci`` run here when
    needed), and Node.js on PATH; skipped with a how-to reason when Node.js or npm is missing."""
    if shutil.which("node") is None:
        missing(NO_NODE)
    if not sdk_installed():
        root = tmp_path_factory.getbasetemp().parent  # shared by the session's xdist workers
        install_sdk(JS_DIR, root / "pinpoint-mock-npm-ci.lock")
    return JS_DIR


@pytest.fixture(autouse=True)
def _js_sdk_for_its_tests(request: pytest.FixtureRequest) -> None:
    """``test_js_sdk_*`` tests run the SDK (tests/system/test_clients.py): install it first."""
    if request.node.name.startswith("test_js_sdk"):
        request.getfixturevalue("js_sdk")


@pytest.fixture(scope="session")
def chromium() -> str:
    """The headless Chromium binary (``$CHROMIUM``, else the distribution's); skipped with a
    how-to reason when there is none (a failure under ``PINPOINT_MOCK_REQUIRE_TOOLS=1``)."""
    binary = find_chromium()
    if binary is None:
        missing(MISSING)
    assert binary is not None
    return binary
