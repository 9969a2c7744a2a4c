"""docs/migration.md stays true: its Python blocks compile, its refusal text is the mock's, and
its diff tables are what the regressions produce."""

from __future__ import annotations

import re
from pathlib import Path

from pinpoint_mock.parity import Parity
from pinpoint_mock.services.pinpoint.retired import MESSAGE

from . import regressions
from .test_migration import new, old, world

DOC = Path(__file__).resolve().parents[3] / "docs" / "migration.md"


def test_python_blocks_compile() -> None:
    blocks = re.findall(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert len(blocks) >= 4
    for number, block in enumerate(blocks):
        compile(block, f"migration.md block {number}", "exec")


def test_the_refusal_is_quoted_verbatim() -> None:
    assert MESSAGE in DOC.read_text(encoding="utf-8")


def test_the_tables_are_what_the_regressions_give() -> None:
    text = DOC.read_text(encoding="utf-8")
    parity = Parity(world, seed="docs")
    for kind in (
        regressions.DroppedRecipient,
        regressions.LostSubstitution,
        regressions.OptOutIgnored,
    ):
        rows = str(parity.compare(old, new(kind))).splitlines()
        assert rows[3] in text, rows[3]  # the first row of differences
    assert "parity: 1 difference(s) between pinpoint and rewrite (7 vs 4 deliveries)" in text
