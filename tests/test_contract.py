"""validate(): every violation, with a path, a rule, the value and a readable sentence."""

from __future__ import annotations

import json
from typing import Any

import pytest

from pinpoint_mock import ContractError, validate
from pinpoint_mock.contract import format_path, parse_json, variables


def request(**config: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "MessageConfiguration": {"SMSMessage": {"Body": "Hello", "MessageType": "TRANSACTIONAL"}},
        "Users": {"user-1": {}},
    }
    body.update(config)
    return body


def messages(report: Any) -> list[str]:
    return [v.message for v in report]


def test_a_valid_request_has_no_violations() -> None:
    report = validate(request())
    assert report.ok
    assert len(report) == 0
    report.raise_for_errors()  # nothing to raise


def test_enum_error_names_path_value_and_allowed_values() -> None:
    body = request(
        MessageConfiguration={"SMSMessage": {"Body": "x", "MessageType": "PROMO"}},
    )
    (error,) = validate(body).errors
    assert error.path == "MessageConfiguration.SMSMessage.MessageType"
    assert error.rule == "enum"
    assert error.value == "'PROMO'"
    assert error.message == (
        "MessageConfiguration.SMSMessage.MessageType: 'PROMO' is not one of "
        "TRANSACTIONAL, PROMOTIONAL"
    )


def test_all_errors_are_reported_at_once() -> None:
    body = {
        "MessageConfiguration": {
            "SMSMessage": {"Bdy": "typo", "MessageType": "X"},
            "APNSMessage": {"Badge": "3", "TimeToLive": 2**40},
        },
        "Users": {"u1": {"Substitutions": {"Name": "Ana"}, "Context": {"k": 1}}},
        "Extra": True,
    }
    report = validate(body)
    assert {(v.path, v.rule) for v in report.errors} == {
        ("MessageConfiguration.SMSMessage.Bdy", "additionalProperties"),
        ("MessageConfiguration.SMSMessage.MessageType", "enum"),
        ("MessageConfiguration.APNSMessage.Badge", "type"),
        ("MessageConfiguration.APNSMessage.TimeToLive", "maximum"),
        ("Users.u1.Substitutions.Name", "type"),
        ("Users.u1.Context.k", "type"),
        ("Extra", "additionalProperties"),
    }
    typo = next(v for v in report.errors if v.path.endswith("Bdy"))
    assert "did you mean 'Body'?" in typo.detail


def test_missing_required_members_are_named() -> None:
    report = validate({})
    assert [(v.path, v.rule) for v in report.errors] == [
        ("MessageConfiguration", "required"),
        ("Users", "required"),
    ]
    assert report.errors[0].message == "MessageConfiguration: is required but missing"


def test_sdk_input_shape_is_accepted_and_paths_say_where() -> None:
    body = request(MessageConfiguration={"SMSMessage": {"MessageType": "PROMO"}})
    report = validate(
        {"ApplicationId": "611e3e3cdd47474c9c1399a505665b91", "SendUsersMessageRequest": body}
    )
    assert [v.path for v in report.errors] == [
        "SendUsersMessageRequest.MessageConfiguration.SMSMessage.MessageType"
    ]
    bad_app = validate({"ApplicationId": 7, "SendUsersMessageRequest": request()})
    assert [v.path for v in bad_app.errors] == ["ApplicationId"]


def test_json_text_and_bytes_are_accepted() -> None:
    assert validate(json.dumps(request())).ok
    assert validate(json.dumps(request()).encode()).ok
    (error,) = validate('{"Users": ').errors
    assert error.rule == "json"
    assert "line 1, column 11" in error.detail
    (error,) = validate(b'{"Users": "\xff"}').errors
    assert "not UTF-8" in error.detail


def test_raise_for_errors_lists_every_error() -> None:
    report = validate({"Users": {}, "MessageConfiguration": {"SMSMessage": {"MessageType": 1}}})
    with pytest.raises(ContractError) as info:
        report.raise_for_errors()
    assert "MessageConfiguration.SMSMessage.MessageType: 1 is an integer, expected a string" in str(
        info.value
    )


def test_unknown_operation_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="known: SendUsersMessages"):
        validate(request(), "SendEmail")


def test_paths_quote_unusual_keys() -> None:
    assert format_path(("Users", "a.b", "Context")) == 'Users["a.b"].Context'
    assert format_path(("Users", "", "Context")) == 'Users[""].Context'
    assert format_path(("SimpleEmail", "Headers", 0, "Name")) == "SimpleEmail.Headers[0].Name"
    report = validate(request(Users={"a b": {"BodyOverride": 5}}))
    assert [v.path for v in report.errors] == ['Users["a b"].BodyOverride']


