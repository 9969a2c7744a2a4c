"""The three sends through boto3 and the mock: answers, checks, records."""

from __future__ import annotations

from typing import Any

import pytest

from pinpoint_mock.mock import PinpointMock
from pinpoint_mock.models import RenderedMessage

DEST = "+12065550123"


def test_a_text_is_answered_with_a_message_id_and_recorded(sms: Any, mock: PinpointMock) -> None:
    answer = sms.send_text_message(
        DestinationPhoneNumber=DEST,
        OriginationIdentity="+12065551234",
        MessageBody="Your code is 123456",
        MessageType="TRANSACTIONAL",
        Keyword="ACME",
        ConfigurationSetName="main",
        TimeToLive=300,
        MaxPrice="0.10",
        Context={"order": "o-1"},
    )
    sent = mock.sent.last
    assert answer["MessageId"] == sent.message_id
    assert (sent.service, sent.operation, sent.channel) == (
        "pinpoint-sms-voice-v2",
        "SendTextMessage",
        "SMS",
    )
    assert (sent.address, sent.body, sent.delivery_status) == (
        DEST,
        "Your code is 123456",
        "SUCCESSFUL",
    )
    assert sent.message == RenderedMessage(
        "SMS", body="Your code is 123456", sms_encoding="GSM-7", sms_segments=1
    )
    assert sent.context == {"order": "o-1"}
    assert sent.details["originationIdentity"] == "+12065551234"
    assert sent.details["messageType"] == "TRANSACTIONAL"
    assert sent.details["keyword"] == "ACME"
    assert sent.details["configurationSetName"] == "main"
    assert sent.details["timeToLive"] == 300
    assert sent.details["destinationCountry"] == "US"
    assert mock.calls.last.service == "pinpoint-sms-voice-v2"


def test_ucs2_and_segments(sms: Any, mock: PinpointMock) -> None:
    sms.send_text_message(DestinationPhoneNumber=DEST, MessageBody="Привет " * 20)
    sent = mock.sent.last
    assert (sent.message.sms_encoding, sent.message.sms_segments) == ("UCS-2", 3)


@pytest.mark.parametrize(
    ("body", "ok"),
    [("a" * 1530, True), ("a" * 1531, False), ("€" * 765, True), ("€" * 766, False),
     ("ж" * 630, True), ("ж" * 631, False)],
)  # fmt: skip
def test_the_documented_length_limits(sms: Any, mock: PinpointMock, body: str, ok: bool) -> None:
    if ok:
        sms.send_text_message(DestinationPhoneNumber=DEST, MessageBody=body)
        return
    with pytest.raises(sms.exceptions.ValidationException) as info:
        sms.send_text_message(DestinationPhoneNumber=DEST, MessageBody=body)
    assert info.value.response["Reason"] == "MAXIMUM_SIZE_EXCEEDED"
    assert info.value.response["Fields"][0]["Name"] == "MessageBody"
    assert len(mock.sent) == 0


def test_an_invalid_destination_is_a_validation_exception(sms: Any, mock: PinpointMock) -> None:
    with pytest.raises(sms.exceptions.ValidationException) as info:
        sms.send_text_message(DestinationPhoneNumber="+1206555", MessageBody="hi")
    assert info.value.response["Reason"] == "INVALID_PARAMETER"
    assert info.value.response["Fields"][0]["Name"] == "DestinationPhoneNumber"


def test_contract_errors_list_every_field(sms: Any, mock: PinpointMock) -> None:
    with pytest.raises(sms.exceptions.ValidationException) as info:
        sms.send_text_message(
            DestinationPhoneNumber="12065550123x", MessageBody="hi", MessageType="OTHER"
        )
    names = [field["Name"] for field in info.value.response["Fields"]]
    assert names == ["DestinationPhoneNumber", "MessageType"]
    assert info.value.response["Reason"] == "FIELD_VALIDATION_FAILED"
    assert mock.calls.last.violations


def test_a_dry_run_is_checked_and_answered_but_not_delivered(sms: Any, mock: PinpointMock) -> None:
    answer = sms.send_text_message(DestinationPhoneNumber=DEST, MessageBody="hi", DryRun=True)
    assert answer["MessageId"]
    assert len(mock.sent) == 0
    with pytest.raises(sms.exceptions.ValidationException):
        sms.send_text_message(DestinationPhoneNumber="+1206555", MessageBody="hi", DryRun=True)


def test_max_price_under_the_modelled_price_is_refused(sms: Any, mock: PinpointMock) -> None:
    mock.sms_voice_v2.set_prices(per_part="0.05")
    sms.send_text_message(DestinationPhoneNumber=DEST, MessageBody="hi", MaxPrice="0.05")
    with pytest.raises(sms.exceptions.ValidationException) as info:
        sms.send_text_message(DestinationPhoneNumber=DEST, MessageBody="a" * 200, MaxPrice="0.09")
    assert info.value.response["Reason"] == "PRICE_OVER_THRESHOLD"


