"""validate() and check_body(): every violation, with a path, a rule, the value and a sentence."""

from __future__ import annotations

import json

import pytest

from pinpoint_mock import ContractError, validate
from pinpoint_mock.contract import check_body, parse_json
from tests.contract.bodies import request


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


def test_unknown_operation_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="known: SendUsersMessages"):
        validate(request(), "SendCarrierPigeon")
    with pytest.raises(ValueError, match="'SendEmail' of pinpoint has no request contract"):
        validate(request(), "SendEmail", service="pinpoint")
    with pytest.raises(ValueError, match="'GetEmailTemplate' has no request contract"):
        validate({}, "GetEmailTemplate")  # no body to check


def test_long_values_are_shortened() -> None:
    report = validate(request(TraceId=["x" * 500]))
    (error,) = report.errors
    assert error.value == "[…] (1 items)"
    report = validate(request(MessageConfiguration={"SMSMessage": {"MessageType": "P" * 500}}))
    assert len(report.errors[0].value) <= 60


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


def test_check_body_gives_the_engine_sentences() -> None:
    assert check_body(request(), "SendUsersMessages") == ([], ())
    errors, warnings = check_body(
        request(MessageConfiguration={"SMSMessage": {"MessageType": "PROMO"}}, Users={}),
        "SendUsersMessages",
    )
    assert errors == [
        "MessageConfiguration.SMSMessage.MessageType: 'PROMO' is not one of "
        "TRANSACTIONAL, PROMOTIONAL"
    ]
    assert warnings == (
        "Users: is empty: the request sends nothing (the service would answer with an empty "
        "Result)",
    )
    # the same sentences validate() gives
    report = validate(request(MessageConfiguration={"SMSMessage": {"MessageType": "PROMO"}}))
    assert [v.message for v in report.errors] == errors


def test_check_body_never_takes_a_wire_body_for_the_input_shape() -> None:
    body = {**request(), "SendUsersMessageRequest": request()}
    errors, _ = check_body(body, "SendUsersMessages")
    assert errors == [
        "SendUsersMessageRequest: unknown field 'SendUsersMessageRequest'; allowed here: "
        "Context, MessageConfiguration, TemplateConfiguration, TraceId, Users"
    ]
    # validate() reads it as the SDK input shape: the input shape's members are what it lacks
    assert ("ApplicationId", "required") in {(v.path, v.rule) for v in validate(body).errors}


def test_operations_without_warnings_give_none() -> None:
    errors, warnings = check_body({"ChannelType": "SMS"}, "UpdateEndpoint")
    assert (errors, warnings) == ([], ())
