"""The wheel ships every package of the source tree (the list in pyproject is explicit)."""

from __future__ import annotations

from pathlib import Path

import pytest

tomllib = pytest.importorskip("tomllib")

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    on_disk = {
        ".".join(("pinpoint_mock", *init.parent.relative_to(ROOT / "pinpoint_mock").parts))
        for init in (ROOT / "pinpoint_mock").rglob("__init__.py")
    }
    mapped = set(config["package-dir"])
    assert on_disk - listed == set(), "packages missing from [tool.setuptools] packages"
    assert listed - on_disk - mapped == set(), "packages listed that do not exist"
