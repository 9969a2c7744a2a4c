"""Generate the JSON Schema contracts from botocore's Pinpoint service model.

The generator is deterministic: the same model and the same overlay always give byte-identical
files, so ``pinpoint-mock contracts check`` can tell when the checked-in contracts drift from the
installed botocore. botocore is imported only when a model is loaded, never at import time.
"""

from __future__ import annotations

import difflib
import html
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import PinpointMockError

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

#: Operations whose bodies get a contract, with the file stem used for them.
OPERATIONS: dict[str, str] = {
    "SendUsersMessages": "send-users-messages",
    "SendMessages": "send-messages",
    "UpdateEndpoint": "update-endpoint",
    "UpdateEndpointsBatch": "update-endpoints-batch",
    "GetEndpoint": "get-endpoint",
    "GetUserEndpoints": "get-user-endpoints",
    "DeleteEndpoint": "delete-endpoint",
    "DeleteUserEndpoints": "delete-user-endpoints",
}

ERROR_FILE = "error.json"
OVERLAY_FILE = "overlay.json"

_INT_RANGES = {"integer": (-(2**31), 2**31 - 1), "long": (-(2**63), 2**63 - 1)}
_BASE64 = r"^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$"
_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")
_SENTENCE_END = re.compile(r"(?<=[a-z0-9)'\"])\.(?=\s|$)")


@dataclass(frozen=True)
class OverlayRule:
    id: str
    reason: str
    apply: str | None
    shape: str | None
    member: str | None
    schema: Mapping[str, Any]


def load_model() -> dict[str, Any]:
    """Load the Pinpoint service model of the installed botocore."""
    try:
        from botocore.loaders import Loader
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise PinpointMockError(
            "botocore is needed to read the Pinpoint model: pip install 'pinpoint-mock[aws]'"
        ) from exc
    model: dict[str, Any] = Loader().load_service_model("pinpoint", "service-2")
    return model


def botocore_version() -> str:
    import botocore

    return str(botocore.__version__)


def load_overlay(path: Path) -> list[OverlayRule]:
    data = json.loads(path.read_text(encoding="utf-8"))
    rules = []
    for raw in data["rules"]:
        patch = raw.get("patch", {})
        if not raw.get("reason"):
            raise PinpointMockError(f"overlay rule {raw.get('id')!r} has no reason")
        rules.append(
            OverlayRule(
                id=raw["id"],
                reason=raw["reason"],
                apply=raw.get("apply"),
                shape=patch.get("shape"),
                member=patch.get("member"),
                schema=patch.get("schema", {}),
            )
        )
    return rules


def _describe(doc: str | None) -> str | None:
    """The first sentence of a model doc string, as plain text."""
    if not doc:
        return None
    text = _SPACE.sub(" ", html.unescape(_TAG.sub(" ", doc))).strip()
    match = _SENTENCE_END.search(text)
    return text[: match.end()] if match else text


