"""``ServerHandle``: what the ``pinpoint_server`` fixture yields, typed, forwarding to the mock."""

from __future__ import annotations

import inspect

import boto3
import pytest

from pinpoint_mock.mock import PinpointMock
from pinpoint_mock.server import PinpointServer, ServerHandle

#: Public names of the mock a test has no use for through the server's handle.
NOT_FORWARDED = {
    "start",  # the server answers; the mock is not patched into this process's clients
    "stop",
    "answer",  # the interceptors' and the server's entry points
    "serve",
    "new_request_id",
    "handles",
    "operations",
    "reseed",  # the fixture reseeds per test
    "engine",
    "options",
    "intercept_requests",
}


def public_names(cls: type) -> set[str]:
    return {n for n in dir(cls) if not n.startswith("_")}


def forwarded() -> set[str]:
    return public_names(ServerHandle) - {"url", "mock", "server", "check"}


def test_every_forwarder_has_the_mocks_parameters() -> None:
    for name in sorted(forwarded()):
        mine = inspect.getattr_static(ServerHandle, name)
        theirs = inspect.getattr_static(PinpointMock, name, None)
        assert theirs is not None or name == "seed", f"PinpointMock has no {name}"
        if isinstance(mine, property) or theirs is None:
            assert not callable(theirs) or isinstance(theirs, property), name
            continue
        ours = [
            (p.name, p.kind, p.default)
            for p in inspect.signature(getattr(ServerHandle, name)).parameters.values()
        ]
        expected = [
            (p.name, p.kind, p.default)
            for p in inspect.signature(getattr(PinpointMock, name)).parameters.values()
        ]
        assert ours == expected, name


def test_the_mocks_api_is_forwarded_except_what_a_server_test_cannot_use() -> None:
    mock_api = public_names(PinpointMock) | set(vars(PinpointMock(seed=1)))
    missing = {n for n in mock_api - forwarded() - NOT_FORWARDED if not n.startswith("_")}
    assert missing == set()


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


def test_anything_else_of_the_mock_still_answers_untyped(handle: ServerHandle) -> None:
    assert handle.options is handle.mock.options  # type: ignore[attr-defined]
    with pytest.raises(AttributeError):
        handle.no_such_thing  # type: ignore[attr-defined]  # noqa: B018
