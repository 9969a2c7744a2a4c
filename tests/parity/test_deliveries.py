"""Records of any service as normalized deliveries."""

from __future__ import annotations

from pinpoint_mock.models import RenderedMessage
from pinpoint_mock.parity import normalize, recipient
from pinpoint_mock.recording import SentMessage


def record(**fields: object) -> SentMessage:
    base: dict[str, object] = {
        "application_id": "",
        "user_id": None,
        "endpoint_id": None,
        "channel": "EMAIL",
        "address": "Ana@Example.com",
        "delivery_status": "SUPPRESSED",
        "status_code": 200,
        "status_message": "",
        "message_id": "m1",
        "message": RenderedMessage(
            channel="EMAIL", title="Hi", body="a\r\nb", html="<p>x</p>", template="welcome"
        ),
        "service": "sesv2",
        "operation": "SendEmail",
    }
    base.update(fields)
    return SentMessage(**base)  # type: ignore[arg-type]


def test_an_ses_record_in_the_shared_terms() -> None:
    [delivery] = normalize([record()], lambda channel, address: "ana")
    assert delivery.key == ("EMAIL", "ana@example.com")
    assert (delivery.outcome, delivery.word) == ("OPT_OUT", "SUPPRESSED")
    assert (delivery.subject, delivery.body, delivery.html) == ("Hi", "a\nb", "<p>x</p>")
    assert (delivery.user, delivery.template, delivery.service) == ("ana", "welcome", "sesv2")


def test_a_pinpoint_record_keeps_its_user_and_skips_users_without_endpoints() -> None:
    sms = RenderedMessage(channel="SMS", body="hi")
    records = [
        record(service="pinpoint", user_id="u1", channel="SMS", address="+1", message=sms),
        record(service="pinpoint", user_id="u2", channel="SMS", address="", message=sms),
    ]
    [delivery] = normalize(records, lambda channel, address: "someone else")
    assert (delivery.user, delivery.recipient, delivery.outcome) == ("u1", "+1", "SUPPRESSED")


def test_recipients_are_compared_in_one_form() -> None:
    assert recipient("EMAIL", " Ana <Ana@Example.COM>") == "ana@example.com"
    assert recipient("SMS", " +12065550123 ") == "+12065550123"
    assert recipient("GCM", "Token-Case-Kept") == "Token-Case-Kept"
