"""``{{variables}}`` in message texts: how they are written, which names a request must fill and
which the endpoint fills at send time."""

from __future__ import annotations

import re
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
#: A ``{{name}}`` or ``{{{name}}}`` token; group 1 is what is between the braces, trimmed.
VARIABLE = re.compile(r"\{\{\{?\s*([^{}]*?)\s*\}?\}\}")


def variables(text: str) -> list[str]:
    """The plain variable names used in a template text (helpers and blocks are skipped)."""
    names = []
    for token in VARIABLE.findall(text):
        if not token or token[0] in "#/!>^" or token == "else" or " " in token:
            continue
        names.append(token)
    return names


def endpoint_fillable(name: str) -> bool:
    """True when the endpoint (or its user) can give ``name`` a value at send time."""
    return name in ENDPOINT_VARIABLES or name.startswith(ENDPOINT_PREFIXES)


@lru_cache(maxsize=1024)
def free_variables(text: str) -> tuple[str, ...]:
    """The distinct plain variables of ``text`` that no endpoint can fill, in order."""
    return tuple(name for name in dict.fromkeys(variables(text)) if not endpoint_fillable(name))


@lru_cache(maxsize=1024)
def free_names(texts: tuple[str, ...]) -> tuple[str, ...]:
    """The distinct :func:`free_variables` of ``texts``, in order."""
    return tuple(dict.fromkeys(name for text in texts for name in free_variables(text)))
