"""Compile a JSON Schema (the subset our contracts use) into fast Python closures.

Each schema node becomes two functions: ``ok(value) -> bool`` answers "is it valid?" with no
bookkeeping (the hot path: most requests in a test suite are valid), and
``collect(value, path, issues)`` walks the whole value and appends every violation. The verdicts
agree with ``jsonschema``'s Draft 2020-12 validator; ``tests/test_validator.py`` proves it on a
large generated corpus. Unsupported keywords raise at compile time so a contract can never be
half-checked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any, NamedTuple

PathT = tuple[str | int, ...]


class Issue(NamedTuple):
    path: PathT
    rule: str
    value: Any
    detail: str


OkFn = Callable[[Any], bool]
CollectFn = Callable[[Any, PathT, list[Issue]], None]

_IGNORED = frozenset(
    {"$schema", "$id", "$defs", "$comment", "title", "description", "contentEncoding"}
)
_SUPPORTED = _IGNORED | {
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

TYPE_NAMES = {
    "object": "an object",
    "array": "a list",
    "string": "a string",
    "integer": "an integer",
    "number": "a number",
    "boolean": "a boolean",
}


def _is_integer(x: Any) -> bool:
    if isinstance(x, bool):
        return False
    if isinstance(x, int):
        return True
    return isinstance(x, float) and x.is_integer()


def _is_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


_TYPE_CHECKS: dict[str, Callable[[Any], bool]] = {
    "object": lambda x: isinstance(x, dict),
    "array": lambda x: isinstance(x, list),
    "string": lambda x: isinstance(x, str),
    "integer": _is_integer,
    "number": _is_number,
    "boolean": lambda x: isinstance(x, bool),
}


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


class Compiler:
    """Compile one contract document: ``root_ok`` (generated code) and ``root_collect``."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.defs: Mapping[str, Any] = document.get("$defs", {})
        self._collect: dict[str, CollectFn] = {}
        self.root_collect = self.node(document)
        self.source, self.root_ok = _OkCodegen(document).build()

    # -- references --
    def _ref(self, ref: str) -> CollectFn:
        name = _def_name(ref)
        if name not in self._collect:
            # A placeholder first: recursive shapes resolve through the dict at call time.
            self._collect[name] = lambda x, p, out, n=name: self._collect[n](x, p, out)  # type: ignore[misc]
            self._collect[name] = self.node(self.defs[name])
        return self._collect[name]

    # -- nodes --
    def node(self, schema: Mapping[str, Any]) -> CollectFn:
        unknown = set(schema) - _SUPPORTED
        if unknown:
            raise ValueError(f"unsupported JSON Schema keywords: {sorted(unknown)}")
        parts: list[CollectFn] = []
        if "$ref" in schema:
            parts.append(self._ref(schema["$ref"]))
        kind = schema.get("type")
        if kind == "object":
            parts.append(self._object(schema))
        elif kind == "array":
            parts.append(self._array(schema))
        elif kind is not None or any(
            k in schema for k in ("enum", "pattern", "minimum", "maximum")
        ):
            parts.append(self._scalar(schema))
        if kind not in ("object", "array") and any(k in schema for k in _SIZE_KEYWORDS):
            parts.append(_sizes(schema))
        if not parts:
            return lambda x, p, out: None
        if len(parts) == 1:
            return parts[0]

        def collect_all(x: Any, path: PathT, out: list[Issue]) -> None:
            for collect in parts:
                collect(x, path, out)

        return collect_all

    def _object(self, schema: Mapping[str, Any]) -> CollectFn:
        props: Mapping[str, Any] = schema.get("properties", {})
        required = tuple(schema.get("required", ()))
        extra = schema.get("additionalProperties", True)
        col_props = {k: self.node(s) for k, s in props.items()}
        closed = extra is False
        extra_col = self.node(extra) if isinstance(extra, Mapping) else None

        sizes = _sizes(schema)

        def collect(x: Any, path: PathT, out: list[Issue]) -> None:
            sizes(x, path, out)
            for name in required:
                if name not in x:
                    out.append(Issue((*path, name), "required", None, "is required but missing"))
            for k, v in x.items():
                c = col_props.get(k)
                if c is not None:
                    c(v, (*path, k), out)
                elif closed:
                    out.append(Issue((*path, k), "additionalProperties", v, _unknown(k, props)))
                elif extra_col is not None:
                    extra_col(v, (*path, k), out)

        return _typed("object", collect)

    def _array(self, schema: Mapping[str, Any]) -> CollectFn:
        items = schema.get("items")
        item_col = self.node(items) if isinstance(items, Mapping) else None

        sizes = _sizes(schema)

        def collect(x: Any, path: PathT, out: list[Issue]) -> None:
            sizes(x, path, out)
            if item_col is not None:
                for i, v in enumerate(x):
                    item_col(v, (*path, i), out)

        return _typed("array", collect)

    def _scalar(self, schema: Mapping[str, Any]) -> CollectFn:
        kind = schema.get("type")
        enum = schema.get("enum")
        enum_set = frozenset(enum) if enum is not None else None
        enum_text = ", ".join(str(e) for e in enum) if enum is not None else ""
        pattern = re.compile(schema["pattern"]) if "pattern" in schema else None
        base64 = schema.get("contentEncoding") == "base64"
        lo = schema.get("minimum")
        hi = schema.get("maximum")

        def collect(x: Any, path: PathT, out: list[Issue]) -> None:
            if enum_set is not None and not _in(x, enum_set):
                out.append(Issue(path, "enum", x, f"{_short(x)} is not one of {enum_text}"))
            if pattern is not None and isinstance(x, str) and pattern.search(x) is None:
                detail = (
                    "is not valid base64 text"
                    if base64
                    else f"does not match the pattern {pattern.pattern}"
                )
                out.append(Issue(path, "pattern", x, f"{_short(x)} {detail}"))
            if _is_number(x):
                if lo is not None and x < lo:
                    out.append(Issue(path, "minimum", x, f"{x} is below the minimum {lo}"))
                if hi is not None and x > hi:
                    out.append(Issue(path, "maximum", x, f"{x} is above the maximum {hi}"))

        if kind is None:
            return collect
        return _typed(str(kind), collect)


