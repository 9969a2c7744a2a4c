"""The set-up helper: what it registers, and the clear errors for what it refuses."""

from __future__ import annotations

import pytest

from pinpoint_mock import mock_pinpoint
from pinpoint_mock.errors import PinpointMockError
from pinpoint_mock.mock import PinpointMock


def test_registered_identities_are_listed_and_reset_forgets_them() -> None:
    mock = PinpointMock(seed=1)
    v2 = mock.sms_voice_v2
    number = v2.add_phone_number("+447400123456")
    assert (number.iso_country_code, number.opt_out_list_name) == ("GB", "Default")
    assert number.phone_number_id.startswith("phone-")
    assert v2.identities == [number]
    v2.create_opt_out_list("brand")
    v2.opt_out("+12065550123", opt_out_list_name="brand")
    assert v2.opted_out("brand") == ["+12065550123"]
    mock.reset()
    assert v2.identities == []
    with pytest.raises(PinpointMockError, match="no opt-out list 'brand'"):
        v2.opted_out("brand")


def test_ids_come_from_the_seed() -> None:
    first = mock_pinpoint(seed=3).sms_voice_v2.add_phone_number("+12065551234")
    again = mock_pinpoint(seed=3).sms_voice_v2.add_phone_number("+12065551234")
    assert first.phone_number_id == again.phone_number_id


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda v2: v2.add_phone_number("12065551234"), "E.164"),
        (lambda v2: v2.add_phone_number("+12065551234", message_type="X"), "message_type"),
        (lambda v2: v2.add_phone_number("+12065551234", number_type="X"), "number_type"),
        (lambda v2: v2.add_phone_number("+12065551234", number_capabilities=()), "empty"),
        (lambda v2: v2.add_phone_number("+12065551234", number_capabilities=("FAX",)), "FAX"),
        (lambda v2: v2.add_phone_number("+12065551234", iso_country_code="usa"), "two capital"),
        (lambda v2: v2.add_phone_number("+12065551234", opt_out_list_name="x"), "create it"),
        (lambda v2: v2.add_sender_id("TOO-LONG-SENDER", iso_country_code="GB"), "1 to 11"),
        (lambda v2: v2.add_sender_id("ACME", iso_country_code="gb"), "two capital"),
        (lambda v2: v2.add_pool(origination_identities=["+10000"]), "not a registered"),
        (lambda v2: v2.create_opt_out_list("bad name"), "1 to 64"),
        (lambda v2: v2.opt_out("nope"), "E.164"),
        (lambda v2: v2.set_prices(per_part="cheap"), "decimal"),
        (lambda v2: v2.set_prices(per_minute="-1"), "0 or more"),
    ],
)
def test_bad_arguments_are_refused_naming_the_rule(call: object, message: str) -> None:
    v2 = PinpointMock(seed=1).sms_voice_v2
    with pytest.raises(PinpointMockError, match=message):
        call(v2)  # type: ignore[operator]
