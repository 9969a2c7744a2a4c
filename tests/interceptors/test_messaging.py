"""Naming a call to a messaging service, and refusing those the mock does not serve."""

from __future__ import annotations

import pytest

from pinpoint_mock.interceptors.messaging import identify, refusal

FORM = {"Content-Type": "application/x-www-form-urlencoded"}


@pytest.mark.parametrize(
    ("prefix", "method", "path", "headers", "body", "named"),
    [
        ("email", "POST", "/", FORM, b"Action=SendRawEmail&Version=2010-12-01", "ses"),
        ("email", "POST", "/v1/email/outbound-emails", {}, b"{}", "pinpoint-email"),
        ("email", "POST", "/v2/email/outbound-emails", {}, b"{}", "sesv2"),
        (
            "sms-voice",
            "POST",
            "/",
            {"X-Amz-Target": "PinpointSMSVoiceV2.SendTextMessage"},
            b"{}",
            "pinpoint-sms-voice-v2",
        ),
        (
            "sms-voice.pinpoint",
            "POST",
            "/v1/sms-voice/voice/message",
            {},
            b"{}",
            "pinpoint-sms-voice",
        ),
        ("pinpoint", "GET", "/v1/apps/a/users/u?x=1", {}, b"", "pinpoint"),
    ],
)
def test_identify_names_service_and_operation(
    prefix: str, method: str, path: str, headers: dict[str, str], body: bytes, named: str
) -> None:
    name, title, operation = identify(prefix, method, path, headers, body)
    assert name == named
    assert title.startswith("Amazon")
    expected = {
        "ses": "SendRawEmail",
        "pinpoint-email": "SendEmail",
        "sesv2": "SendEmail",
        "pinpoint-sms-voice-v2": "SendTextMessage",
        "pinpoint-sms-voice": "SendVoiceMessage",
        "pinpoint": "GetUserEndpoints",
    }[named]
    assert operation == expected


def test_an_unknown_path_is_named_by_method_and_path() -> None:
    assert identify("sms-voice.pinpoint", "GET", "/nowhere?a=1", {}, b"")[2] == "GET /nowhere"


def test_only_unserved_services_are_refused() -> None:
    assert refusal("pinpoint", "GET", "/v1/apps/a/users/u", {}, b"") is None
    assert refusal("email", "POST", "/v2/email/outbound-emails", {}, b"{}") is None
    message = refusal("email", "POST", "/", FORM, b"Action=SendEmail")
    assert message is not None
    assert "(ses)" in message
    assert "SendEmail" in message
    assert "nothing reaches AWS" in message
    refused = refusal("email", "PUT", "/v1/email/account/sending", {}, b"{}")
    assert refused is not None
    assert "(pinpoint-email)" in refused
    assert "PutAccountSendingAttributes" in refused