def _typed(kind: str, collect: CollectFn) -> CollectFn:
    check = _TYPE_CHECKS[kind]
    expected = TYPE_NAMES[kind]
    container = kind in ("object", "array")

    def collect_typed(x: Any, path: PathT, out: list[Issue]) -> None:
        if not check(x):
            out.append(
                Issue(path, "type", x, f"{_short(x)} is {json_type_name(x)}, expected {expected}")
            )
            if container:
                return  # object and array keywords ignore other types
        collect(x, path, out)

    return collect_typed


_SIZE_KEYWORDS = ("maxProperties", "minProperties", "maxItems", "minItems")


def _sizes(schema: Mapping[str, Any]) -> CollectFn:
    """Size keywords without a type (next to a $ref): they apply to maps and lists only."""
    limits = [(k, schema[k]) for k in _SIZE_KEYWORDS if k in schema]

    def collect(x: Any, path: PathT, out: list[Issue]) -> None:
        for key, limit in limits:
            container = dict if key.endswith("Properties") else list
            if not isinstance(x, container):
                continue
            noun = "entries" if container is dict else "items"
            if key.startswith("max") and len(x) > limit:
                out.append(Issue(path, key, x, f"has {len(x)} {noun}, at most {limit} allowed"))
            elif key.startswith("min") and len(x) < limit:
                out.append(Issue(path, key, x, f"has {len(x)} {noun}, at least {limit} needed"))

    return collect


def _in(x: Any, values: frozenset[Any]) -> bool:
    try:
        return x in values
    except TypeError:  # unhashable
        return False


def _def_name(ref: str) -> str:
    prefix = "#/$defs/"
    if not ref.startswith(prefix):
        raise ValueError(f"unsupported $ref {ref!r}")
    return ref[len(prefix) :]


_INLINE_DEPTH = 13
"""Structures nested deeper than this (in code indentation levels) are called, not inlined.
13 writes a SendUsersMessages request's checks down to its e-mail parts (``SimpleEmailPart``)
in one function: inside a boto3 call a Python call costs up to a few tenths of a us
(measured), several times what it costs in a tight loop."""


class _OkCodegen:
    """Generate straight-line Python that answers "is it valid?" with no bookkeeping.

    One function per ``$defs`` entry; maps, lists and scalars are inlined into their parent,
    structures dispatch on the member name to a small integer and test each member inline.
    """

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        self.defs: Mapping[str, Any] = document.get("$defs", {})
        self.consts: dict[str, Any] = {
            "_is_integer": _is_integer,
            "_is_number": _is_number,
            "_in": _in,
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
            name = _def_name(schema["$ref"])
            target = self.defs[name]
            if self._inlinable(target):
                lines += self._checks(target, var, depth)
            elif (
                target.get("type") == "object"
                and name not in self._inlining
                and depth <= _INLINE_DEPTH
            ):
                # A structure written in place: a request's checks run in a few long
                # functions instead of one call per nested message.
                self._inlining.append(name)
                lines += self._checks(target, var, depth)
                self._inlining.pop()
            else:
                lines.append(f"{pad}if not {self._ensure(_def_name(schema['$ref']))}({var}):")
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
        if set(schema) - _IGNORED == {"$ref"}:
            return self._resolve(self.defs[_def_name(schema["$ref"])])
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


def _unknown(key: str, props: Mapping[str, Any]) -> str:
    import difflib

    close = difflib.get_close_matches(key, list(props), n=1, cutoff=0.6)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    allowed = ", ".join(props) if props else "nothing"
    return f"unknown field {key!r}{hint}; allowed here: {allowed}"


def _short(x: Any, limit: int = 60) -> str:
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
    text = repr(x)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


short = _short
