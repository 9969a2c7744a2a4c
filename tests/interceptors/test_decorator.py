"""The mock as a decorator: functions, coroutines, generators (sync and async) and classes run
inside it, and a ``pinpoint`` parameter receives the mock."""

from __future__ import annotations

import asyncio
import inspect
import unittest
from collections.abc import AsyncIterator, Iterator
from typing import Any

from pinpoint_mock import mock_pinpoint
from pinpoint_mock.interceptors import botocore as interceptor
from pinpoint_mock.mock import PinpointMock

SMS = {"MessageConfiguration": {"SMSMessage": {"Body": "hi"}}, "Users": {"u1": {}}}


def send(client: Any, pinpoint: PinpointMock) -> None:
    pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
    client.send_users_messages(ApplicationId=pinpoint.application_id, SendUsersMessageRequest=SMS)


def test_a_function_runs_inside_and_gets_the_mock(client: Any) -> None:
    mock = mock_pinpoint()

    @mock
    def body(pinpoint: PinpointMock) -> PinpointMock:
        send(client, pinpoint)
        return pinpoint

    assert body() is mock  # type: ignore[call-arg]
    mock.assert_sent(count=1)
    assert not mock.active


def test_a_coroutine_runs_inside_from_its_first_step_to_its_end(client: Any) -> None:
    mock = mock_pinpoint()

    @mock
    async def body(pinpoint: PinpointMock) -> bool:
        await asyncio.sleep(0)
        send(client, pinpoint)
        return interceptor.active()

    assert inspect.iscoroutinefunction(body)
    assert asyncio.run(body()) is True  # type: ignore[call-arg]
    mock.assert_sent(count=1)
    assert not interceptor.active()


def test_a_generator_runs_inside_while_it_is_iterated(client: Any) -> None:
    mock = mock_pinpoint()

    @mock
    def body(pinpoint: PinpointMock) -> Iterator[bool]:
        yield interceptor.active()
        send(client, pinpoint)
        yield interceptor.active()

    assert inspect.isgeneratorfunction(body)
    items = body()  # type: ignore[call-arg]
    assert not interceptor.active()  # nothing runs before the first item is asked for
    assert list(items) == [True, True]
    mock.assert_sent(count=1)
    assert not interceptor.active()


def test_an_async_generator_runs_inside_and_receives_what_is_sent(client: Any) -> None:
    mock = mock_pinpoint()

    @mock
    async def body(pinpoint: PinpointMock) -> AsyncIterator[Any]:
        received = yield interceptor.active()
        send(client, pinpoint)
        yield received

    async def drive() -> list[Any]:
        generator = body()  # type: ignore[call-arg]
        first = await generator.__anext__()
        second = await generator.asend("sent in")
        await generator.aclose()
        return [first, second]

    assert inspect.isasyncgenfunction(body)
    assert asyncio.run(drive()) == [True, "sent in"]
    mock.assert_sent(count=1)
    assert not interceptor.active()


def test_the_pinpoint_parameter_is_hidden_from_the_signature() -> None:
    @mock_pinpoint()
    def a_test(client: Any, pinpoint: PinpointMock) -> None:
        pass

    assert list(inspect.signature(a_test).parameters) == ["client"]


SHARED = mock_pinpoint(seed="class")


@SHARED
class Plain:
    """Each test method inside the mock, from a fresh mock."""

    def test_one(self, pinpoint: PinpointMock) -> int:
        return self._send(pinpoint)

    def test_two(self, pinpoint: PinpointMock) -> int:
        return self._send(pinpoint)

    def helper(self) -> bool:
        return interceptor.active()

    def _send(self, pinpoint: PinpointMock) -> int:
        import boto3

        send(boto3.client("pinpoint", region_name="us-east-1"), pinpoint)
        return len(pinpoint.sent)


def test_a_class_stays_a_class_and_each_test_starts_fresh() -> None:
    assert inspect.isclass(Plain)
    instance = Plain()
    assert instance.test_one() == 1  # type: ignore[call-arg]
    assert instance.test_two() == 1  # type: ignore[call-arg]
    assert instance.helper() is False  # not a test method: not wrapped
    assert not SHARED.active


class Base(unittest.TestCase):
    __test__ = False  # run by the test below, through unittest's loader

    def test_inherited(self) -> None:
        import boto3

        send(boto3.client("pinpoint", region_name="us-east-1"), UNITTEST)
        UNITTEST.assert_sent(count=1, user="u1")


UNITTEST = mock_pinpoint(seed="unittest")


@UNITTEST
class WithSetUp(Base):
    def setUp(self) -> None:
        UNITTEST.add_endpoint(user_id="u2", channel="SMS", address="+12065550124")

    def test_set_up_state_is_kept_for_the_test(self) -> None:
        assert interceptor.active()
        assert [e.user_id for e in UNITTEST.endpoints()] == ["u2"]


def test_a_unittest_case_runs_set_up_and_tests_inside() -> None:
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(WithSetUp)
    result = unittest.TestResult()
    suite.run(result)
    assert result.testsRun == 2
    assert result.errors == []
    assert result.failures == []
    assert not UNITTEST.active
