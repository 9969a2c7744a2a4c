"""SMS and voice v2 factories: reproducible, valid for the service, and one mutation each."""

from __future__ import annotations

import json
from typing import Any

import pytest

from pinpoint_mock import mock_pinpoint
from pinpoint_mock.errors import PinpointMockError
from pinpoint_mock.factories.sms_voice_v2 import MUTATIONS, SmsVoiceV2Factory
from pinpoint_mock.script.simulator import simulated_status
from pinpoint_mock.services.sms_voice_v2.numbers import check, simulator_destination


@pytest.fixture
def sms() -> Any:
    import boto3
    from botocore.config import Config

    config = Config(retries={"total_max_attempts": 1}, parameter_validation=False)
    return boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1", config=config)


def test_the_same_seed_gives_the_same_requests() -> None:
    first, again = SmsVoiceV2Factory(seed=5), SmsVoiceV2Factory(seed=5)
    assert [first.text_request() for _ in range(5)] == [again.text_request() for _ in range(5)]
    assert first.voice_request() == again.voice_request()


def test_destinations_are_valid_and_never_simulator_numbers() -> None:
    factory = SmsVoiceV2Factory(seed=1)
    for _ in range(500):
        number = factory.phone_number()
        assert check(number).problem is None, number
        assert simulator_destination(number) is None
        assert simulated_status("SMS", number) is None


def test_every_valid_request_is_sent(sms: Any) -> None:
    factory = SmsVoiceV2Factory(seed=2)
    with mock_pinpoint(seed=2) as mock:
        for _ in range(20):
            sms.send_text_message(**factory.text_request())
            sms.send_voice_message(**factory.voice_request())
            sms.send_media_message(**factory.media_request())
        assert len(mock.sent) == 60
        assert {s.delivery_status for s in mock.sent} == {"SUCCESSFUL"}


@pytest.mark.parametrize("mutation", sorted(MUTATIONS))
def test_each_mutation_is_refused_naming_its_field_and_reason(mutation: str) -> None:
    case = SmsVoiceV2Factory(seed=3).invalid_text_request(mutation)
    mock = mock_pinpoint(seed=3)
    headers = {"X-Amz-Target": "PinpointSMSVoiceV2.SendTextMessage"}
    answer = mock.serve("POST", "/", headers, json.dumps(case.body).encode())
    assert len(mock.sent) == 0
    error = json.loads(answer.body)
    assert (answer.status, error["__type"], error["Reason"]) == (
        400,
        "ValidationException",
        case.reason,
    )
    assert case.field in [field["Name"] for field in error["Fields"]]


def test_an_unknown_mutation_is_refused_listing_them() -> None:
    with pytest.raises(PinpointMockError, match="destination-missing"):
        SmsVoiceV2Factory(seed=1).invalid_text_request("nope")
