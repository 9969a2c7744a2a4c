"""The contract documents: loaded once, compiled once, and carrying the overlay's rules (one
rejected and one accepted example each)."""

from __future__ import annotations

from typing import Any

import pytest

from pinpoint_mock import validate
from pinpoint_mock.contract import OPERATIONS, compiled, request_contract, schema
from tests.contract.bodies import request


def test_documents_and_validators_are_made_once() -> None:
    assert schema("error.json") is schema("error.json")
    assert compiled("error.json") is compiled("error.json")
    assert request_contract("SendUsersMessages") is compiled("send-users-messages.request.json")
    for operation, (stem, _) in OPERATIONS.items():
        document = schema(f"{stem}.request.json")
        assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema", operation


def test_overlay_users_at_most_100() -> None:
    assert validate(request(Users={f"u{i}": {} for i in range(100)})).ok
    report = validate(request(Users={f"u{i}": {} for i in range(101)}))
    (error,) = report.errors
    assert (error.path, error.rule) == ("Users", "maxProperties")
    assert error.detail == "has 101 entries, at most 100 allowed"


@pytest.mark.parametrize(
    ("path", "good", "bad"),
    [
        (("SMSMessage", "MessageType"), "PROMOTIONAL", "promotional"),
        (("APNSMessage", "Action"), "DEEP_LINK", "LAUNCH"),
        (("GCMMessage", "Action"), "URL", "url"),
    ],
)
def test_overlay_enums_enforced(path: tuple[str, str], good: str, bad: str) -> None:
    def body(value: str) -> dict[str, Any]:
        message = {path[1]: value}
        if path[1] == "Action":
            message["Url"] = "https://example.com"
        return request(MessageConfiguration={path[0]: message})

    assert validate(body(good)).ok
    assert [v.rule for v in validate(body(bad)).errors] == ["enum"]


def test_overlay_unknown_keys_rejected() -> None:
    assert validate(request(TraceId="t")).ok
    report = validate(request(Users={"u": {"BodyOverides": "x"}}))
    assert [(v.path, v.rule) for v in report.errors] == [
        ("Users.u.BodyOverides", "additionalProperties")
    ]


def test_overlay_substitutions_are_lists_of_strings() -> None:
    good = request(Users={"u": {"Substitutions": {"Name": ["Ana", "Ben"]}}})
    assert validate(good).ok
    for bad_value in ("Ana", [1], {"first": "Ana"}, [["Ana"]]):
        report = validate(request(Users={"u": {"Substitutions": {"Name": bad_value}}}))
        assert report.errors, bad_value
        assert all(v.path.startswith("Users.u.Substitutions.Name") for v in report.errors)


@pytest.mark.parametrize("bad", [1.5, "3", True, 2**31, -(2**31) - 1, None])
def test_overlay_integer_fields_are_integers(bad: Any) -> None:
    ok = request(MessageConfiguration={"APNSMessage": {"Badge": 2**31 - 1, "TimeToLive": 0}})
    assert validate(ok).ok
    report = validate(request(MessageConfiguration={"APNSMessage": {"Badge": bad}}))
    assert [v.path for v in report.errors] == ["MessageConfiguration.APNSMessage.Badge"]


def test_overlay_email_headers_at_most_15() -> None:
    def body(count: int) -> dict[str, Any]:
        headers = [{"Name": f"X-{i}", "Value": "v"} for i in range(count)]
        return request(MessageConfiguration={"EmailMessage": {"SimpleEmail": {"Headers": headers}}})

    assert validate(body(15)).ok
    assert [v.rule for v in validate(body(16)).errors] == ["maxItems"]


def test_raw_email_data_is_base64_text() -> None:
    def body(data: Any) -> dict[str, Any]:
        return request(MessageConfiguration={"EmailMessage": {"RawEmail": {"Data": data}}})

    assert validate(body("RnJvbTogYUBleGFtcGxlLmNvbQ==")).ok
    (error,) = validate(body("From: a@example.com")).errors
    assert error.detail.endswith("is not valid base64 text")


def test_send_messages_contract_is_available() -> None:
    body = {"MessageConfiguration": {}, "Addresses": {"+12065550100": {"ChannelType": "SMS"}}}
    assert validate(body, "SendMessages").ok
    body["Addresses"]["+12065550100"]["ChannelType"] = "TEXT"
    assert [v.rule for v in validate(body, "SendMessages").errors] == ["enum"]
