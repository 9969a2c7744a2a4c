from __future__ import annotations

import json

import pytest

from pinpoint_mock.wire import RouteError, encode, error_response, json_response, route


@pytest.mark.parametrize(
    ("method", "path", "operation", "params"),
    [
        ("POST", "/v1/apps/abc/users-messages", "SendUsersMessages", {"application_id": "abc"}),
        (
            "POST",
            "/v1/apps/a%2Fb%20c/users-messages",
            "SendUsersMessages",
            {"application_id": "a/b c"},
        ),
        ("POST", "/v1/apps//users-messages", "SendUsersMessages", {"application_id": ""}),
        ("POST", "/v1/apps/abc/messages", "SendMessages", {"application_id": "abc"}),
        (
            "PUT",
            "/v1/apps/abc/endpoints/e1",
            "UpdateEndpoint",
            {"application_id": "abc", "endpoint_id": "e1"},
        ),
        ("PUT", "/v1/apps/abc/endpoints", "UpdateEndpointsBatch", {"application_id": "abc"}),
        (
            "GET",
            "/v1/apps/abc/users/u%401",
            "GetUserEndpoints",
            {"application_id": "abc", "user_id": "u@1"},
        ),
        (
            "DELETE",
            "/v1/apps/abc/users/u1",
            "DeleteUserEndpoints",
            {"application_id": "abc", "user_id": "u1"},
        ),
        (
            "GET",
            "/v1/apps/abc/endpoints/e1?x=1",
            "GetEndpoint",
            {"application_id": "abc", "endpoint_id": "e1"},
        ),
    ],
)
def test_routes(method: str, path: str, operation: str, params: dict[str, str]) -> None:
    found = route(method, path)
    assert (found.operation, found.params) == (operation, params)


def test_wrong_method_is_405_naming_the_allowed_ones() -> None:
    with pytest.raises(RouteError) as info:
        route("GET", "/v1/apps/abc/users-messages")
    assert (info.value.status, info.value.code) == (405, "MethodNotAllowedException")
    assert "allowed: POST" in info.value.message


def test_unknown_path_is_404_naming_it() -> None:
    with pytest.raises(RouteError) as info:
        route("GET", "/v1/apps/abc/campaigns")
    assert (info.value.status, info.value.code) == (404, "NotFoundException")
    assert "GET /v1/apps/abc/campaigns" in info.value.message


def test_error_response_has_the_shape_botocore_decodes() -> None:
    response = error_response(429, "TooManyRequestsException", "Too many requests", "rid")
    assert response.status == 429
    assert response.headers["x-amzn-ErrorType"] == "TooManyRequestsException"
    assert response.headers["x-amzn-RequestId"] == "rid"
    assert response.headers["Content-Type"] == "application/json"
    assert json.loads(response.body) == {"Message": "Too many requests", "RequestID": "rid"}
    assert response.headers["Content-Length"] == str(len(response.body))


def test_json_response_is_compact() -> None:
    response = json_response(200, {"A": "é"}, "rid")
    assert response.body == '{"A":"é"}'.encode()
    assert "x-amzn-ErrorType" not in response.headers


def test_encode_matches_the_standard_encoder() -> None:
    payload = {
        "Message": 'quote " backslash \\ newline \n tab \t nul \u0000 é 漢 😀',
        "Numbers": [0, -1, 2**63, 1.5, 1e-7, True, False, None],
        "Nested": {"": {"a": [], "b": {}}},
    }
    expected = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
    assert encode(payload) == expected
    assert json.loads(encode(payload)) == payload


def test_encode_refuses_what_json_cannot_hold() -> None:
    with pytest.raises(TypeError, match="not JSON serializable"):
        encode({"when": object()})
