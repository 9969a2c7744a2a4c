"""Inside moto's mock_aws, in either order of entry: Pinpoint sends are ours, apps are moto's."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from typing import Any

import boto3
import pytest
from moto import mock_aws

from pinpoint_mock import mock_pinpoint
from pinpoint_mock.mock import PinpointMock


@contextmanager
def pinpoint_then_moto() -> Iterator[PinpointMock]:
    with mock_pinpoint() as pinpoint, mock_aws():
        yield pinpoint


@contextmanager
def moto_then_pinpoint() -> Iterator[PinpointMock]:
    with mock_aws(), mock_pinpoint() as pinpoint:
        yield pinpoint


ORDERS: list[Callable[[], AbstractContextManager[PinpointMock]]] = [
    pinpoint_then_moto,
    moto_then_pinpoint,
]


def request(users: list[str]) -> dict[str, Any]:
    return {"MessageConfiguration": {"SMSMessage": {"Body": "hi"}}, "Users": {u: {} for u in users}}


@pytest.mark.parametrize("order", ORDERS, ids=lambda f: f.__name__)
def test_send_is_served_for_an_app_moto_created(order: Any) -> None:
    with order() as pinpoint:
        client = boto3.client("pinpoint", region_name="eu-west-1")
        app_id = client.create_app(CreateApplicationRequest={"Name": "shop"})[
            "ApplicationResponse"
        ]["Id"]
        pinpoint.add_endpoint(
            user_id="u1", channel="SMS", address="+12065550123", application_id=app_id
        )
        result = client.send_users_messages(
            ApplicationId=app_id, SendUsersMessageRequest=request(["u1"])
        )
        assert (
            result["SendUsersMessageResponse"]["Result"]["u1"]["endpoint-1"]["DeliveryStatus"]
            == "SUCCESSFUL"
        )
        # moto still serves what it implements, and other services
        assert client.get_app(ApplicationId=app_id)["ApplicationResponse"]["Name"] == "shop"
        s3 = boto3.client("s3", region_name="us-east-1")
        s3.create_bucket(Bucket="receipts")
        assert [b["Name"] for b in s3.list_buckets()["Buckets"]] == ["receipts"]
        assert [c.operation for c in pinpoint.calls] == ["SendUsersMessages"]


@pytest.mark.parametrize("order", ORDERS, ids=lambda f: f.__name__)
def test_unknown_app_is_404_like_the_service(order: Any) -> None:
    with order() as pinpoint:
        client = boto3.client("pinpoint", region_name="us-east-1")
        with pytest.raises(client.exceptions.NotFoundException, match="Resource not found"):
            client.send_users_messages(
                ApplicationId="0" * 32, SendUsersMessageRequest=request(["u1"])
            )
        assert pinpoint.calls[0].status == 404


def test_without_moto_active_unknown_apps_are_accepted() -> None:
    with ExitStack() as stack:
        stack.enter_context(mock_aws())
    with mock_pinpoint() as pinpoint:
        client = boto3.client("pinpoint", region_name="us-east-1")
        client.send_users_messages(ApplicationId="0" * 32, SendUsersMessageRequest=request(["u1"]))
        assert pinpoint.calls[0].status == 200


def test_moto_alone_is_untouched_after_our_mock_stops() -> None:
    with mock_pinpoint():
        pass
    with mock_aws():
        client = boto3.client("pinpoint", region_name="us-east-1")
        app_id = client.create_app(CreateApplicationRequest={"Name": "x"})["ApplicationResponse"][
            "Id"
        ]
        with pytest.raises(client.exceptions.ClientError, match=r"Not yet implemented|404"):
            client.send_users_messages(
                ApplicationId=app_id, SendUsersMessageRequest=request(["u1"])
            )
