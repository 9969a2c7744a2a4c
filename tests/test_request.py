"""Request: the attempt number and headers read whatever their spelling."""

from __future__ import annotations

import pytest

from pinpoint_mock.request import Request, attempt_number, header


@pytest.mark.parametrize(
    ("headers", "attempt"),
    [
        ({"amz-sdk-request": "attempt=2; max=3"}, 2),
        ({"AMZ-SDK-REQUEST": "ttl=20261205T000000Z; attempt=4; max=5"}, 4),
        ({"amz-sdk-request": "max=3"}, 1),
        ({"amz-sdk-request": "attempt=x"}, 1),
        ({}, 1),
    ],
)
def test_the_attempt_comes_from_the_sdk_header(headers: dict[str, str], attempt: int) -> None:
    assert attempt_number(headers) == attempt
    assert Request("POST", "/", headers, b"").attempt == attempt


def test_headers_are_read_in_any_spelling() -> None:
    request = Request("POST", "/", {"Amz-Sdk-Invocation-Id": "abc"}, b"")
    assert request.header("amz-sdk-invocation-id") == "abc"
    assert header({"X": "1"}, "x") == "1"
    assert request.header("missing") is None


def test_an_absurd_attempt_number_is_read_as_the_first_attempt() -> None:
    assert attempt_number({"amz-sdk-request": "attempt=" + "9" * 5000}) == 1
