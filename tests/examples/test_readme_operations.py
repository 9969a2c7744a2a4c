"""The README's table of served operations is complete and true: every operation the engine
serves is in it, and everything in it is served."""

from __future__ import annotations

import re
from pathlib import Path

from pinpoint_mock.services import SERVICES

README = Path(__file__).resolve().parents[2] / "README.md"


def kinds_of(text: str) -> list[str]:
    """``Sms, Email, Push and Voice templates`` -> ``["Sms", "Email", "Push", "Voice"]``."""
    return re.findall(r"\w+", text.rsplit(" ", 1)[0].replace(" and ", ", "))


def listed() -> set[str]:
    text = README.read_text()
    section = text[text.index("## What is served") : text.index("## Server mode")]
    names: set[str] = set()
    for row in re.findall(r"^\| [^|]+\(`[^`]+`\) \| (.+) \|$", section, re.MULTILINE):
        for group in row.split("; "):
            if group.startswith("Create/Get/Update/Delete for "):
                names |= {f"{verb}{kind}Template" for verb in ("Create", "Get", "Update", "Delete")
                          for kind in kinds_of(group.split(" for ", 1)[1])}  # fmt: skip
            elif group.startswith("GetChannels and Get/Update/Delete for the "):
                names.add("GetChannels")
                names |= {f"{verb}{kind}Channel" for verb in ("Get", "Update", "Delete")
                          for kind in kinds_of(group.split(" the ", 1)[1])}  # fmt: skip
            else:
                for item in group.split(", "):
                    if "/" not in item:
                        names.add(item)
                        continue
                    head = item.split("/")
                    last = head[-1]
                    stem = re.sub(r"^[A-Z][a-z]+", "", last)  # ListEmailTemplates -> EmailTemplates
                    for verb in head[:-1]:
                        names.add(verb + stem.rstrip("s"))
                    names.add(last)
    return names


def test_the_readme_lists_exactly_what_is_served() -> None:
    served = {op for service in SERVICES.values() for op in service.operations}
    readme = listed()
    assert served - readme == set(), "served but not in the README"
    assert readme - served == set(), "in the README but not served"
