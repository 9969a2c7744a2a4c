"""pinpoint-mock validate: output, exit codes, and bad input never tracebacks."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from pinpoint_mock.cli import main
from pinpoint_mock.limits import MAX_PAYLOAD_BYTES

ROOT = Path(__file__).resolve().parents[2]
GOOD = ROOT / "docs" / "examples" / "send-users-messages.json"
BROKEN = ROOT / "docs" / "examples" / "broken-request.json"


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), out=out)
    return code, out.getvalue()


def test_valid_file_exits_zero() -> None:
    code, text = run("validate", str(GOOD))
    assert code == 0
    assert text.splitlines() == [
        f"{GOOD}: valid",
        "1 file checked: 1 valid, 0 invalid (0 errors, 0 warnings)",
    ]


def test_invalid_file_lists_every_violation_and_exits_one() -> None:
    code, text = run("validate", str(GOOD), str(BROKEN))
    assert code == 1
    assert f"{BROKEN}: invalid" in text
    assert (
        "  error    MessageConfiguration.SMSMessage.MessageType: 'PROMO' is not one of "
        "TRANSACTIONAL, PROMOTIONAL  [enum]"
    ) in text
    assert "  warning  MessageConfiguration.APNSMessage.Action" in text
    assert text.splitlines()[-1] == "2 files checked: 1 valid, 1 invalid (4 errors, 2 warnings)"


def test_json_output_is_machine_readable() -> None:
    code, text = run("validate", "--json", str(BROKEN))
    assert code == 1
    payload = json.loads(text)
    (result,) = payload["files"]
    assert result["valid"] is False
    assert {e["rule"] for e in result["errors"]} == {"enum", "additionalProperties", "type"}
    assert result["errors"][0].keys() == {"severity", "path", "rule", "value", "message"}


def test_strict_fails_on_warnings(tmp_path: Path) -> None:
    path = tmp_path / "warn.json"
    path.write_text(json.dumps({"MessageConfiguration": {}, "Users": {}}))
    assert run("validate", str(path))[0] == 0
    code, text = run("validate", "--strict", str(path))
    assert code == 1
    assert f"{path}: invalid" in text


def test_stdin_is_read_with_a_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin:
        buffer = io.BytesIO(GOOD.read_bytes())

    monkeypatch.setattr(sys, "stdin", Stdin)
    code, text = run("validate", "-")
    assert code == 0
    assert text.startswith("<stdin>: valid")


@pytest.mark.parametrize(
    ("content", "code", "expected"),
    [
        (
            b'{"Users": {}\n  "x": 1}',
            2,
            "not valid JSON: Expecting ',' delimiter at line 2, column 3",
        ),
        (b"\xff\xfe{}", 2, "not UTF-8: invalid byte 0xff at offset 0"),
        (b"", 2, "not valid JSON: Expecting value at line 1, column 1"),
        (b"[1, 2]", 1, "the request is a list, expected a JSON object"),
        (b'"text"', 1, "the request is a string, expected a JSON object"),
        (b"[" * 100000, 2, "not valid JSON"),
    ],
)
def test_malformed_input_gets_a_clear_message(
    tmp_path: Path, content: bytes, code: int, expected: str
) -> None:
    path = tmp_path / "input.json"
    path.write_bytes(content)
    got_code, text = run("validate", str(path))
    assert got_code == code
    assert expected in text


def test_huge_file_is_refused_like_the_service(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    path.write_bytes(b'{"TraceId": "' + b"x" * MAX_PAYLOAD_BYTES + b'"}')
    code, text = run("validate", str(path))
    assert code == 1
    assert "larger than the service's 7 MB payload limit" in text


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    code, text = run("validate", str(tmp_path / "nope.json"), str(GOOD))
    assert code == 2
    assert "nope.json: unreadable: cannot read: No such file or directory" in text


def test_other_operations_can_be_checked(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps({"Item": [{"ChannelType": "SMS", "Address": "+1"}] * 101}))
    code, text = run("validate", "--operation", "UpdateEndpointsBatch", str(path))
    assert code == 1
    assert "Item: has 101 items, at most 100 allowed" in text
