"""prepare() and PreparedMessage: the per-request path, checked against the original per-endpoint
algorithm (tests/rendering/reference.py) on generated requests."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from pinpoint_mock.rendering import BODY, prepare, render
from tests.rendering.helpers import PUSH_MESSAGES, b64, endpoint
from tests.rendering.reference import render_reference


@pytest.mark.parametrize("channel", ["PUSH", "CUSTOM", "IN_APP", "CARRIER_PIGEON"])
def test_unsupported_channels(channel: str) -> None:
    config = {"DefaultMessage": {"Body": "b"}, "DefaultPushNotificationMessage": {"Body": "b"}}
    rendered = render(channel, config, {"BodyOverride": "x"}, endpoint(channel))
    assert rendered.channel == channel
    assert rendered.missing == f"{channel} channel is not supported for direct sends"
    assert rendered.body is None


# -- the per-request path against the original per-endpoint algorithm ----------------------------

TEXTS = (
    "plain text, {braces} but no variables",
    "Hi {{Name}}, your code is {{Code}}",
    "{{Name}}",
    "<{{upper Name}}>",
    "{{L.[1]}}!",
    "{{ Name }}|{{{Code}}}|{{L}}|{{L.[1]}}|{{L.[9]}}",
    "<{{Attributes.Color}}> {{Address}} {{Id}} {{User.UserId}} {{ChannelType}} {{EffectiveDate}}",
    "{{User.UserAttributes.Pets.[1]}} {{Attributes.Empty}} {{Metrics.Score}} {{Location.City}}",
    "{{upper Name}} {{capitalize Missing}} {{lower 'LIT'}} {{abbreviate Code 3}} {{now x=1}}",
    "{{#if Name}}yes{{else}}no{{/if}}{{! note }}{{this}}{{> partial}}{{}}",
    "Жанна {{Name}}",
    "€ {{Code}} [x]",
    "x" * 158 + "{{Name}}",
    "ж" * 60 + "{{Name}}",
    "{{Address}}",
    "{{Unknown}}{{Unknown}}{{Other}}",
    "{{Name}}{{Code}}{{Name}}",
    "",
)
RAW_JSON = (
    '{"aps": {"alert": {"title": "T {{Name}}", "body": "B {{Attributes.Color}}"}}}',
    '{"aps": {"alert": "alert {{Code}}"}}',
    '{"notification": {"title": "n {{Name}}"}, "data": {"body": "d {{Missing}}"}}',
    '{"title": "{{Name}}", "description": "{{Address}}"}',
    '{"aps": {"content-available": 1}}',
    "not json {{Name}} {",
    '["a list {{Name}}"]',
)
RAW_MIME = (
    "Subject: Hello {{Name}}\nMIME-Version: 1.0\n"
    'Content-Type: multipart/alternative; boundary="b"\n\n'
    "--b\nContent-Type: text/plain; charset=utf-8\n\nPlain {{Name}} {{Address}}\n"
    "--b\nContent-Type: text/html; charset=utf-8\n\n<p>{{Code}}</p>\n--b--\n",
    "Content-Type: text/plain\n\nno subject {{Missing}}\n",
)
VALUES: tuple[Any, ...] = (
    ["Ana"], ["a", "b"], [], [""], ["Жанна"], ["x" * 20], "bare", 7, True, None, ("t1", "t2"),
)  # fmt: skip
NAMES = ("Name", "Code", "L", "Address", "Attributes.Color", "Missing")
ALL_CHANNELS = (*sorted(PUSH_MESSAGES), "SMS", "EMAIL", "VOICE", "PUSH", "IN_APP")


Case = tuple[dict[str, Any], "dict[str, Any] | None", str, list[Any]]


def generated_cases(count: int, seed: int) -> Iterator[Case]:
    """Random (MessageConfiguration, TemplateConfiguration, multi_value, recipients), seeded.

    Every level may give or lack each text, payload and Substitutions; recipients are None, {},
    and random mixes of Substitutions, overrides, RawContent and Context.
    """
    rng = random.Random(seed)

    def maybe(value: Callable[[], Any], p: float = 0.5) -> Any:
        return value() if rng.random() < p else None

    def text() -> str:
        return rng.choice(TEXTS)

    def substitutions() -> dict[str, Any]:
        return {name: rng.choice(VALUES) for name in rng.sample(NAMES, rng.randint(0, 4))}

    def push_message() -> dict[str, Any]:
        return {
            "Title": maybe(text),
            "Body": maybe(text),
            "RawContent": maybe(lambda: rng.choice(RAW_JSON), 0.2),
            "Substitutions": maybe(substitutions),
            "Badge": maybe(lambda: rng.randint(0, 3)),
            "SilentPush": maybe(lambda: rng.choice([True, False])),
            "Data": maybe(lambda: {"k": "v"}),
            "Sound": maybe(lambda: "default", 0.3),
            "Action": None,
            "Url": maybe(text, 0.3),  # links and images fill their {{variables}}
            "ImageUrl": maybe(lambda: "https://img.example/{{Name}}.png", 0.2),
        }

    def message(member: str) -> dict[str, Any]:
        if member in PUSH_MESSAGES.values() or member == "DefaultPushNotificationMessage":
            return push_message()
        if member == "EmailMessage":
            parts: dict[str, Any] = {
                name: {"Data": text(), "Charset": "UTF-8"}
                for name in ("Subject", "TextPart", "HtmlPart")
                if rng.random() < 0.6
            }
            if rng.random() < 0.3:
                parts["Headers"] = [{"Name": "X-A", "Value": "1"}]
            return {
                "FromAddress": maybe(lambda: "shop@example.com"),
                "Body": maybe(text, 0.3),
                "SimpleEmail": parts if rng.random() < 0.8 else None,
                "RawEmail": maybe(lambda: {"Data": b64(rng.choice(RAW_MIME))}, 0.15),
                "Substitutions": maybe(substitutions),
            }
        extra = {"SMSMessage": "MessageType", "VoiceMessage": "LanguageCode"}.get(member, "X")
        return {
            "Body": maybe(text, 0.7),
            extra: maybe(lambda: "v"),
            "Substitutions": maybe(substitutions),
        }

    members = (
        "DefaultMessage", "DefaultPushNotificationMessage", "SMSMessage", "VoiceMessage",
        "EmailMessage", "APNSMessage", "GCMMessage", "BaiduMessage", "ADMMessage",
    )  # fmt: skip
    templates = ("SMSTemplate", "EmailTemplate", "VoiceTemplate", "PushTemplate")
    recipient_keys: tuple[tuple[str, Callable[[], Any]], ...] = (
        ("Substitutions", substitutions),
        ("BodyOverride", lambda: rng.choice([*TEXTS, 5])),
        ("TitleOverride", text),
        ("RawContent", lambda: rng.choice(RAW_JSON)),
        ("Context", lambda: {"c": "1"}),
    )
    for _ in range(count):
        config: dict[str, Any] = {}
        for member in members:
            if rng.random() < 0.6:
                config[member] = (
                    {"Body": maybe(text), "Substitutions": maybe(substitutions)}
                    if member == "DefaultMessage"
                    else message(member)
                )
        template = None
        if rng.random() < 0.2:
            template = {
                rng.choice(templates): {"Name": "t", "Version": rng.choice(["", "2", None])}
            }
        users: list[Any] = [None, {}]
        for _ in range(4):
            users.append({
                key: value()
                for key, value in recipient_keys
                if rng.random() < (0.15 if key == "RawContent" else 0.35)
            })  # fmt: skip
        yield config, template, rng.choice(["first", "join"]), users


@pytest.mark.parametrize("batch", range(4))
def test_prepare_matches_the_reference_algorithm(batch: int) -> None:
    endpoints = [
        None,
        endpoint(),
        endpoint(address="+15550999", user_id=None, effective_date="2024", attributes={}),
    ]
    checked = 0
    for config, template, multi_value, users in generated_cases(60, seed=batch):
        prepared = prepare(config, template=template, multi_value=multi_value)
        for user in users:  # as the engine goes: recipient by recipient, channels interleaved
            for where in endpoints:
                for channel in ALL_CHANNELS:
                    expected = render_reference(
                        channel, config, user, where, template=template, multi_value=multi_value
                    )
                    got = prepared.render(channel, user, where)
                    assert got == expected, (channel, config, template, multi_value, user, where)
                    checked += 1
    assert checked == 60 * len(ALL_CHANNELS) * 6 * 3


def test_prepare_renders_each_endpoint() -> None:
    prepared = prepare({"SMSMessage": {"Body": "To {{Address}}, {{Attributes.Color}}"}})
    first = prepared.render("SMS", None, endpoint())
    second = prepared.render("SMS", {}, endpoint(address="+15550999", attributes={}))
    assert (first.body, first.unresolved) == ("To +15550100, red", ())
    assert (second.body, second.unresolved) == ("To +15550999, ", ("Attributes.Color",))


def test_prepare_shares_a_message_only_when_nothing_differs() -> None:
    config = {"SMSMessage": {"Body": "Hi {{Name}}", "Substitutions": {"Name": ["all"]}}}
    prepared = prepare(config)
    shared = prepared.row("SMS", None, endpoint())
    assert (
        prepared.row("SMS", {"TitleOverride": "ignored"}, endpoint("SMS", address="+1")) is shared
    )
    own = prepared.render("SMS", {"Substitutions": {"Name": ["Ana"]}}, endpoint())
    assert (shared[BODY], own.body) == ("Hi all", "Hi Ana")
    assert own.substitutions == {"Name": ["Ana"]}
    assert prepared.maps("SMS", None) == ({"Name": ["all"]}, {})


def test_prepare_refuses_unknown_multi_value() -> None:
    with pytest.raises(ValueError, match="multi_value"):
        prepare({}, multi_value="last")
