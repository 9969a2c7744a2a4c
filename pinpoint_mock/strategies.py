"""Hypothesis strategies derived from the SendUsersMessages contract (``pip install
'pinpoint-mock[hypothesis]'``).

    from hypothesis import given
    from pinpoint_mock import strategies as pst

    @given(pst.valid_requests())
    def test_accepts_every_valid_request(body): ...

    @given(pst.invalid_requests())
    def test_reports_the_violation(case):
        report = validate(case.body)
        assert (case.path, case.rule) in {(e.path, e.rule) for e in report.errors}

The shapes come from the contract's JSON Schema (``pinpoint_mock.contract.schema``), so they follow
the service model wherever it goes. An invalid request is a valid one changed by exactly one
deliberate mutation, and it announces the path (as :func:`pinpoint_mock.contract.format_path`
writes it) and the rule (``type``, ``enum``, ``required``, ``additionalProperties``,
``maxProperties``, ``maxItems``, ``pattern``, ``minimum``, ``maximum``) the validator must report.
"""

from __future__ import annotations

import copy
import enum
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from hypothesis import strategies as st

from ._validator import _TYPE_CHECKS, PathT, json_type_name
from .contract import format_path, schema

#: The rules an invalid request can break, one per request.
RULES = (
    "type",
    "enum",
    "required",
    "additionalProperties",
    "maxProperties",
    "maxItems",
    "minProperties",
    "minItems",
    "pattern",
    "minimum",
    "maximum",
)
REQUEST_SCHEMA = "send-users-messages.request.json"
_PAYLOAD = "SendUsersMessageRequest"
_DEFAULT_APPLICATION_ID = "611e3e3cdd47474c9c1399a505665b91"


class _Step(enum.Enum):
    KEY = "key"  # an entry of a map
    INDEX = "index"  # an item of a list


Step = str | _Step


@dataclass(frozen=True)
class InvalidRequest:
    """A request broken by one mutation, and the violation it must produce."""

    body: dict[str, Any]
    """The request (the wire body, or the input shape with ``input_shape=True``)."""
    path: str
    """Where the violation is, as ``Violation.path`` writes it."""
    rule: str
    """The rule broken, as ``Violation.rule`` names it."""
    parts: PathT = field(repr=False)
    """``path`` as a tuple of member names, map keys and list indexes."""
    mutation: str = ""
    """What was done, in words."""

    def __str__(self) -> str:
        return f"{self.path or '<root>'} [{self.rule}]: {self.mutation}"


@dataclass(frozen=True)
class _Site:
    """A place in the schema a mutation can reach, with the schema of every step to it."""

    steps: tuple[Step, ...]
    chain: tuple[Mapping[str, Any], ...]

    @property
    def node(self) -> Mapping[str, Any]:
        return self.chain[-1]


# -- schema walking -----------------------------------------------------------------------------


