"""Endpoint management through the API (in-process boto3), sharing the send's directory."""

from __future__ import annotations

from typing import Any

import pytest

from pinpoint_mock.mock import PinpointMock

APP = "611e3e3cdd47474c9c1399a505665b91"


def update(client: Any, endpoint_id: str, **request: Any) -> Any:
    return client.update_endpoint(
        ApplicationId=APP, EndpointId=endpoint_id, EndpointRequest=request
    )


def test_update_endpoint_creates_then_upserts(pinpoint: PinpointMock, client: Any) -> None:
    answer = update(
        client,
        "e1",
        ChannelType="SMS",
        Address="+12065550123",
        Attributes={"Plan": ["gold"], "Tier": ["1"]},
        User={"UserId": "u1", "UserAttributes": {"FirstName": ["Ana"]}},
        Demographic={"Locale": "en_US"},
    )
    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 202
    assert answer["MessageBody"]["Message"] == "Accepted"
    created = client.get_endpoint(ApplicationId=APP, EndpointId="e1")["EndpointResponse"]
    update(client, "e1", Attributes={"Plan": ["silver"]}, OptOut="ALL")
    updated = client.get_endpoint(ApplicationId=APP, EndpointId="e1")["EndpointResponse"]
    assert updated["Attributes"] == {"Plan": ["silver"], "Tier": ["1"]}
    assert (updated["ChannelType"], updated["Address"], updated["OptOut"]) == (
        "SMS",
        "+12065550123",
        "ALL",
    )
    assert updated["User"] == {"UserAttributes": {"FirstName": ["Ana"]}, "UserId": "u1"}
    assert updated["Demographic"] == {"Locale": "en_US"}
    assert updated["CreationDate"] == created["CreationDate"]
    assert updated["EndpointStatus"] == "ACTIVE"
    assert updated["ApplicationId"] == APP
    assert 0 <= int(updated["CohortId"]) <= 99


def test_registered_endpoints_receive_sends(pinpoint: PinpointMock, client: Any) -> None:
    update(
        client,
        "e1",
        ChannelType="SMS",
        Address="+12065550123",
        User={"UserId": "u1", "UserAttributes": {"FirstName": ["Ana"]}},
    )
    response = client.send_users_messages(
        ApplicationId=APP,
        SendUsersMessageRequest={
            "MessageConfiguration": {
                "SMSMessage": {"Body": "Hi {{User.UserAttributes.FirstName}}"}
            },
            "Users": {"u1": {}},
        },
    )
    assert (
        response["SendUsersMessageResponse"]["Result"]["u1"]["e1"]["DeliveryStatus"] == "SUCCESSFUL"
    )
    assert pinpoint.sent[0].body == "Hi Ana"


def test_same_address_on_another_endpoint_makes_the_older_inactive(
    pinpoint: PinpointMock, client: Any
) -> None:
    update(client, "old", ChannelType="EMAIL", Address="ana@example.com", User={"UserId": "u1"})
    update(client, "new", ChannelType="EMAIL", Address="ana@example.com", User={"UserId": "u1"})
    old = client.get_endpoint(ApplicationId=APP, EndpointId="old")["EndpointResponse"]
    assert old["EndpointStatus"] == "INACTIVE"
    items = client.get_user_endpoints(ApplicationId=APP, UserId="u1")["EndpointsResponse"]["Item"]
    assert [(i["Id"], i["EndpointStatus"]) for i in items] == [
        ("old", "INACTIVE"),
        ("new", "ACTIVE"),
    ]


def test_batch_upserts_up_to_100_items(pinpoint: PinpointMock, client: Any) -> None:
    items = [
        {
            "Id": f"e{i}",
            "ChannelType": "EMAIL",
            "Address": f"user{i}@example.com",
            "User": {"UserId": f"u{i}"},
        }
        for i in range(100)
    ]
    answer = client.update_endpoints_batch(ApplicationId=APP, EndpointBatchRequest={"Item": items})
    assert answer["ResponseMetadata"]["HTTPStatusCode"] == 202
    assert len(pinpoint.endpoints()) == 100
    with pytest.raises(client.exceptions.BadRequestException, match="Item: has 101 items"):
        client.update_endpoints_batch(
            ApplicationId=APP, EndpointBatchRequest={"Item": items + items[:1]}
        )
    with pytest.raises(client.exceptions.BadRequestException, match=r"Item\[0\]\.Id: is required"):
        client.update_endpoints_batch(
            ApplicationId=APP, EndpointBatchRequest={"Item": [{"ChannelType": "SMS"}]}
        )


def test_sixteenth_endpoint_of_a_user(pinpoint: PinpointMock, client: Any) -> None:
    for i in range(15):
        update(
            client, f"e{i}", ChannelType="SMS", Address=f"+1206555{i:04d}", User={"UserId": "u1"}
        )
    with pytest.raises(
        client.exceptions.BadRequestException, match="Exceeded maximum endpoint per user count 15"
    ):
        update(client, "e15", ChannelType="EMAIL", Address="a@example.com", User={"UserId": "u1"})


