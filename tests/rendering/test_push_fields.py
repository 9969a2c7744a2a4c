"""Push fields: links and images fill their ``{{variables}}`` per endpoint (a modelled
assumption, rendering.config.VARIABLE_PUSH_FIELDS); the other fields are recorded as sent."""

from __future__ import annotations

from pinpoint_mock.rendering import FILLED, prepare, render
from pinpoint_mock.rendering.config import VARIABLE_PUSH_FIELDS
from tests.rendering.helpers import endpoint

CONFIG = {
    "APNSMessage": {
        "Title": "Order {{Order}}",
        "Body": "On its way",
        "Action": "URL",
        "Url": "{{TrackingUrl}}?u={{User.UserId}}",
        "MediaUrl": "https://img.example/{{Attributes.Color}}.png",
        "Sound": "{{Sound}}",
        "Data": {"link": "{{TrackingUrl}}"},
        "Substitutions": {"TrackingUrl": ["https://track.example/1"], "Order": ["42"]},
    }
}


def test_links_and_images_fill_their_variables_per_endpoint() -> None:
    prepared = prepare(CONFIG)
    first = prepared.render("APNS", None, endpoint("APNS", address="t1"))
    other = prepared.render(
        "APNS",
        {"Substitutions": {"TrackingUrl": ["https://track.example/2"]}},
        endpoint("APNS", address="t2", user_id="user-2", attributes={"Color": ["blue"]}),
    )
    assert first.fields["Url"] == "https://track.example/1?u=user-1"
    assert first.fields["MediaUrl"] == "https://img.example/red.png"
    assert other.fields["Url"] == "https://track.example/2?u=user-2"
    assert other.fields["MediaUrl"] == "https://img.example/blue.png"
    # Not a link or an image: as sent.
    assert (first.fields["Sound"], first.fields["Data"]) == (
        "{{Sound}}",
        {"link": "{{TrackingUrl}}"},
    )
    assert first.title == "Order 42"


def test_an_unresolved_variable_in_a_link_renders_empty_and_is_not_listed() -> None:
    message = render(
        "GCM", {"GCMMessage": {"Body": "b", "ImageUrl": "https://x/{{Nope}}"}}, None, None
    )
    assert message.fields["ImageUrl"] == "https://x/"
    assert message.unresolved == ()


def test_rows_carry_filled_fields_only_when_a_field_has_variables() -> None:
    plain = prepare({"APNSMessage": {"Body": "b", "Url": "https://plain.example"}})
    assert plain.row("APNS", None, endpoint("APNS"))[FILLED] is None
    assert plain.render("APNS", None, endpoint("APNS")).fields["Url"] == "https://plain.example"
    row = prepare(CONFIG).row("APNS", None, endpoint("APNS"))
    assert row[FILLED] == (
        "Url", "https://track.example/1?u=user-1", "MediaUrl", "https://img.example/red.png",
    )  # fmt: skip
    assert all(isinstance(value, str) for value in row[FILLED])  # nothing for the GC to follow


def test_the_default_push_message_url_is_filled_too() -> None:
    config = {
        "DefaultPushNotificationMessage": {"Body": "b", "Url": "https://x/{{Id}}"},
        "SMSMessage": {"Body": "sms {{Id}}"},
    }
    prepared = prepare(config)
    assert prepared.render("ADM", None, endpoint("ADM")).fields["Url"] == "https://x/ep-1"
    assert prepared.render("SMS", None, endpoint("SMS")).fields == {}
    assert {"Url", "ImageUrl", "MediaUrl"} <= VARIABLE_PUSH_FIELDS
    assert "Data" not in VARIABLE_PUSH_FIELDS