class _Schema:
    def __init__(self, name: str) -> None:
        self.document = schema(name)
        self.defs: Mapping[str, Any] = self.document.get("$defs", {})

    def resolve(self, node: Mapping[str, Any]) -> Mapping[str, Any]:
        """A node with its ``$ref`` merged in (sibling keywords such as maxProperties win)."""
        while "$ref" in node:
            target = self.defs[node["$ref"].rsplit("/", 1)[-1]]
            node = {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        return node

    def sites(self) -> list[_Site]:
        found: list[_Site] = []

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
            found.append(_Site(steps, chain))
            kind = node.get("type")
            if kind == "object":
                for name, sub in (node.get("properties") or {}).items():
                    walk(sub, (*steps, name), chain, seen)
                extra = node.get("additionalProperties")
                if isinstance(extra, Mapping):
                    walk(extra, (*steps, _Step.KEY), chain, seen)
            elif kind == "array" and isinstance(node.get("items"), Mapping):
                walk(node["items"], (*steps, _Step.INDEX), chain, seen)

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


# -- valid values -------------------------------------------------------------------------------

_USER_IDS = st.one_of(
    st.uuids().map(str),
    st.integers(1, 10**9).map(str),
    st.builds(
        lambda region, u: f"{region}:{u}",
        st.sampled_from(("us-east-1", "eu-west-1")),
        st.uuids().map(str),
    ),
    st.text(max_size=12),
)


class _Builder:
    def __init__(self, source: _Schema, *, max_users: int, max_entries: int, max_text: int):
        self.schema = source
        self.max_users = max_users
        self.max_entries = max_entries
        self.text = st.text(max_size=max_text)

    def build(self, node: Mapping[str, Any], name: str = "") -> st.SearchStrategy[Any]:
        node = self.schema.resolve(node)
        if "enum" in node:
            return st.sampled_from(node["enum"])
        kind = node.get("type")
        if kind == "object":
            return self._object(node, name)
        if kind == "array":
            limit = min(node.get("maxItems", self.max_entries), self.max_entries)
            low = node.get("minItems", 0)
            return st.lists(self.build(node["items"]), min_size=low, max_size=max(low, limit))
        if kind == "string":
            if node.get("contentEncoding") == "base64":
                import base64

                return st.binary(max_size=24).map(lambda b: base64.b64encode(b).decode())
            if "pattern" in node:
                return st.from_regex(node["pattern"], fullmatch=True)
            return self.text
        if kind == "integer":
            return st.integers(node.get("minimum"), node.get("maximum"))
        if kind == "number":
            return st.floats(
                node.get("minimum"), node.get("maximum"), allow_nan=False, allow_infinity=False
            )
        if kind == "boolean":
            return st.booleans()
        raise ValueError(f"no strategy for schema node {dict(node)!r}")

    def _object(self, node: Mapping[str, Any], name: str) -> st.SearchStrategy[Any]:
        props: Mapping[str, Any] = node.get("properties") or {}
        if props:
            required = set(node.get("required", ()))
            return st.fixed_dictionaries(
                {k: self.build(v, k) for k, v in props.items() if k in required},
                optional={k: self.build(v, k) for k, v in props.items() if k not in required},
            )
        extra = node.get("additionalProperties")
        if not isinstance(extra, Mapping):
            return st.just({})
        users = name == "Users"
        limit = self.max_users if users else self.max_entries
        limit = min(node.get("maxProperties", limit), limit)
        low = node.get("minProperties", 0)
        return st.dictionaries(
            _USER_IDS if users else st.text(max_size=10),
            self.build(extra),
            min_size=low,
            max_size=max(low, limit),
        )


@cache
def _source(name: str) -> _Schema:
    return _Schema(name)


def from_schema(
    name: str = REQUEST_SCHEMA,
    *,
    max_users: int = 5,
    max_entries: int = 2,
    max_text: int = 16,
) -> st.SearchStrategy[Any]:
    """Values valid against a contract document (any of ``contracts/*.json``), maps and lists
    kept small: ``max_entries`` per map or list, ``max_users`` entries in a ``Users`` map."""
    source = _source(name)
    builder = _Builder(source, max_users=max_users, max_entries=max_entries, max_text=max_text)
    return builder.build(source.document)


def valid_requests(
    *,
    max_users: int = 5,
    max_entries: int = 2,
    input_shape: bool = False,
    application_id: str = _DEFAULT_APPLICATION_ID,
) -> st.SearchStrategy[dict[str, Any]]:
    """SendUsersMessages bodies the contract accepts (anything it allows, not only sensible
    messages: for those, see :func:`realistic_requests`). ``input_shape=True`` wraps them as
    ``{"ApplicationId": ..., "SendUsersMessageRequest": ...}``."""
    bodies = from_schema(REQUEST_SCHEMA, max_users=max_users, max_entries=max_entries)
    if input_shape:
        return bodies.map(lambda body: {"ApplicationId": application_id, _PAYLOAD: body})
    return bodies


# -- mutations ----------------------------------------------------------------------------------

_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**40), 2**40),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=8),
)
_JUNK = st.one_of(
    _SCALARS,
    st.lists(_SCALARS, max_size=2),
    st.dictionaries(st.text(max_size=4), _SCALARS, max_size=2),
)
_ENUM_MISTAKES = ("PROMO", "promotional", "transactional", "url", "open_app", "SUCCESS", "")
_TYPO_KEYS = ("Bdy", "body", "Titel", "Subsitutions", "MessageTyp", "Bogus", "X")
_NOT_BASE64 = ("not base64!", "abc", "ab=c", "====", "aGVsbG8", "a b c d")


