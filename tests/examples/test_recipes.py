"""The recipes of docs/recipes.md, run as tests (each function is quoted there)."""

from __future__ import annotations

import boto3
import pytest
from moto import mock_aws

from pinpoint_mock import mock_pinpoint
from tests.examples.app.notify import broadcast, send_code
from tests.examples.app.shipping import APPLICATION_ID, notify_shipped


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


# Recipe: asserting push fields
@pytest.mark.pinpoint(application_id=APPLICATION_ID)
def test_push_fields_are_on_the_record(pinpoint):
    pinpoint.add_endpoint(user_id="ana", channel="APNS", address="a" * 64)
    pinpoint.add_endpoint(user_id="ana", channel="GCM", address="fcm-token-ana")

    notify_shipped("ana", "42", "https://track.example/42")

    # By wire name, in the assertion...
    pinpoint.assert_sent(channel="APNS", fields={"Url": "https://track.example/42"}, count=1)
    # ...or typed, on the record: SentMessage.push (None on SMS, email and voice).
    apns, gcm = pinpoint.sent
    assert apns.title == "Order 42 shipped"
    assert (apns.push.action, apns.push.url, apns.push.badge) == (
        "URL",
        "https://track.example/42",
        1,
    )
    assert (gcm.push.url, gcm.push.time_to_live) == ("https://track.example/42", 3600)


# Recipe: a module-level client
@pytest.mark.pinpoint(application_id=APPLICATION_ID)
def test_a_client_made_at_import_time_is_served(pinpoint):
    # tests.examples.app.shipping made its client when this file imported it, before any mock.
    pinpoint.add_endpoint(user_id="ana", channel="APNS", address="a" * 64)

    assert notify_shipped("ana", "7", "https://track.example/7") == {"endpoint-1": "SUCCESSFUL"}
    pinpoint.assert_sent(user="ana", title_contains="Order 7")


# Recipe: moto with your own application id
@pytest.mark.pinpoint(application_id=APPLICATION_ID)
def test_moto_with_your_own_application_id(pinpoint):
    with mock_aws():  # entered after the fixture's mock: either order works
        pinpoint.add_endpoint(user_id="ana", channel="GCM", address="fcm-token-ana")
        boto3.client("s3", region_name="us-east-1").create_bucket(Bucket="receipts")  # moto

        assert notify_shipped("ana", "9", "https://track.example/9") == {"endpoint-1": "SUCCESSFUL"}
        client = boto3.client("pinpoint", region_name="us-east-1")
        app = client.get_app(ApplicationId=APPLICATION_ID)["ApplicationResponse"]  # moto's answer
        assert app["Id"] == APPLICATION_ID
        with pytest.raises(client.exceptions.NotFoundException, match=r"pinpoint\.create_app"):
            client.send_users_messages(
                ApplicationId="0" * 32,  # known to neither: the message says how to register it
                SendUsersMessageRequest={"MessageConfiguration": {}, "Users": {"ana": {}}},
            )


def test_docs_quote_these_recipes_verbatim():
    import inspect
    import pathlib

    from tests.examples.app import notify, shipping

    doc = (pathlib.Path(__file__).parents[2] / "docs" / "recipes.md").read_text()
    for function in (
        test_throttled_endpoints_are_retried,
        test_whole_call_throttling_is_survived,
        test_opted_out_endpoints_are_not_retried,
        test_the_code_reaches_every_channel,
        test_partial_failure_is_reported_per_endpoint,
        test_inside_moto,
        test_push_fields_are_on_the_record,
        test_a_client_made_at_import_time_is_served,
        test_moto_with_your_own_application_id,
        notify.broadcast,
        shipping.notify_shipped,
    ):
        assert inspect.getsource(function).strip() in doc, function.__name__
