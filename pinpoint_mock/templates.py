"""``{{variables}}`` in message texts: compiled once into segments, filled per endpoint.

:func:`compile_text` splits a text into literal strings and :class:`Variable` lookups (cached by
text), so that filling it for one endpoint is a join, not a regular-expression substitution.
The rules are those of :mod:`pinpoint_mock.rendering`: a variable takes its value from the
merged ``Substitutions``, else from the endpoint (``{{Address}}``, ``{{Attributes.X}}``…); a
multi-value renders its first element, or all of them joined with ``", "``; ``{{Name.[1]}}``
picks one; an unresolved variable renders empty and is reported; block tags render empty;
``{{helper Arg}}`` renders ``Arg``, through the helper when it is one of :data:`HELPERS`.

Bounded for any text: parsing is linear (:func:`pinpoint_mock.contract.variables.tokens`), an
index of any length is read without ``int()`` limits, texts over
:data:`~pinpoint_mock.contract.variables.CACHED_TEXT_CHARS` are not cached, and
:func:`compile_filler` leaves texts with more than :data:`MAX_FILLER_VARIABLES` lookups to
:meth:`Text.fill` (a loop, however many there are).
"""

from __future__ import annotations

import functools
import operator
import re
from collections.abc import Callable, Mapping
from typing import Any

from .contract.variables import CACHED_TEXT_CHARS, tokens
from .models import Endpoint

INDEXED = re.compile(r"^(.+)\.\[(\d+)\]$")
"""``Name.[N]`` (what :func:`split_index` reads, for callers that want the pattern)."""
#: An index with more digits than this (leading zeros aside) is past the end of any list a
#: request can carry, so it is not converted (``int()`` refuses more than 4,300 digits).
MAX_INDEX_DIGITS = 9
#: Texts with more variables than this are filled by :meth:`Text.fill`, not a generated function.
MAX_FILLER_VARIABLES = 64

#: Endpoint variables: name -> attribute of :class:`Endpoint` (a scalar, or a map for ``Name.X``).
ENDPOINT_SCALARS = {
    "Address": "address", "Id": "endpoint_id", "ChannelType": "channel", "OptOut": "opt_out",
    "EndpointStatus": "status", "ApplicationId": "application_id", "CohortId": "cohort_id",
    "EffectiveDate": "effective_date", "CreationDate": "creation_date", "User.UserId": "user_id",
}  # fmt: skip
ENDPOINT_MAPS = {
    "Attributes": "attributes", "User.UserAttributes": "user_attributes",
    "Demographic": "demographic", "Location": "location", "Metrics": "metrics",
}  # fmt: skip
HELPERS: dict[str, Callable[[str], str]] = {
    "upper": str.upper,
    "lower": str.lower,
    "capitalize": lambda text: " ".join(w[:1].upper() + w[1:] for w in text.split(" ")),
    "capitalizeFirst": lambda text: text[:1].upper() + text[1:],
}


class Variable:
    """One ``{{token}}`` lookup (possibly the argument of a helper), resolved per endpoint."""

    __slots__ = ("index", "name", "plain", "read", "token", "transform")

    def __init__(self, token: str, transform: Callable[[str], str] | None = None) -> None:
        self.token = token
        """What ``unresolved`` lists when the variable has no value."""
        self.name = token
        self.index: int | None = None
        if token.endswith("]"):
            self.name, self.index = split_index(token)
        self.read = endpoint_reader(self.name)
        """How to read the value from an endpoint; None when no endpoint has one."""
        self.transform = transform
        self.plain = self.index is None and transform is None
        """No index and no helper: a list value renders its first element (``first`` mode)."""

    def fill(
        self,
        substitutions: Mapping[str, Any],
        endpoint: Endpoint | None,
        join: bool,
        unresolved: dict[str, None],
    ) -> str:
        """The variable's text; an unresolved one renders empty and is added to ``unresolved``."""
        value = substitutions.get(self.name)
        if value is None and endpoint is not None and self.read is not None:
            value = self.read(endpoint)
        if value.__class__ is list and value and self.index is None and not join:
            text = value[0] if value[0].__class__ is str else _stringify(value, None, join)
        else:
            text = _stringify(value, self.index, join)
        if text is None:
            unresolved[self.token] = None
            text = ""
        return text if self.transform is None else self.transform(text)


class Text:
    """A compiled text: literal segments and the variables between them."""

    __slots__ = ("_head", "_parts", "_single", "_slots", "_tail", "constant", "variables")

    def __init__(self, source: str) -> None:
        parts: list[str | Variable] = []
        start = 0
        for begin, end, token in tokens(source) if "{{" in source else ():
            parts += (source[start:begin], _segment(token))
            start = end
        parts.append(source[start:])
        merged: list[str | Variable] = []  # adjacent literals joined
        for part in parts:
            if isinstance(part, str) and merged and isinstance(merged[-1], str):
                merged[-1] += part
            else:
                merged.append(part)
        self.variables = tuple(part for part in merged if isinstance(part, Variable))
        """Every lookup, in order of appearance."""
        self.constant: str | None = None
        """The rendered text when it has no variables (``source`` itself when no ``{{``)."""
        if not self.variables:
            self.constant = source if len(parts) == 1 else "".join(map(str, merged))
        self._parts = tuple("" if isinstance(part, Variable) else part for part in merged)
        self._slots = tuple(
            (position, part) for position, part in enumerate(merged) if isinstance(part, Variable)
        )
        single = len(merged) == 3 and len(self.variables) == 1
        self._single = self.variables[0] if single else None
        self._head, self._tail = (self._parts[0], self._parts[2]) if single else ("", "")

    def fill(
        self,
        substitutions: Mapping[str, Any],
        endpoint: Endpoint | None,
        join: bool,
        unresolved: dict[str, None],
    ) -> str:
        """The text for one endpoint; unresolved variables are added to ``unresolved``."""
        if self.constant is not None:
            return self.constant
        single = self._single
        if single is not None:
            value = substitutions.get(single.name)  # inline: one plain, substituted variable
            if single.plain and not join and value.__class__ is list and value:
                text = value[0]
                if text.__class__ is str:
                    return self._head + text + self._tail
            text = single.fill(substitutions, endpoint, join, unresolved)
            return self._head + text + self._tail
        parts = list(self._parts)
        for position, variable in self._slots:
            parts[position] = variable.fill(substitutions, endpoint, join, unresolved)
        return "".join(parts)


