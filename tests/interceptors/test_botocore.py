"""The botocore interceptor's own helpers: what it reads from a prepared request."""

from __future__ import annotations

from typing import Any

from botocore.awsrequest import HeadersDict

from pinpoint_mock import mock_pinpoint
from pinpoint_mock.interceptors.botocore import _headers, _path

APP = "611e3e3cdd47474c9c1399a505665b91"


def test_headers_are_plain_text_with_their_original_case() -> None:
    headers = HeadersDict({"Content-Type": b"application/json", "amz-sdk-request": "attempt=2"})
    headers["Content-Length"] = 12  # type: ignore[assignment]
    expected = {
        "Content-Type": "application/json",
        "amz-sdk-request": "attempt=2",
        "Content-Length": "12",
    }
    assert _headers(headers) == expected
    assert _headers(dict(headers.items())) == expected  # any mapping, without botocore's inside


def test_the_path_keeps_its_query_and_is_the_same_when_cached() -> None:
    url = "https://pinpoint.us-east-1.amazonaws.com/v1/apps/a%2Fb/users-messages?x=1&y=2"
    assert _path(url) == "/v1/apps/a%2Fb/users-messages?x=1&y=2"
    assert _path(url) == "/v1/apps/a%2Fb/users-messages?x=1&y=2"  # from the cache
    assert _path("http://localhost:4566/v1/apps/a/endpoints/e") == "/v1/apps/a/endpoints/e"


def test_a_call_records_the_headers_botocore_sent(client: Any) -> None:
    seen: dict[str, Any] = {}

    def capture(request: Any, **kwargs: Any) -> None:
        seen.update(request.headers.items())

    client.meta.events.register("before-send.pinpoint.SendUsersMessages", capture)
    with mock_pinpoint() as pinpoint:
        pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
        client.send_users_messages(
            ApplicationId=APP,
            SendUsersMessageRequest={
                "MessageConfiguration": {"SMSMessage": {"Body": "hi"}},
                "Users": {"u1": {}},
            },
        )
    (call,) = pinpoint.calls
    assert call.headers == {
        k: v.decode() if isinstance(v, bytes) else str(v) for k, v in seen.items()
    }
    assert call.attempt == 1
    assert call.invocation_id == seen["amz-sdk-invocation-id"].decode()
