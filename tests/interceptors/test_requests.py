"""Code that signs and posts its own requests is served in-process, like boto3 is."""

from __future__ import annotations

import json
from typing import Any

import pytest
import requests
import responses
from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from pinpoint_mock import mock_pinpoint
from pinpoint_mock.mock import PinpointMock

REQUEST = {
    "MessageConfiguration": {
        "SMSMessage": {"Body": "Hi {{Name}}"},
        "EmailMessage": {
            "SimpleEmail": {"Subject": {"Data": "For {{Name}}"}, "TextPart": {"Data": "x"}}
        },
    },
    "Users": {"u1": {"Substitutions": {"Name": ["Ana"]}}, "u2": {}},
    "TraceId": "t-1",
}


def signed_post(url: str, payload: dict[str, Any]) -> requests.Response:
    body = json.dumps(payload)
    request = AWSRequest("POST", url, data=body, headers={"Content-Type": "application/json"})
    SigV4Auth(Credentials("testing", "testing"), "mobiletargeting", "us-east-1").add_auth(request)
    return requests.post(url, data=body, headers=dict(request.headers.items()), timeout=5)


def set_up(pinpoint: PinpointMock) -> None:
    pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550123", endpoint_id="s1")
    pinpoint.add_endpoint(
        user_id="u1", channel="EMAIL", address="ana@example.com", endpoint_id="m1"
    )
    pinpoint.add_endpoint(user_id="u2", channel="SMS", address="+9995550101", endpoint_id="s2")


def comparable(pinpoint: PinpointMock) -> list[dict[str, Any]]:
    return [
        {k: v for k, v in s.to_dict().items() if k not in ("messageId", "requestId")}
        for s in pinpoint.sent
    ]


def test_requests_and_botocore_routes_record_the_same(client: Any) -> None:
    with mock_pinpoint(seed=3) as via_requests:
        set_up(via_requests)
        url = f"https://pinpoint.us-east-1.amazonaws.com/v1/apps/{via_requests.application_id}/users-messages"
        with pytest.warns(Warning, match="Name"):
            answer = signed_post(url, REQUEST)
        assert answer.status_code == 200
        assert answer.headers["x-amzn-RequestId"]
        result = answer.json()["Result"]
    with mock_pinpoint(seed=3) as via_boto3:
        set_up(via_boto3)
        with pytest.warns(Warning, match="Name"):
            response = client.send_users_messages(
                ApplicationId=via_boto3.application_id, SendUsersMessageRequest=REQUEST
            )
    assert response["SendUsersMessageResponse"]["Result"] == result
    assert comparable(via_requests) == comparable(via_boto3)
    assert [c.transport for c in via_requests.calls] == ["requests"]
    assert [c.transport for c in via_boto3.calls] == ["botocore"]
    assert via_requests.calls[0].request == via_boto3.calls[0].request


def test_errors_reach_requests_callers_with_the_wire_shape() -> None:
    with mock_pinpoint() as pinpoint:
        url = f"https://pinpoint.eu-west-1.amazonaws.com/v1/apps/{pinpoint.application_id}/users-messages"
        answer = signed_post(
            url, {"MessageConfiguration": {"SMSMessage": {"MessageType": "X"}}, "Users": {}}
        )
    assert answer.status_code == 400
    assert answer.headers["x-amzn-ErrorType"] == "BadRequestException"
    assert "MessageType" in answer.json()["Message"]


def test_the_users_own_responses_mocks_keep_working() -> None:
    with responses.RequestsMock() as user_mock:
        user_mock.add(responses.GET, "https://api.example.com/users/1", json={"id": 1})
        with mock_pinpoint() as pinpoint:
            assert requests.get("https://api.example.com/users/1", timeout=5).json() == {"id": 1}
            url = f"https://pinpoint.us-east-1.amazonaws.com/v1/apps/{pinpoint.application_id}/users-messages"
            body = {"MessageConfiguration": {"SMSMessage": {"Body": "x"}}, "Users": {"u": {}}}
            assert signed_post(url, body).status_code == 200
        assert requests.get("https://api.example.com/users/1", timeout=5).json() == {"id": 1}
        assert len(user_mock.calls) == 2


def test_requests_interception_can_be_switched_off() -> None:
    import requests.adapters

    original = requests.adapters.HTTPAdapter.send
    with mock_pinpoint(intercept_requests=False):
        assert requests.adapters.HTTPAdapter.send is original
    with mock_pinpoint():
        assert requests.adapters.HTTPAdapter.send is not original
    assert requests.adapters.HTTPAdapter.send is original
