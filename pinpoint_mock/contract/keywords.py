"""The JSON Schema subset the contracts use: which keywords are checked, which only describe, and
how a ``$ref`` names its ``$defs`` entry. A keyword outside this subset is refused at compile
time, so a contract can never be half-checked."""

from __future__ import annotations

#: Keywords that describe a schema but check nothing.
IGNORED_KEYWORDS = frozenset(
    {"$schema", "$id", "$defs", "$comment", "title", "description", "contentEncoding"}
)
#: Every keyword a contract may use.
SUPPORTED_KEYWORDS = IGNORED_KEYWORDS | {
    "$ref",
    "type",
    "properties",
    "required",
    "additionalProperties",
    "maxProperties",
    "minProperties",
    "items",
    "maxItems",
    "minItems",
    "enum",
    "pattern",
    "minimum",
    "maximum",
}
#: The size keywords, which apply to maps (``…Properties``) and lists (``…Items``) only.
SIZE_KEYWORDS = ("maxProperties", "minProperties", "maxItems", "minItems")

_REF_PREFIX = "#/$defs/"


def def_name(ref: str) -> str:
    """The ``$defs`` entry a ``$ref`` points to: ``#/$defs/Name`` -> ``Name``."""
    if not ref.startswith(_REF_PREFIX):
        raise ValueError(f"unsupported $ref {ref!r}")
    return ref[len(_REF_PREFIX) :]
