from __future__ import annotations

import json

import pytest

from pinpoint_mock.wire import encode, error_response, json_response


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
