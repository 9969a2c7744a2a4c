"""The wheel carries the contracts: build it, install it in a fresh venv, validate from there."""

from __future__ import annotations

import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


def test_wheel_installs_and_validates_in_a_fresh_venv(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
        check=True,
    )
    (wheel,) = dist.glob("pinpoint_mock-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir)  # no pip of its own: this process's pip installs into it
    python = env_dir / "bin" / "python"
    install = [sys.executable, "-m", "pip", "--python", str(python), "install", "-q"]
    subprocess.run([*install, "--no-deps", str(wheel)], check=True)
    script = (
        "import pinpoint_mock, json, sys\n"
        "from importlib.resources import files\n"
        "names = sorted(p.name for p in files('pinpoint_mock.contracts').iterdir())\n"
        "assert 'send-users-messages.request.json' in names, names\n"
        "assert 'overlay.json' in names and 'README.md' in names, names\n"
        "bad = pinpoint_mock.validate({'MessageConfiguration': {'SMSMessage': "
        "{'MessageType': 'PROMO'}}, 'Users': {'u': {}}})\n"
        "print(bad.errors[0].message)\n"
        "assert 'site-packages' in pinpoint_mock.__file__\n"
    )
    result = subprocess.run(
        [str(python), "-c", script], capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "MessageConfiguration.SMSMessage.MessageType: 'PROMO' is not one of "
        "TRANSACTIONAL, PROMOTIONAL"
    )
    cli = subprocess.run(
        [
            str(env_dir / "bin" / "pinpoint-mock"),
            "validate",
            str(ROOT / "docs/examples/send-users-messages.json"),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert cli.returncode == 0, cli.stdout + cli.stderr
