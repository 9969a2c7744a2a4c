"""SendOTPMessage and VerifyOTPMessage: seeded codes, records, expiry, attempts."""

from __future__ import annotations

from typing import Any

import pytest

from pinpoint_mock import mock_pinpoint
from pinpoint_mock.mock import PinpointMock

TO = "+12065550142"


def send_otp(client: Any, app: str, **extra: Any) -> dict[str, Any]:
    request = {
        "BrandName": "Shop",
        "ReferenceId": "login-1",
        "Channel": "SMS",
        "DestinationIdentity": TO,
        "OriginationIdentity": "+18005550100",
        **extra,
    }
    answer: dict[str, Any] = client.send_otp_message(
        ApplicationId=app, SendOTPMessageRequestParameters=request
    )["MessageResponse"]
    return answer


def verify(client: Any, app: str, otp: str, reference: str = "login-1") -> bool:
    answer = client.verify_otp_message(
        ApplicationId=app,
        VerifyOTPMessageRequestParameters={
            "ReferenceId": reference,
            "DestinationIdentity": TO,
            "Otp": otp,
        },
    )
    return bool(answer["VerificationResponse"]["Valid"])


def test_the_code_is_sent_by_sms_and_recorded(pinpoint: PinpointMock, client: Any) -> None:
    answer = send_otp(client, pinpoint.application_id)
    result = answer["Result"][TO]
    assert result["DeliveryStatus"] == "SUCCESSFUL"
    assert result["MessageId"]
    record = pinpoint.sent.last
    code = record.details["otp"]
    assert len(code) == 6
    assert code.isdigit()
    assert record.body == f"This is your One Time Password: {code} from Shop"
    assert (record.operation, record.channel, record.address) == ("SendOTPMessage", "SMS", TO)
    assert [c.code for c in pinpoint.otp_codes] == [code]


def test_right_wrong_and_used_codes(pinpoint: PinpointMock, client: Any) -> None:
    app = pinpoint.application_id
    send_otp(client, app)
    code = pinpoint.otp_codes[0].code
    wrong = "000000" if code != "000000" else "111111"
    assert verify(client, app, wrong) is False
    assert verify(client, app, code, reference="other") is False
    assert verify(client, app, code) is True
    assert verify(client, app, code) is False  # consumed


def test_attempts_run_out(pinpoint: PinpointMock, client: Any) -> None:
    app = pinpoint.application_id
    send_otp(client, app, AllowedAttempts=2)
    code = pinpoint.otp_codes[0].code
    wrong = "00000000"
    assert [verify(client, app, wrong) for _ in range(2)] == [False, False]
    assert verify(client, app, code) is False
    assert pinpoint.otp_codes[0].attempts_left == 0


def test_expired_codes_are_not_valid(pinpoint: PinpointMock, client: Any) -> None:
    app = pinpoint.application_id
    send_otp(client, app, ValidityPeriod=5)
    code = pinpoint.otp_codes[0].code
    assert pinpoint.expire_otp("login-1") == 1
    assert verify(client, app, code) is False


def test_a_new_code_replaces_the_old_one(pinpoint: PinpointMock, client: Any) -> None:
    app = pinpoint.application_id
    send_otp(client, app, CodeLength=8)
    old = pinpoint.otp_codes[0].code
    send_otp(client, app, CodeLength=8)
    new = pinpoint.otp_codes[0].code
    assert len(pinpoint.otp_codes) == 1
    assert len(new) == 8
    if old != new:
        assert verify(client, app, old) is False
    assert verify(client, app, new) is True


def test_codes_repeat_with_the_seed(client: Any) -> None:
    codes = []
    for _ in range(2):
        with mock_pinpoint(seed="otp") as pinpoint:
            send_otp(client, pinpoint.application_id)
            send_otp(client, pinpoint.application_id, ReferenceId="login-2")
            codes.append([c.code for c in pinpoint.otp_codes])
    assert codes[0] == codes[1]


@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"CodeLength": 4}, "CodeLength"),
        ({"ValidityPeriod": 61}, "ValidityPeriod"),
        ({"AllowedAttempts": 6}, "AllowedAttempts"),
        ({"Channel": "EMAIL"}, "Channel"),
        ({"BrandName": "x" * 21}, "BrandName"),
        ({"DestinationIdentity": "2065550142"}, "DestinationIdentity"),
    ],
)
def test_bounds_name_the_field(
    pinpoint: PinpointMock, client: Any, extra: dict[str, Any], field: str
) -> None:
    with pytest.raises(client.exceptions.BadRequestException, match=field):
        send_otp(client, pinpoint.application_id, **extra)
    assert pinpoint.otp_codes == []


def test_scripted_outcomes_and_disabled_channels_apply(pinpoint: PinpointMock, client: Any) -> None:
    app = pinpoint.application_id
    pinpoint.outcome("THROTTLED", address=TO, times=1)
    assert send_otp(client, app)["Result"][TO]["DeliveryStatus"] == "THROTTLED"
    client.update_sms_channel(ApplicationId=app, SMSChannelRequest={"Enabled": False})
    assert send_otp(client, app)["Result"][TO]["DeliveryStatus"] == "PERMANENT_FAILURE"
