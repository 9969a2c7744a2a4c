"""JSON values as the contract's checks see them: their types, their names in messages, a short
rendering of an offending value, and the :class:`Issue` a check reports."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, NamedTuple

PathT = tuple[str | int, ...]
"""Where a value sits in a document: member names, map keys and list indexes."""


class Issue(NamedTuple):
    """One problem found by a check, before it becomes a public ``Violation``."""

    path: PathT
    rule: str
    value: Any
    detail: str


#: How each JSON Schema type is named in a sentence.
TYPE_NAMES = {
    "object": "an object",
    "array": "a list",
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean",
}


def is_integer(x: Any) -> bool:
    """JSON Schema's ``integer``: an int (not a bool) or an integral float."""
    if isinstance(x, bool):
        return False
    if isinstance(x, int):
        return True
    return isinstance(x, float) and x.is_integer()


def is_number(x: Any) -> bool:
    """JSON Schema's ``number``: an int or a float, not a bool."""
    return isinstance(x, (int, float)) and not isinstance(x, bool)


#: JSON Schema type name -> the test a Python value passes when it has that type.
TYPE_CHECKS: dict[str, Callable[[Any], bool]] = {
    "object": lambda x: isinstance(x, dict),
    "array": lambda x: isinstance(x, list),
    "string": lambda x: isinstance(x, str),
    "integer": is_integer,
    "number": is_number,
    "boolean": lambda x: isinstance(x, bool),
}


def in_set(x: Any, values: frozenset[Any]) -> bool:
    """``x in values``, false for an unhashable ``x`` (a list where an enum value belongs)."""
    try:
        return x in values
    except TypeError:  # unhashable
        return False


def json_type_name(x: Any) -> str:
    """The JSON name of a Python value's type, for messages."""
    if x is None:
        return "null"
    if isinstance(x, bool):
        return "a boolean"
    if isinstance(x, int):
        return "an integer"
    if isinstance(x, float):
        return "a number"
    if isinstance(x, str):
        return "a string"
    if isinstance(x, dict):
        return "an object"
    if isinstance(x, list):
        return "a list"
    return type(x).__name__


def short(x: Any, limit: int = 60) -> str:
    """A short, readable rendering of an offending value."""
    if isinstance(x, dict):
        text = "{…}" if x else "{}"
        return f"{text} ({len(x)} keys)" if x else text
    if isinstance(x, list):
        return f"[…] ({len(x)} items)" if x else "[]"
    if x is None:
        return "null"
    if isinstance(x, bool):
        return "true" if x else "false"
    if isinstance(x, int) and x.bit_length() > 14_000:  # repr() refuses over 4,300 digits
        return f"<{x.bit_length()}-bit integer>"
    text = repr(x)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text
