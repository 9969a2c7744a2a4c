"""The README's `pinpoint-mock validate` blocks (shell and console), run as commands; its Python
block runs from README.md in test_readme.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_validate_command_on_the_broken_example() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "pinpoint_mock", "validate", "docs/examples/broken-request.json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 1
    readme = (ROOT / "README.md").read_text()
    for line in result.stdout.splitlines():
        # The README shortens two long lines with "..."; every other line is verbatim.
        if "..." not in line and "allowed here" not in line and "has no value" not in line:
            assert line in readme, line
    assert result.stdout.splitlines()[-1] in readme


def test_quick_start_example_is_valid() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pinpoint_mock",
            "validate",
            "docs/examples/send-users-messages.json",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout
