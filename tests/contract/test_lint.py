"""Warnings: requests the service would accept that are very likely bugs."""

from __future__ import annotations

from typing import Any

import pytest

from pinpoint_mock import validate
from tests.contract.bodies import request


def warnings_of(body: dict[str, Any]) -> list[tuple[str, str]]:
    report = validate(body)
    assert report.ok, report.errors
    return [(v.path, v.rule) for v in report.warnings]


def test_warning_empty_users_and_empty_message() -> None:
    assert warnings_of({"MessageConfiguration": {}, "Users": {}}) == [
        ("Users", "empty-users"),
        ("MessageConfiguration", "empty-message"),
    ]
    with_template = {
        "MessageConfiguration": {},
        "TemplateConfiguration": {"SMSTemplate": {"Name": "t"}},
        "Users": {"u": {}},
    }
    assert warnings_of(with_template) == []


def test_warning_unresolved_variable_names_the_users_missing_it() -> None:
    body = request(
        MessageConfiguration={"SMSMessage": {"Body": "Hi {{Name}} {{Attributes.Plan}}"}},
        Users={"u1": {"Substitutions": {"Name": ["Ana"]}}, "u2": {}},
    )
    report = validate(body)
    (warning,) = report.warnings
    assert warning.path == "MessageConfiguration.SMSMessage.Body"
    assert warning.value == "'{{Name}}'"
    assert "for user 'u2'" in warning.detail
    assert warning.severity == "warning"


def test_variables_filled_by_message_defaults_or_every_user_are_fine() -> None:
    by_default = request(
        MessageConfiguration={
            "DefaultMessage": {"Substitutions": {"Name": ["friend"]}},
            "SMSMessage": {"Body": "Hi {{Name}}"},
        }
    )
    assert warnings_of(by_default) == []
    by_users = request(
        MessageConfiguration={"EmailMessage": {"SimpleEmail": {"Subject": {"Data": "{{N}}"}}}},
        Users={"a": {"Substitutions": {"N": ["1"]}}, "b": {"Substitutions": {"N": ["2"]}}},
    )
    assert warnings_of(by_users) == []


def test_variables_in_overrides_are_checked_per_user() -> None:
    body = request(Users={"u1": {"BodyOverride": "Hey {{Nick}}", "Substitutions": {"X": ["1"]}}})
    assert warnings_of(body) == [("Users.u1.BodyOverride", "unresolved-variable")]


def test_warning_url_action_without_url() -> None:
    bad = request(MessageConfiguration={"GCMMessage": {"Action": "URL", "Body": "b"}})
    assert warnings_of(bad) == [
        ("MessageConfiguration.GCMMessage.Action", "url-action-without-url")
    ]
    fallback = request(
        MessageConfiguration={
            "GCMMessage": {"Action": "URL"},
            "DefaultPushNotificationMessage": {"Url": "https://example.com"},
        }
    )
    assert warnings_of(fallback) == []


@pytest.mark.parametrize(
    ("body", "warned"),
    [
        ("a" * 1530, False),
        ("a" * 1531, True),
        ("é" * 1531, True),  # é is in the GSM-7 basic set
        ("ж" * 630, False),
        ("ж" * 631, True),
    ],
)
def test_warning_sms_too_long(body: str, warned: bool) -> None:
    found = warnings_of(request(MessageConfiguration={"SMSMessage": {"Body": body}}))
    assert (found == [("MessageConfiguration.SMSMessage.Body", "sms-too-long")]) is warned


def test_send_messages_without_recipients_is_warned() -> None:
    report = validate({"MessageConfiguration": {"SMSMessage": {"Body": "hi"}}}, "SendMessages")
    assert report.ok
    assert [(v.path, v.rule) for v in report.warnings] == [("", "no-recipients")]
