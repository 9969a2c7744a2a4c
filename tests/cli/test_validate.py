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


SEND = b'{"Users": {"u": {}}, "MessageConfiguration": {"SMSMessage": {"Body": %s}}}'


@pytest.mark.parametrize(
    ("body", "rule", "expected"),
    [
        (b'"\\ud800"', "unicode", "Body: contains the lone surrogate \\ud800"),
        (b"1" * 5000, "number-size", "Body: a number of 5000 digits"),
        (b"NaN", "json", "Body: NaN is not JSON"),
        (b"-1e400", "number-range", "Body: is out of the range of a number"),
    ],
)
def test_values_the_service_cannot_hold_are_errors_naming_the_member(
    tmp_path: Path, body: bytes, rule: str, expected: str
) -> None:
    """Each was a traceback (UnicodeEncodeError, ValueError) or accepted before."""
    path = tmp_path / "input.json"
    path.write_bytes(SEND % body)
    code, text = run("validate", str(path))
    assert code == 1
    assert f"  error    MessageConfiguration.SMSMessage.{expected}" in text
    assert f"[{rule}]" in text
    code, text = run("validate", "--json", str(path))
    (error,) = json.loads(text)["files"][0]["errors"]
    assert (code, error["rule"], error["path"]) == (1, rule, "MessageConfiguration.SMSMessage.Body")


def test_a_variable_with_thousands_of_spaces_is_checked_at_once(tmp_path: Path) -> None:
    """``{{ `` + 1,500 spaces + ``a`` took 9 s (the variable pattern backtracked); 100,000 would
    take hours. It is checked at once now, or the run hangs."""
    path = tmp_path / "input.json"
    path.write_bytes(SEND % json.dumps("{{ " + " " * 100_000 + "a").encode())
    code, text = run("validate", str(path))
    assert code == 0
    assert "sms-too-long" in text


def test_odd_file_names_directories_and_closed_stdin_are_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    odd = tmp_path / "caf\udce9.json"  # a name that is not UTF-8, as the shell passes it
    try:
        odd.write_bytes(GOOD.read_bytes())
    except (UnicodeEncodeError, OSError):
        pytest.skip("this file system takes only UTF-8 names")
    monkeypatch.setattr(sys, "stdin", None)
    code, text = run("validate", str(odd), str(tmp_path), "-")
    assert code == 2
    lines = text.splitlines()
    assert lines[0] == f"{tmp_path}/caf\\udce9.json: valid"
    assert lines[1].startswith(f"{tmp_path}: unreadable: cannot read: ")
    assert (
        lines[2]
        == "<stdin>: unreadable: cannot read: standard input is closed or not a byte stream"
    )
    text.encode("utf-8")


def test_an_unexpected_failure_is_reported_not_raised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pinpoint_mock.contract

    def broken(*args: object, **kwargs: object) -> None:
        raise KeyError("surprise")

    monkeypatch.setattr(pinpoint_mock.contract, "validate", broken)
    code, text = run("validate", str(GOOD))
    assert code == 2
    assert "unreadable: internal error of pinpoint-mock (KeyError: 'surprise')" in text


def test_an_ascii_terminal_gets_escapes_not_a_traceback(tmp_path: Path) -> None:
    path = tmp_path / "input.json"
    path.write_bytes(SEND % b'"x", "MessageType": "\\u00e9t\\u00e9"')
    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding="ascii")
    assert main(["validate", str(path)], out=out) == 1  # UnicodeEncodeError before
    out.flush()
    assert b"MessageType: '\\xe9t\\xe9' is not one of TRANSACTIONAL" in raw.getvalue()


def test_other_services_operations_are_validated(tmp_path: Path) -> None:
    body = {
        "FromEmailAddress": "shop@example.com",
        "Destination": {"ToAddresses": ["ana@example.com"]},
        "Content": {"Simple": {"Subject": {"Data": "Hi"}, "Body": {"Text": {"Data": "x"}}}},
    }
    good = tmp_path / "good.json"
    good.write_text(json.dumps(body))
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({**body, "Bogus": 1}))
    assert main(["validate", "--operation", "SendEmail", str(good)], out=io.StringIO()) == 0
    out = io.StringIO()
    assert main(["validate", "--operation", "SendEmail", str(bad)], out=out) == 1
    assert "Bogus: unknown field" in out.getvalue()
    sms = tmp_path / "sms.json"
    sms.write_text(json.dumps({"DestinationPhoneNumber": "call me", "MessageBody": "hi"}))
    out = io.StringIO()
    args = ["validate", "--operation", "SendTextMessage", "--service", "pinpoint-sms-voice-v2"]
    assert main([*args, str(sms)], out=out) == 1
    assert "DestinationPhoneNumber" in out.getvalue()
    # Pinpoint's CreateEmailTemplate is not SES's: --service picks the contract.
    ses = tmp_path / "ses-template.json"
    ses.write_text(json.dumps({"TemplateName": "t", "TemplateContent": {"Subject": "s"}}))
    assert main(["validate", "--operation", "CreateEmailTemplate", "--service", "sesv2",
                 str(ses)], out=io.StringIO()) == 0  # fmt: skip
    assert main(["validate", "--operation", "CreateEmailTemplate", str(ses)],
                out=io.StringIO()) == 1  # fmt: skip
