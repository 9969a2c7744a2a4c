"""``ServerHandle``: what the ``pinpoint_server`` fixture yields, typed, forwarding to the mock."""

from __future__ import annotations

import inspect

import boto3
import pytest

from pinpoint_mock.mock import PinpointMock
from pinpoint_mock.server import PinpointServer, ServerHandle
from pinpoint_mock.server.handle import NOT_FORWARDED


def public_names(cls: type) -> set[str]:
    return {n for n in dir(cls) if not n.startswith("_")}


def test_every_public_name_of_the_mock_is_reached_through_the_handle(
    server: PinpointServer,
) -> None:
    handle = ServerHandle(server)
    mock = server.mock
    for name in sorted(public_names(PinpointMock) | set(vars(mock)) - set(NOT_FORWARDED)):
        if name.startswith("_") or name in NOT_FORWARDED:
            continue
        mine, theirs = getattr(handle, name), getattr(mock, name)
        if inspect.ismethod(theirs):
            assert mine.__func__ is theirs.__func__, name
            assert mine.__self__ is mock, name
        else:  # attributes, live views and the services' facades (made per read)
            assert type(mine) is type(theirs), name


def test_what_a_server_test_cannot_use_is_refused_by_name(server: PinpointServer) -> None:
    handle = ServerHandle(server)
    for name in NOT_FORWARDED:
        with pytest.raises(AttributeError, match="the server answers its calls"):
            getattr(handle, name)


@pytest.fixture
def handle(server: PinpointServer) -> ServerHandle:
    return ServerHandle(server)


def test_the_handle_reaches_the_server_and_its_mock(
    handle: ServerHandle, server: PinpointServer
) -> None:
    assert handle.url == server.url
    assert handle.mock is server.mock
    assert handle.application_id == server.mock.application_id
    assert handle.seed == 1
    assert repr(handle) == f"<ServerHandle {server.url}>"


def test_set_up_script_and_assert_through_the_handle(handle: ServerHandle) -> None:
    endpoint = handle.add_endpoint(user_id="ana", channel="SMS", address="+12065550123")
    assert handle.endpoints(user_id="ana") == [endpoint]
    rule = handle.outcome("THROTTLED", user="ana", times=1)
    assert rule.label == "outcome('THROTTLED', user='ana', times=1)"
    client = boto3.client("pinpoint", region_name="us-east-1", endpoint_url=handle.url)
    request = {"MessageConfiguration": {"SMSMessage": {"Body": "hi"}}, "Users": {"ana": {}}}
    for _ in range(2):
        client.send_users_messages(
            ApplicationId=handle.application_id, SendUsersMessageRequest=request
        )
    assert [s.delivery_status for s in handle.sent] == ["THROTTLED", "SUCCESSFUL"]
    assert len(handle.calls) == 2
    handle.assert_sent(user="ana", count=2)
    with pytest.raises(AssertionError):
        handle.assert_not_sent(user="ana")
    with pytest.raises(AssertionError):
        handle.assert_sent(user="bob")
    assert handle.unfired() == []
    assert handle.clear_sent() == 2
    assert handle.sent == []


def test_outcomes_faults_and_chaos_are_cleared_through_the_handle(handle: ServerHandle) -> None:
    handle.outcome("OPT_OUT", user="ana")
    handle.fail("TooManyRequestsException", times=2)
    handle.chaos({"THROTTLED": 1.0}, seed=2)
    assert len(handle.unfired()) == 2
    handle.clear_outcomes()
    assert handle.unfired() == []
    handle.outcome("OPT_OUT", user="ana")
    handle.add_endpoint(user_id="ana", channel="SMS", address="+12065550123")
    handle.reset()
    assert handle.unfired() == []
    assert handle.endpoints() == []


def test_templates_and_apps_through_the_handle(handle: ServerHandle) -> None:
    template = handle.add_template("code", channel="SMS", body="Code {{Code}}")
    assert (template.name, template.version) == ("code", "1")
    assert handle.create_app("0" * 32) == "0" * 32


def test_anything_else_of_the_mock_answers_and_a_missing_name_is_an_attribute_error(
    handle: ServerHandle,
) -> None:
    assert handle.options is handle.mock.options
    with pytest.raises(AttributeError):
        handle.no_such_thing  # type: ignore[attr-defined]  # noqa: B018