def test_a_text_without_body_is_missing_parameter(sms: Any, mock: PinpointMock) -> None:
    with pytest.raises(sms.exceptions.ValidationException) as info:
        sms.send_text_message(DestinationPhoneNumber=DEST)
    assert info.value.response["Reason"] == "MISSING_PARAMETER"


def test_media_is_recorded_as_sms_with_its_urls(sms: Any, mock: PinpointMock) -> None:
    sms.send_media_message(
        DestinationPhoneNumber=DEST,
        OriginationIdentity="+12065551234",
        MessageBody="Look",
        MediaUrls=["s3://bucket-1/cat.png"],
    )
    sent = mock.sent.last
    assert (sent.channel, sent.operation) == ("SMS", "SendMediaMessage")
    assert sent.details["mediaUrls"] == ["s3://bucket-1/cat.png"]
    assert sent.details["mms"] is True
    assert sent.message.fields == {"MediaUrls": ["s3://bucket-1/cat.png"]}


def test_media_urls_must_be_one_s3_url(sms: Any, mock: PinpointMock) -> None:
    with pytest.raises(sms.exceptions.ValidationException) as info:
        sms.send_media_message(
            DestinationPhoneNumber=DEST,
            OriginationIdentity="+12065551234",
            MediaUrls=["https://example.com/cat.png"],
        )
    assert info.value.response["Fields"][0]["Name"] == "MediaUrls[0]"


def test_voice_text_and_ssml(sms: Any, mock: PinpointMock) -> None:
    sms.send_voice_message(
        DestinationPhoneNumber=DEST, OriginationIdentity="+12065551234", MessageBody="Hello"
    )
    assert mock.sent.last.channel == "VOICE"
    assert mock.sent.last.details["messageBodyTextType"] == "TEXT"
    assert mock.sent.last.details["voiceId"] == "MATTHEW"
    sms.send_voice_message(
        DestinationPhoneNumber=DEST,
        OriginationIdentity="+12065551234",
        MessageBody="<speak>Hello <break time='1s'/></speak>",
        MessageBodyTextType="SSML",
        VoiceId="JOANNA",
    )
    assert mock.sent.last.details["voiceId"] == "JOANNA"
    with pytest.raises(sms.exceptions.ValidationException, match="SSML"):
        sms.send_voice_message(
            DestinationPhoneNumber=DEST,
            OriginationIdentity="+12065551234",
            MessageBody="<speak>unclosed",
            MessageBodyTextType="SSML",
        )
    with pytest.raises(sms.exceptions.ValidationException) as info:
        sms.send_voice_message(
            DestinationPhoneNumber=DEST, OriginationIdentity="+12065551234", MessageBody="a" * 3001
        )
    assert info.value.response["Reason"] == "MAXIMUM_SIZE_EXCEEDED"


def test_aws_simulator_numbers_behave_as_documented(sms: Any, mock: PinpointMock) -> None:
    ok = sms.send_text_message(DestinationPhoneNumber="+14254147755", MessageBody="hi")
    failed = sms.send_text_message(DestinationPhoneNumber="+447860019067", MessageBody="hi")
    assert ok["MessageId"]
    assert failed["MessageId"]
    first, second = mock.sent
    assert (first.delivery_status, first.rule) == ("SUCCESSFUL", "simulator:+14254147755")
    assert second.delivery_status == "PERMANENT_FAILURE"
    assert second.details["event"] == "TEXT_CARRIER_UNREACHABLE"


def test_a_record_is_the_same_made_at_send_time_or_when_first_read(sms: Any) -> None:
    """Unscripted, a send's record is made when first read; a rule needs its details at send
    time. Either way the record shows the same facts."""
    from pinpoint_mock import mock_pinpoint

    def record(scripted: bool) -> tuple[Any, ...]:
        with mock_pinpoint(seed=1) as mock:
            if scripted:
                mock.outcome("THROTTLED", address="+12065550199")  # another number
            sms.send_text_message(
                DestinationPhoneNumber=DEST, MessageBody="Hi", Context={"k": "v"}, Keyword="K"
            )
            sms.send_voice_message(
                DestinationPhoneNumber=DEST, OriginationIdentity="+12065551234", MessageBody="Hi"
            )
            sms.send_media_message(
                DestinationPhoneNumber=DEST,
                MediaUrls=["s3://bucket/cat.png"],
                OriginationIdentity=DEST,
            )
            return tuple(
                (s.operation, s.address, s.body, s.message, s.context, s.details, s.rule)
                for s in mock.sent
            )

    made_later, made_now = record(False), record(True)
    assert made_later == made_now
    assert made_later[0][5]["keyword"] == "K"
    assert made_later[1][5]["voiceId"] == "MATTHEW"
    assert made_later[2][5]["mms"] is True
