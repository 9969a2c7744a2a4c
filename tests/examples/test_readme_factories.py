"""The README's and docs/factories.md's factory snippets, run as tests."""

from __future__ import annotations

from hypothesis import given, settings

from pinpoint_mock import strategies as pst
from pinpoint_mock import validate
from tests.examples.app.reminders import send_reminders


# docs/factories.md: "A realistic test"
def test_reminder_texts_greet_each_user_by_name(pinpoint):
    users = pinpoint.populate(users=20, channels=("SMS",), countries=("US", "GB"), seed=7)
    ana = users[0]
    pinpoint.outcome("THROTTLED", user=ana.user_id, times=1)
    outcome = send_reminders(users.user_ids)
    assert outcome[ana.user_id] == "SUCCESSFUL"  # retried after the throttle
    pinpoint.assert_sent(user=ana.user_id, address=ana.address("SMS"), count=2)
    assert ana.address("SMS").startswith(("+1", "+44"))


# docs/factories.md: "Requests"
def test_factory_requests_pass_the_contract(pinpoint_factory):
    users = pinpoint_factory.users(3, channels=("SMS", "APNS"))
    body = pinpoint_factory.request(users, context=True, overrides=0.5)
    assert validate(body).ok
    assert set(body["Users"]) == set(users.user_ids)


# docs/factories.md: "Hypothesis strategies"
@settings(max_examples=50, deadline=None)
@given(pst.invalid_requests())
def test_validator_reports_the_mutation(case):
    report = validate(case.body)
    assert (case.path, case.rule) in {(e.path, e.rule) for e in report.errors}


# docs/factories.md: "The Faker provider"
def test_faker_provider(pinpoint_faker):
    phone = pinpoint_faker.e164_phone_number("DE")
    assert phone.startswith("+491")
    assert len(pinpoint_faker.apns_device_token()) == 64
    assert ":APA91b" in pinpoint_faker.fcm_registration_token()