def _wrong_type(kind: str) -> st.SearchStrategy[Any]:
    check = _TYPE_CHECKS[kind]
    return _JUNK.filter(lambda value: not check(value))


@dataclass(frozen=True)
class _Plan:
    rule: str
    site: _Site
    member: str | None = None
    """The required member to remove."""


def _plans(source: _Schema) -> dict[str, list[_Plan]]:
    plans: dict[str, list[_Plan]] = {rule: [] for rule in RULES}
    for site in source.sites():
        node = site.node
        kind = node.get("type")
        if kind is not None and site.steps:
            plans["type"].append(_Plan("type", site))
        if "enum" in node:
            plans["enum"].append(_Plan("enum", site))
        if kind == "object":
            for member in node.get("required", ()):
                plans["required"].append(_Plan("required", site, member))
            if node.get("additionalProperties") is False and node.get("properties"):
                plans["additionalProperties"].append(_Plan("additionalProperties", site))
        for rule in ("maxProperties", "maxItems", "pattern", "minimum", "maximum"):
            if rule in node:
                plans[rule].append(_Plan(rule, site))
        for rule in ("minProperties", "minItems"):
            if node.get(rule, 0) > 0:
                plans[rule].append(_Plan(rule, site))
    return {rule: found for rule, found in plans.items() if found}


@cache
def _plans_for(name: str) -> dict[str, list[_Plan]]:
    return _plans(_source(name))


def _reach(
    source: _Schema, doc: Any, site: _Site, draw: Callable[[st.SearchStrategy[Any]], Any]
) -> list[str | int]:
    """Walk ``doc`` along ``site``, creating what is missing with minimal valid values; returns
    the concrete path (map keys and list indexes chosen on the way)."""
    path: list[str | int] = []
    current = doc
    for step, child in zip(site.steps, site.chain[1:], strict=True):
        key: str | int
        if isinstance(step, str):
            if step not in current:
                current[step] = source.minimal(child)
            key = step
        elif step is _Step.KEY:
            if current:
                key = draw(st.sampled_from(list(current)))
            else:
                key = draw(_USER_IDS if path == ["Users"] else st.text(max_size=6))
                current[key] = source.minimal(child)
        else:
            if not current:
                current.append(source.minimal(child))
            key = draw(st.integers(0, len(current) - 1))
        path.append(key)
        current = current[key]
    return path


def _parent(doc: Any, path: list[str | int]) -> Any:
    for part in path[:-1]:
        doc = doc[part]
    return doc


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:39] + "…"


def _mutate(
    source: _Schema, doc: dict[str, Any], plan: _Plan, draw: Callable[[Any], Any]
) -> tuple[list[str | int], str]:
    """Apply ``plan`` to ``doc`` in place; returns the violation's path and a description."""
    path = _reach(source, doc, plan.site, draw)
    node = plan.site.node
    rule = plan.rule
    if rule == "required":
        assert plan.member is not None
        _value_at(doc, path).pop(plan.member, None)
        return [*path, plan.member], f"removed required member {plan.member!r}"
    if rule == "additionalProperties":
        target = _value_at(doc, path)
        props = node.get("properties") or {}
        forbidden = set(props) | ({_PAYLOAD} if not path else set())
        key = draw(
            st.one_of(st.sampled_from(_TYPO_KEYS), st.text(max_size=8)).filter(
                lambda k: k not in forbidden and k not in target
            )
        )
        target[key] = draw(_JUNK)
        return [*path, key], f"added unknown member {key!r}"
    if rule == "type":
        value = draw(_wrong_type(node["type"]))
        description = f"set {json_type_name(value)} {_short(value)} where {node['type']} belongs"
    elif rule == "enum":
        allowed = set(node["enum"])
        value = draw(
            st.one_of(st.sampled_from(_ENUM_MISTAKES), st.text(max_size=10)).filter(
                lambda v: v not in allowed
            )
        )
        description = f"set {value!r}, not one of {', '.join(node['enum'])}"
    elif rule == "pattern":
        regex = re.compile(node["pattern"])
        value = draw(
            st.one_of(st.sampled_from(_NOT_BASE64), st.text(min_size=1, max_size=10)).filter(
                lambda v: regex.search(v) is None
            )
        )
        description = f"set {value!r}, which does not match {node['pattern']}"
    elif rule in ("maximum", "minimum"):
        bound = node[rule]
        span = draw(st.integers(1, 2**40))
        value = bound + span if rule == "maximum" else bound - span
        description = f"set {value}, beyond the {rule} {bound}"
    elif rule == "maxProperties":
        limit = node["maxProperties"]
        entry = source.minimal(node["additionalProperties"])
        value = {f"user-{i}": copy.deepcopy(entry) for i in range(limit + 1)}
        description = f"{limit + 1} entries, at most {limit} allowed"
    elif rule == "maxItems":
        limit = node["maxItems"]
        value = [source.minimal(node["items"]) for _ in range(limit + 1)]
        description = f"{limit + 1} items, at most {limit} allowed"
    elif rule in ("minProperties", "minItems"):
        value = {} if rule == "minProperties" else []
        description = f"emptied, at least {node[rule]} needed"
    else:  # pragma: no cover - RULES and this function move together
        raise ValueError(rule)
    if path:
        _parent(doc, path)[path[-1]] = value
    return path, description


