"""Comparing two runs' deliveries: what is missing, extra, different in content or outcome."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from .deliveries import CONTENT_FIELDS, FIELDS, Delivery
from .outcomes import NOTHING_SENT, opted_out

Kind = Literal["missing", "extra", "content", "outcome"]

#: Longest value shown in a table cell (characters).
CELL = 48


@dataclass(frozen=True)
class Difference:
    """One way the second run differs from the first, for one recipient."""

    kind: Kind
    """``missing`` (the first run reached the recipient, the second sent nothing), ``extra``
    (the other way round), ``content`` (a field's text differs), ``outcome`` (the outcomes, in
    order, differ)."""
    channel: str
    recipient: str
    user: str | None
    field: str | None
    """``subject``, ``body``, ``html`` or ``outcome``; None for missing and extra."""
    first: str | None
    """The value in the first run (outcomes joined by ``, ``), or None."""
    second: str | None

    def describe(self, names: tuple[str, str] = ("first", "second")) -> str:
        """One sentence naming the recipient and the field."""
        who = f"{self.channel} {self.recipient}" + (f" (user {self.user})" if self.user else "")
        if self.kind == "missing":
            return f"{who}: {names[0]} sent {self.first}, {names[1]} sent nothing"
        if self.kind == "extra":
            return f"{who}: {names[1]} sent {self.second}, {names[0]} sent nothing"
        return (
            f"{who}: {self.field} differs: {self.first!r} ({names[0]}) vs "
            f"{self.second!r} ({names[1]})"
        )


def _outcomes(deliveries: Sequence[Delivery]) -> tuple[str, ...]:
    return tuple(d.outcome for d in deliveries)


def _group(deliveries: Iterable[Delivery]) -> dict[tuple[str, str], list[Delivery]]:
    grouped: dict[tuple[str, str], list[Delivery]] = {}
    for delivery in deliveries:
        grouped.setdefault(delivery.key, []).append(delivery)
    return grouped


def compare(
    first: Sequence[Delivery],
    second: Sequence[Delivery],
    *,
    fields: Sequence[str] = FIELDS,
    skipped_matches_opt_out: bool = True,
) -> list[Difference]:
    """The differences between two runs, recipient by recipient (in the order the first run
    reached them, then the second's extras). Deliveries match on channel and recipient; their
    outcomes are compared in order (``THROTTLED, SUCCESSFUL`` is not ``SUCCESSFUL``) and their
    content on the first attempt. A recipient only one run sent to whose outcomes all say
    ``OPT_OUT`` is no difference when ``skipped_matches_opt_out`` (the other run's code
    checked the opt-out itself and did not call)."""
    unknown = sorted(set(fields) - set(FIELDS))
    if unknown:
        raise ValueError(f"fields: unknown {unknown}; expected some of {', '.join(FIELDS)}")
    left, right = _group(first), _group(second)
    found: list[Difference] = []
    for key in [*left, *(k for k in right if k not in left)]:
        a, b = left.get(key, []), right.get(key, [])
        sample = (a or b)[0]
        user = next((d.user for d in (*a, *b) if d.user), None)
        if not a or not b:
            present = a or b
            if skipped_matches_opt_out and opted_out(_outcomes(present)):
                continue
            text = ", ".join(_outcomes(present))
            kind: Kind = "missing" if a else "extra"
            found.append(
                Difference(
                    kind,
                    sample.channel,
                    sample.recipient,
                    user,
                    None,
                    text if a else NOTHING_SENT,
                    text if b else NOTHING_SENT,
                )
            )
            continue
        outcomes_a, outcomes_b = _outcomes(a), _outcomes(b)
        if "outcome" in fields and outcomes_a != outcomes_b:
            found.append(
                Difference(
                    "outcome",
                    sample.channel,
                    sample.recipient,
                    user,
                    "outcome",
                    ", ".join(outcomes_a),
                    ", ".join(outcomes_b),
                )
            )
        if opted_out(outcomes_a) or opted_out(outcomes_b):
            continue  # nothing reached them: what would have been said is moot
        for name in CONTENT_FIELDS:
            if name not in fields:
                continue
            value_a, value_b = getattr(a[0], name), getattr(b[0], name)
            if value_a != value_b:
                found.append(
                    Difference(
                        "content", sample.channel, sample.recipient, user, name, value_a, value_b
                    )
                )
    return found


def _cell(value: str | None, width: int = CELL) -> str:
    if value is None:
        return "-"
    text = value.replace("\n", "\\n")
    return text if len(text) <= width else text[: width - 1] + "…"


def _around(a: str | None, b: str | None) -> tuple[str | None, str | None]:
    """Both texts cut to a window around their first difference (so a long body shows where)."""
    if a is None or b is None:
        return a, b
    at = next(
        (i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b))
    )
    start = max(0, at - CELL // 3)
    cut_a, cut_b = a[start:], b[start:]
    if start:
        cut_a, cut_b = "…" + cut_a, "…" + cut_b
    return cut_a, cut_b


def table(differences: Sequence[Difference], names: tuple[str, str]) -> str:
    """A plain-text table: kind, channel, recipient, user, field, then each run's value."""
    header = ("kind", "channel", "recipient", "user", "field", names[0], names[1])
    rows = [header]
    for d in differences:
        first, second = _around(d.first, d.second) if d.kind == "content" else (d.first, d.second)
        rows.append(
            (
                d.kind,
                d.channel,
                d.recipient,
                d.user or "-",
                d.field or "-",
                _cell(first),
                _cell(second),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [
        " | ".join(cell.ljust(widths[i]) for i, cell in enumerate(row)).rstrip() for row in rows
    ]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)