def compile_text(source: str) -> Text:
    """``source`` split into literals and variables (cached up to
    :data:`~pinpoint_mock.contract.variables.CACHED_TEXT_CHARS` characters: compiled texts are
    immutable)."""
    if len(source) > CACHED_TEXT_CHARS:
        return Text(source)
    return _compile_cached(source)


_compile_cached = functools.lru_cache(maxsize=1024)(Text)


Filler = Callable[[Mapping[str, Any]], "tuple[str | None, str | None, str | None] | None"]
"""Fills several texts from substitutions alone, or answers None to leave it to
:meth:`Text.fill` (see :func:`compile_filler`)."""


@functools.lru_cache(maxsize=256)
def compile_filler(title: Text | None, body: Text | None, html: Text | None) -> Filler | None:
    """One Python function filling three texts (None stays None) for the common case: every
    variable plain (``{{Name}}``: no helper, no index, not an endpoint value) and every value a
    list whose first element is a string (``first`` mode). It answers None whenever a value is
    anything else, so :meth:`Text.fill` (the reference) decides those; None when a text is not
    of that kind at all, or when they hold more than :data:`MAX_FILLER_VARIABLES` lookups.
    Cached by text: a test sends the same few texts many times."""
    texts = [text for text in (title, body, html) if text is not None]
    if sum(len(text.variables) for text in texts) > MAX_FILLER_VARIABLES:
        return None  # a generated expression that long is no faster, and compiling it recurses
    names: dict[str, str] = {}
    pieces = []
    for text in (title, body, html):
        if text is None:
            pieces.append("None")
            continue
        if text.constant is not None:
            pieces.append(repr(text.constant))
            continue
        if any(not v.plain or v.read is not None for v in text.variables):
            return None
        slots = dict(text._slots)
        terms = [
            names.setdefault(slots[i].name, f"v{len(names)}") if i in slots else repr(part)
            for i, part in enumerate(text._parts)
            if i in slots or part
        ]
        pieces.append(" + ".join(terms) or "''")
    lines = ["def fill(substitutions):"]
    for name, local in names.items():
        lines += [
            f"    {local} = substitutions.get({name!r})",
            f"    if {local}.__class__ is not list or not {local}: return None",
            f"    {local} = {local}[0]",
            f"    if {local}.__class__ is not str: return None",
        ]
    lines.append(f"    return ({', '.join(pieces)},)")
    namespace: dict[str, Any] = {}
    exec(compile("\n".join(lines), "<pinpoint-mock texts>", "exec"), namespace)
    filler: Filler = namespace["fill"]
    return filler


def _segment(token: str) -> str | Variable:
    """What one ``{{token}}`` becomes: a constant string, or a lookup."""
    if not token or token[0] in "#/!>^@":
        return ""  # block helpers, comments, partials: out of scope
    if " " not in token:
        return "" if token in ("else", "this") else Variable(token)
    helper, *args = token.split()
    positional = [arg for arg in args if "=" not in arg]
    if helper == "else" or not positional:
        return ""
    arg, transform = positional[0], HELPERS.get(helper)
    if arg[:1] in "\"'" and arg[-1:] == arg[:1]:
        return transform(arg[1:-1]) if transform else arg[1:-1]
    return Variable(arg, transform)


def split_index(token: str) -> tuple[str, int | None]:
    """``("Name", N)`` for ``Name.[N]`` (as :data:`INDEXED` matches it), else ``(token, None)``;
    an index too long for any list is given as ``10 ** MAX_INDEX_DIGITS``, which selects nothing."""
    cut = token.rfind(".[")
    digits = token[cut + 2 : -1]
    if cut < 1 or not token.endswith("]") or not digits.isdecimal() or "\n" in token[:cut]:
        return token, None
    digits = digits.lstrip("0") or "0"
    return token[:cut], int(digits) if len(digits) <= MAX_INDEX_DIGITS else 10**MAX_INDEX_DIGITS


def endpoint_reader(name: str) -> Callable[[Endpoint], Any] | None:
    """How variable ``name`` reads an endpoint (None if it names no endpoint value)."""
    scalar = ENDPOINT_SCALARS.get(name)
    if scalar is not None:
        read_scalar = operator.attrgetter(scalar)
        return lambda endpoint: read_scalar(endpoint) or None
    split = 19 if name.startswith("User.UserAttributes.") else name.find(".")
    attribute = ENDPOINT_MAPS.get(name[:split]) if split > 0 else None
    if attribute is None:
        return None
    read_map, key = operator.attrgetter(attribute), name[split + 1 :]
    return lambda endpoint: read_map(endpoint).get(key)


def _stringify(value: Any, index: int | None, join: bool) -> str | None:
    if isinstance(value, (list, tuple)):
        if index is None and join:
            return ", ".join(str(item) for item in value) if value else None
        position = 0 if index is None else index
        value = value[position] if position < len(value) else None
    elif index is not None:
        return None
    if value is None:
        return None
    return ("true" if value else "false") if isinstance(value, bool) else str(value)
