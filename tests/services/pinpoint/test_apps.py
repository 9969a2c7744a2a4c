"""CreateApp, GetApp, GetApps and DeleteApp on the directory's applications."""

from __future__ import annotations

from typing import Any

import pytest

from pinpoint_mock.mock import PinpointMock


def test_created_app_is_known_to_gets_lists_and_sends(pinpoint: PinpointMock, client: Any) -> None:
    made = client.create_app(CreateApplicationRequest={"Name": "shop", "tags": {"team": "a"}})[
        "ApplicationResponse"
    ]
    assert len(made["Id"]) == 32
    assert made["Id"] == made["Id"].lower()
    assert made["Arn"] == f"arn:aws:mobiletargeting:us-east-1:123456789012:apps/{made['Id']}"
    assert (made["Name"], made["tags"]) == ("shop", {"team": "a"})
    assert made["CreationDate"].endswith("Z")
    got = client.get_app(ApplicationId=made["Id"])["ApplicationResponse"]
    assert got == made
    names = [a["Name"] for a in client.get_apps()["ApplicationsResponse"]["Item"]]
    assert names == [pinpoint.application_id, "shop"]
    assert pinpoint.engine.core.directory.has_app(made["Id"])


def test_delete_app_forgets_it_and_its_endpoints(pinpoint: PinpointMock, client: Any) -> None:
    app = client.create_app(CreateApplicationRequest={"Name": "gone"})["ApplicationResponse"]["Id"]
    pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550100", application_id=app)
    deleted = client.delete_app(ApplicationId=app)["ApplicationResponse"]
    assert deleted["Name"] == "gone"
    assert pinpoint.endpoints(application_id=app) == []
    with pytest.raises(client.exceptions.NotFoundException):
        client.get_app(ApplicationId=app)
    with pytest.raises(client.exceptions.NotFoundException):
        client.delete_app(ApplicationId=app)


def test_get_apps_pages_with_tokens(pinpoint: PinpointMock, client: Any) -> None:
    for name in ("a", "b", "c"):
        client.create_app(CreateApplicationRequest={"Name": name})
    first = client.get_apps(PageSize="2")["ApplicationsResponse"]
    assert len(first["Item"]) == 2
    assert first["NextToken"]
    rest = client.get_apps(PageSize="2", Token=first["NextToken"])["ApplicationsResponse"]
    assert [a["Name"] for a in rest["Item"]] == ["b", "c"]
    assert "NextToken" not in rest
    with pytest.raises(client.exceptions.BadRequestException, match="page-size"):
        client.get_apps(PageSize="0")


def test_app_name_is_bounded(pinpoint: PinpointMock, client: Any) -> None:
    with pytest.raises(client.exceptions.BadRequestException, match="Name"):
        client.create_app(CreateApplicationRequest={"Name": "x" * 65})
    with pytest.raises(client.exceptions.BadRequestException, match="Name"):
        client.create_app(CreateApplicationRequest={"Name": " "})


def test_strict_applications_accept_an_app_created_through_the_api(client: Any) -> None:
    from pinpoint_mock import mock_pinpoint

    with mock_pinpoint(strict_applications=True):
        app = client.create_app(CreateApplicationRequest={"Name": "s"})["ApplicationResponse"]
        result = client.send_messages(
            ApplicationId=app["Id"],
            MessageRequest={
                "Addresses": {"+12065550100": {"ChannelType": "SMS"}},
                "MessageConfiguration": {"SMSMessage": {"Body": "hi"}},
            },
        )["MessageResponse"]["Result"]
        assert result["+12065550100"]["DeliveryStatus"] == "SUCCESSFUL"


def test_helper_create_app_sets_name_and_tags(pinpoint: PinpointMock, client: Any) -> None:
    pinpoint.create_app("0123456789abcdef0123456789abcdef", name="legacy", tags={"k": "v"})
    got = client.get_app(ApplicationId="0123456789abcdef0123456789abcdef")["ApplicationResponse"]
    assert (got["Name"], got["tags"]) == ("legacy", {"k": "v"})


def test_same_seed_same_app_ids(client: Any) -> None:
    from pinpoint_mock import mock_pinpoint

    ids = []
    for _ in range(2):
        with mock_pinpoint(seed=5):
            ids.append(
                client.create_app(CreateApplicationRequest={"Name": "n"})["ApplicationResponse"][
                    "Id"
                ]
            )
    assert ids[0] == ids[1]
