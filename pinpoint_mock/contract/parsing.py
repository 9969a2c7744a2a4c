"""A request body read as JSON, with the bounds of what the service can hold.

:func:`parse_json` answers every body with a document or a :class:`ContractError`, never another
exception, whatever the bytes: not UTF-8, not JSON, nested too deeply, or JSON whose values the
service cannot take. Those last ones are a :class:`ValueRejected` naming the member:

- a number of more than :data:`MAX_NUMBER_DIGITS` digits (Python's ``int()`` refuses them, and
  no member of these services holds one), or one out of a double's range (``1e400``);
- ``NaN``, ``Infinity`` and ``-Infinity``, which are not JSON (Python's parser takes them);
- a lone UTF-16 surrogate (``"\\ud800"`` unpaired): valid JSON syntax but no Unicode
  character, so no UTF-8 text can carry it. The service is modelled as refusing it with a
  400 (a modelled assumption: its documentation does not say).

The common body costs what ``json.loads`` costs: the checks run on the slow path only, except
two substring searches for a surrogate escape.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterator
from typing import Any

from ..errors import ContractError
from .report import Violation, format_path
from .values import PathT, short

#: Digits a JSON number may have (Python's default ``sys.get_int_max_str_digits()``).
MAX_NUMBER_DIGITS = 4300

_SURROGATE = re.compile("[\ud800-\udfff]")
#: A surrogate escape with no partner in the JSON text (an escaped backslash before it can make
#: this a false alarm, which the walk over the parsed document then clears). Linear.
_LONE_ESCAPE = re.compile(
    r"\\u[dD](?:[89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])"  # a high one, no low one after
    r"|[c-fC-F][0-9a-fA-F]{2}(?<!\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}))"
)


class ValueRejected(ContractError):
    """A body that parses but holds a value the service cannot take (a 400 naming the member):
    ``violation`` is the problem, as :func:`~pinpoint_mock.contract.validate` reports it."""

    def __init__(self, violation: Violation) -> None:
        super().__init__(f"invalid request:\n  {violation.message}")
        self.violation = violation


class _Unfit(Exception):
    """Raised by the fast path's hooks: a value that needs the slow path to be named."""


class _Bad:
    """What the slow path parses an unfit number or constant into, to find its path."""

    __slots__ = ("detail", "rule", "text")

    def __init__(self, text: str, rule: str, detail: str) -> None:
        self.text, self.rule, self.detail = text, rule, detail


def _finite(text: str) -> float:
    value = float(text)
    if value in (math.inf, -math.inf):
        raise _Unfit
    return value


def _no_constant(text: str) -> Any:
    raise _Unfit


#: The C scanner json.loads ends up in (attribute missing from typeshed's stub), refusing
#: NaN/Infinity and out-of-range numbers; integers go through ``int`` (in C) as usual.
_FAST = json.JSONDecoder(parse_float=_finite, parse_constant=_no_constant)
_scan: Callable[[str, int], tuple[Any, int]] = _FAST.scan_once  # type: ignore[attr-defined]


def _int_or_bad(text: str) -> Any:
    digits = len(text.lstrip("-"))
    if digits > MAX_NUMBER_DIGITS:
        return _Bad(
            text,
            "number-size",
            f"a number of {digits} digits; the service takes at most {MAX_NUMBER_DIGITS}",
        )
    return int(text)


def _float_or_bad(text: str) -> Any:
    value = float(text)  # linear in the digits, and no limit on them
    if value in (math.inf, -math.inf):
        return _Bad(text, "number-range", "is out of the range of a number (a 64-bit double)")
    return value


def _constant(text: str) -> Any:
    return _Bad(text, "json", f"{text} is not JSON (JSON has no NaN or Infinity)")


_NAMING = json.JSONDecoder(
    parse_int=_int_or_bad, parse_float=_float_or_bad, parse_constant=_constant
)


def parse_json(text: str | bytes) -> Any:
    """Parse a JSON body, raising :class:`ContractError` naming line and column when it is not
    JSON, or :class:`ValueRejected` naming the member whose value the service cannot take."""
    raw = isinstance(text, str)
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ContractError(
                f"body is not UTF-8: invalid byte 0x{text[exc.start]:02x} at offset {exc.start}"
            ) from None
    try:
        document, end = _scan(text, 0)  # the C scanner: most bodies are one clean object
    except (StopIteration, ValueError, RecursionError, _Unfit):
        document = _slow(text)
    else:
        if end != len(text):
            document = _slow(text)  # trailing text (or leading whitespace)
    escaped = "\\ud" in text or "\\uD" in text
    if (escaped and _LONE_ESCAPE.search(text)) or (raw and _SURROGATE.search(text)):
        _reject(document, _has_surrogate)
    return document


def _slow(text: str) -> Any:
    """``json.loads``' verdict, naming the problem (or accepting leading whitespace)."""
    try:
        return _decode(_FAST, text)
    except (ValueError, _Unfit) as exc:  # a number int() refuses, NaN, Infinity, 1e400
        problem = str(exc) or "a value out of range"
    _reject(_decode(_NAMING, text), lambda value: value.__class__ is _Bad)
    raise ContractError(f"body is not valid JSON: {problem}")  # pragma: no cover - defensive


def _decode(decoder: json.JSONDecoder, text: str) -> Any:
    try:
        return decoder.decode(text)
    except json.JSONDecodeError as exc:
        raise ContractError(
            f"body is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    except RecursionError:
        raise ContractError("body is not valid JSON: nested too deeply") from None


def _has_surrogate(value: Any) -> bool:
    return value.__class__ is str and _SURROGATE.search(value) is not None


def _reject(document: Any, unfit: Callable[[Any], bool]) -> None:
    """Raise :class:`ValueRejected` for the first member (or key) that is ``unfit``."""
    for path, value in _walk(document):
        if not unfit(value):
            continue
        where = _printable(format_path(path)) or "the body"
        if isinstance(value, _Bad):
            shown_value = value.text if len(value.text) <= 40 else value.text[:39] + "…"
            violation = Violation(where, value.rule, shown_value, value.detail)
        else:
            lone = _SURROGATE.search(value)
            assert lone is not None
            violation = Violation(
                where,
                "unicode",
                _printable(short(value)),
                f"contains the lone surrogate \\u{ord(lone.group()):04x}, which is not a "
                "Unicode character (\\ud800-\\udfff escapes must come in high-low pairs)",
            )
        raise ValueRejected(violation)


def _walk(document: Any) -> Iterator[tuple[PathT, Any]]:
    """Every value of ``document`` and every object key (as the value at its own path), in
    document order, without recursion (a document can be nested about 1,000 deep)."""
    stack: list[tuple[PathT, Any]] = [((), document)]
    while stack:
        path, value = stack.pop()
        yield path, value
        if value.__class__ is dict:
            children: list[tuple[PathT, Any]] = []
            for key, item in value.items():
                children += (((*path, key), key), ((*path, key), item))
            stack += reversed(children)
        elif value.__class__ is list:
            stack += reversed([((*path, index), item) for index, item in enumerate(value)])


def _printable(text: str) -> str:
    """``text`` with any surrogate written as an escape, so that it can be encoded."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")
