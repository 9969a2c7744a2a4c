"""SentMessage's typed home for push settings (``push``) and its ``fields``, through boto3."""

from __future__ import annotations

import dataclasses
from typing import Any

import boto3
import pytest

from pinpoint_mock import mock_pinpoint
from pinpoint_mock.recording import PushFields, SentMessage

APP = "611e3e3cdd47474c9c1399a505665b91"


def send(message: dict[str, Any], users: dict[str, Any]) -> None:
    client = boto3.client("pinpoint", region_name="us-east-1")
    client.send_users_messages(
        ApplicationId=APP,
        SendUsersMessageRequest={"MessageConfiguration": message, "Users": users},
    )


def test_push_settings_have_a_typed_home_on_the_record() -> None:
    with mock_pinpoint() as pinpoint:
        pinpoint.add_endpoint(user_id="ana", channel="APNS", address="token-ana")
        pinpoint.add_endpoint(user_id="ana", channel="SMS", address="+12065550123")
        send(
            {
                "APNSMessage": {
                    "Title": "Shipped",
                    "Body": "Your parcel is on its way",
                    "Action": "URL",
                    "Url": "{{TrackingUrl}}",
                    "Badge": 2,
                    "Data": {"order": "42"},
                    "TimeToLive": 3600,
                },
                "SMSMessage": {"Body": "Shipped"},
            },
            {"ana": {"Substitutions": {"TrackingUrl": ["https://track.example/42"]}}},
        )
        push, sms = sorted(pinpoint.sent, key=lambda m: m.channel)
        assert push.push == PushFields(
            action="URL",
            url="https://track.example/42",
            badge=2,
            data={"order": "42"},
            time_to_live=3600,
        )
        assert push.fields["Url"] == "https://track.example/42"
        assert push.to_dict()["fields"]["Url"] == "https://track.example/42"
        assert sms.push is None
        pinpoint.assert_sent(channel="APNS", fields={"Url": "https://track.example/42"})
        with pytest.raises(AssertionError, match="differs in: fields"):
            pinpoint.assert_sent(channel="APNS", fields={"Url": "{{TrackingUrl}}"})


def test_push_fields_name_every_push_field_of_the_model() -> None:
    from pinpoint_mock.rendering.config import PUSH_FIELDS

    names = {field.name for field in dataclasses.fields(PushFields)}
    camel = {"".join(part.title() for part in name.split("_")) for name in names}
    known = {name.lower() for name in (*PUSH_FIELDS, "Context")}
    assert {name.lower() for name in camel} == known
    assert "push" in dir(SentMessage)
