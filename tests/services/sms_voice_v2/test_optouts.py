"""The opt-out operations, and sends refused for opted-out destinations."""

from __future__ import annotations

from typing import Any

import pytest

from pinpoint_mock.mock import PinpointMock

DEST = "+12065550123"


def test_the_default_list_exists_and_new_lists_are_listed(sms: Any, mock: PinpointMock) -> None:
    made = sms.create_opt_out_list(OptOutListName="marketing", Tags=[{"Key": "k", "Value": "v"}])
    assert made["OptOutListArn"].endswith(":opt-out-list/marketing")
    assert made["Tags"] == [{"Key": "k", "Value": "v"}]
    names = [item["OptOutListName"] for item in sms.describe_opt_out_lists()["OptOutLists"]]
    assert names == ["Default", "marketing"]
    named = sms.describe_opt_out_lists(OptOutListNames=[made["OptOutListArn"]])["OptOutLists"]
    assert [item["OptOutListName"] for item in named] == ["marketing"]
    assert sms.describe_opt_out_lists(Owner="SHARED")["OptOutLists"] == []


def test_a_duplicate_list_is_a_conflict(sms: Any, mock: PinpointMock) -> None:
    sms.create_opt_out_list(OptOutListName="dup")
    with pytest.raises(sms.exceptions.ConflictException) as info:
        sms.create_opt_out_list(OptOutListName="dup")
    assert info.value.response["Reason"] == "RESOURCE_ALREADY_EXISTS"


def test_unknown_lists_are_resource_not_found(sms: Any, mock: PinpointMock) -> None:
    with pytest.raises(sms.exceptions.ResourceNotFoundException) as info:
        sms.describe_opt_out_lists(OptOutListNames=["nope"])
    assert (info.value.response["ResourceType"], info.value.response["ResourceId"]) == (
        "opt-out-list",
        "nope",
    )
    with pytest.raises(sms.exceptions.ResourceNotFoundException):
        sms.put_opted_out_number(OptOutListName="nope", OptedOutNumber=DEST)


def test_put_describe_and_delete_opted_out_numbers(sms: Any, mock: PinpointMock) -> None:
    put = sms.put_opted_out_number(OptOutListName="Default", OptedOutNumber=DEST)
    assert (put["OptedOutNumber"], put["EndUserOptedOut"]) == (DEST, False)
    mock.sms_voice_v2.opt_out("+12065550124")
    listed = sms.describe_opted_out_numbers(OptOutListName="Default")["OptedOutNumbers"]
    assert [(n["OptedOutNumber"], n["EndUserOptedOut"]) for n in listed] == [
        (DEST, False),
        ("+12065550124", True),
    ]
    by_end_user = sms.describe_opted_out_numbers(
        OptOutListName="Default", Filters=[{"Name": "end-user-opted-out", "Values": ["true"]}]
    )["OptedOutNumbers"]
    assert [n["OptedOutNumber"] for n in by_end_user] == ["+12065550124"]
    deleted = sms.delete_opted_out_number(OptOutListName="Default", OptedOutNumber=DEST)
    assert deleted["OptedOutNumber"] == DEST
    assert mock.sms_voice_v2.opted_out() == ["+12065550124"]


def test_a_number_can_be_deleted_once_every_30_days(sms: Any, mock: PinpointMock) -> None:
    sms.put_opted_out_number(OptOutListName="Default", OptedOutNumber=DEST)
    sms.delete_opted_out_number(OptOutListName="Default", OptedOutNumber=DEST)
    sms.put_opted_out_number(OptOutListName="Default", OptedOutNumber=DEST)
    with pytest.raises(sms.exceptions.ValidationException, match="30 days"):
        sms.delete_opted_out_number(OptOutListName="Default", OptedOutNumber=DEST)


