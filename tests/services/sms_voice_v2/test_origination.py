"""Origination identities: the permissive default, registered ones, and what the service refuses."""

from __future__ import annotations

from typing import Any

import pytest

from pinpoint_mock.mock import PinpointMock

DEST = "+12065550123"


def test_without_registered_identities_any_origination_is_accepted(
    sms: Any, mock: PinpointMock
) -> None:
    sms.send_text_message(
        DestinationPhoneNumber=DEST, OriginationIdentity="MyBrand", MessageBody="a"
    )
    sms.send_text_message(DestinationPhoneNumber=DEST, MessageBody="b")
    assert [s.details["sentFrom"] for s in mock.sent] == ["MyBrand", None]


def test_a_registered_number_is_named_by_number_id_or_arn(sms: Any, mock: PinpointMock) -> None:
    number = mock.sms_voice_v2.add_phone_number("+12065551234", phone_number_id="phone-1")
    for name in ("+12065551234", "phone-1", number.arn):
        sms.send_text_message(
            DestinationPhoneNumber=DEST, OriginationIdentity=name, MessageBody="a"
        )
        assert mock.sent.last.details["sentFrom"] == "+12065551234"


@pytest.mark.parametrize(
    ("origination", "resource_type"),
    [("+12065559999", "phone-number"), ("pool-123", "pool"), ("OtherBrand", "sender-id")],
)
def test_an_unknown_origination_is_resource_not_found(
    sms: Any, mock: PinpointMock, origination: str, resource_type: str
) -> None:
    mock.sms_voice_v2.add_phone_number("+12065551234")
    with pytest.raises(sms.exceptions.ResourceNotFoundException) as info:
        sms.send_text_message(
            DestinationPhoneNumber=DEST, OriginationIdentity=origination, MessageBody="a"
        )
    assert info.value.response["ResourceType"] == resource_type
    assert info.value.response["ResourceId"] == origination


def test_without_origination_a_fitting_registered_identity_is_picked(
    sms: Any, mock: PinpointMock
) -> None:
    mock.sms_voice_v2.add_sender_id("ACME", iso_country_code="GB")
    mock.sms_voice_v2.add_phone_number("+12065551234")
    sms.send_text_message(DestinationPhoneNumber=DEST, MessageBody="a")
    assert mock.sent.last.details["sentFrom"] == "+12065551234"
    sms.send_text_message(DestinationPhoneNumber="+447400123456", MessageBody="a")
    assert mock.sent.last.details["sentFrom"] == "ACME"


def test_capabilities_and_message_types_must_match(sms: Any, mock: PinpointMock) -> None:
    mock.sms_voice_v2.add_phone_number(
        "+12065551234", number_capabilities=("SMS",), message_type="PROMOTIONAL"
    )
    with pytest.raises(sms.exceptions.ConflictException) as info:
        sms.send_voice_message(
            DestinationPhoneNumber=DEST, OriginationIdentity="+12065551234", MessageBody="hi"
        )
    assert info.value.response["Reason"] == "NUMBER_CAPABILITIES_MISMATCH"
    with pytest.raises(sms.exceptions.ConflictException) as info:
        sms.send_text_message(
            DestinationPhoneNumber=DEST,
            OriginationIdentity="+12065551234",
            MessageBody="hi",
            MessageType="TRANSACTIONAL",
        )
    assert info.value.response["Reason"] == "MESSAGE_TYPE_MISMATCH"


def test_a_sender_id_sends_text_to_its_country_only(sms: Any, mock: PinpointMock) -> None:
    mock.sms_voice_v2.add_sender_id("ACME", iso_country_code="GB")
    sms.send_text_message(
        DestinationPhoneNumber="+447400123456", OriginationIdentity="ACME", MessageBody="hi"
    )
    with pytest.raises(sms.exceptions.ValidationException) as info:
        sms.send_text_message(
            DestinationPhoneNumber=DEST, OriginationIdentity="ACME", MessageBody="hi"
        )
    assert info.value.response["Reason"] == "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY"
    with pytest.raises(sms.exceptions.ValidationException):
        sms.send_voice_message(
            DestinationPhoneNumber="+447400123456", OriginationIdentity="ACME", MessageBody="hi"
        )


def test_a_simulator_origination_sends_only_to_its_countrys_simulator_numbers(
    sms: Any, mock: PinpointMock
) -> None:
    mock.sms_voice_v2.add_phone_number("+12065551234", number_type="SIMULATOR")
    sms.send_text_message(
        DestinationPhoneNumber="+14254147755", OriginationIdentity="+12065551234", MessageBody="a"
    )
    for dest in ("+447860019066", DEST):
        with pytest.raises(sms.exceptions.ValidationException) as info:
            sms.send_text_message(
                DestinationPhoneNumber=dest, OriginationIdentity="+12065551234", MessageBody="a"
            )
        assert info.value.response["Reason"] == "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY"


def test_a_pool_sends_from_its_first_fitting_member(sms: Any, mock: PinpointMock) -> None:
    v2 = mock.sms_voice_v2
    sender = v2.add_sender_id("ACME", iso_country_code="GB")
    number = v2.add_phone_number("+12065551234")
    pool = v2.add_pool("pool-main", origination_identities=[sender, number.phone_number_id])
    sms.send_text_message(
        DestinationPhoneNumber=DEST, OriginationIdentity="pool-main", MessageBody="a"
    )
    assert (mock.sent.last.details["sentFrom"], mock.sent.last.details["pool"]) == (
        "+12065551234",
        "pool-main",
    )
    sms.send_text_message(
        DestinationPhoneNumber="+447400123456", OriginationIdentity=pool.arn, MessageBody="a"
    )
    assert mock.sent.last.details["sentFrom"] == "ACME"
    v2.add_pool("pool-empty")
    with pytest.raises(sms.exceptions.ConflictException) as info:
        sms.send_text_message(
            DestinationPhoneNumber=DEST, OriginationIdentity="pool-empty", MessageBody="a"
        )
    assert info.value.response["Reason"] == "NO_ORIGINATION_IDENTITIES_FOUND"


def test_a_registered_number_sends_to_its_own_country_only(sms: Any, mock: PinpointMock) -> None:
    mock.sms_voice_v2.add_phone_number("+12065551234")
    with pytest.raises(sms.exceptions.ValidationException) as info:
        sms.send_text_message(
            DestinationPhoneNumber="+447400123456",
            OriginationIdentity="+12065551234",
            MessageBody="hi",
        )
    assert info.value.response["Reason"] == "INVALID_IDENTITY_FOR_DESTINATION_COUNTRY"
