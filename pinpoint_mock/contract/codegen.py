"""Generate straight-line Python that answers "is this document valid?" with no bookkeeping.

This is the hot path of every request a mock receives (most requests in a test suite are valid),
so the code is written out rather than interpreted: one function per ``$defs`` entry, maps,
lists and scalars inlined into their parent, structures dispatching on the member name. Only an
invalid document pays for :class:`~pinpoint_mock.contract.compiler.Compiler`'s full walk.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from .keywords import IGNORED_KEYWORDS, def_name
from .values import in_set, is_integer, is_number

OkFn = Callable[[Any], bool]

INLINE_DEPTH = 13
"""Structures nested deeper than this (in code indentation levels) are called, not inlined.
13 writes a SendUsersMessages request's checks down to its e-mail parts (``SimpleEmailPart``)
in one function: inside a boto3 call a Python call costs up to a few tenths of a us
(measured), several times what it costs in a tight loop."""


class OkCodegen:
    """Generate straight-line Python that answers "is it valid?" with no bookkeeping.

    One function per ``$defs`` entry; maps, lists and scalars are inlined into their parent,
    structures dispatch on the member name to a small integer and test each member inline.
    """

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        self.defs: Mapping[str, Any] = document.get("$defs", {})
        self.consts: dict[str, Any] = {
            "_is_integer": is_integer,
            "_is_number": is_number,
            "_in": in_set,
        }
        self.functions: dict[str, list[str]] = {}
        self._counter = 0
        self._inlining: list[str] = []
        """Structures being written inline, outermost first (a recursive one is called)."""

    def build(self) -> tuple[str, OkFn]:
        root = self._function("__root__", self.document)
        for name in list(self.defs):
            self._ensure(name)
        source = "\n\n".join("\n".join(lines) for lines in self.functions.values()) + "\n"
        namespace = dict(self.consts)
        exec(compile(source, "<pinpoint-mock contract>", "exec"), namespace)
        ok: OkFn = namespace[root]
        return source, ok

    def _const(self, value: Any) -> str:
        self._counter += 1
        name = f"_C{self._counter}"
        self.consts[name] = value
        return name

    def _fname(self, name: str) -> str:
        return "ok_" + re.sub(r"\W", "_", name)

    def _ensure(self, name: str) -> str:
        fname = self._fname(name)
        if fname not in self.functions:
            self.functions[fname] = []  # placeholder against recursion
            self._function(name, self.defs[name])
        return fname

    def _function(self, name: str, schema: Mapping[str, Any]) -> str:
        fname = self._fname(name)
        self.functions[fname] = []
        body = self._checks(schema, "x", 1)
        self.functions[fname] = [f"def {fname}(x):", *body, "    return True"]
        return fname

    def _checks(self, schema: Mapping[str, Any], var: str, depth: int) -> list[str]:
        pad = "    " * depth
        lines: list[str] = []
        if "$ref" in schema:
            name = def_name(schema["$ref"])
            target = self.defs[name]
            if self._inlinable(target):
                lines += self._checks(target, var, depth)
            elif (
                target.get("type") == "object"
                and name not in self._inlining
                and depth <= INLINE_DEPTH
            ):
                # A structure written in place: a request's checks run in a few long
                # functions instead of one call per nested message.
                self._inlining.append(name)
                lines += self._checks(target, var, depth)
                self._inlining.pop()
            else:
                lines.append(f"{pad}if not {self._ensure(def_name(schema['$ref']))}({var}):")
                lines.append(f"{pad}    return False")
        kind = schema.get("type")
        if kind == "object":
            lines += self._object(schema, var, depth)
        elif kind == "array":
            lines += self._array(schema, var, depth)
        elif kind is not None or any(
            k in schema for k in ("enum", "pattern", "minimum", "maximum")
        ):
            lines += self._scalar(schema, var, depth)
        if kind is None and "$ref" in schema:
            # Sibling keywords next to a $ref (overlay patches such as maxProperties).
            lines += self._siblings(schema, var, depth)
        return lines

    def _inlinable(self, schema: Mapping[str, Any], depth: int = 0) -> bool:
        """Scalars, and maps or lists of them (two levels deep), are written inline."""
        if "$ref" in schema or depth > 2:
            return False
        kind = schema.get("type")
        if kind == "object":
            extra = schema.get("additionalProperties", True)
            return (
                not schema.get("properties")
                and isinstance(extra, Mapping)
                and self._inlinable(self._resolve(extra), depth + 1)
            )
        if kind == "array":
            items = schema.get("items")
            return isinstance(items, Mapping) and self._inlinable(self._resolve(items), depth + 1)
        return kind is not None

    def _resolve(self, schema: Mapping[str, Any]) -> Mapping[str, Any]:
        if set(schema) - IGNORED_KEYWORDS == {"$ref"}:
            return self._resolve(self.defs[def_name(schema["$ref"])])
        return schema

    def _siblings(self, schema: Mapping[str, Any], var: str, depth: int) -> list[str]:
        pad = "    " * depth
        lines = []
        for key, kind, op in (
            ("maxProperties", "dict", ">"),
            ("minProperties", "dict", "<"),
            ("maxItems", "list", ">"),
            ("minItems", "list", "<"),
        ):
            if key in schema:
                lines.append(
                    f"{pad}if isinstance({var}, {kind}) and len({var}) {op} {schema[key]}:"
                )
                lines.append(f"{pad}    return False")
        return lines

    def _object(self, schema: Mapping[str, Any], var: str, depth: int) -> list[str]:
        pad = "    " * depth
        lines = [f"{pad}if not isinstance({var}, dict):", f"{pad}    return False"]
        lines += self._siblings(schema, var, depth)
        props: Mapping[str, Any] = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        key, value = f"k{depth}", f"v{depth}"
        if props:
            # Group members with identical checks so each check is written once.
            groups: dict[tuple[str, ...], list[str]] = {}
            # Plain strings first: they are most of the members a request carries.
            ordered = sorted(props.items(), key=lambda item: item[1].get("type") != "string")
            for member, sub in ordered:
                body = tuple(self._checks(sub, value, depth + 3))
                groups.setdefault(body, []).append(member)
            dispatch = {}
            for index, members in enumerate(groups.values()):
                for member in members:
                    dispatch[member] = index
            table = self._const(dispatch)
            lines.append(f"{pad}for {key}, {value} in {var}.items():")
            lines.append(f"{pad}    t = {table}.get({key})")
            lines.append(f"{pad}    if t is None:")
            if extra is False:
                lines.append(f"{pad}        return False")
            elif isinstance(extra, Mapping):
                lines += self._checks(extra, value, depth + 2) or [f"{pad}        pass"]
            else:
                lines.append(f"{pad}        pass")
            first = True
            for index, body in enumerate(groups):
                if not body:
                    continue
                lines.append(f"{pad}    {'if' if first else 'elif'} t == {index}:")
                lines.extend(line[4:] for line in body)  # body was written at depth + 3
                first = False
        elif isinstance(extra, Mapping):
            values = self._checks(extra, value, depth + 1)
            if values:
                lines.append(f"{pad}for {value} in {var}.values():")
                lines += values
        elif extra is False:
            lines.append(f"{pad}if {var}:")
            lines.append(f"{pad}    return False")
        for name in schema.get("required", ()):
            lines.append(f"{pad}if {name!r} not in {var}:")
            lines.append(f"{pad}    return False")
        return lines

    def _array(self, schema: Mapping[str, Any], var: str, depth: int) -> list[str]:
        pad = "    " * depth
        lines = [f"{pad}if not isinstance({var}, list):", f"{pad}    return False"]
        lines += self._siblings(schema, var, depth)
        items = schema.get("items")
        if isinstance(items, Mapping):
            item = f"i{depth}"
            body = self._checks(items, item, depth + 1)
            if body:
                lines.append(f"{pad}for {item} in {var}:")
                lines += body
        return lines

    def _scalar(self, schema: Mapping[str, Any], var: str, depth: int) -> list[str]:
        pad = "    " * depth
        kind = schema.get("type")
        tests = {
            "string": f"isinstance({var}, str)",
            "boolean": f"isinstance({var}, bool)",
            "integer": f"_is_integer({var})",
            "number": f"_is_number({var})",
        }
        lines = []
        if kind is not None:
            lines += [f"{pad}if not {tests[kind]}:", f"{pad}    return False"]
        if "enum" in schema:
            values = self._const(frozenset(schema["enum"]))
            if kind in ("string", "integer", "number", "boolean"):  # checked above: hashable
                lines += [f"{pad}if {var} not in {values}:", f"{pad}    return False"]
            else:
                lines += [f"{pad}if not _in({var}, {values}):", f"{pad}    return False"]
        if "pattern" in schema:
            pattern = self._const(re.compile(schema["pattern"]))
            lines += [
                f"{pad}if isinstance({var}, str) and {pattern}.search({var}) is None:",
                f"{pad}    return False",
            ]
        for key, op in (("minimum", "<"), ("maximum", ">")):
            if key in schema:
                lines += [
                    f"{pad}if _is_number({var}) and {var} {op} {schema[key]!r}:",
                    f"{pad}    return False",
                ]
        return lines
