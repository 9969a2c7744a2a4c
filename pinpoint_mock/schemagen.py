"""Generate the JSON Schema contracts from botocore's service models (Pinpoint first; every
service the fake answers has a :class:`ServiceContracts` entry in :data:`SERVICES`).

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


def stem(operation: str) -> str:
    """An operation's file stem: ``SendOTPMessage`` -> ``send-otp-message``."""
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", "-", operation).lower()


#: The channel and template kinds of the operations' names.
CHANNEL_KINDS: tuple[str, ...] = ("Sms", "Email", "Voice", "Apns", "ApnsSandbox", "ApnsVoip")
CHANNEL_KINDS += ("ApnsVoipSandbox", "Gcm", "Baidu", "Adm")
TEMPLATE_KINDS = ("Sms", "Email", "Push", "Voice")
# The rest of the surface sending code calls: apps, channels, OTP, phone numbers, templates.
OPERATIONS.update(
    (name, stem(name))
    for name in (
        "CreateApp", "GetApp", "GetApps", "DeleteApp", "GetChannels",
        *(f"{verb}{kind}Channel" for kind in CHANNEL_KINDS for verb in ("Get", "Update", "Delete")),
        "PhoneNumberValidate", "SendOTPMessage", "VerifyOTPMessage",
        *(
            f"{verb}{kind}Template"
            for kind in TEMPLATE_KINDS
            for verb in ("Create", "Get", "Update", "Delete")
        ),
        "UpdateTemplateActiveVersion", "ListTemplates", "ListTemplateVersions",
    )
)  # fmt: skip

ERROR_FILE = "error.json"
OVERLAY_FILE = "overlay.json"


@dataclass(frozen=True)
class ServiceContracts:
    """What gets a contract in one service: its botocore model, the folder of its files under
    ``contracts/`` (Pinpoint's are at the top, as they always were), its operations with their
    file stems, and the shape of its error body."""

    model: str
    folder: str
    operations: Mapping[str, str]
    error_shape: str

    def path(self, name: str) -> str:
        """A file's name relative to ``contracts/``."""
        return f"{self.folder}/{name}" if self.folder else name


#: Every service with contracts, by its botocore model name.
SERVICES: dict[str, ServiceContracts] = {
    "pinpoint": ServiceContracts("pinpoint", "", OPERATIONS, "BadRequestException"),
    "sesv2": ServiceContracts(
        "sesv2",
        "sesv2",
        {
            "SendEmail": "send-email",
            "SendBulkEmail": "send-bulk-email",
            "CreateEmailTemplate": "create-email-template",
            "GetEmailTemplate": "get-email-template",
            "UpdateEmailTemplate": "update-email-template",
            "DeleteEmailTemplate": "delete-email-template",
            "ListEmailTemplates": "list-email-templates",
            "TestRenderEmailTemplate": "test-render-email-template",
            "PutSuppressedDestination": "put-suppressed-destination",
            "GetSuppressedDestination": "get-suppressed-destination",
            "DeleteSuppressedDestination": "delete-suppressed-destination",
            "ListSuppressedDestinations": "list-suppressed-destinations",
        },
        "BadRequestException",
    ),
    "pinpoint-sms-voice-v2": ServiceContracts(
        "pinpoint-sms-voice-v2",
        "sms-voice-v2",
        {
            "SendTextMessage": "send-text-message",
            "SendMediaMessage": "send-media-message",
            "SendVoiceMessage": "send-voice-message",
            "CreateOptOutList": "create-opt-out-list",
            "DescribeOptOutLists": "describe-opt-out-lists",
            "PutOptedOutNumber": "put-opted-out-number",
            "DescribeOptedOutNumbers": "describe-opted-out-numbers",
            "DeleteOptedOutNumber": "delete-opted-out-number",
            "DeleteOptOutList": "delete-opt-out-list",
        },
        "ValidationException",
    ),
}

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


