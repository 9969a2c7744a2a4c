"""SMS and voice v2 strategies: valid bodies pass the contract, broken ones break it once."""

from __future__ import annotations

from hypothesis import given, settings

from pinpoint_mock import contract
from pinpoint_mock.services.sms_voice_v2.body import length_errors
from pinpoint_mock.strategies.sms_voice_v2 import (
    MUTATIONS,
    InvalidV2Request,
    invalid_text_requests,
    text_requests,
)

SERVICE = "pinpoint-sms-voice-v2"


@settings(max_examples=200, deadline=None)
@given(text_requests())
def test_valid_bodies_pass_the_contract_and_the_lengths(body: dict) -> None:  # type: ignore[type-arg]
    errors, _ = contract.check_body(body, "SendTextMessage", SERVICE)
    assert errors == []
    assert list(length_errors(body, "SendTextMessage")) == []


@settings(max_examples=200, deadline=None)
@given(invalid_text_requests())
def test_a_broken_body_names_its_field_when_the_contract_catches_it(case: InvalidV2Request) -> None:
    errors, _ = contract.check_body(case.body, "SendTextMessage", SERVICE)
    errors += list(length_errors(case.body, "SendTextMessage"))
    if case.reason in ("FIELD_VALIDATION_FAILED", "MISSING_PARAMETER"):
        assert errors
        assert {e.split(":", 1)[0] for e in errors} == {case.field}
    else:  # checked after the contract, by the service
        assert errors == []


def test_every_mutation_names_a_known_reason() -> None:
    reasons = {reason for _, _, reason, _ in MUTATIONS.values()}
    assert reasons <= {
        "FIELD_VALIDATION_FAILED",
        "MISSING_PARAMETER",
        "INVALID_PARAMETER",
        "MAXIMUM_SIZE_EXCEEDED",
    }
