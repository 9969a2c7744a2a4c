"""tests/system/conftest.py: the suite installs the JS SDK itself, and a missing tool is a skip
that says how to get it, or a failure in CI (``PINPOINT_MOCK_REQUIRE_TOOLS=1``)."""

from __future__ import annotations

import json
import shutil
import threading
from pathlib import Path

import pytest

from tests.system.conftest import JS_DIR, NO_NODE, install_sdk, missing, sdk_installed


def local_package(root: Path) -> Path:
    """A package whose one dependency is a local folder: npm ci installs it offline."""
    (root / "dep").mkdir(parents=True)
    (root / "dep" / "package.json").write_text('{"name": "dep", "version": "1.0.0"}')
    manifest = {"name": "t", "version": "1.0.0", "private": True}
    dependencies = {"dep": "file:dep"}
    (root / "package.json").write_text(json.dumps({**manifest, "dependencies": dependencies}))
    lock = {
        **manifest,
        "lockfileVersion": 3,
        "requires": True,
        "packages": {
            "": {"name": "t", "version": "1.0.0", "dependencies": {"dep": "file:dep"}},
            "dep": {"version": "1.0.0"},
            "node_modules/dep": {"resolved": "dep", "link": True},
        },
    }
    (root / "package-lock.json").write_text(json.dumps(lock))
    return root


def test_the_suite_runs_npm_ci_itself_once_across_workers(tmp_path: Path) -> None:
    if shutil.which("npm") is None:
        missing(NO_NODE)
    package = local_package(tmp_path / "js")
    assert not sdk_installed(package)
    lock = tmp_path / "npm.lock"
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            install_sdk(package, lock)
        except BaseException as error:  # pytest.fail is a BaseException
            errors.append(error)

    threads = [threading.Thread(target=worker) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sdk_installed(package)
    assert (package / "node_modules" / "dep" / "package.json").is_file()


def test_an_unfinished_install_is_not_taken_for_an_installed_sdk(tmp_path: Path) -> None:
    package = local_package(tmp_path / "js")
    (package / "node_modules" / "dep").mkdir(parents=True)  # no .package-lock.json: cut short
    assert not sdk_installed(package)
    (package / "node_modules" / ".package-lock.json").write_text("{}")
    assert sdk_installed(package)
    manifest = json.loads((JS_DIR / "package.json").read_text())
    assert "@aws-sdk/client-pinpoint" in manifest["dependencies"]


def test_a_missing_tool_skips_saying_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PINPOINT_MOCK_REQUIRE_TOOLS", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"Node.js 18\+ with npm.*npm ci --prefix"):
        missing(NO_NODE)


@pytest.mark.parametrize("value", ["1", "true"])
def test_in_ci_a_missing_tool_fails(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("PINPOINT_MOCK_REQUIRE_TOOLS", value)
    with pytest.raises(pytest.fail.Exception, match="PINPOINT_MOCK_REQUIRE_TOOLS is set"):
        missing(NO_NODE)


def test_ci_requires_the_tools() -> None:
    script = (Path(__file__).resolve().parents[2] / ".ci" / "run").read_text()
    tests = script[script.index('echo "== tests') :]
    assert "PINPOINT_MOCK_REQUIRE_TOOLS=1" in tests
    assert "\npython -m pytest\n" in tests  # the README's command, as written