@pytest.mark.parametrize(
    ("request_body", "message"),
    [
        ({"Address": "+1"}, "ChannelType is required to create endpoint 'e1'"),
        ({"ChannelType": "SMS", "OptOut": "YES"}, "OptOut: 'YES' is not one of ALL, NONE"),
        ({"ChannelType": "SMS", "EndpointStatus": "ON"}, "EndpointStatus: 'ON' is not one of"),
        ({"ChannelType": "FAX"}, "'FAX' is not one of PUSH, GCM"),
    ],
)
def test_bad_updates_are_400_naming_the_field(
    pinpoint: PinpointMock, client: Any, request_body: dict[str, Any], message: str
) -> None:
    with pytest.raises(client.exceptions.BadRequestException, match=message):
        update(client, "e1", **request_body)
    assert pinpoint.endpoints() == []


def test_endpoint_ids_with_forbidden_characters(pinpoint: PinpointMock, client: Any) -> None:
    with pytest.raises(client.exceptions.BadRequestException, match=r"contains \$"):
        update(client, "a$b", ChannelType="SMS")


def test_unknown_ids_are_404(pinpoint: PinpointMock, client: Any) -> None:
    for call in (
        lambda: client.get_endpoint(ApplicationId=APP, EndpointId="nope"),
        lambda: client.delete_endpoint(ApplicationId=APP, EndpointId="nope"),
        lambda: client.get_user_endpoints(ApplicationId=APP, UserId="nobody"),
        lambda: client.delete_user_endpoints(ApplicationId=APP, UserId="nobody"),
    ):
        with pytest.raises(client.exceptions.NotFoundException, match="Resource not found"):
            call()


def test_deletes_return_what_was_deleted(pinpoint: PinpointMock, client: Any) -> None:
    update(client, "e1", ChannelType="SMS", Address="+12065550123", User={"UserId": "u1"})
    update(client, "e2", ChannelType="EMAIL", Address="a@example.com", User={"UserId": "u1"})
    deleted = client.delete_endpoint(ApplicationId=APP, EndpointId="e1")
    assert deleted["ResponseMetadata"]["HTTPStatusCode"] == 202
    assert deleted["EndpointResponse"]["Id"] == "e1"
    gone = client.delete_user_endpoints(ApplicationId=APP, UserId="u1")["EndpointsResponse"]["Item"]
    assert [e["Id"] for e in gone] == ["e2"]
    assert pinpoint.endpoints() == []


def test_send_messages_to_addresses_and_endpoints(pinpoint: PinpointMock, client: Any) -> None:
    pinpoint.add_endpoint(
        user_id="u1", channel="EMAIL", address="ana@example.com", endpoint_id="e1"
    )
    response = client.send_messages(
        ApplicationId=APP,
        MessageRequest={
            "Addresses": {
                "+12065550123": {"ChannelType": "SMS", "Substitutions": {"Code": ["123"]}},
                "+9995550101": {"ChannelType": "SMS"},
                "+12065550199": {},
            },
            "Endpoints": {"e1": {}, "ghost": {}},
            "MessageConfiguration": {
                "SMSMessage": {"Body": "Code {{Code}}", "Substitutions": {"Code": ["000"]}},
                "EmailMessage": {
                    "SimpleEmail": {"Subject": {"Data": "Hi"}, "TextPart": {"Data": "Code"}}
                },
            },
        },
    )["MessageResponse"]
    result = response["Result"]
    assert result["+12065550123"]["DeliveryStatus"] == "SUCCESSFUL"
    assert "Address" not in result["+12065550123"]  # MessageResult has no Address
    assert result["+9995550101"]["DeliveryStatus"] == "THROTTLED"  # simulator number
    assert result["+12065550199"]["StatusMessage"] == "ChannelType must be specified for an address"
    assert response["EndpointResult"]["e1"]["DeliveryStatus"] == "SUCCESSFUL"
    assert response["EndpointResult"]["ghost"]["StatusCode"] == 404
    bodies = {s.address: s.body for s in pinpoint.sent}
    assert bodies == {
        "+12065550123": "Code 123",
        "+9995550101": "Code 000",
        "ana@example.com": "Code",
    }
    assert {s.operation for s in pinpoint.sent} == {"SendMessages"}
    assert pinpoint.sent.filter(address="ana@example.com")[0].user_id == "u1"


def test_send_messages_contract(pinpoint: PinpointMock, client: Any) -> None:
    addresses = {f"+1206555{i:04d}": {"ChannelType": "SMS"} for i in range(101)}
    with pytest.raises(client.exceptions.BadRequestException, match="Addresses: has 101 entries"):
        client.send_messages(
            ApplicationId=APP,
            MessageRequest={
                "Addresses": addresses,
                "MessageConfiguration": {"SMSMessage": {"Body": "x"}},
            },
        )
