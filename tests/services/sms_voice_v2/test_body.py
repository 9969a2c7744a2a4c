"""Bodies: the model's string lengths, and the overlay kept in step with the model."""

from __future__ import annotations

import json
import re
from pathlib import Path

from botocore.loaders import Loader

from pinpoint_mock.services.sms_voice_v2.body import LENGTHS, NESTED, length_errors

MODEL = Loader().load_service_model("pinpoint-sms-voice-v2", "service-2")
OVERLAY = Path(__file__).parents[3] / "contracts" / "sms-voice-v2" / "overlay.json"


def test_lengths_outside_the_model_bounds_are_named_with_their_path() -> None:
    body = {
        "DestinationPhoneNumber": "+1" + "2" * 20,
        "MessageBody": "a" * 1601,
        "Context": {"k" * 101: "v", "ok": "x" * 801},
        "MediaUrls": ["s3://b/" + "x" * 2048],
    }
    found = list(length_errors(body, "SendTextMessage"))
    assert found == [
        "DestinationPhoneNumber: must have length between 1 and 20, got 22",
        "MessageBody: must have length between 1 and 1600, got 1601",
        f"Context key {('k' * 40)!r}: must have length between 1 and 100, got 101",
        "Context.ok: must have length between 1 and 800, got 801",
        "MediaUrls[0]: must have length between 1 and 2048, got 2055",
    ]


def test_the_length_table_is_the_models() -> None:
    shapes = MODEL["shapes"]
    for operation, members in LENGTHS.items():
        request = shapes[MODEL["operations"][operation]["input"]["shape"]]
        for member, (low, high) in members.items():
            spec = request["members"].get(member)
            if spec is None:
                continue
            shape = shapes[spec["shape"]]
            assert (shape.get("min", 0), shape["max"]) == (low, high), (operation, member)
    context = shapes["ContextMap"]
    assert NESTED["Context"] == (
        (shapes[context["key"]["shape"]]["min"], shapes[context["key"]["shape"]]["max"]),
        (shapes[context["value"]["shape"]]["min"], shapes[context["value"]["shape"]]["max"]),
    )


def test_every_pattern_of_the_overlay_is_the_models_anchored() -> None:
    rules = json.loads(OVERLAY.read_text())["rules"]
    for rule in rules:
        if not rule["id"].startswith("pattern-"):
            continue
        shape = MODEL["shapes"][rule["patch"]["shape"]]
        assert rule["patch"]["schema"]["pattern"] == f"^(?:{shape['pattern']})$"
        re.compile(rule["patch"]["schema"]["pattern"])
