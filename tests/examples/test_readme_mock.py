"""The README's mock snippets, run as tests."""

from __future__ import annotations

import boto3

from tests.examples.app.reminders import send_reminders


# README: "Test it"
def test_reminder_retries_throttled_users(pinpoint):
    pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
    pinpoint.add_endpoint(user_id="u2", channel="EMAIL", address="ana@example.com", opt_out="ALL")
    pinpoint.outcome("THROTTLED", user="u1", times=1)  # first attempt throttled, then default
    send_reminders(["u1", "u2"])  # production code, plain boto3
    pinpoint.assert_sent(user="u1", channel="SMS", body_contains="reminder", count=2)
    assert pinpoint.sent[-1].delivery_status == "SUCCESSFUL"


# README: "Without pytest"
def test_without_pytest():
    from pinpoint_mock import mock_pinpoint

    with mock_pinpoint() as pinpoint:
        pinpoint.add_endpoint(user_id="u1", channel="EMAIL", address="ana+throttled@example.com")
        outcome = send_reminders(["u1"], attempts=1)
    assert outcome == {"u1": "THROTTLED"}
    assert pinpoint.sent[0].title == "Your reminder"


# README: "Without pytest", decorator form
def test_decorator_form():
    from pinpoint_mock import mock_pinpoint

    @mock_pinpoint()
    def check(pinpoint):
        pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550105")
        assert send_reminders(["u1"]) == {"u1": "OPT_OUT"}

    check()


# README: "Whole-call faults"
def test_whole_call_fault(pinpoint):
    import pytest

    pinpoint.fail("TooManyRequestsException", times=10)
    client = boto3.client("pinpoint", region_name="us-east-1")
    with pytest.raises(client.exceptions.TooManyRequestsException):
        send_reminders(["u1"])
    assert len(pinpoint.calls) >= 3  # every botocore retry is recorded; none slept
