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


HINT = (
    "Resource not found: moto has no application '{app}' (inside moto's mock_aws, moto's "
    "applications are the ones that exist): create it in moto (client.create_app) or register "
    "it with pinpoint.create_app('{app}')"
)


@pytest.mark.parametrize("order", ORDERS, ids=lambda f: f.__name__)
def test_the_404_says_how_to_register_the_app(order: Any) -> None:
    with order():
        client = boto3.client("pinpoint", region_name="us-east-1")
        with pytest.raises(client.exceptions.NotFoundException) as caught:
            client.send_users_messages(
                ApplicationId="0" * 32, SendUsersMessageRequest=request(["u1"])
            )
        assert caught.value.response["Error"]["Message"] == HINT.format(app="0" * 32)


OWN = "5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e"


def register_with_create_app(pinpoint: PinpointMock) -> str:
    return pinpoint.create_app(OWN)


def register_with_add_endpoint(pinpoint: PinpointMock) -> str:
    pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550123", application_id=OWN)
    return OWN


def register_with_populate(pinpoint: PinpointMock) -> str:
    pinpoint.populate(users=2, channels="SMS", application_id=OWN, seed=1)
    return OWN


def register_as_the_default(pinpoint: PinpointMock) -> str:
    return pinpoint.application_id


WAYS = [
    register_with_create_app,
    register_with_add_endpoint,
    register_with_populate,
    register_as_the_default,
]


@pytest.mark.parametrize("way", WAYS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("order", ORDERS, ids=lambda f: f.__name__)
@pytest.mark.parametrize("region", ["us-east-1", "eu-west-1"])
def test_an_app_the_mock_knows_is_known_inside_moto(order: Any, way: Any, region: str) -> None:
    with order() as pinpoint:
        app = way(pinpoint)
        client = boto3.client("pinpoint", region_name=region)
        answer = client.send_users_messages(
            ApplicationId=app, SendUsersMessageRequest=request(["u1"])
        )
        assert answer["SendUsersMessageResponse"]["ApplicationId"] == app
        assert pinpoint.calls[-1].status == 200
        # moto answers the app operations, and knows the app too
        assert client.get_app(ApplicationId=app)["ApplicationResponse"]["Id"] == app
        listed = {a["Id"] for a in client.get_apps()["ApplicationsResponse"]["Item"]}
        assert {app, pinpoint.application_id} <= listed
        assert [c.operation for c in pinpoint.calls] == ["SendUsersMessages"]


@pytest.mark.parametrize("order", ORDERS, ids=lambda f: f.__name__)
def test_an_app_registered_before_moto_started_is_known(order: Any) -> None:
    with mock_pinpoint() as pinpoint:
        pinpoint.add_endpoint(
            user_id="u1", channel="SMS", address="+12065550123", application_id=OWN
        )
        with mock_aws():  # moto starts with empty backends
            client = boto3.client("pinpoint", region_name="us-east-1")
            answer = client.send_users_messages(
                ApplicationId=OWN, SendUsersMessageRequest=request(["u1"])
            )
            statuses = answer["SendUsersMessageResponse"]["Result"]["u1"]
            assert [s["DeliveryStatus"] for s in statuses.values()] == ["SUCCESSFUL"]
        with mock_aws():  # and again in the next mock_aws
            answer = client.send_users_messages(
                ApplicationId=OWN, SendUsersMessageRequest=request(["u1"])
            )
            assert pinpoint.sent.last.delivery_status == "SUCCESSFUL"


@pytest.mark.parametrize("order", ORDERS, ids=lambda f: f.__name__)
def test_an_app_deleted_in_moto_stays_deleted_until_registered_again(order: Any) -> None:
    with order() as pinpoint:
        register_with_add_endpoint(pinpoint)
        client = boto3.client("pinpoint", region_name="us-east-1")
        client.send_users_messages(ApplicationId=OWN, SendUsersMessageRequest=request(["u1"]))
        client.delete_app(ApplicationId=OWN)
        with pytest.raises(client.exceptions.NotFoundException, match=r"pinpoint\.create_app"):
            client.send_users_messages(ApplicationId=OWN, SendUsersMessageRequest=request(["u1"]))
        with pytest.raises(client.exceptions.NotFoundException):
            client.get_app(ApplicationId=OWN)  # moto's answer
        pinpoint.create_app(OWN, name="back")
        client.send_users_messages(ApplicationId=OWN, SendUsersMessageRequest=request(["u1"]))
        assert pinpoint.sent.last.delivery_status == "SUCCESSFUL"
        assert client.get_app(ApplicationId=OWN)["ApplicationResponse"]["Name"] == "back"


@pytest.mark.parametrize("moto_first", [True, False], ids=["moto_then_server", "server_then_moto"])
def test_through_the_server_inside_moto(moto_first: bool) -> None:
    from pinpoint_mock.server import PinpointServer

    served = PinpointMock()
    served.add_endpoint(user_id="u1", channel="SMS", address="+12065550123", application_id=OWN)
    with ExitStack() as stack:
        if moto_first:
            stack.enter_context(mock_aws())
        server = PinpointServer(served).start()
        stack.callback(server.stop)
        if not moto_first:
            stack.enter_context(mock_aws())
        client = boto3.client(
            "pinpoint",
            region_name="us-east-1",
            endpoint_url=server.url,
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )
        answer = client.send_users_messages(
            ApplicationId=OWN, SendUsersMessageRequest=request(["u1"])
        )
        statuses = answer["SendUsersMessageResponse"]["Result"]["u1"]
        assert [s["DeliveryStatus"] for s in statuses.values()] == ["SUCCESSFUL"]
        with pytest.raises(client.exceptions.NotFoundException) as caught:
            client.send_users_messages(
                ApplicationId="0" * 32, SendUsersMessageRequest=request(["u1"])
            )
        assert caught.value.response["Error"]["Message"] == HINT.format(app="0" * 32)
        assert [(c.status, c.transport) for c in served.calls] == [(200, "server"), (404, "server")]


def test_strict_applications_404_says_how_to_register_the_app() -> None:
    with mock_pinpoint(strict_applications=True) as pinpoint:
        client = boto3.client("pinpoint", region_name="us-east-1")
        with pytest.raises(client.exceptions.NotFoundException) as caught:
            client.send_users_messages(
                ApplicationId="nope", SendUsersMessageRequest=request(["u1"])
            )
        assert caught.value.response["Error"]["Message"] == (
            "Resource not found: application 'nope' is not registered (strict_applications): "
            "register it with pinpoint.create_app('nope') or give it endpoints "
            "(add_endpoint(application_id=...))"
        )
        pinpoint.create_app("nope")
        client.send_users_messages(ApplicationId="nope", SendUsersMessageRequest=request(["u1"]))
        assert pinpoint.calls[-1].status == 200


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
