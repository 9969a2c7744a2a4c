"""The package's public names: the lazy exports, the names type checkers see, and the version."""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import pytest

import pinpoint_mock
from pinpoint_mock import _version

INIT = Path(pinpoint_mock.__file__)
ROOT = INIT.parent.parent


def type_checking_imports() -> dict[str, str]:
    """Name -> absolute module of every import inside ``if TYPE_CHECKING:`` in __init__."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    found: dict[str, str] = {}
    blocks = [
        node
        for node in tree.body
        if isinstance(node, ast.If)
        and isinstance(node.test, ast.Name)
        and node.test.id == "TYPE_CHECKING"
    ]
    assert len(blocks) == 1, "expected one `if TYPE_CHECKING:` block in pinpoint_mock/__init__"
    for statement in blocks[0].body:
        assert isinstance(statement, ast.ImportFrom), ast.dump(statement)
        assert statement.level in (0, 1), "import from the package itself"
        module = statement.module or ""
        if statement.level == 1:
            module = f"pinpoint_mock.{module}" if module else "pinpoint_mock"
        for alias in statement.names:
            # `from x import a as a` re-exports; `as` another name would not match the export
            assert alias.asname in (None, alias.name), f"{alias.name} imported as {alias.asname}"
            assert alias.name not in found, f"{alias.name} imported twice"
            found[alias.name] = module
    return found


def test_lazy_exports_and_the_type_checking_block_agree() -> None:
    assert type_checking_imports() == pinpoint_mock._EXPORTS
    assert pinpoint_mock.__all__ == sorted(pinpoint_mock._EXPORTS)


@pytest.mark.parametrize("name", sorted(pinpoint_mock._EXPORTS))
def test_every_export_resolves_to_its_module_attribute(name: str) -> None:
    module = importlib.import_module(pinpoint_mock._EXPORTS[name])
    assert getattr(pinpoint_mock, name) is getattr(module, name)


def test_exports_resolve_lazily_in_a_fresh_interpreter() -> None:
    names = sorted(pinpoint_mock._EXPORTS)
    code = (
        "import sys, pinpoint_mock\n"
        "eager = sorted(m for m in ('pinpoint_mock.mock', 'pinpoint_mock.contract') "
        "if m in sys.modules)\n"
        f"resolved = [n for n in {names!r} if getattr(pinpoint_mock, n, None) is not None]\n"
        "print(eager, len(resolved))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.split() == ["[]", str(len(names))]


def test_an_unknown_name_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="has no attribute 'mock_pinpont'"):
        _ = pinpoint_mock.mock_pinpont  # type: ignore[attr-defined]


def test_the_version_lives_in_one_place() -> None:
    assert pinpoint_mock.__version__ == _version.__version__
    tomllib = pytest.importorskip("tomllib")
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"]
    assert "version" in project["project"]["dynamic"]
    dynamic = project["tool"]["setuptools"]["dynamic"]["version"]
    assert dynamic == {"attr": "pinpoint_mock._version.__version__"}
