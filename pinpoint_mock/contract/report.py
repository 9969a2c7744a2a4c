"""The verdict on a request: a :class:`Report` of :class:`Violation` s, each with a JSON path,
the rule broken, the offending value and a sentence."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from ..errors import ContractError
from .values import Issue, PathT, short

Severity = Literal["error", "warning"]

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")


def format_path(path: PathT) -> str:
    """Render a path: ``("Users", "u1", "Context")`` -> ``Users.u1.Context``.

    Map keys that are not plain names are quoted (``Users["a.b"]``); list indexes use ``[0]``.
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _IDENT.match(part):
            out += f".{part}" if out else part
        else:
            out += f"[{json.dumps(part, ensure_ascii=False)}]"
    return out


@dataclass(frozen=True)
class Violation:
    """One problem in a request."""

    path: str
    """JSON path of the offending member, e.g. ``MessageConfiguration.SMSMessage.MessageType``."""
    rule: str
    """The rule broken: a JSON Schema keyword (``enum``, ``type``…) or a check's name."""
    value: str
    """The offending value, shortened for display."""
    detail: str
    """What is wrong, without the path."""
    severity: Severity = "error"

    @property
    def message(self) -> str:
        """The whole sentence: ``path: detail``."""
        return f"{self.path}: {self.detail}" if self.path else self.detail

    def __str__(self) -> str:
        return self.message

    def to_dict(self) -> dict[str, str]:
        return {
            "severity": self.severity,
            "path": self.path,
            "rule": self.rule,
            "value": self.value,
            "message": self.message,
        }


@dataclass(frozen=True)
class Report:
    """The verdict on one request: every error and warning found."""

    errors: tuple[Violation, ...] = ()
    warnings: tuple[Violation, ...] = ()

    @property
    def ok(self) -> bool:
        """True when the service would accept the request (warnings allowed)."""
        return not self.errors

    @property
    def violations(self) -> tuple[Violation, ...]:
        return self.errors + self.warnings

    def __iter__(self) -> Iterator[Violation]:
        return iter(self.violations)

    def __len__(self) -> int:
        return len(self.errors) + len(self.warnings)

    def raise_for_errors(self) -> None:
        """Raise :class:`ContractError` listing every error, if there is any."""
        if self.errors:
            raise ContractError(
                "invalid request:\n" + "\n".join(f"  {v.message}" for v in self.errors)
            )


def to_violations(issues: list[Issue], severity: Severity = "error") -> tuple[Violation, ...]:
    """The public form of the issues a check found."""
    return tuple(
        Violation(format_path(i.path), i.rule, short(i.value), i.detail, severity) for i in issues
    )
