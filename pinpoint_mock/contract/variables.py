"""``{{variables}}`` in message texts: how they are written, which names a request must fill and
which the endpoint fills at send time.

Every pattern here runs in time linear in the text, whatever the text: a token is ``{{`` (or
``{{{``), a run without braces, then ``}}`` (or ``}}}``), so no quantifier can be retried
against another for the same characters (the old ``\\s*([^{}]*?)\\s*`` could, and
``{{`` + 1,500 spaces + ``a`` took seconds). ``benchmarks/bench_scaling.py`` measures it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

#: Variables the endpoint itself can fill at send time (so the contract cannot judge them).
ENDPOINT_VARIABLES = frozenset(
    {
        "Address",
        "Id",
        "ChannelType",
        "EndpointStatus",
        "OptOut",
        "EffectiveDate",
        "CreationDate",
        "CohortId",
        "RequestId",
        "ApplicationId",
    }
)
ENDPOINT_PREFIXES = ("Attributes.", "User.", "Demographic.", "Location.", "Metrics.")
#: A ``{{name}}`` or ``{{{name}}}`` token; group 1 is what is between the braces, trimmed (None
#: when only whitespace is). Linear: the group starts and ends on a character that is neither
#: a brace nor whitespace, so the whitespace around it has one way to match.
VARIABLE = re.compile(r"\{\{\{?\s*(?:([^{}\s](?:[^{}]*[^{}\s])?)\s*)?\}\}\}?")
#: The same tokens, untrimmed (:func:`tokens` trims): the fastest linear form.
_TOKEN = re.compile(r"\{\{\{?([^{}]*)\}\}\}?")
#: Texts longer than this are not kept in the caches below (each is scanned again when seen
#: again, in linear time), so the caches never hold more than 1,024 x 64 KiB of text.
CACHED_TEXT_CHARS = 65_536


def tokens(text: str) -> Iterator[tuple[int, int, str]]:
    """Start, end and trimmed content of each ``{{token}}`` of ``text``, left to right."""
    for match in _TOKEN.finditer(text):
        yield match.start(), match.end(), match.group(1).strip()


def variables(text: str) -> list[str]:
    """The plain variable names used in a template text (helpers and blocks are skipped)."""
    names = []
    for found in _TOKEN.findall(text):
        token = found.strip()
        if not token or token[0] in "#/!>^" or token == "else" or " " in token:
            continue
        names.append(token)
    return names


def endpoint_fillable(name: str) -> bool:
    """True when the endpoint (or its user) can give ``name`` a value at send time."""
    return name in ENDPOINT_VARIABLES or name.startswith(ENDPOINT_PREFIXES)


def free_variables(text: str) -> tuple[str, ...]:
    """The distinct plain variables of ``text`` that no endpoint can fill, in order."""
    if len(text) > CACHED_TEXT_CHARS:
        return _free_variables(text)
    return _cached_free_variables(text)


def _free_variables(text: str) -> tuple[str, ...]:
    return tuple(name for name in dict.fromkeys(variables(text)) if not endpoint_fillable(name))


_cached_free_variables = lru_cache(maxsize=1024)(_free_variables)


def free_names(texts: tuple[str, ...]) -> tuple[str, ...]:
    """The distinct :func:`free_variables` of ``texts``, in order."""
    if sum(map(len, texts)) > CACHED_TEXT_CHARS:
        return _free_names(texts)
    return _cached_free_names(texts)


def _free_names(texts: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name for text in texts for name in free_variables(text)))


_cached_free_names = lru_cache(maxsize=1024)(_free_names)
