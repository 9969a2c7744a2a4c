"""PhoneNumberValidate with libphonenumber: country, type, cleansed forms; invalid numbers."""

from __future__ import annotations

from typing import Any

import pytest

from pinpoint_mock.errors import PinpointMockError
from pinpoint_mock.mock import PinpointMock
from pinpoint_mock.services.pinpoint.phone import validate_number


def validate(client: Any, **request: str) -> dict[str, Any]:
    answer: dict[str, Any] = client.phone_number_validate(NumberValidateRequest=request)[
        "NumberValidateResponse"
    ]
    return answer


def test_the_documented_example_number(pinpoint: PinpointMock, client: Any) -> None:
    # The AWS CLI's phone-number-validate example: +12065550142 in Seattle.
    answer = validate(client, PhoneNumber="+12065550142")
    assert answer["CleansedPhoneNumberE164"] == "+12065550142"
    assert answer["CleansedPhoneNumberNational"] == "2065550142"
    assert (answer["Country"], answer["CountryCodeIso2"], answer["CountryCodeNumeric"]) == (
        "United States",
        "US",
        "1",
    )
    assert (answer["PhoneType"], answer["PhoneTypeCode"]) == ("MOBILE", 0)
    assert answer["Timezone"] == "America/Los_Angeles"
    assert answer["OriginalPhoneNumber"] == "+12065550142"


def test_national_numbers_read_with_the_country_and_carriers(
    pinpoint: PinpointMock, client: Any
) -> None:
    answer = validate(client, PhoneNumber="06 12 34 56 78", IsoCountryCode="FR")
    assert answer["CleansedPhoneNumberE164"] == "+33612345678"
    assert (answer["OriginalCountryCodeIso2"], answer["CountryCodeIso2"]) == ("FR", "FR")
    assert answer["PhoneType"] == "MOBILE"
    assert answer["Carrier"]
    landline = validate(client, PhoneNumber="+33142685300")
    assert (landline["PhoneType"], landline["PhoneTypeCode"]) == ("LANDLINE", 1)


@pytest.mark.parametrize("number", ["+1555", "+447700900123", "not a number", "12"])
def test_invalid_numbers_are_answered_invalid_not_refused(
    pinpoint: PinpointMock, client: Any, number: str
) -> None:
    answer = validate(client, PhoneNumber=number)
    assert (answer["PhoneType"], answer["PhoneTypeCode"]) == ("INVALID", 3)
    assert answer["OriginalPhoneNumber"] == number
    assert "CleansedPhoneNumberE164" not in answer


def test_invalid_number_keeps_its_country_when_the_code_is_known() -> None:
    answer = validate_number("+1555")
    assert (answer["CountryCodeIso2"], answer["Country"]) == ("US", "United States")


def test_bounds_name_the_field(pinpoint: PinpointMock, client: Any) -> None:
    with pytest.raises(client.exceptions.BadRequestException, match="PhoneNumber"):
        validate(client, PhoneNumber="1" * 101)
    with pytest.raises(client.exceptions.BadRequestException, match="IsoCountryCode"):
        validate(client, PhoneNumber="+12065550142", IsoCountryCode="USA")
    with pytest.raises(client.exceptions.BadRequestException, match="PhoneNumber"):
        validate(client)


def test_a_test_can_fix_what_the_service_would_say(pinpoint: PinpointMock, client: Any) -> None:
    pinpoint.phone_number("+12065550142", PhoneType="LANDLINE", Carrier="ExampleCorp Mobile")
    answer = validate(client, PhoneNumber="+1 206-555-0142")
    assert (answer["PhoneType"], answer["PhoneTypeCode"], answer["Carrier"]) == (
        "LANDLINE",
        1,
        "ExampleCorp Mobile",
    )
    with pytest.raises(PinpointMockError, match="PhoneType"):
        pinpoint.phone_number("+12065550142", PhoneType="CELL")
    with pytest.raises(PinpointMockError, match="not NumberValidateResponse members"):
        pinpoint.phone_number("+12065550142", Network="x")
