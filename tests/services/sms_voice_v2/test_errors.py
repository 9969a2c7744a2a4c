"""Errors in the awsJson shape, read back by botocore's own parser into the modeled exception."""

from __future__ import annotations

import json
from typing import Any

from botocore.loaders import Loader
from botocore.model import ServiceModel
from botocore.parsers import create_parser

from pinpoint_mock.services.sms_voice_v2.errors import (
    V2Error,
    contract_error,
    error_response,
)

MODEL = ServiceModel(Loader().load_service_model("pinpoint-sms-voice-v2", "service-2"))


def parsed(status: int, headers: dict[str, str], body: bytes) -> Any:
    operation = MODEL.operation_model("SendTextMessage")
    return create_parser("json").parse(
        {"status_code": status, "headers": headers, "body": body}, operation.output_shape
    )


def test_a_conflict_carries_reason_and_resource_as_botocore_reads_them() -> None:
    error = V2Error(
        "ConflictException",
        "opted out",
        reason="DESTINATION_PHONE_NUMBER_OPTED_OUT",
        resource_type="opted-out-number",
        resource_id="+12065550123",
    )
    response = error.response("rid")
    assert response.status == 400
    assert response.headers["Content-Type"] == "application/x-amz-json-1.0"
    assert json.loads(response.body) == {
        "__type": "ConflictException",
        "Message": "opted out",
        "Reason": "DESTINATION_PHONE_NUMBER_OPTED_OUT",
        "ResourceType": "opted-out-number",
        "ResourceId": "+12065550123",
    }
    result = parsed(response.status, response.headers, response.body)
    assert result["Error"] == {"Code": "ConflictException", "Message": "opted out"}


def test_internal_server_exception_is_500_with_the_request_id() -> None:
    response = V2Error("InternalServerException").response("rid-1")
    assert response.status == 500
    assert json.loads(response.body)["RequestId"] == "rid-1"


def test_a_contract_error_becomes_a_validation_exception_listing_every_field() -> None:
    error = contract_error(
        "invalid request:\n  DestinationPhoneNumber: is required but missing\n"
        "  MessageType: 'X' is not one of TRANSACTIONAL, PROMOTIONAL"
    )
    assert error.reason == "FIELD_VALIDATION_FAILED"
    assert error.fields == (
        ("DestinationPhoneNumber", "is required but missing"),
        ("MessageType", "'X' is not one of TRANSACTIONAL, PROMOTIONAL"),
    )
    assert error.message.startswith("2 validation errors detected: ")


def test_only_missing_members_is_missing_parameter_and_no_json_cannot_parse() -> None:
    only_missing = contract_error("invalid request:\n  OptOutListName: is required but missing")
    assert only_missing.reason == "MISSING_PARAMETER"
    assert contract_error("body is not JSON: Expecting value").reason == "CANNOT_PARSE"


def test_the_engines_bad_request_is_answered_as_validation_exception() -> None:
    response = error_response(400, "BadRequestException", "invalid request:\n  A: bad", "r")
    body = json.loads(response.body)
    assert (body["__type"], body["Fields"]) == (
        "ValidationException",
        [{"Name": "A", "Message": "bad"}],
    )


def test_a_scripted_fault_keeps_its_code_status_and_message() -> None:
    response = error_response(400, "ThrottlingException", "slow down", "r")
    assert json.loads(response.body) == {"__type": "ThrottlingException", "Message": "slow down"}
    assert response.error_code == "ThrottlingException"
