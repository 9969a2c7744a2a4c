"""The contract's shape as the strategies walk it: every place a value can sit (a :class:`Site`,
with the schema of each step to it) and the smallest valid value of any node."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..contract import schema

#: The contract the request strategies draw from.
REQUEST_SCHEMA = "send-users-messages.request.json"
#: The payload member of the SDK input shape.
PAYLOAD = "SendUsersMessageRequest"
DEFAULT_APPLICATION_ID = "611e3e3cdd47474c9c1399a505665b91"


class Slot(enum.Enum):
    """A step to a value that has no name in the schema."""

    KEY = "key"  # an entry of a map
    INDEX = "index"  # an item of a list


Step = str | Slot
"""A step down a document: a member name, or any entry of a map or item of a list."""


@dataclass(frozen=True)
class Site:
    """A place in the schema a mutation can reach, with the schema of every step to it."""

    steps: tuple[Step, ...]
    chain: tuple[Mapping[str, Any], ...]

    @property
    def node(self) -> Mapping[str, Any]:
        return self.chain[-1]


class SchemaShape:
    """A contract document, walked: its sites, its nodes resolved, their minimal values."""

    def __init__(self, name: str) -> None:
        self.document = schema(name)
        self.defs: Mapping[str, Any] = self.document.get("$defs", {})

    def resolve(self, node: Mapping[str, Any]) -> Mapping[str, Any]:
        """A node with its ``$ref`` merged in (sibling keywords such as maxProperties win)."""
        while "$ref" in node:
            target = self.defs[node["$ref"].rsplit("/", 1)[-1]]
            node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        return node

    def sites(self) -> list[Site]:
        found: list[Site] = []

        def walk(
            node: Mapping[str, Any],
            steps: tuple[Step, ...],
            chain: tuple[Mapping[str, Any], ...],
            seen: frozenset[str],
        ) -> None:
            ref = node.get("$ref")
            if ref is not None:
                if ref in seen:
                    return  # a recursive shape: its first level is enough
                seen = seen | {ref}
            node = self.resolve(node)
            chain = (*chain, node)
            found.append(Site(steps, chain))
            kind = node.get("type")
            if kind == "object":
                for name, sub in (node.get("properties") or {}).items():
                    walk(sub, (*steps, name), chain, seen)
                extra = node.get("additionalProperties")
                if isinstance(extra, Mapping):
                    walk(extra, (*steps, Slot.KEY), chain, seen)
            elif kind == "array" and isinstance(node.get("items"), Mapping):
                walk(node["items"], (*steps, Slot.INDEX), chain, seen)

        walk(self.document, (), (), frozenset())
        return found

    def minimal(self, node: Mapping[str, Any]) -> Any:
        """The smallest valid value of a node."""
        node = self.resolve(node)
        if "enum" in node:
            return node["enum"][0]
        kind = node.get("type")
        if kind == "object":
            props = node.get("properties") or {}
            return {name: self.minimal(props[name]) for name in node.get("required", ())}
        if kind == "array":
            return [self.minimal(node["items"]) for _ in range(node.get("minItems", 0))]
        if kind == "string":
            return ""
        if kind == "boolean":
            return False
        if kind in ("integer", "number"):
            low = node.get("minimum", 0)
            value = max(low, 0)
            return float(value) if kind == "number" else value
        return None


@cache
def shape(name: str) -> SchemaShape:
    """The walked shape of a contract document, by file name (made once)."""
    return SchemaShape(name)
