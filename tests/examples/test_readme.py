"""The README's code blocks, run from README.md itself.

pytest-examples finds every Python block of the README (its line numbers show in a failure's
traceback); each runs as its own module, with the names the README's prose gives it: the
production code under test, ``send_reminders`` from ``tests/examples/app/reminders.py``. A block
that defines ``test_*`` functions is run like a test: each is called with the fixtures it names.
Blocks in other languages are listed in ``NOT_RUN_HERE`` with the reason and the test that runs
them, so a new block cannot go unnoticed.
"""

from __future__ import annotations

import inspect
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from pytest_examples import CodeExample, EvalExample, find_examples

from tests.examples.app import reminders

README = Path(__file__).resolve().parents[2] / "README.md"

#: (heading, fence language) -> why the block is not run here, and where it is.
NOT_RUN_HERE = {
    ("Install", "bash"): "pip installs: run by test_readme_install.py (the wheel line)",
    ("Quick start", "bash"): (
        "makes virtual environments; its validate command is run by "
        "test_readme_validate.py::test_quick_start_example_is_valid, its test command is this suite"
    ),
    ("Server mode, for any language", "bash"): (
        "a server and the AWS CLI: run in bash by test_readme_server.py"
    ),
    ("Validate requests: `pinpoint-mock validate`", "console"): (
        "an output listing: compared line by line by test_readme_validate.py"
    ),
}

#: Functions a block defines without calling them, called here as the prose says they work.
CALLED = {"check": "the decorator form gives the function its `pinpoint` itself"}

FENCE = re.compile(r"^```(\S*)", re.MULTILINE)
HEADING = re.compile(r"^#{2,6} (.+)$", re.MULTILINE)


def heading_at(text: str, index: int) -> str:
    """The title of the section ``index`` is in."""
    titles = [m.group(1).strip() for m in HEADING.finditer(text, 0, index)]
    return titles[-1] if titles else ""


def fenced_blocks(text: str) -> list[tuple[str, str]]:
    """(heading, language) of every fenced block, in order."""
    opening = [m for i, m in enumerate(FENCE.finditer(text)) if i % 2 == 0]
    return [(heading_at(text, m.start()), m.group(1)) for m in opening]


def example_id(example: CodeExample) -> str:
    text = README.read_text()
    index = sum(len(line) + 1 for line in text.splitlines()[: example.start_line - 1])
    slug = re.sub(r"[^a-z0-9]+", "-", heading_at(text, index).lower()).strip("-")
    return f"line{example.start_line}-{slug}"


def parameters(function: Any) -> list[tuple[str, Any, Any]]:
    """Names, kinds and defaults (the README leaves the annotations out)."""
    signature = inspect.signature(function)
    return [(p.name, p.kind, p.default) for p in signature.parameters.values()]


EXAMPLES = list(find_examples(README))


def test_every_block_is_run_here_or_listed() -> None:
    blocks = fenced_blocks(README.read_text())
    python = [block for block in blocks if block[1] in {"py", "python"}]
    assert len(python) == len(EXAMPLES) >= 5
    others = [block for block in blocks if block[1] not in {"py", "python"}]
    assert sorted(others) == sorted(NOT_RUN_HERE), "classify the README's new or renamed blocks"


@pytest.mark.parametrize("example", EXAMPLES, ids=example_id)
def test_readme_block(
    example: CodeExample,
    eval_example: EvalExample,
    request: pytest.FixtureRequest,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # pytest-examples runs a block as the module __main__: the real one comes back afterwards.
    monkeypatch.setitem(sys.modules, "__main__", sys.modules["__main__"])
    names = eval_example.run(example, module_globals={"send_reminders": reminders.send_reminders})
    ran = 0
    for name, value in names.items():
        if not inspect.isfunction(value) or value.__module__ != "__main__":
            continue
        if hasattr(reminders, name):
            # An excerpt of the production code: its parameters are the real ones.
            assert parameters(value) == parameters(getattr(reminders, name)), name
            ran += 1
        elif name.startswith("test_"):
            fixtures = {
                arg: request.getfixturevalue(arg) for arg in inspect.signature(value).parameters
            }
            value(**fixtures)
            ran += 1
        elif name in CALLED:
            value()
            ran += 1
    printed = capsys.readouterr().out.splitlines()
    for line in printed:  # what a block prints is shown below its print() as "# ..." comments
        assert f"# {line}\n" in example.source, line
    assert ran or printed or "assert " in example.source, "this block checks nothing"
