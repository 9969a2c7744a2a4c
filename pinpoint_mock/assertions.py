"""Assertions over recorded deliveries that fail with a useful message.

A failure says what was expected, shows what was actually sent as a compact table, and names the
closest candidates with the fields that did not match.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from .recording import SentMessage

_FIELDS = {
    "user": "user_id",
    "endpoint": "endpoint_id",
    "address": "address",
    "channel": "channel",
    "status": "delivery_status",
    "application_id": "application_id",
    "title": "title",
    "body": "body",
    "trace_id": "trace_id",
    "service": "service",
    "operation": "operation",
    "to": "address",
    "subject": "title",
    "message_id": "message_id",
}
#: Criteria on a delivery's service-specific details (SES v2: ``sender=``, ``configuration_set=``).
_DETAILS = {"sender": "from", "configuration_set": "configuration_set", "template": "template"}


@dataclass(frozen=True)
class Criteria:
    """The question an assertion asks, as field tests on one delivery."""

    tests: tuple[tuple[str, str, Callable[[SentMessage], bool]], ...]

    @classmethod
    def build(cls, **given: Any) -> Criteria:
        tests: list[tuple[str, str, Callable[[SentMessage], bool]]] = []
        for key, value in given.items():
            if value is None:
                continue
            if key in _FIELDS:
                attr = _FIELDS[key]
                tests.append((key, repr(value), _equals(attr, value)))
            elif key == "body_contains":
                tests.append((key, repr(value), _contains("body", value)))
            elif key in ("title_contains", "subject_contains"):
                tests.append((key, repr(value), _contains("title", value)))
            elif key == "html_contains":
                tests.append((key, repr(value), _contains("html", value)))
            elif key in _DETAILS:
                tests.append((key, repr(value), _detail(_DETAILS[key], value)))
            elif key == "tags":
                tests.append((key, repr(value), _detail_subset("tags", value)))
            elif key == "event":
                tests.append((key, repr(value), _event(value)))
            elif key == "substitutions":
                tests.append((key, repr(value), _subset("substitutions", value)))
            elif key == "context":
                tests.append((key, repr(value), _subset("context", value)))
            elif key == "fields":  # the channel message's other fields, by wire name
                tests.append((key, repr(value), _subset("fields", value)))
            elif key == "where":
                tests.append((key, getattr(value, "__name__", "predicate"), value))
            else:
                known = ", ".join(
                    [
                        *_FIELDS,
                        "body_contains",
                        "title_contains",
                        "subject_contains",
                        "html_contains",
                        *_DETAILS,
                        "tags",
                        "event",
                        "substitutions",
                        "context",
                        "fields",
                        "where",
                    ]
                )
                raise TypeError(f"unknown assertion field {key!r}; use one of {known}")
        return cls(tuple(tests))

    def matches(self, sent: SentMessage) -> bool:
        return all(test(sent) for _, _, test in self.tests)

    def mismatches(self, sent: SentMessage) -> list[str]:
        return [name for name, _, test in self.tests if not test(sent)]

    def describe(self) -> str:
        return ", ".join(f"{name}={text}" for name, text, _ in self.tests) or "anything"


def _equals(attr: str, value: Any) -> Callable[[SentMessage], bool]:
    return lambda sent: getattr(sent, attr) == value


def _contains(attr: str, text: str) -> Callable[[SentMessage], bool]:
    def test(sent: SentMessage) -> bool:
        value = getattr(sent, attr)
        if value is None and attr == "body":
            value = sent.raw_content
        return value is not None and text in value

    return test


def _detail(key: str, value: Any) -> Callable[[SentMessage], bool]:
    return lambda sent: sent.details.get(key) == value


def _detail_subset(key: str, expected: dict[str, Any]) -> Callable[[SentMessage], bool]:
    def test(sent: SentMessage) -> bool:
        actual = sent.details.get(key) or {}
        return all(actual.get(k) == v for k, v in expected.items())

    return test


def _event(kind: str) -> Callable[[SentMessage], bool]:
    """Whether the delivery's events (SES v2) include one of type ``kind`` (``Bounce``…)."""
    return lambda sent: any(e.get("eventType") == kind for e in sent.details.get("events", ()))


def _subset(attr: str, expected: dict[str, Any]) -> Callable[[SentMessage], bool]:
    def test(sent: SentMessage) -> bool:
        actual = getattr(sent, attr)
        return all(actual.get(k) == v for k, v in expected.items())

    return test


_CONTROL = re.compile(r"\r\n|[\x00-\x1f\x7f]")


def cell(value: object, width: int | None = None) -> str:
    """``value`` on one line of the table: a line break shows as ``⏎``, other control
    characters as ``\\xNN`` escapes; cut to ``width`` characters (ending ``…``) when given."""
    text = _CONTROL.sub(_visible, str(value))
    return text if width is None or len(text) <= width else text[: width - 1] + "…"


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    if char in ("\r\n", "\n", "\r"):
        return "⏎"
    return " " if char == "\t" else f"\\x{ord(char):02x}"


def table(sent: Sequence[SentMessage], limit: int = 20) -> str:
    """A compact table of deliveries, one line each (multi-line texts are folded)."""
    if not sent:
        return "  (nothing was sent)"
    rows = [("#", "user", "endpoint", "channel", "address", "status", "title/body")]
    for i, item in enumerate(sent[:limit], 1):
        text = " / ".join(t for t in (item.title, item.body or item.raw_content) if t) or ""
        rows.append(
            (
                str(i),
                cell(item.user_id, 40),
                cell(item.endpoint_id, 40),
                item.channel,
                cell(item.address, 60),
                item.delivery_status,
                cell(text, 48),
            )
        )
    widths = [max(len(row[c]) for row in rows) for c in range(len(rows[0]))]
    lines = [
        "  " + "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    if len(sent) > limit:
        lines.append(f"  … and {len(sent) - limit} more")
    return "\n".join(lines)


def closest(sent: Sequence[SentMessage], criteria: Criteria, limit: int = 3) -> str:
    scored = sorted(
        ((len(criteria.mismatches(item)), i, item) for i, item in enumerate(sent)),
        key=lambda row: (row[0], row[1]),
    )
    lines = []
    for misses, index, item in scored[:limit]:
        if misses == 0:
            continue
        wrong = ", ".join(criteria.mismatches(item))
        lines.append(
            f"  #{index + 1} {cell(item.user_id, 40)}/{cell(item.endpoint_id, 40)} "
            f"({item.channel}) differs in: {wrong}"
        )
    return "\n".join(lines)


def check_sent(sent: Sequence[SentMessage], count: int | None, **given: Any) -> list[SentMessage]:
    __tracebackhide__ = True
    criteria = Criteria.build(**given)
    matching = [item for item in sent if criteria.matches(item)]
    if (count is None and matching) or (count is not None and len(matching) == count):
        return matching
    wanted = "at least one delivery" if count is None else f"exactly {count} deliveries"
    message = [
        f"expected {wanted} matching {criteria.describe()}, found {len(matching)}.",
        f"Sent ({len(sent)}):",
        table(sent),
    ]
    near = closest(sent, criteria)
    if near and not matching:
        message += ["Closest candidates:", near]
    raise AssertionError("\n".join(message))


def check_not_sent(sent: Sequence[SentMessage], **given: Any) -> None:
    __tracebackhide__ = True
    criteria = Criteria.build(**given)
    matching = [item for item in sent if criteria.matches(item)]
    if matching:
        raise AssertionError(
            f"expected no delivery matching {criteria.describe()}, found {len(matching)}:\n"
            + table(matching)
        )
