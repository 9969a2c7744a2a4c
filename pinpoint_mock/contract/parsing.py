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
from collections.abc import Callable, Iterator, Mapping
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
        _reject(document, _surrogate_problem)
    return document


def _slow(text: str) -> Any:
    """``json.loads``' verdict, naming the problem (or accepting leading whitespace)."""
    try:
        return _decode(_FAST, text)
    except (ValueError, _Unfit) as exc:  # a number int() refuses, NaN, Infinity, 1e400
        problem = str(exc) or "a value out of range"
    _reject(_decode(_NAMING, text), _bad_problem)
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


def reject_unfit(document: Any) -> None:
    """Raise :class:`ValueRejected` for the first value of a document made in Python that no
    JSON body could carry: a key that is not a string, a lone surrogate, an integer of more
    than :data:`MAX_NUMBER_DIGITS` digits, NaN or an infinity. (:func:`parse_json` lets none
    of them through.) Values JSON has no type for are left to the contract.

    Most documents are fit: one pass of the C encoder and decoder tells (NaN, infinities and
    numbers too long to print fail the encoder, lone surrogates the UTF-8 encoding, keys that
    are not strings the round trip); only a document that fails it is walked in Python, to name
    the member (a 100-user request: about 40 µs instead of 500, measured)."""
    try:
        text = _STRICT_ENCODER.encode(document)
        text.encode("utf-8")
        if json.loads(text) == document:
            return
    except (ValueError, TypeError, RecursionError):  # UnicodeEncodeError is a ValueError
        pass
    _reject(document, _python_problem)


_STRICT_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False, check_circular=False)


#: (value, whether it is an object key) -> (rule, detail) when the value is unfit, else None.
Problem = Callable[[Any, bool], "tuple[str, str] | None"]
_SURROGATE_DETAIL = (
    "contains the lone surrogate \\u{:04x}, which is not a Unicode character "
    "(\\ud800-\\udfff escapes must come in high-low pairs)"
)
_TOO_BIG = 10**MAX_NUMBER_DIGITS


def _surrogate_problem(value: Any, key: bool = False) -> tuple[str, str] | None:
    lone = _SURROGATE.search(value) if isinstance(value, str) else None
    return None if lone is None else ("unicode", _SURROGATE_DETAIL.format(ord(lone.group())))


def _bad_problem(value: Any, key: bool) -> tuple[str, str] | None:
    return (value.rule, value.detail) if isinstance(value, _Bad) else None


def _python_problem(value: Any, key: bool) -> tuple[str, str] | None:
    if isinstance(value, str):
        return _surrogate_problem(value)
    if key:
        return "type", f"object keys must be strings, not {type(value).__name__}"
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= _TOO_BIG:
        digits = int(value.bit_length() * math.log10(2)) + 1
        return "number-size", (
            f"a number of about {digits} digits; the service takes at most {MAX_NUMBER_DIGITS}"
        )
    if isinstance(value, float) and not math.isfinite(value):
        return "number-range", f"{value} is not a JSON number"
    return None


def _reject(document: Any, problem: Problem) -> None:
    """Raise :class:`ValueRejected` for the first member (or key) with a ``problem``."""
    for path, value, key in _walk(document):
        found = problem(value, key)
        if found is None:
            continue
        shown_path = tuple(p if isinstance(p, (str, int)) else repr(p) for p in path)
        where = _printable(format_path(shown_path)) or "the body"
        rule, detail = found
        raise ValueRejected(Violation(where, rule, _shown(value), detail))


def _shown(value: Any) -> str:
    if isinstance(value, _Bad):
        return value.text if len(value.text) <= 40 else value.text[:39] + "…"
    if isinstance(value, int) and abs(value) >= _TOO_BIG:
        return f"<{value.bit_length()}-bit integer>"
    if isinstance(value, str):
        return _printable(short(value))
    return short(value) if isinstance(value, (int, float)) else repr(type(value).__name__)


def _walk(document: Any) -> Iterator[tuple[PathT, Any, bool]]:
    """Every value of ``document`` and every object key (as a value at its own path, flagged),
    in document order, without recursion (a document can be nested about 1,000 deep)."""
    stack: list[tuple[PathT, Any, bool]] = [((), document, False)]
    while stack:
        path, value, key = stack.pop()
        yield path, value, key
        if key:
            continue
        if isinstance(value, Mapping):
            children: list[tuple[PathT, Any, bool]] = []
            for name, item in value.items():
                children += (((*path, name), name, True), ((*path, name), item, False))
            stack += reversed(children)
        elif isinstance(value, (list, tuple)):
            stack += reversed([((*path, i), item, False) for i, item in enumerate(value)])


def _printable(text: str) -> str:
    """``text`` with any surrogate written as an escape, so that it can be encoded."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")
