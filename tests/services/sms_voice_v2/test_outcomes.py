"""The shared outcome words and faults, answered in SMS and voice v2's terms."""

from __future__ import annotations

from typing import Any

import pytest
from botocore.config import Config

from pinpoint_mock.mock import PinpointMock
from pinpoint_mock.services.sms_voice_v2.outcomes import REFUSALS, refusal

DEST = "+12065550123"
SERVICE = "pinpoint-sms-voice-v2"


@pytest.fixture
def once() -> Any:
    """A client that does not retry, so one scripted outcome is one answer."""
    import boto3

    config = Config(retries={"total_max_attempts": 1, "mode": "standard"})
    return boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1", config=config)


@pytest.mark.parametrize(
    ("word", "code", "reason"),
    [
        ("THROTTLED", "ThrottlingException", None),
        ("TEMPORARY_FAILURE", "InternalServerException", None),
        ("PERMANENT_FAILURE", "ValidationException", "INVALID_PARAMETER"),
        ("UNKNOWN_FAILURE", "ValidationException", "OTHER"),
        ("OPT_OUT", "ConflictException", "DESTINATION_PHONE_NUMBER_OPTED_OUT"),
        ("DUPLICATE", "ValidationException", "INVALID_PARAMETER"),
    ],
)
def test_each_word_is_its_exception_and_reason(
    once: Any, mock: PinpointMock, word: str, code: str, reason: str | None
) -> None:
    mock.outcome(word, address=DEST, service=SERVICE)
    with pytest.raises(once.exceptions.ClientError) as info:
        once.send_text_message(DestinationPhoneNumber=DEST, MessageBody="hi")
    assert info.value.response["Error"]["Code"] == code
    assert info.value.response.get("Reason") == reason
    sent = mock.sent.last
    assert (sent.delivery_status, sent.message_id) == (word, None)
    assert sent.status_message == REFUSALS[word].message


def test_a_scripted_message_replaces_the_default(once: Any, mock: PinpointMock) -> None:
    mock.outcome("OPT_OUT", address=DEST, status_message="STOP received", service=SERVICE)
    with pytest.raises(once.exceptions.ConflictException, match="STOP received"):
        once.send_text_message(DestinationPhoneNumber=DEST, MessageBody="hi")


def test_successful_is_a_message_id_and_rules_of_other_services_do_not_apply(
    sms: Any, mock: PinpointMock
) -> None:
    mock.outcome("THROTTLED", address=DEST, service="pinpoint")
    mock.outcome("SUCCESSFUL", channel="VOICE", service=SERVICE)
    sms.send_text_message(DestinationPhoneNumber=DEST, MessageBody="hi")
    assert mock.sent.last.delivery_status == "SUCCESSFUL"


def test_botocore_retries_a_throttled_send(sms: Any, mock: PinpointMock) -> None:
    mock.outcome("THROTTLED", address=DEST, times=1, service=SERVICE)
    answer = sms.send_text_message(DestinationPhoneNumber=DEST, MessageBody="hi")
    assert [s.delivery_status for s in mock.sent] == ["THROTTLED", "SUCCESSFUL"]
    assert mock.sent.last.message_id == answer["MessageId"]
    assert mock.calls.last.attempt == 2


def test_chaos_reaches_v2_sends(once: Any, mock: PinpointMock) -> None:
    mock.chaos({"OPT_OUT": 1.0})
    with pytest.raises(once.exceptions.ConflictException):
        once.send_text_message(DestinationPhoneNumber=DEST, MessageBody="hi")
    assert mock.sent.last.rule == "chaos"


def test_fail_with_service_answers_the_services_exception(once: Any, mock: PinpointMock) -> None:
    mock.fail("ServiceQuotaExceededException", service=SERVICE)
    with pytest.raises(once.exceptions.ServiceQuotaExceededException):
        once.send_text_message(DestinationPhoneNumber=DEST, MessageBody="hi")
    mock.fail("InternalServerException", service=SERVICE, operation="CreateOptOutList")
    with pytest.raises(once.exceptions.InternalServerException):
        once.create_opt_out_list(OptOutListName="x")
    assert mock.calls.last.status == 500
    assert mock.calls.last.rule == "fail('InternalServerException', times=1)"
    assert len(mock.sent) == 0


def test_refusal_of_an_unknown_word_is_none() -> None:
    assert refusal("SUCCESSFUL", DEST) is None
    assert refusal("BOUNCE", DEST) is None
