"""The README's Install section works as written: its wheel line builds a wheel and installs it
with the ``aws`` extra into a fresh venv (LICENSE included), the extras it names exist, and the
LICENSE is the Apache License 2.0 that pyproject.toml declares."""

from __future__ import annotations

import re
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text()
PYPROJECT = (ROOT / "pyproject.toml").read_text()


def install_block() -> list[str]:
    section = README[README.index("## Install\n") : README.index("## Quick start")]
    block = section[section.index("```bash\n") + len("```bash\n") :]
    block = block[: block.index("```")]
    return [line.split("  #")[0].strip() for line in block.strip().splitlines()]


def extras() -> set[str]:
    table = PYPROJECT[PYPROJECT.index("[project.optional-dependencies]") :]
    table = table[: table.index("\n[", 1)]
    return set(re.findall(r"^([a-z]+) = \[", table, re.MULTILINE))


def test_license_is_the_apache_license_pyproject_declares() -> None:
    text = (ROOT / "LICENSE").read_text()
    assert 'license = "Apache-2.0"' in PYPROJECT
    assert text.split()[:4] == ["Apache", "License", "Version", "2.0,"]
    assert "TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION" in text
    assert "END OF TERMS AND CONDITIONS" in text
    assert "[LICENSE](LICENSE)" in README


def test_install_names_the_clone_the_wheel_and_the_release_forms() -> None:
    lines = install_block()
    assert lines[0] == "pip install -e '.[aws]'"
    assert lines[1] == "pip install -e '.[aws,faker]'"
    assert lines[2].startswith("python -m pip wheel --no-deps -w dist . && pip install ")
    assert "Once a release is published, `pip install 'pinpoint-mock[aws]'`" in README
    named = {"aws", "faker", "requests", "hypothesis"}
    for extra in named:
        assert f"`{extra}`" in README[: README.index("## Quick start")], extra
    assert named <= extras()


@pytest.mark.slow
def test_the_wheel_line_installs_in_a_fresh_venv(tmp_path: Path) -> None:
    """The README's wheel line, run in bash from a copy of the clone, with ``pip`` installing
    into a fresh venv (this process's pip, pointed at it); the wheel carries the LICENSE."""
    clone = tmp_path / "clone"
    files = (
        subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        )
        .stdout.decode()
        .split("\0")
    )
    for name in filter(None, files):
        source = ROOT / name
        if source.is_file() and not name.startswith("tests/system/js/node_modules"):
            target = clone / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
    env_dir = tmp_path / "venv"
    venv.create(env_dir)  # no pip of its own: the shim below installs into it
    shims = tmp_path / "bin"
    shims.mkdir()
    (shims / "pip").write_text(
        f'#!/bin/sh\nexec "{sys.executable}" -m pip --python "{env_dir}/bin/python" "$@" -q\n'
    )
    (shims / "python").write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n')
    for shim in ("pip", "python"):
        (shims / shim).chmod(0o755)
    line = install_block()[2]
    done = subprocess.run(
        ["bash", "-e", "-c", line],
        cwd=clone,
        capture_output=True,
        text=True,
        env={"PATH": f"{shims}:/usr/bin:/bin", "HOME": str(tmp_path)},
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    check = (
        "import importlib.metadata as m, pinpoint_mock, botocore, boto3\n"
        "files = [str(f) for f in m.files('pinpoint-mock')]\n"
        "print(m.metadata('pinpoint-mock')['License-Expression'])\n"
        "print(any(f.endswith('LICENSE') for f in files))\n"
        "print('site-packages' in pinpoint_mock.__file__)\n"
    )
    result = subprocess.run(
        [str(env_dir / "bin" / "python"), "-c", check],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["Apache-2.0", "True", "True"]
