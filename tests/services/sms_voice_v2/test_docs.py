"""docs/sms-voice-v2.md: its Python blocks run as written; its simulator table is the code's."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

from pinpoint_mock.services.sms_voice_v2.numbers import SIMULATOR_DESTINATIONS

PAGE = Path(__file__).resolve().parents[3] / "docs" / "sms-voice-v2.md"
TEXT = PAGE.read_text(encoding="utf-8")
BLOCKS = re.findall(r"```python\n(.*?)```", TEXT, re.DOTALL)


def test_the_python_blocks_run_and_print_what_they_say() -> None:
    assert len(BLOCKS) == 2
    for block in BLOCKS:
        namespace: dict[str, object] = {}
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            exec(compile(block, str(PAGE), "exec"), namespace)
            for name, value in namespace.items():
                if name.startswith("test_") and callable(value):
                    value()
        expected = [
            line.strip()[2:] for line in block.splitlines() if line.strip().startswith("# ")
        ]
        assert out.getvalue().splitlines() == expected


def test_the_simulator_table_is_the_codes() -> None:
    rows = re.findall(r"^\| [A-Z][A-Za-z ]+ \| (\+\d+) \| (\+\d+) \|$", TEXT, re.MULTILINE)
    documented = {n: True for n, _ in rows} | {n: False for _, n in rows}
    assert documented == {n: ok for n, (_, ok) in SIMULATOR_DESTINATIONS.items()}
