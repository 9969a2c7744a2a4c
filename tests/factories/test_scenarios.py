"""The stories requests tell, written for every channel a request can carry a message for."""

from __future__ import annotations

import random
import re

import pytest

from pinpoint_mock.errors import PinpointMockError
from pinpoint_mock.factories import REQUEST_CHANNELS, SCENARIOS
from pinpoint_mock.factories.scenarios import (
    STORIES,
    fill,
    message_configuration,
    scenario_named,
    value,
)
from pinpoint_mock.models import CHANNEL_MESSAGE

VARIABLE = re.compile(r"\{\{([A-Za-z.]+)\}\}")


def test_every_story_uses_only_the_variables_it_declares() -> None:
    assert tuple(story.name for story in STORIES) == SCENARIOS
    for story in STORIES:
        texts = [story.sms, story.subject, story.text, story.html]
        texts += [story.push_title, story.push_body, story.voice]
        used = {name for text in texts for name in VARIABLE.findall(text)}
        assert used <= set(story.variables), story.name
        assert story.message_type in ("TRANSACTIONAL", "PROMOTIONAL")
    assert scenario_named("order-shipped").name == "order-shipped"
    with pytest.raises(PinpointMockError, match="scenario 'nope' is not one of appointment"):
        scenario_named("nope")


def test_every_variable_gets_a_believable_value() -> None:
    rng = random.Random(3)
    assert re.fullmatch(r"[A-Z][a-z]{2} \d{1,2}", value(rng, "Date"))
    assert re.fullmatch(r"\d{1,2}:(00|15|30|45)", value(rng, "Time"))
    assert re.fullmatch(r"#[A-Z0-9]{8}", value(rng, "OrderId"))
    assert re.fullmatch(r"\d{6}", value(rng, "Code"))
    assert re.fullmatch(r"\d{2}%", value(rng, "Discount"))
    assert re.fullmatch(r"\d{1,3}\.\d{2}", value(rng, "Amount"))
    assert value(rng, "Carrier")
    assert value(rng, "Unknown") == ""


def test_without_substitutions_the_values_are_written_into_the_texts() -> None:
    text = "Hi {{FirstName}}, code {{Code}}"
    assert fill(text, {"FirstName": "there", "Code": "123456"}) == (
        "Hi {{User.UserAttributes.FirstName}}, code 123456"
    )


@pytest.mark.parametrize("substitutions", [True, False])
def test_each_channel_gets_its_own_message(substitutions: bool) -> None:
    story = scenario_named("appointment-reminder")
    values = {"FirstName": "there", "Date": "May 2", "Time": "9:00"}
    config = message_configuration(random.Random(4), story, REQUEST_CHANNELS, values, substitutions)
    members = {CHANNEL_MESSAGE[c] for c in REQUEST_CHANNELS if c != "PUSH"}
    assert set(config) == members | {"DefaultPushNotificationMessage"}
    assert config["SMSMessage"]["MessageType"] == "TRANSACTIONAL"
    assert config["APNSMessage"]["APNSPushType"] == "alert"
    assert config["VoiceMessage"]["VoiceId"] == "Joanna"
    subject = config["EmailMessage"]["SimpleEmail"]["Subject"]["Data"]
    if substitutions:
        assert subject == story.subject
        assert all(m["Substitutions"]["Date"] == ["May 2"] for m in config.values())
    else:
        assert subject == "Reminder: your appointment on May 2"
        assert not any("Substitutions" in m for m in config.values())
