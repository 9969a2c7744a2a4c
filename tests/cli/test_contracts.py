"""pinpoint-mock contracts build|check: the checked-in schemas match what botocore generates."""

from __future__ import annotations

import io
from pathlib import Path

from pinpoint_mock.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_contracts_check_passes_and_build_regenerates(tmp_path: Path) -> None:
    assert run("contracts", "check")[0] == 0
    for overlay in (ROOT / "contracts").glob("**/overlay.json"):  # every service's
        target = tmp_path / overlay.relative_to(ROOT / "contracts")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(overlay.read_text())
    code, text = run("contracts", "check", "--dir", str(tmp_path))
    assert code == 1
    assert "run `pinpoint-mock contracts build`" in text
    assert run("contracts", "build", "--dir", str(tmp_path))[0] == 0
    assert run("contracts", "check", "--dir", str(tmp_path))[0] == 0
