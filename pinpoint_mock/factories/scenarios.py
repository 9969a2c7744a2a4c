"""The stories requests tell (an appointment reminder, a shipped order…) and the messages written
from them for each channel of a SendUsersMessages request."""

from __future__ import annotations

import random
import string
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..errors import PinpointMockError
from ..models import CHANNEL_MESSAGE

#: Channels a request factory can write a message for (PUSH: DefaultPushNotificationMessage).
REQUEST_CHANNELS = (*CHANNEL_MESSAGE, "PUSH")


@dataclass(frozen=True)
class Scenario:
    """One story, written for every channel; ``{{variables}}`` are filled per user."""

    name: str
    message_type: str
    sms: str
    subject: str
    text: str
    html: str
    push_title: str
    push_body: str
    voice: str
    variables: tuple[str, ...]
    deep_link: str


#: The stories, in the order a seeded factory draws them from.
STORIES: tuple[Scenario, ...] = (
    Scenario(
        "appointment-reminder",
        "TRANSACTIONAL",
        "Hi {{FirstName}}, reminder: your appointment is on {{Date}} at {{Time}}. "
        "Reply C to confirm or R to reschedule.",
        "Reminder: your appointment on {{Date}}",
        "Hi {{FirstName}},\n\nThis is a reminder of your appointment on {{Date}} at {{Time}}."
        "\n\nSee you soon!",
        "<p>Hi {{FirstName}},</p><p>This is a reminder of your appointment on "
        "<b>{{Date}}</b> at <b>{{Time}}</b>.</p><p>See you soon!</p>",
        "Appointment on {{Date}}",
        "{{FirstName}}, see you at {{Time}}.",
        "Hello {{FirstName}}. This is a reminder of your appointment on {{Date}} at {{Time}}.",
        ("FirstName", "Date", "Time"),
        "myapp://appointments",
    ),
    Scenario(
        "order-shipped",
        "TRANSACTIONAL",
        "{{FirstName}}, your order {{OrderId}} has shipped with {{Carrier}}.",
        "Your order {{OrderId}} is on its way",
        "Hi {{FirstName}},\n\nGood news: order {{OrderId}} has shipped with {{Carrier}}.",
        "<p>Hi {{FirstName}},</p><p>Good news: order <b>{{OrderId}}</b> has shipped with "
        "{{Carrier}}.</p>",
        "Order {{OrderId}} shipped",
        "It's on its way with {{Carrier}}.",
        "Hello {{FirstName}}. Your order has shipped with {{Carrier}}.",
        ("FirstName", "OrderId", "Carrier"),
        "myapp://orders",
    ),
    Scenario(
        "verification-code",
        "TRANSACTIONAL",
        "Your verification code is {{Code}}. It expires in 10 minutes.",
        "Your verification code",
        "Hi {{FirstName}},\n\nYour verification code is {{Code}}. It expires in 10 minutes.",
        "<p>Hi {{FirstName}},</p><p>Your verification code is <b>{{Code}}</b>. It expires in "
        "10 minutes.</p>",
        "Verification code",
        "Your code is {{Code}}.",
        "Your verification code is {{Code}}.",
        ("FirstName", "Code"),
        "myapp://verify",
    ),
    Scenario(
        "weekend-offer",
        "PROMOTIONAL",
        "{{FirstName}}, take {{Discount}} off this weekend only! Reply STOP to opt out.",
        "{{FirstName}}, {{Discount}} off this weekend",
        "Hi {{FirstName}},\n\nTake {{Discount}} off everything this weekend only.",
        "<p>Hi {{FirstName}},</p><p>Take <b>{{Discount}}</b> off everything this weekend only.</p>",
        "{{Discount}} off this weekend",
        "{{FirstName}}, treat yourself: {{Discount}} off until Sunday.",
        "Hello {{FirstName}}. Take {{Discount}} off everything this weekend.",
        ("FirstName", "Discount"),
        "myapp://offers",
    ),
    Scenario(
        "payment-due",
        "TRANSACTIONAL",
        "Hi {{FirstName}}, your payment of {{Amount}} is due on {{Date}}.",
        "Payment of {{Amount}} due on {{Date}}",
        "Hi {{FirstName}},\n\nA friendly reminder that {{Amount}} is due on {{Date}}.",
        "<p>Hi {{FirstName}},</p><p>A friendly reminder that <b>{{Amount}}</b> is due on "
        "{{Date}}.</p>",
        "Payment due {{Date}}",
        "{{Amount}} is due on {{Date}}.",
        "Hello {{FirstName}}. Your payment of {{Amount}} is due on {{Date}}.",
        ("FirstName", "Amount", "Date"),
        "myapp://billing",
    ),
)
#: The scenario names a request can be asked for.
SCENARIOS = tuple(s.name for s in STORIES)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_CARRIERS = ("UPS", "FedEx", "USPS", "DHL", "Royal Mail", "La Poste")