class _Generator:
    def __init__(self, model: Mapping[str, Any], overlay: Iterable[OverlayRule]) -> None:
        self.shapes: Mapping[str, Any] = model["shapes"]
        self.rules = list(overlay)
        self.applied = {rule.apply for rule in self.rules if rule.apply}
        known = {"closed-structures", "enums", "integer-ranges"}
        unknown = self.applied - known
        if unknown:
            raise PinpointMockError(f"unknown overlay 'apply' kinds: {sorted(unknown)}")
        for rule in self.rules:
            if rule.shape is None and rule.apply is None:
                raise PinpointMockError(f"overlay rule {rule.id!r} neither applies nor patches")
            if rule.shape is not None:
                shape = self.shapes.get(rule.shape)
                if shape is None:
                    raise PinpointMockError(f"overlay rule {rule.id!r}: no shape {rule.shape!r}")
                if rule.member is not None and rule.member not in shape.get("members", {}):
                    raise PinpointMockError(
                        f"overlay rule {rule.id!r}: {rule.shape} has no member {rule.member!r}"
                    )

    def _patches(self, shape: str, member: str | None) -> dict[str, Any]:
        merged: dict[str, Any] = {}
        for rule in self.rules:
            if rule.shape == shape and rule.member == member:
                merged.update(rule.schema)
        return merged

    def schema_for(self, root: str, title: str, extra_root: Mapping[str, Any] | None = None) -> Any:
        defs: dict[str, Any] = {}
        body = dict(extra_root) if extra_root is not None else self._ref(root, defs)
        doc: dict[str, Any] = {"$schema": SCHEMA_DIALECT, "$id": f"urn:pinpoint-mock:{title}"}
        doc["title"] = title
        doc.update(body)
        doc["$defs"] = {name: defs[name] for name in sorted(defs)}
        return doc

    def _ref(self, name: str, defs: dict[str, Any]) -> dict[str, Any]:
        shape = self.shapes[name]
        if shape["type"] in ("structure", "map", "list") or "enum" in shape:
            if name not in defs:
                defs[name] = {}  # placeholder so recursive shapes terminate
                defs[name] = self._shape(name, defs)
            return {"$ref": f"#/$defs/{name}"}
        return self._shape(name, defs)

    def _shape(self, name: str, defs: dict[str, Any]) -> dict[str, Any]:
        shape = self.shapes[name]
        kind = shape["type"]
        out: dict[str, Any]
        if kind == "structure":
            out = {"type": "object"}
            properties: dict[str, Any] = {}
            for member, spec in shape["members"].items():
                prop = self._ref(spec["shape"], defs)
                prop.update(self._patches(name, member))
                description = _describe(spec.get("documentation"))
                if description:
                    prop["description"] = description
                properties[member] = prop
            out["properties"] = properties
            if shape.get("required"):
                out["required"] = list(shape["required"])
            if "closed-structures" in self.applied:
                out["additionalProperties"] = False
        elif kind == "map":
            out = {
                "type": "object",
                "additionalProperties": self._ref(shape["value"]["shape"], defs),
            }
        elif kind == "list":
            out = {"type": "array", "items": self._ref(shape["member"]["shape"], defs)}
        elif kind == "string":
            out = {"type": "string"}
            if "enum" in shape and "enums" in self.applied:
                out["enum"] = list(shape["enum"])
        elif kind in ("integer", "long"):
            out = {"type": "integer"}
            if "integer-ranges" in self.applied:
                out["minimum"], out["maximum"] = _INT_RANGES[kind]
        elif kind in ("double", "float"):
            out = {"type": "number"}
        elif kind == "boolean":
            out = {"type": "boolean"}
        elif kind == "blob":
            out = {"type": "string", "contentEncoding": "base64", "pattern": _BASE64}
        elif kind == "timestamp":
            if shape.get("timestampFormat") == "unixTimestamp":
                out = {"type": "number"}
            else:
                out = {"type": "string"}
        else:  # pragma: no cover - the Pinpoint model has no other kinds
            raise PinpointMockError(f"shape {name!r} has unsupported type {kind!r}")
        out.update(self._patches(name, None))
        description = _describe(shape.get("documentation"))
        if description and kind in ("structure", "map", "list"):
            out["description"] = description
        return out


def _payload_shape(model: Mapping[str, Any], wrapper: str) -> str | None:
    shape = model["shapes"][wrapper]
    payload = shape.get("payload")
    if payload is None:
        return None
    return str(shape["members"][payload]["shape"])


def build(model: Mapping[str, Any], overlay: Iterable[OverlayRule]) -> dict[str, Any]:
    """Every contract file, by file name, as JSON-able documents."""
    gen = _Generator(model, overlay)
    files: dict[str, Any] = {}
    for operation, stem in OPERATIONS.items():
        op = model["operations"][operation]
        wrapper_in = op["input"]["shape"]
        body_in = _payload_shape(model, wrapper_in)
        if body_in is not None:
            files[f"{stem}.request.json"] = gen.schema_for(body_in, f"{stem}.request")
        files[f"{stem}.input.json"] = gen.schema_for(wrapper_in, f"{stem}.input")
        body_out = _payload_shape(model, op["output"]["shape"])
        if body_out is not None:
            files[f"{stem}.response.json"] = gen.schema_for(body_out, f"{stem}.response")
    files[ERROR_FILE] = gen.schema_for("BadRequestException", "error")
    return files


def render(document: Any) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def contracts_dir() -> Path:
    """The package data directory of the contracts (the repo's contracts/ when editable)."""
    from importlib.resources import files

    return Path(str(files("pinpoint_mock.contracts")))


def expected_files(directory: Path) -> dict[str, str]:
    overlay = load_overlay(directory / OVERLAY_FILE)
    return {name: render(doc) for name, doc in build(load_model(), overlay).items()}


def write(directory: Path) -> list[str]:
    """Regenerate every contract file in ``directory``; returns the names written."""
    wanted = expected_files(directory)
    for name, text in wanted.items():
        (directory / name).write_text(text, encoding="utf-8")
    return sorted(wanted)


def diff(directory: Path) -> str:
    """A unified diff between the checked-in contracts and what botocore would produce."""
    wanted = expected_files(directory)
    chunks: list[str] = []
    for name in sorted(wanted):
        path = directory / name
        have = path.read_text(encoding="utf-8") if path.exists() else ""
        if have != wanted[name]:
            chunks.extend(
                difflib.unified_diff(
                    have.splitlines(keepends=True),
                    wanted[name].splitlines(keepends=True),
                    fromfile=f"checked-in/{name}",
                    tofile=f"botocore-{botocore_version()}/{name}",
                )
            )
    return "".join(chunks)
