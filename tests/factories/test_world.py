"""Generated users and worlds: lookups that explain what is missing, the service's JSON shapes."""

from __future__ import annotations

import pytest

from pinpoint_mock.contract import Compiler, schema
from pinpoint_mock.errors import PinpointMockError
from pinpoint_mock.factories import (
    FakeUser,
    PinpointFactory,
    World,
    endpoint_batch_item,
    endpoint_to_dict,
)
from pinpoint_mock.models import CHANNELS, Endpoint


def test_user_lookups_explain_what_is_missing() -> None:
    world = PinpointFactory(seed=9).users(2, channels=("EMAIL",))
    user = world[0]
    assert isinstance(user, FakeUser)
    assert world.get(user.user_id) is user
    assert isinstance(world[:1], World)
    assert world[:1].seed == 9
    with pytest.raises(PinpointMockError, match=r"has no SMS endpoint \(channels: EMAIL\)"):
        user.address("SMS")
    with pytest.raises(PinpointMockError, match="no user 'ghost' in this world of 2 users"):
        world.get("ghost")


def _endpoint(channel: str, *, opt_out: str = "NONE", status: str = "ACTIVE") -> Endpoint:
    return Endpoint(
        application_id="app",
        endpoint_id=f"e-{channel}-{opt_out}-{status}",
        channel=channel,  # type: ignore[arg-type]
        address=f"{channel}-{opt_out}-{status}",
        user_id="u1",
        opt_out=opt_out,
        status=status,
    )


def test_a_user_knows_its_channels_and_which_endpoints_are_reachable() -> None:
    sms = _endpoint("SMS")
    muted = _endpoint("EMAIL", opt_out="ALL")
    gone = _endpoint("SMS", status="INACTIVE")
    user = FakeUser("u1", (sms, muted, gone), {"FirstName": ["Ana"]}, "US")
    assert user.channels == ("SMS", "EMAIL")
    assert user.reachable == (sms,)
    assert user.endpoints_for("sms") == (sms, gone)
    assert user.endpoint("EMAIL") is muted
    assert user.first_name == "Ana"
    assert user.last_name == ""
    assert user.to_dict()["Endpoints"][0] == endpoint_to_dict(sms)


def test_having_picks_users_by_channel_and_reachability() -> None:
    reachable = FakeUser("a", (_endpoint("SMS"),), {}, "US")
    muted = FakeUser("b", (_endpoint("SMS", opt_out="ALL"), _endpoint("EMAIL")), {}, "US")
    bare = FakeUser("c", (), {}, "US")
    world = World([reachable, muted, bare], seed=1, application_id="app")
    assert world.having().user_ids == ["a", "b"]
    assert world.having("SMS").user_ids == ["a", "b"]
    assert world.having("SMS", reachable=True).user_ids == ["a"]
    assert world.having("SMS", reachable=False).user_ids == ["b", "c"]
    assert world.having(reachable=False).user_ids == ["c"]
    assert world.having("EMAIL").seed == 1
    assert world.having("EMAIL").application_id == "app"
    assert len(world.endpoints) == 3
    assert world.to_dicts() == [user.to_dict() for user in world]


def test_endpoint_json_follows_the_service_shapes() -> None:
    response = Compiler(schema("get-endpoint.response.json"))
    batch = Compiler(schema("update-endpoints-batch.request.json"))
    factory = PinpointFactory(seed=10)
    endpoints = factory.endpoints(40, channels=CHANNELS, opt_out_rate=0.5)
    assert [e.channel for e in endpoints[: len(CHANNELS)]] == list(CHANNELS)
    for endpoint in endpoints:
        assert response.root_ok(endpoint_to_dict(endpoint)), endpoint_to_dict(endpoint)
        item = endpoint_batch_item(endpoint)
        assert not {"ApplicationId", "CohortId", "CreationDate"} & set(item)
    assert batch.root_ok({"Item": [endpoint_batch_item(e) for e in endpoints]})
