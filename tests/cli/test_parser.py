"""The pinpoint-mock parser and main: usage errors, the console script, --version."""

from __future__ import annotations

import io
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

import pinpoint_mock
from pinpoint_mock.cli import build_parser, main


def test_usage_errors_exit_two() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pinpoint_mock", "validate"], capture_output=True, text=True
    )
    assert result.returncode == 2
    assert "the following arguments are required: FILE" in result.stderr


def test_console_script_runs_without_traceback(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(b"{nope")
    result = subprocess.run(
        [sys.executable, "-m", "pinpoint_mock", "validate", str(path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stdout + result.stderr
    assert "line 1, column 2" in result.stdout


def test_every_command_is_on_the_parser() -> None:
    parser = build_parser()
    for command in ("validate", "contracts", "serve", "fake"):
        args = parser.parse_args(
            [
                command,
                *{"validate": ["x.json"], "contracts": ["check"], "fake": ["users"]}.get(
                    command, []
                ),
            ]
        )
        assert args.command == command
        assert callable(args.handler)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"pinpoint-mock {pinpoint_mock.__version__}"


def test_the_console_script_and_both_module_forms_run_main(tmp_path: Path) -> None:
    (script,) = [e for e in entry_points(group="console_scripts") if e.name == "pinpoint-mock"]
    assert script.value == "pinpoint_mock.cli:main"
    assert script.load() is main
    path = tmp_path / "list.json"
    path.write_text("[1]")
    for module in ("pinpoint_mock", "pinpoint_mock.cli"):
        result = subprocess.run(
            [sys.executable, "-m", module, "validate", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 1, (module, result.stderr)
        assert "the request is a list, expected a JSON object" in result.stdout


def test_errors_of_a_command_exit_two_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    out = io.StringIO()
    assert main(["serve", "--port", "70000"], out=out) == 2
    assert out.getvalue() == ""
    assert capsys.readouterr().err == "pinpoint-mock: error: --port 70000: expected 0 to 65535\n"