def _value_at(doc: Any, path: list[str | int]) -> Any:
    for part in path:
        doc = doc[part]
    return doc


def invalid_requests(
    *,
    rules: Iterable[str] | None = None,
    max_users: int = 5,
    max_entries: int = 2,
    input_shape: bool = False,
    application_id: str = _DEFAULT_APPLICATION_ID,
) -> st.SearchStrategy[InvalidRequest]:
    """Requests broken by one deliberate mutation, as :class:`InvalidRequest` (``body``,
    ``path``, ``rule``). ``rules`` limits the kinds of mutation (default: every rule the
    contract has a place for, equally often)."""
    plans = _plans_for(REQUEST_SCHEMA)
    chosen = list(plans) if rules is None else list(dict.fromkeys(rules))
    unknown = [r for r in chosen if r not in plans]
    if unknown:
        raise ValueError(
            f"no place in the contract for rule(s) {', '.join(unknown)}; known: {', '.join(plans)}"
        )
    if not chosen:
        raise ValueError("rules must name at least one rule")
    source = _source(REQUEST_SCHEMA)
    bodies = valid_requests(max_users=max_users, max_entries=max_entries)

    @st.composite
    def build(draw: st.DrawFn) -> InvalidRequest:
        body = copy.deepcopy(draw(bodies))
        rule = draw(st.sampled_from(chosen))
        plan = draw(st.sampled_from(plans[rule]))
        path, description = _mutate(source, body, plan, draw)
        parts: PathT = tuple(path)
        if input_shape:
            body = {"ApplicationId": application_id, _PAYLOAD: body}
            parts = (_PAYLOAD, *parts)
        return InvalidRequest(body, format_path(parts), rule, parts, description)

    return build()


# -- realistic requests (through the factories, needs Faker) -----------------------------------


def realistic_requests(
    *,
    channels: Iterable[str] | None = None,
    max_users: int = 10,
    input_shape: bool = False,
) -> st.SearchStrategy[dict[str, Any]]:
    """Believable requests made by :class:`pinpoint_mock.factories.PinpointFactory` from a drawn
    seed, channels and options: real texts, substitutions, overrides and context."""
    from .factories import REQUEST_CHANNELS, PinpointFactory

    fixed = tuple(channels) if channels is not None else None

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        seed = draw(st.integers(0, 2**32))
        picked = fixed or tuple(
            draw(st.lists(st.sampled_from(REQUEST_CHANNELS), min_size=1, max_size=4, unique=True))
        )
        factory = PinpointFactory(seed, id_style=draw(st.sampled_from(("uuid", "cognito"))))
        endpoint_channels = [c for c in picked if c != "PUSH"] or ["GCM"]
        users = factory.users(draw(st.integers(1, max_users)), channels=endpoint_channels)
        options: dict[str, Any] = {
            "channels": picked,
            "substitutions": draw(st.booleans()),
            "overrides": draw(st.sampled_from((0.0, 0.3, 1.0))),
            "context": draw(st.booleans()),
            "trace_id": draw(st.booleans()),
        }
        if input_shape:
            return factory.cli_input(users, **options)
        return factory.request(users, **options)

    return build()


__all__ = [
    "RULES",
    "InvalidRequest",
    "from_schema",
    "invalid_requests",
    "realistic_requests",
    "valid_requests",
]
