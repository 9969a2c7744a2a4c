"""The SES event JSON: the mail object, each event type's object, the SNS and EventBridge
envelopes."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from pinpoint_mock.services.sesv2 import events
from pinpoint_mock.services.sesv2.simulator import EFFECTS, simulator_mailbox

WHEN = datetime(2026, 1, 2, 3, 4, 5, 678000, tzinfo=timezone.utc)


def mail() -> dict:
    return events.mail_object(
        when=WHEN, message_id="m1", source="shop@example.com", destination=["a@example.com"],
        subject="Hi", to=["a@example.com"], cc=[], tags={"campaign": "x"},
        configuration_set="cs", account="123456789012", region="eu-west-1",
    )  # fmt: skip


def test_the_mail_object() -> None:
    made = mail()
    assert made["timestamp"] == "2026-01-02T03:04:05.678Z"
    assert made["sourceArn"] == "arn:aws:ses:eu-west-1:123456789012:identity/example.com"
    assert made["commonHeaders"] == {"from": ["shop@example.com"], "messageId": "m1",
                                     "to": ["a@example.com"], "subject": "Hi"}  # fmt: skip
    assert made["tags"]["campaign"] == ["x"]
    assert made["tags"]["ses:configuration-set"] == ["cs"]


def test_each_event_carries_an_object_named_after_its_type() -> None:
    made = events.recipient_events(
        EFFECTS["COMPLAINT"], mail=mail(), recipient="a@example.com", when=WHEN,
        feedback_id="f1",
    )  # fmt: skip
    assert [sorted(set(e) - {"eventType", "mail"}) for e in made] == [
        ["send"],
        ["delivery"],
        ["complaint"],
    ]
    assert made[2]["complaint"]["feedbackId"] == "f1"
    delay = events.recipient_events(
        EFFECTS["SOFT_BOUNCE"], mail=mail(), recipient="a@example.com", when=WHEN,
        feedback_id="f",
    )  # fmt: skip
    assert delay[1]["deliveryDelay"]["delayedRecipients"][0]["status"] == "4.4.1"
    assert delay[2]["bounce"]["bounceType"] == "Transient"


def test_envelopes() -> None:
    event = events.rendering_failure(mail(), "t", "boom")
    sns = events.sns_envelope(event, message_id="n1", topic_arn="arn:aws:sns:x:1:t")
    assert json.loads(sns["Message"])["failure"] == {"templateName": "t", "errorMessage": "boom"}
    bridged = events.eventbridge_envelope(event, event_id="e", account="1", region="eu-west-1")
    assert bridged["detail-type"] == "Email Rendering Failed"
    assert bridged["resources"] == ["arn:aws:ses:eu-west-1:1:configuration-set/cs"]
    assert bridged["time"] == "2026-01-02T03:04:05Z"


def test_simulator_mailboxes_take_labels_and_any_case() -> None:
    assert simulator_mailbox("Bounce+x@Simulator.AmazonSES.com") == "bounce"
    assert simulator_mailbox("unknown@simulator.amazonses.com") == "success"
    assert simulator_mailbox("bounce@example.com") is None
