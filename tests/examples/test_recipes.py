"""The recipes of docs/recipes.md, run as tests (each function is quoted there)."""

from __future__ import annotations

import boto3
import pytest
from moto import mock_aws

from pinpoint_mock import mock_pinpoint
from tests.examples.app.notify import broadcast, send_code


# Recipe: retries on THROTTLED
def test_throttled_endpoints_are_retried(pinpoint):
    pinpoint.add_endpoint(user_id="ana", channel="SMS", address="+12065550123")
    pinpoint.add_endpoint(user_id="ben", channel="SMS", address="+12065550124")
    pinpoint.outcome("THROTTLED", user="ana", times=2)

    statuses = broadcast(["ana", "ben"], "Service window tonight")

    assert statuses == {"ana/endpoint-1": "SUCCESSFUL", "ben/endpoint-2": "SUCCESSFUL"}
    pinpoint.assert_sent(user="ana", count=3)  # two throttled attempts, then delivered
    pinpoint.assert_sent(user="ben", count=1)  # never re-sent to someone who got it


# Recipe: retries on 429 TooManyRequestsException
def test_whole_call_throttling_is_survived(pinpoint):
    pinpoint.add_endpoint(user_id="ana", channel="SMS", address="+12065550123")
    # botocore retries a 429 itself (3 attempts in standard mode, 5 in legacy): script more
    # failures than that so the code's own handler has to cope.
    pinpoint.fail("TooManyRequestsException", times=5)

    statuses = broadcast(["ana"], "hello", max_rounds=3)

    assert statuses == {"ana/endpoint-1": "SUCCESSFUL"}
    throttled = [c for c in pinpoint.calls if c.error_code == "TooManyRequestsException"]
    assert len(throttled) == 5
    assert all(c.backoff >= 0 for c in pinpoint.calls)  # botocore's back-off, never slept


# Recipe: opt-out handling
def test_opted_out_endpoints_are_not_retried(pinpoint):
    pinpoint.add_endpoint(user_id="ana", channel="SMS", address="+12065550123", opt_out="ALL")
    pinpoint.add_endpoint(user_id="ana", channel="EMAIL", address="ana@example.com")

    statuses = broadcast(["ana"], "hello")

    assert statuses == {"ana/endpoint-1": "OPT_OUT", "ana/endpoint-2": "SUCCESSFUL"}
    pinpoint.assert_sent(channel="SMS", status="OPT_OUT", count=1)


# Recipe: asserting rendered content and substitutions
def test_the_code_reaches_every_channel(pinpoint):
    pinpoint.add_endpoint(
        user_id="ana",
        channel="EMAIL",
        address="ana@example.com",
        user_attributes={"FirstName": ["Ana"]},
    )
    pinpoint.add_endpoint(user_id="ana", channel="SMS", address="+12065550123")

    send_code("ana", "482913")

    email = pinpoint.assert_sent(channel="EMAIL", count=1)[0]
    assert email.title == "Your code"
    assert email.body == "Hello Ana, your code is 482913"
    sms = pinpoint.assert_sent(channel="SMS", substitutions={"Code": ["482913"]})[0]
    assert sms.body == "Your code is 482913"
    assert sms.message.sms_encoding == "GSM-7"
    assert sms.message.sms_segments == 1


# Recipe: partial failure
def test_partial_failure_is_reported_per_endpoint(pinpoint):
    pinpoint.add_endpoint(user_id="ana", channel="APNS", address="a" * 64, endpoint_id="phone")
    pinpoint.add_endpoint(user_id="ana", channel="SMS", address="+12065550123", endpoint_id="sms")
    pinpoint.outcome(
        "PERMANENT_FAILURE", endpoint="phone", status_code=410, status_message="Unregistered"
    )

    statuses = send_code("ana", "111111")

    # The call succeeded (HTTP 200); one endpoint failed inside it.
    assert statuses == {"phone": "PERMANENT_FAILURE", "sms": "SUCCESSFUL"}
    (call,) = pinpoint.calls
    assert call.status == 200


# Recipe: using it inside moto's mock_aws
def test_inside_moto():
    with mock_aws(), mock_pinpoint() as pinpoint:
        client = boto3.client("pinpoint", region_name="us-east-1")
        app_id = client.create_app(CreateApplicationRequest={"Name": "shop"})[
            "ApplicationResponse"
        ]["Id"]
        pinpoint.add_endpoint(
            user_id="ana", channel="SMS", address="+12065550123", application_id=app_id
        )
        response = client.send_users_messages(
            ApplicationId=app_id,
            SendUsersMessageRequest={
                "MessageConfiguration": {"SMSMessage": {"Body": "hi"}},
                "Users": {"ana": {}},
            },
        )
        assert (
            response["SendUsersMessageResponse"]["Result"]["ana"]["endpoint-1"]["DeliveryStatus"]
            == "SUCCESSFUL"
        )
        with pytest.raises(client.exceptions.NotFoundException):
            client.send_users_messages(
                ApplicationId="0" * 32,
                SendUsersMessageRequest={
                    "MessageConfiguration": {"SMSMessage": {"Body": "hi"}},
                    "Users": {"ana": {}},
                },
            )


def test_docs_quote_these_recipes_verbatim():
    import inspect
    import pathlib

    from tests.examples.app import notify

    doc = (pathlib.Path(__file__).parents[2] / "docs" / "recipes.md").read_text()
    for function in (
        test_throttled_endpoints_are_retried,
        test_whole_call_throttling_is_survived,
        test_opted_out_endpoints_are_not_retried,
        test_the_code_reaches_every_channel,
        test_partial_failure_is_reported_per_endpoint,
        test_inside_moto,
        notify.broadcast,
    ):
        assert inspect.getsource(function).strip() in doc, function.__name__
