"""Reading the request: substitutions merged level by level, templates named in
TemplateConfiguration, and the service's messages for missing content."""

from __future__ import annotations

import copy

import pytest

from pinpoint_mock.rendering import render
from tests.rendering.helpers import (
    MISSING_EMAIL,
    MISSING_PUSH,
    MISSING_SMS,
    MISSING_VOICE,
    PUSH_MESSAGES,
    endpoint,
)


def test_substitutions_merge_lowest_to_highest() -> None:
    config = {
        "DefaultMessage": {"Substitutions": {"A": ["dm"], "B": ["dm"], "C": ["dm"], "D": ["dm"]}},
        "DefaultPushNotificationMessage": {
            "Substitutions": {"B": ["dp"], "C": ["dp"], "D": ["dp"]}
        },
        "APNSMessage": {
            "Body": "{{A}} {{B}} {{C}} {{D}}",
            "Substitutions": {"C": ["ch"], "D": ["ch"]},
        },
    }
    user = {"Substitutions": {"D": ["user"]}}
    rendered = render("APNS", config, user, endpoint("APNS"))
    assert rendered.body == "dm dp ch user"
    assert rendered.substitutions == {"A": ["dm"], "B": ["dp"], "C": ["ch"], "D": ["user"]}


def test_default_push_substitutions_only_for_push() -> None:
    config = {
        "DefaultMessage": {"Substitutions": {"A": ["dm"]}},
        "DefaultPushNotificationMessage": {"Substitutions": {"A": ["dp"]}},
        "SMSMessage": {"Body": "{{A}}"},
    }
    assert render("SMS", config, None, endpoint()).body == "dm"


def test_input_is_not_mutated() -> None:
    config = {
        "DefaultMessage": {"Substitutions": {"A": ["dm"]}},
        "SMSMessage": {"Body": "{{A}}", "Substitutions": {"A": ["ch"]}},
    }
    user = {"Substitutions": {"A": ["user"]}}
    before = copy.deepcopy((config, user))
    render("SMS", config, user, endpoint())
    assert (config, user) == before


@pytest.mark.parametrize(
    ("channel", "member"),
    [
        ("SMS", "SMSTemplate"),
        ("EMAIL", "EmailTemplate"),
        ("VOICE", "VoiceTemplate"),
        ("APNS", "PushTemplate"),
        ("GCM", "PushTemplate"),
        ("BAIDU", "PushTemplate"),
        ("ADM", "PushTemplate"),
    ],
)
def test_template_counts_as_content(channel: str, member: str) -> None:
    template = {member: {"Name": "welcome", "Version": "3"}}
    rendered = render(channel, {}, None, endpoint(channel), template=template)
    assert rendered.template == "welcome:3"
    assert rendered.missing is None
    assert rendered.body is None


def test_template_without_version() -> None:
    template = {"SMSTemplate": {"Name": "welcome"}}
    assert render("SMS", {}, None, endpoint(), template=template).template == "welcome"


def test_template_for_another_channel_does_not_count() -> None:
    template = {"EmailTemplate": {"Name": "welcome"}, "InAppTemplate": {"Name": "x"}}
    rendered = render("SMS", {}, None, endpoint(), template=template)
    assert rendered.template is None
    assert rendered.missing == MISSING_SMS


def test_template_and_message_body_together() -> None:
    template = {"PushTemplate": {"Name": "promo"}}
    config = {"GCMMessage": {"Body": "b"}}
    rendered = render("GCM", config, None, endpoint("GCM"), template=template)
    assert (rendered.template, rendered.body) == ("promo", "b")


@pytest.mark.parametrize(
    ("channel", "message"),
    [
        ("SMS", MISSING_SMS),
        ("EMAIL", MISSING_EMAIL),
        ("VOICE", MISSING_VOICE),
        *((channel, MISSING_PUSH) for channel in sorted(PUSH_MESSAGES)),
    ],
)
def test_missing_content_messages(channel: str, message: str) -> None:
    rendered = render(channel, {}, None, endpoint(channel))
    assert rendered.missing == message
    assert not rendered.has_content
