"""A seeded generator of requests, valid and deliberately broken, driven by a contract schema."""

from __future__ import annotations

import copy
import random
import string
from typing import Any

from pinpoint_mock.contract import schema as load_schema


class Corpus:
    def __init__(self, schema_name: str, seed: int) -> None:
        self.document = load_schema(schema_name)
        self.defs = self.document["$defs"]
        self.rng = random.Random(seed)

    def _resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        if "$ref" in node:
            merged = dict(self.defs[node["$ref"].rsplit("/", 1)[-1]])
            merged.update({k: v for k, v in node.items() if k != "$ref"})
            return self._resolve(merged) if "$ref" in merged else merged
        return node

    def _text(self) -> str:
        alphabet = string.ascii_letters + " {}.é漢\n"
        return "".join(self.rng.choice(alphabet) for _ in range(self.rng.randint(0, 12)))

    def valid(self, node: dict[str, Any] | None = None, depth: int = 0) -> Any:
        node = self._resolve(node or self.document)
        kind = node.get("type")
        rng = self.rng
        if "enum" in node:
            return rng.choice(node["enum"])
        if kind == "object":
            props = node.get("properties", {})
            if props:
                out = {}
                for name, sub in props.items():
                    if name in node.get("required", ()) or (depth < 4 and rng.random() < 0.35):
                        out[name] = self.valid(sub, depth + 1)
                return out
            count = rng.randint(0, 3 if depth < 4 else 1)
            count = min(count, node.get("maxProperties", count))
            return {
                f"k{i}-{rng.randint(0, 99)}": self.valid(node["additionalProperties"], depth + 1)
                for i in range(count)
            }
        if kind == "array":
            return [self.valid(node["items"], depth + 1) for _ in range(rng.randint(0, 3))]
        if kind == "string":
            if "pattern" in node:  # base64
                return rng.choice(["", "aGVsbG8=", "QUJD", "Zm9vYmFy"])
            return self._text()
        if kind == "integer":
            return rng.randint(-1000, 100000)
        if kind == "number":
            return rng.uniform(-100, 100)
        if kind == "boolean":
            return rng.random() < 0.5
        raise AssertionError(node)

    # -- mutations -------------------------------------------------------------------------------
    def _slots(self, value: Any, node: dict[str, Any], path: tuple[Any, ...]) -> list[Any]:
        """Every (path, schema) pair in a valid document."""
        node = self._resolve(node)
        slots = [(path, node)]
        if isinstance(value, dict) and node.get("type") == "object":
            props = node.get("properties")
            for key, sub in value.items():
                sub_node = props.get(key) if props else node.get("additionalProperties")
                if isinstance(sub_node, dict):
                    slots += self._slots(sub, sub_node, (*path, key))
        elif isinstance(value, list) and node.get("type") == "array":
            for index, sub in enumerate(value):
                slots += self._slots(sub, node["items"], (*path, index))
        return slots

    def mutated(self) -> Any:
        doc = self.valid()
        for _ in range(self.rng.randint(1, 3)):
            doc = self._mutate_once(doc)
        return doc

    def _mutate_once(self, doc: Any) -> Any:
        rng = self.rng
        slots = self._slots(doc, self.document, ())
        path, node = rng.choice(slots)
        doc = copy.deepcopy(doc)
        junk = rng.choice(
            [None, 1.5, 7, -(2**40), 2**33, "text", True, [], {}, ["a", 1], {"x": 1}, 3.0]
        )
        choice = rng.randrange(6)
        if choice == 0 and node.get("type") == "object" and node.get("properties"):
            target = _get(doc, path)
            if isinstance(target, dict):
                target[rng.choice(["Bogus", "body", "Titel", "X"])] = junk
                return doc
        if choice == 1 and node.get("required"):
            target = _get(doc, path)
            if isinstance(target, dict):
                target.pop(rng.choice(node["required"]), None)
                return doc
        if choice == 2 and "enum" in node:
            return _set(doc, path, rng.choice(["PROMO", "url", "", "SUCCESS"]))
        if choice == 3 and node.get("type") == "object" and "maxProperties" in node:
            return _set(doc, path, {f"u{i}": {} for i in range(node["maxProperties"] + 1)})
        if choice == 4 and "pattern" in node:
            return _set(doc, path, rng.choice(["not base64!", "abc", "ab=c"]))
        return _set(doc, path, junk)


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        doc = doc[part]
    return doc


def _set(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    _get(doc, path[:-1])[path[-1]] = value
    return doc