def test_deleting_an_absent_number_is_resource_not_found(sms: Any, mock: PinpointMock) -> None:
    with pytest.raises(sms.exceptions.ResourceNotFoundException) as info:
        sms.delete_opted_out_number(OptOutListName="Default", OptedOutNumber=DEST)
    assert info.value.response["ResourceType"] == "opted-out-number"
    with pytest.raises(sms.exceptions.ResourceNotFoundException):
        sms.describe_opted_out_numbers(OptOutListName="Default", OptedOutNumbers=[DEST])


def test_an_invalid_number_cannot_be_opted_out(sms: Any, mock: PinpointMock) -> None:
    with pytest.raises(sms.exceptions.ValidationException) as info:
        sms.put_opted_out_number(OptOutListName="Default", OptedOutNumber="+1206555")
    assert info.value.response["Reason"] == "INVALID_PARAMETER"


def test_lists_in_use_cannot_be_deleted(sms: Any, mock: PinpointMock) -> None:
    with pytest.raises(sms.exceptions.ConflictException) as info:
        sms.delete_opt_out_list(OptOutListName="Default")
    assert info.value.response["Reason"] == "RESOURCE_DELETION_NOT_ALLOWED"
    sms.create_opt_out_list(OptOutListName="used")
    sms.create_opt_out_list(OptOutListName="free")
    mock.sms_voice_v2.add_phone_number("+12065551234", opt_out_list_name="used")
    with pytest.raises(sms.exceptions.ConflictException):
        sms.delete_opt_out_list(OptOutListName="used")
    assert sms.delete_opt_out_list(OptOutListName="free")["OptOutListName"] == "free"
    names = [item["OptOutListName"] for item in sms.describe_opt_out_lists()["OptOutLists"]]
    assert "free" not in names


def test_pages_follow_next_token(sms: Any, mock: PinpointMock) -> None:
    for index in range(5):
        sms.create_opt_out_list(OptOutListName=f"list-{index}")
    first = sms.describe_opt_out_lists(MaxResults=4)
    second = sms.describe_opt_out_lists(MaxResults=4, NextToken=first["NextToken"])
    assert len(first["OptOutLists"]) == 4
    assert len(second["OptOutLists"]) == 2
    assert "NextToken" not in second
    with pytest.raises(sms.exceptions.ValidationException) as info:
        sms.describe_opt_out_lists(NextToken="garbage!")
    assert info.value.response["Reason"] == "INVALID_NEXT_TOKEN"


def test_an_opted_out_destination_is_refused_and_not_delivered(
    sms: Any, mock: PinpointMock
) -> None:
    sms.put_opted_out_number(OptOutListName="Default", OptedOutNumber=DEST)
    with pytest.raises(sms.exceptions.ConflictException) as info:
        sms.send_text_message(DestinationPhoneNumber=DEST, MessageBody="hi")
    response = info.value.response
    assert response["Reason"] == "DESTINATION_PHONE_NUMBER_OPTED_OUT"
    assert (response["ResourceType"], response["ResourceId"]) == ("opted-out-number", DEST)
    assert len(mock.sent) == 0
    with pytest.raises(sms.exceptions.ConflictException):
        sms.send_voice_message(
            DestinationPhoneNumber=DEST, OriginationIdentity="+12065551234", MessageBody="hi"
        )


def test_the_list_of_the_origination_identity_decides(sms: Any, mock: PinpointMock) -> None:
    sms.create_opt_out_list(OptOutListName="brand-b")
    mock.sms_voice_v2.add_phone_number("+12065551234")
    mock.sms_voice_v2.add_phone_number("+12065551235", opt_out_list_name="brand-b")
    mock.sms_voice_v2.opt_out(DEST, opt_out_list_name="brand-b")
    sms.send_text_message(
        DestinationPhoneNumber=DEST, OriginationIdentity="+12065551234", MessageBody="a"
    )
    with pytest.raises(sms.exceptions.ConflictException):
        sms.send_text_message(
            DestinationPhoneNumber=DEST, OriginationIdentity="+12065551235", MessageBody="b"
        )