def scenario_named(name: str) -> Scenario:
    for story in STORIES:
        if story.name == name:
            return story
    raise PinpointMockError(f"scenario {name!r} is not one of {', '.join(SCENARIOS)}")


def value(rng: random.Random, name: str) -> str:
    """A believable value for the variable ``name`` (``Date``, ``OrderId``, ``Code``…)."""
    if name == "Date":
        return f"{rng.choice(_MONTHS)} {rng.randint(1, 28)}"
    if name == "Time":
        return f"{rng.randint(8, 17)}:{rng.choice(('00', '15', '30', '45'))}"
    if name == "OrderId":
        return "#" + "".join(rng.choices(string.ascii_uppercase + string.digits, k=8))
    if name == "Carrier":
        return rng.choice(_CARRIERS)
    if name == "Code":
        return f"{rng.randint(0, 999_999):06d}"
    if name == "Discount":
        return f"{rng.choice((10, 15, 20, 25, 30, 40))}%"
    if name == "Amount":
        return f"{rng.randint(5, 480)}.{rng.randint(0, 99):02d}"
    return ""


def fill(text: str, values: Mapping[str, str]) -> str:
    """``text`` with its variables written in, ``FirstName`` from the user's attributes."""
    for name, filled in values.items():
        replacement = "{{User.UserAttributes.FirstName}}" if name == "FirstName" else filled
        text = text.replace("{{" + name + "}}", replacement)
    return text


def message_configuration(
    rng: random.Random,
    story: Scenario,
    channels: tuple[str, ...],
    values: Mapping[str, str],
    substitutions: bool,
) -> dict[str, Any]:
    """A request's ``MessageConfiguration``: ``story`` written for each of ``channels``, with
    ``values`` as default ``Substitutions`` (or written into the texts without them)."""

    def text(template: str) -> str:
        return template if substitutions else fill(template, values)

    def with_defaults(message: dict[str, Any]) -> dict[str, Any]:
        if substitutions:
            message["Substitutions"] = {name: [v] for name, v in values.items()}
        return message

    def push(member: str) -> dict[str, Any]:
        message: dict[str, Any] = {
            "Title": text(story.push_title),
            "Body": text(story.push_body),
        }
        action = rng.choice(("OPEN_APP", "OPEN_APP", "DEEP_LINK", "URL"))
        message["Action"] = action
        if action == "DEEP_LINK":
            message["Url"] = story.deep_link
        elif action == "URL":
            message["Url"] = f"https://www.example.com/{story.name}"
        if member == "APNSMessage":
            message |= {"Sound": "default", "APNSPushType": "alert", "Priority": "10"}
            if rng.random() < 0.5:
                message["Badge"] = rng.randint(1, 9)
        elif member == "GCMMessage":
            message |= {"Priority": rng.choice(("high", "normal"))}
            if rng.random() < 0.5:
                message["TimeToLive"] = rng.choice((3600, 86_400, 604_800))
        elif member != "DefaultPushNotificationMessage" and rng.random() < 0.5:
            message["Sound"] = "default"
        return with_defaults(message)

    config: dict[str, Any] = {}
    for channel in channels:
        member = "DefaultPushNotificationMessage" if channel == "PUSH" else CHANNEL_MESSAGE[channel]
        if member in config:
            continue
        if member == "SMSMessage":
            config[member] = with_defaults(
                {"Body": text(story.sms), "MessageType": story.message_type}
            )
        elif member == "EmailMessage":
            email: dict[str, Any] = {
                "SimpleEmail": {
                    "Subject": {"Charset": "UTF-8", "Data": text(story.subject)},
                    "TextPart": {"Charset": "UTF-8", "Data": text(story.text)},
                    "HtmlPart": {"Charset": "UTF-8", "Data": text(story.html)},
                }
            }
            if rng.random() < 0.5:
                email["FromAddress"] = "Example <no-reply@example.com>"
            config[member] = with_defaults(email)
        elif member == "VoiceMessage":
            config[member] = with_defaults(
                {"Body": text(story.voice), "LanguageCode": "en-US", "VoiceId": "Joanna"}
            )
        else:
            config[member] = push(member)
    return config