def test_long_values_are_shortened() -> None:
    report = validate(request(TraceId=["x" * 500]))
    (error,) = report.errors
    assert error.value == "[…] (1 items)"
    report = validate(request(MessageConfiguration={"SMSMessage": {"MessageType": "P" * 500}}))
    assert len(report.errors[0].value) <= 60


# -- overlay rules: one rejected and one accepted example each ------------------------------


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


# -- warnings --------------------------------------------------------------------------------


def warnings_of(body: dict[str, Any]) -> list[tuple[str, str]]:
    report = validate(body)
    assert report.ok, report.errors
    return [(v.path, v.rule) for v in report.warnings]


def test_warning_empty_users_and_empty_message() -> None:
    assert warnings_of({"MessageConfiguration": {}, "Users": {}}) == [
        ("Users", "empty-users"),
        ("MessageConfiguration", "empty-message"),
    ]
    with_template = {
        "MessageConfiguration": {},
        "TemplateConfiguration": {"SMSTemplate": {"Name": "t"}},
        "Users": {"u": {}},
    }
    assert warnings_of(with_template) == []


def test_warning_unresolved_variable_names_the_users_missing_it() -> None:
    body = request(
        MessageConfiguration={"SMSMessage": {"Body": "Hi {{Name}} {{Attributes.Plan}}"}},
        Users={"u1": {"Substitutions": {"Name": ["Ana"]}}, "u2": {}},
    )
    report = validate(body)
    (warning,) = report.warnings
    assert warning.path == "MessageConfiguration.SMSMessage.Body"
    assert warning.value == "'{{Name}}'"
    assert "for user 'u2'" in warning.detail
    assert warning.severity == "warning"


def test_variables_filled_by_message_defaults_or_every_user_are_fine() -> None:
    by_default = request(
        MessageConfiguration={
            "DefaultMessage": {"Substitutions": {"Name": ["friend"]}},
            "SMSMessage": {"Body": "Hi {{Name}}"},
        }
    )
    assert warnings_of(by_default) == []
    by_users = request(
        MessageConfiguration={"EmailMessage": {"SimpleEmail": {"Subject": {"Data": "{{N}}"}}}},
        Users={"a": {"Substitutions": {"N": ["1"]}}, "b": {"Substitutions": {"N": ["2"]}}},
    )
    assert warnings_of(by_users) == []


def test_variables_in_overrides_are_checked_per_user() -> None:
    body = request(Users={"u1": {"BodyOverride": "Hey {{Nick}}", "Substitutions": {"X": ["1"]}}})
    assert warnings_of(body) == [("Users.u1.BodyOverride", "unresolved-variable")]


def test_helpers_and_blocks_are_not_variables() -> None:
    text = "{{#if X}}a{{else}}b{{/if}} {{capitalize Name}} {{{Raw}}} {{ Y }}"
    assert variables(text) == ["Raw", "Y"]


def test_warning_url_action_without_url() -> None:
    bad = request(MessageConfiguration={"GCMMessage": {"Action": "URL", "Body": "b"}})
    assert warnings_of(bad) == [
        ("MessageConfiguration.GCMMessage.Action", "url-action-without-url")
    ]
    fallback = request(
        MessageConfiguration={
            "GCMMessage": {"Action": "URL"},
            "DefaultPushNotificationMessage": {"Url": "https://example.com"},
        }
    )
    assert warnings_of(fallback) == []


@pytest.mark.parametrize(
    ("body", "warned"),
    [
        ("a" * 1600, False),
        ("a" * 1601, True),
        ("é" * 1601, True),  # é is in the GSM-7 basic set
        ("ж" * 630, False),
        ("ж" * 631, True),
    ],
)
def test_warning_sms_too_long(body: str, warned: bool) -> None:
    found = warnings_of(request(MessageConfiguration={"SMSMessage": {"Body": body}}))
    assert (found == [("MessageConfiguration.SMSMessage.Body", "sms-too-long")]) is warned


def test_warnings_can_be_switched_off() -> None:
    assert validate({"MessageConfiguration": {}, "Users": {}}, warnings=False).warnings == ()


@pytest.mark.parametrize(
    "text",
    [
        '{"a": [1, 2.5, "é", null, true]}',
        ' \n{"a": 1}\t',
        '{"a": 1} x',
        '{"a": 1}{"b": 2}',
        "\ufeff{}",
        '{"a": NaN}',
        "[" * 50_000,
        '"text"',
        "",
    ],
)
def test_parse_json_agrees_with_json_loads(text: str) -> None:
    try:
        expected: object = json.loads(text)
    except (ValueError, RecursionError):
        with pytest.raises(ContractError, match="not valid JSON"):
            parse_json(text)
    else:
        got = parse_json(text.encode())
        assert repr(got) == repr(expected)
