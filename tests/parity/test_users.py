"""Users become addresses: the directory's user -> address map, read as the rewrite reads it."""

from __future__ import annotations

from pinpoint_mock import PinpointMock
from pinpoint_mock.parity import Users


def test_addresses_carry_opt_outs_and_attributes() -> None:
    mock = PinpointMock()
    attributes = {"FirstName": ["Ana"]}
    mock.add_endpoint(
        user_id="ana", channel="SMS", address="+12065550123", user_attributes=attributes
    )
    mock.add_endpoint(
        user_id="ana",
        channel="EMAIL",
        address="Ana@Example.com",
        opt_out="ALL",
        user_attributes=attributes,
        attributes={"Plan": ["gold"]},
    )
    mock.add_endpoint(user_id="ana", channel="GCM", address="tok", status="INACTIVE")
    mock.add_endpoint(user_id="bo", channel="SMS", address="+12065550142")
    users = Users(mock)
    assert users.ids() == ["ana", "bo"]
    sms, email = users("ana")  # the inactive push endpoint is left out
    assert (sms.channel, sms.address, sms.opted_out, sms.push) == (
        "SMS",
        "+12065550123",
        False,
        False,
    )
    assert (email.opted_out, email.attributes["Plan"], email.attributes["FirstName"]) == (
        True,
        ["gold"],
        ["Ana"],
    )
    assert [a.address for a in users.addresses("ana", "EMAIL")] == ["Ana@Example.com"]
    assert users.owner("EMAIL", "ana@example.com") == "ana"
    assert users.owner("SMS", "+19999999999") is None
