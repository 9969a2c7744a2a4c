"""Requests the contract accepts, drawn from its JSON Schema: anything it allows, not only
sensible messages."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hypothesis import strategies as st

from .shapes import DEFAULT_APPLICATION_ID, PAYLOAD, REQUEST_SCHEMA, SchemaShape, shape

#: User ids as applications write them: UUIDs, numbers, Cognito ids, any text.
USER_IDS = st.one_of(
    st.uuids().map(str),
    st.integers(1, 10**9).map(str),
    st.builds(
        lambda region, u: f"{region}:{u}",
        st.sampled_from(("us-east-1", "eu-west-1")),
        st.uuids().map(str),
    ),
    st.text(max_size=12),
)


class Builder:
    """Builds the strategy of any node of a contract document."""

    def __init__(self, source: SchemaShape, *, max_users: int, max_entries: int, max_text: int):
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
            USER_IDS if users else st.text(max_size=10),
            self.build(extra),
            min_size=low,
            max_size=max(low, limit),
        )


def from_schema(
    name: str = REQUEST_SCHEMA,
    *,
    max_users: int = 5,
    max_entries: int = 2,
    max_text: int = 16,
) -> st.SearchStrategy[Any]:
    """Values valid against a contract document (any of ``contracts/*.json``), maps and lists
    kept small: ``max_entries`` per map or list, ``max_users`` entries in a ``Users`` map."""
    source = shape(name)
    builder = Builder(source, max_users=max_users, max_entries=max_entries, max_text=max_text)
    return builder.build(source.document)


def valid_requests(
    *,
    max_users: int = 5,
    max_entries: int = 2,
    input_shape: bool = False,
    application_id: str = DEFAULT_APPLICATION_ID,
) -> st.SearchStrategy[dict[str, Any]]:
    """SendUsersMessages bodies the contract accepts (anything it allows, not only sensible
    messages: for those, see :func:`realistic_requests`). ``input_shape=True`` wraps them as
    ``{"ApplicationId": ..., "SendUsersMessageRequest": ...}``."""
    bodies = from_schema(REQUEST_SCHEMA, max_users=max_users, max_entries=max_entries)
    if input_shape:
        return bodies.map(lambda body: {"ApplicationId": application_id, PAYLOAD: body})
    return bodies