def load_model(service: str = "pinpoint") -> dict[str, Any]:
    """Load a service model of the installed botocore."""
    try:
        from botocore.loaders import Loader
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise PinpointMockError(
            f"botocore is needed to read the {service} model: pip install 'pinpoint-mock[aws]'"
        ) from exc
    model: dict[str, Any] = Loader().load_service_model(service, "service-2")
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

    def schema_for(self, root: str, title: str, *, body_only: bool = False) -> dict[str, Any]:
        """The document of shape ``root``; ``body_only``: of its members that travel in the
        body (not in the URI, the query string or headers), inline."""
        defs: dict[str, Any] = {}
        body = self._shape(root, defs, body_only=True) if body_only else self._ref(root, defs)
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

    def _shape(self, name: str, defs: dict[str, Any], body_only: bool = False) -> dict[str, Any]:
        shape = self.shapes[name]
        kind = shape["type"]
        out: dict[str, Any]
        if kind == "structure":
            out = {"type": "object"}
            properties: dict[str, Any] = {}
            for member, spec in body_members(shape) if body_only else shape["members"].items():
                prop = self._ref(spec["shape"], defs)
                prop.update(self._patches(name, member))
                description = _describe(spec.get("documentation"))
                if description:
                    prop["description"] = description
                properties[member] = prop
            out["properties"] = properties
            required = [m for m in shape.get("required", ()) if m in properties]
            if required:
                out["required"] = required
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


def body_members(shape: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """A structure's members that travel in the body."""
    return [(m, spec) for m, spec in shape["members"].items() if "location" not in spec]


def _payload_shape(model: Mapping[str, Any], wrapper: str) -> str | None:
    shape = model["shapes"][wrapper]
    payload = shape.get("payload")
    if payload is None:
        return None
    return str(shape["members"][payload]["shape"])


def _body(
    gen: _Generator, model: Mapping[str, Any], wrapper: str, title: str
) -> dict[str, Any] | None:
    """The contract of a wrapper's body: its payload member's shape, else its body members
    (None when nothing travels in the body)."""
    payload = _payload_shape(model, wrapper)
    if payload is not None:
        return gen.schema_for(payload, title)
    if not body_members(model["shapes"][wrapper]):
        return None
    return gen.schema_for(wrapper, title, body_only=True)


def build(
    model: Mapping[str, Any],
    overlay: Iterable[OverlayRule],
    service: ServiceContracts = SERVICES["pinpoint"],
) -> dict[str, Any]:
    """Every contract file of ``service``, by file name (relative to ``contracts/``), as JSON-able
    documents."""
    gen = _Generator(model, overlay)
    files: dict[str, Any] = {}
    for operation, stem in service.operations.items():
        op = model["operations"][operation]
        wrapper_in = op["input"]["shape"]
        request = _body(gen, model, wrapper_in, f"{stem}.request")
        if request is not None:
            files[service.path(f"{stem}.request.json")] = request
        files[service.path(f"{stem}.input.json")] = gen.schema_for(wrapper_in, f"{stem}.input")
        if "output" in op:
            response = _body(gen, model, op["output"]["shape"], f"{stem}.response")
            if response is not None:
                files[service.path(f"{stem}.response.json")] = response
    files[service.path(ERROR_FILE)] = gen.schema_for(service.error_shape, "error")
    return files


def render(document: Any) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def contracts_dir() -> Path:
    """The package data directory of the contracts (the repo's contracts/ when editable)."""
    from importlib.resources import files

    return Path(str(files("pinpoint_mock.contracts")))


def expected_files(directory: Path) -> dict[str, str]:
    """Every contract file of every service, by its name relative to ``directory``."""
    files: dict[str, str] = {}
    for service in SERVICES.values():
        overlay = load_overlay(directory / service.path(OVERLAY_FILE))
        built = build(load_model(service.model), overlay, service)
        files.update((name, render(doc)) for name, doc in built.items())
    return files


def write(directory: Path) -> list[str]:
    """Regenerate every contract file in ``directory``; returns the names written."""
    wanted = expected_files(directory)
    for name, text in wanted.items():
        (directory / name).parent.mkdir(parents=True, exist_ok=True)
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
