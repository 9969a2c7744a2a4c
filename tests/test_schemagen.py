"""The contracts are generated from botocore's model, deterministically, with a drift check."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest

from pinpoint_mock import schemagen
from pinpoint_mock.contract import schema
from pinpoint_mock.errors import PinpointMockError

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def model() -> dict[str, Any]:
    return schemagen.load_model()


@pytest.fixture(scope="module")
def overlay() -> list[schemagen.OverlayRule]:
    return schemagen.load_overlay(schemagen.contracts_dir() / schemagen.OVERLAY_FILE)


def test_generation_is_deterministic(model: Any, overlay: Any) -> None:
    first = {k: schemagen.render(v) for k, v in schemagen.build(model, overlay).items()}
    second = {k: schemagen.render(v) for k, v in schemagen.build(model, overlay).items()}
    assert first == second


def test_checked_in_contracts_match_the_installed_botocore() -> None:
    assert schemagen.diff(schemagen.contracts_dir()) == ""


def test_every_requested_operation_has_its_files() -> None:
    names = {p.name for p in schemagen.contracts_dir().glob("*.json")}
    for stem in schemagen.OPERATIONS.values():
        assert f"{stem}.response.json" in names
        assert f"{stem}.input.json" in names
    for stem in (
        "send-users-messages",
        "send-messages",
        "update-endpoint",
        "update-endpoints-batch",
    ):
        assert f"{stem}.request.json" in names
    assert "error.json" in names


def test_drift_is_reported_as_a_readable_diff(tmp_path: Path) -> None:
    shutil.copytree(schemagen.contracts_dir(), tmp_path, dirs_exist_ok=True)
    target = tmp_path / "send-users-messages.request.json"
    target.write_text(target.read_text().replace('"TRANSACTIONAL",', ""))
    (tmp_path / "error.json").unlink()
    difference = schemagen.diff(tmp_path)
    assert "--- checked-in/send-users-messages.request.json" in difference
    assert '+        "TRANSACTIONAL",' in difference
    assert "+++ botocore-" in difference
    assert "error.json" in difference
    schemagen.write(tmp_path)
    assert schemagen.diff(tmp_path) == ""


def test_overlay_rules_need_reasons_and_real_shapes(tmp_path: Path, model: Any) -> None:
    def overlay(rule: dict[str, Any]) -> list[schemagen.OverlayRule]:
        path = tmp_path / "overlay.json"
        path.write_text(json.dumps({"rules": [rule]}))
        return schemagen.load_overlay(path)

    with pytest.raises(PinpointMockError, match="has no reason"):
        overlay({"id": "x", "apply": "enums"})
    with pytest.raises(PinpointMockError, match="no shape 'Nope'"):
        schemagen.build(model, overlay({"id": "x", "reason": "r", "patch": {"shape": "Nope"}}))
    rule = {"id": "x", "reason": "r", "patch": {"shape": "SMSMessage", "member": "Nope"}}
    with pytest.raises(PinpointMockError, match="has no member 'Nope'"):
        schemagen.build(model, overlay(rule))
    with pytest.raises(PinpointMockError, match="unknown overlay 'apply'"):
        schemagen.build(model, overlay({"id": "x", "reason": "r", "apply": "magic"}))


def test_without_overlay_the_model_alone_is_open(model: Any) -> None:
    bare = schemagen.build(model, [])["send-users-messages.request.json"]
    sms = bare["$defs"]["SMSMessage"]
    assert "additionalProperties" not in sms
    assert "enum" not in bare["$defs"]["MessageType"]


def test_request_contract_shapes() -> None:
    doc = schema("send-users-messages.request.json")
    defs = doc["$defs"]
    assert defs["SendUsersMessageRequest"]["required"] == ["MessageConfiguration", "Users"]
    assert defs["RawEmail"]["properties"]["Data"]["contentEncoding"] == "base64"
    assert defs["SimpleEmail"]["properties"]["Headers"]["maxItems"] == 15
    assert "TemplateConfiguration" in defs["SendUsersMessageRequest"]["properties"]
    assert set(defs["TemplateConfiguration"]["properties"]) == {
        "EmailTemplate",
        "PushTemplate",
        "SMSTemplate",
        "VoiceTemplate",
        "InAppTemplate",
    }
    response = schema("send-users-messages.response.json")["$defs"]
    assert response["DeliveryStatus"]["enum"] == [
        "SUCCESSFUL",
        "THROTTLED",
        "TEMPORARY_FAILURE",
        "PERMANENT_FAILURE",
        "UNKNOWN_FAILURE",
        "OPT_OUT",
        "DUPLICATE",
    ]
    assert response["EndpointMessageResult"]["required"] == ["DeliveryStatus", "StatusCode"]
    error = schema("error.json")
    assert set(error["$defs"]["BadRequestException"]["properties"]) == {"Message", "RequestID"}


def _seed_skeleton() -> Any:
    """The request syntax block of the AWS CLI reference page (the project's seed), as JSON."""
    text = (DATA / "cli-seed-request-syntax.txt").read_text()
    text = re.sub(
        r'("[A-Z_]+"(?:\|"[A-Z_]+")+)',
        lambda m: "[" + m.group(1).replace("|", ",") + ', "$enum"]',
        text,
    )
    text = re.sub(r",\s*\.\.\.", "", text)
    text = re.sub(r"\s*\.\.\.", "", text)
    text = text.replace("true|false", "true").replace("integer", "0").replace("blob", '"$blob"')
    return json.loads(text)


def _walk(skeleton: Any, node: dict[str, Any], defs: dict[str, Any], path: str) -> list[str]:
    """Check every member of the seed against the contract; return the paths covered."""
    while "$ref" in node:
        node = {
            **defs[node["$ref"].rsplit("/", 1)[-1]],
            **{k: v for k, v in node.items() if k != "$ref"},
        }
    covered = [path]
    if isinstance(skeleton, list) and skeleton[-1:] == ["$enum"]:
        assert node["enum"] == skeleton[:-1], path
    elif isinstance(skeleton, dict) and list(skeleton) == ["string"]:
        assert node["type"] == "object", path
        covered += _walk(skeleton["string"], node["additionalProperties"], defs, path + ".*")
    elif isinstance(skeleton, dict):
        assert node["type"] == "object", path
        for key, value in skeleton.items():
            assert key in node["properties"], f"{path}.{key} missing from the contract"
            covered += _walk(value, node["properties"][key], defs, f"{path}.{key}")
    elif isinstance(skeleton, list):
        assert node["type"] == "array", path
        covered += _walk(skeleton[0], node["items"], defs, path + "[]")
    elif skeleton == "$blob":
        assert node["contentEncoding"] == "base64", path
    else:
        expected = {str: "string", bool: "boolean", int: "integer"}[type(skeleton)]
        assert node["type"] == expected, path
    return covered


def test_every_field_of_the_seed_request_is_in_the_contract() -> None:
    doc = schema("send-users-messages.request.json")
    covered = _walk(_seed_skeleton(), doc, doc["$defs"], "$")
    assert len(covered) == 149  # every member, map and list of the seed, walked
    assert "$.MessageConfiguration.SMSMessage.MessageType" in covered
    assert "$.Users.*.Substitutions.*[]" in covered
