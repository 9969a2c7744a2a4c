"""Requests the contract refuses: a valid request changed by exactly one deliberate mutation,
announcing the path (as :func:`pinpoint_mock.contract.format_path` writes it) and the rule
(``type``, ``enum``, ``required``, ``additionalProperties``, ``maxProperties``, ``maxItems``,
``pattern``, ``minimum``, ``maximum``…) the validator must report."""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from hypothesis import strategies as st

from ..contract import PathT, format_path, json_type_name
from ..contract.values import TYPE_CHECKS
from .shapes import DEFAULT_APPLICATION_ID, PAYLOAD, REQUEST_SCHEMA, SchemaShape, Site, Slot, shape
from .valid import USER_IDS, valid_requests

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
    check = TYPE_CHECKS[kind]
    return _JUNK.filter(lambda value: not check(value))


@dataclass(frozen=True)
class Plan:
    """One place a contract can be broken: the rule, the site, the required member to remove."""

    rule: str
    site: Site
    member: str | None = None
    """The required member to remove."""


def _plans(source: SchemaShape) -> dict[str, list[Plan]]:
    plans: dict[str, list[Plan]] = {rule: [] for rule in RULES}
    for site in source.sites():
        node = site.node
        kind = node.get("type")
        if kind is not None and site.steps:
            plans["type"].append(Plan("type", site))
        if "enum" in node:
            plans["enum"].append(Plan("enum", site))
        if kind == "object":
            for member in node.get("required", ()):
                plans["required"].append(Plan("required", site, member))
            if node.get("additionalProperties") is False and node.get("properties"):
                plans["additionalProperties"].append(Plan("additionalProperties", site))
        for rule in ("maxProperties", "maxItems", "pattern", "minimum", "maximum"):
            if rule in node:
                plans[rule].append(Plan(rule, site))
        for rule in ("minProperties", "minItems"):
            if node.get(rule, 0) > 0:
                plans[rule].append(Plan(rule, site))
    return {rule: found for rule, found in plans.items() if found}


@cache
def plans_for(name: str) -> dict[str, list[Plan]]:
    """Every place the contract document ``name`` can be broken, by rule."""
    return _plans(shape(name))


NewKey = Callable[[list[str | int]], st.SearchStrategy[str]]
"""The key to add to an empty map found at a path."""


def _pinpoint_key(path: list[str | int]) -> st.SearchStrategy[str]:
    return USER_IDS if path == ["Users"] else st.text(max_size=6)


def _reach(
    source: SchemaShape,
    doc: Any,
    site: Site,
    draw: Callable[[st.SearchStrategy[Any]], Any],
    new_key: NewKey,
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
        elif step is Slot.KEY:
            if current:
                key = draw(st.sampled_from(list(current)))
            else:
                key = draw(new_key(path))
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


def mutate(
    source: SchemaShape,
    doc: dict[str, Any],
    plan: Plan,
    draw: Callable[[Any], Any],
    *,
    reserved: frozenset[str] = frozenset({PAYLOAD}),
    new_key: NewKey = _pinpoint_key,
) -> tuple[list[str | int], str]:
    """Apply ``plan`` to ``doc`` (a body of the contract ``source``) in place; returns the
    violation's path and a description. ``reserved``: member names never added at the top as
    unknown ones (the SDK input's names); ``new_key``: the key of an entry made in an empty
    map."""
    path = _reach(source, doc, plan.site, draw, new_key)
    node = plan.site.node
    rule = plan.rule
    if rule == "required":
        assert plan.member is not None
        _value_at(doc, path).pop(plan.member, None)
        return [*path, plan.member], f"removed required member {plan.member!r}"
    if rule == "additionalProperties":
        target = _value_at(doc, path)
        props = node.get("properties") or {}
        forbidden = set(props) | (reserved if not path else set())
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
    application_id: str = DEFAULT_APPLICATION_ID,
) -> st.SearchStrategy[InvalidRequest]:
    """Requests broken by one deliberate mutation, as :class:`InvalidRequest` (``body``,
    ``path``, ``rule``). ``rules`` limits the kinds of mutation (default: every rule the
    contract has a place for, equally often)."""
    plans = plans_for(REQUEST_SCHEMA)
    chosen = list(plans) if rules is None else list(dict.fromkeys(rules))
    unknown = [r for r in chosen if r not in plans]
    if unknown:
        raise ValueError(
            f"no place in the contract for rule(s) {', '.join(unknown)}; known: {', '.join(plans)}"
        )
    if not chosen:
        raise ValueError("rules must name at least one rule")
    source = shape(REQUEST_SCHEMA)
    bodies = valid_requests(max_users=max_users, max_entries=max_entries)

    @st.composite
    def build(draw: st.DrawFn) -> InvalidRequest:
        body = copy.deepcopy(draw(bodies))
        rule = draw(st.sampled_from(chosen))
        plan = draw(st.sampled_from(plans[rule]))
        path, description = mutate(source, body, plan, draw)
        parts: PathT = tuple(path)
        if input_shape:
            body = {"ApplicationId": application_id, PAYLOAD: body}
            parts = (PAYLOAD, *parts)
        return InvalidRequest(body, format_path(parts), rule, parts, description)

    return build()
