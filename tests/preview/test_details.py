"""preview/details: SMS and voice v2 and SES v2 cards show their service's facts, escaped; a
Pinpoint card is what it always was."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import boto3
import pytest

from pinpoint_mock import mock_pinpoint
from pinpoint_mock.preview.cards import render_message, render_messages
from tests.preview.helpers import EVIL, delivery

CHANNELS = ("SMS", "EMAIL", "VOICE", "APNS", "GCM", "BAIDU", "ADM", "PUSH", "CUSTOM", "IN_APP")


def pinpoint_cards() -> list[str]:
    cases = []
    for channel in CHANNELS:
        cases.append(delivery(channel))
        cases.append(
            delivery(
                channel,
                title=EVIL,
                body=EVIL,
                html=EVIL if channel == "EMAIL" else None,
                fields={
                    "Action": "URL", "Url": EVIL, "Badge": 3, "Sound": "x",
                    "MessageType": "PROMOTIONAL", "SenderId": "ACME", "FromAddress": EVIL,
                    "VoiceId": "Joanna",
                },
                rule=EVIL,
                user_id=EVIL,
            )
        )  # fmt: skip
    return [render_message(c) for c in cases] + [render_messages(cases, newest_first=True)]


def test_pinpoint_cards_are_byte_identical_to_before_the_service_facts() -> None:
    digest = hashlib.sha256(json.dumps(pinpoint_cards()).encode()).hexdigest()
    assert digest == "2bac53b81635c514cc6c6a73512fa1a1d2dd01d80c3e3a6750c4038f4e5cf0b2"


@pytest.mark.parametrize("channel", CHANNELS)
def test_a_pinpoint_card_ignores_details_named_like_another_services(channel: str) -> None:
    alike = {"originationIdentity": "+1", "messageType": "PROMOTIONAL", "from": "x@y", "events": []}
    assert render_message(delivery(channel, details=alike)) == render_message(delivery(channel))


def sent() -> list[dict[str, Any]]:
    with mock_pinpoint(seed=1) as pinpoint:
        pinpoint.sms_voice_v2.add_phone_number("+12065550100")
        sms = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
        common = {"DestinationPhoneNumber": "+12065550123", "OriginationIdentity": "+12065550100"}
        sms.send_text_message(MessageBody="hi", MessageType="TRANSACTIONAL", **common)
        sms.send_voice_message(MessageBody="hello", VoiceId="JOANNA", **common)
        sms.send_media_message(MessageBody="pic", MediaUrls=["s3://bucket/x.png"], **common)
        pinpoint.sesv2.verify_identity("example.com")
        ses = boto3.client("sesv2", region_name="us-east-1")
        ses.send_email(
            FromEmailAddress="Shop <shop@example.com>",
            Destination={
                "ToAddresses": ["bounce@simulator.amazonses.com"],
                "CcAddresses": ["cc@example.org"],
                "BccAddresses": ["bcc@example.org"],
            },
            Content={"Simple": {"Subject": {"Data": "Hi"}, "Body": {"Text": {"Data": "t"}}}},
        )
        return [s.to_dict() for s in pinpoint.sent]


def test_sms_voice_v2_cards_show_origination_and_message_type() -> None:
    text, voice, media, *_ = map(render_message, sent())
    assert '<span class="origination">from +12065550100</span>' in text
    assert '<span class="message-type">TRANSACTIONAL</span>' in text
    assert '<span class="origination">from +12065550100</span>' in voice
    assert "<span>voice JOANNA</span>" in voice
    assert '<span class="mms">MMS</span>' in media


def test_ses_v2_cards_show_sender_copies_and_events() -> None:
    cards = [render_message(m) for m in sent() if m["service"] == "sesv2"]
    to, cc, bcc = cards
    assert "<b>From</b> Shop &lt;shop@example.com&gt;" in to
    assert "<b>Cc</b> cc@example.org" in to
    assert "<b>Bcc</b> bcc@example.org" in to
    assert '<span class="event">Bounce (Permanent/General)</span>' in to
    assert '<span class="event">Send</span>' in to
    assert "<b>This copy</b> cc" in cc
    assert "<b>This copy</b> bcc" in bcc
    assert "Delivery" in bcc


def test_service_facts_are_escaped() -> None:
    evil_sms = delivery(
        "SMS",
        service="pinpoint-sms-voice-v2",
        operation="SendTextMessage",
        details={"originationIdentity": EVIL, "pool": EVIL, "messageType": EVIL, "voiceId": EVIL},
    )
    evil_email = delivery(
        "EMAIL",
        service="sesv2",
        operation="SendEmail",
        details={
            "from": EVIL,
            "to": [EVIL],
            "cc": [EVIL],
            "recipient_type": EVIL,
            "events": [{"eventType": EVIL, "bounce": {"bounceType": EVIL}}, "junk"],
        },
    )
    for card in (render_message(evil_sms), render_message(evil_email)):
        assert "<script>" not in card
        assert "<img" not in card
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in card


def test_bounce_type_is_shown_only_for_its_event() -> None:
    email = delivery(
        "EMAIL",
        service="sesv2",
        details={
            "events": [{"eventType": "Complaint", "complaint": {"complaintFeedbackType": "abuse"}}]
        },
    )
    assert '<span class="event">Complaint (abuse)</span>' in render_message(email)
