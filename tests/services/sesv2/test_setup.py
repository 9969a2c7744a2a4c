"""``pinpoint.sesv2``: identities, the sandbox, the suppression list, templates, SES's faults,
the events as SNS and EventBridge deliver them; ``services=`` leaves SES v2 to others."""

from __future__ import annotations

import json

import pytest

from pinpoint_mock import mock_pinpoint
from pinpoint_mock.errors import PinpointMockError, UnsupportedOperationError
from pinpoint_mock.request import Request

SEND = "/v2/email/outbound-emails"


def send(mock, to: str, subject: str = "Hi") -> int:
    body = {
        "FromEmailAddress": "me@example.com",
        "Destination": {"ToAddresses": [to]},
        "Content": {"Simple": {"Subject": {"Data": subject}, "Body": {"Text": {"Data": "b"}}}},
    }
    return mock.serve("POST", SEND, {}, json.dumps(body).encode()).status


def test_sandbox_and_verified_identities() -> None:
    mock = mock_pinpoint(seed=1)
    mock.sesv2.sandbox()
    assert send(mock, "ana@example.com") == 400
    mock.sesv2.verify_identity("me@example.com", "Example.com")
    assert send(mock, "ana@example.com") == 200


def test_suppress_and_unsuppress() -> None:
    mock = mock_pinpoint(seed=1)
    mock.sesv2.suppress("ana@example.com")
    send(mock, "ana@example.com")
    mock.assert_sent(service="sesv2", to="ana@example.com", status="SUPPRESSED", event="Bounce")
    assert [s.address for s in mock.sesv2.suppressed()] == ["ana@example.com"]
    assert mock.sesv2.unsuppress("ana@example.com") is True
    with pytest.raises(PinpointMockError, match="BOUNCE or COMPLAINT"):
        mock.sesv2.suppress("ana@example.com", "SPAM")


def test_auto_suppress_lists_a_scripted_hard_bounce() -> None:
    mock = mock_pinpoint(seed=1)
    mock.sesv2.auto_suppress("BOUNCE")
    mock.outcome("BOUNCE", address="ana@example.com", service="sesv2", times=1)
    send(mock, "ana@example.com")
    send(mock, "ana@example.com")
    assert [s.delivery_status for s in mock.sent] == ["BOUNCE", "SUPPRESSED"]
    assert mock.sesv2.suppressed()[0].message_id == mock.sent[0].message_id


def test_create_template_is_used_by_sends() -> None:
    mock = mock_pinpoint(seed=1)
    mock.sesv2.create_template("t", subject="Hi {{name}}", text="x")
    with pytest.raises(PinpointMockError, match="already exists"):
        mock.sesv2.create_template("t", subject="again")
    body = {
        "FromEmailAddress": "me@example.com",
        "Destination": {"ToAddresses": ["a@example.com"]},
        "Content": {"Template": {"TemplateName": "t", "TemplateData": '{"name": "Ana"}'}},
    }
    assert mock.serve("POST", SEND, {}, json.dumps(body).encode()).status == 200
    mock.assert_sent(service="sesv2", subject="Hi Ana", template="t", sender="me@example.com")


def test_fail_answers_ses_errors_in_ses_terms() -> None:
    mock = mock_pinpoint(seed=1)
    mock.sesv2.fail("SendingPausedException")
    response = mock.serve("POST", SEND, {}, b"{}")
    assert (response.status, response.headers["x-amzn-ErrorType"]) == (
        400,
        "SendingPausedException",
    )
    assert json.loads(response.body) == {"message": "Sending is paused for this account."}
    with pytest.raises(PinpointMockError, match="unknown SES v2 error"):
        mock.sesv2.fail("Nope")


def test_events_raw_and_wrapped() -> None:
    mock = mock_pinpoint(seed=1)
    send(mock, "bounce@simulator.amazonses.com", subject="Order")
    send(mock, "ana@example.com")
    bounces = mock.sesv2.events(type="Bounce")
    assert [e["bounce"]["bouncedRecipients"][0]["emailAddress"] for e in bounces] == [
        "bounce@simulator.amazonses.com"
    ]
    assert len(mock.sesv2.events(address="ana@example.com")) == 2
    notification = mock.sesv2.sns_messages(type="Bounce")[0]
    assert notification["Type"] == "Notification"
    assert json.loads(notification["Message"]) == bounces[0]
    bridged = mock.sesv2.eventbridge_events(type="Bounce")[0]
    assert (bridged["source"], bridged["detail-type"]) == ("aws.ses", "Email Bounced")
    assert bridged["detail"]["mail"]["commonHeaders"]["subject"] == "Order"


def test_services_leaves_ses_v2_out() -> None:
    mock = mock_pinpoint(services=["pinpoint"])
    assert mock.services == frozenset({"pinpoint"})
    assert not mock.handles("POST", SEND, {}, "email")
    assert mock_pinpoint().handles("POST", SEND, {}, "email")
    with pytest.raises(UnsupportedOperationError, match="SES v2 is not among this mock's services"):
        mock.answer("POST", SEND, {}, b"{}", 0.0, "botocore", "email")
    with pytest.raises(PinpointMockError, match="services must list"):
        mock_pinpoint(services=["ses"])
    assert Request("POST", SEND, {}, b"").service is None
