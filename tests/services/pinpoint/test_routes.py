"""Pinpoint's route table and the service model's names for the operations it does not serve."""

from __future__ import annotations

import pytest

from pinpoint_mock.services.pinpoint.routes import ROUTES, model_operation
from pinpoint_mock.wire import RouteError


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
    found = ROUTES.route(method, path)
    assert (found.operation, found.params) == (operation, params)


def test_wrong_method_is_405_naming_the_allowed_ones() -> None:
    with pytest.raises(RouteError) as info:
        ROUTES.route("GET", "/v1/apps/abc/users-messages")
    assert (info.value.status, info.value.code) == (405, "MethodNotAllowedException")
    assert "allowed: POST" in info.value.message


def test_unknown_path_is_404_naming_it() -> None:
    with pytest.raises(RouteError) as info:
        ROUTES.route("GET", "/v1/apps/abc/campaigns")
    assert (info.value.status, info.value.code) == (404, "NotFoundException")
    assert "GET /v1/apps/abc/campaigns" in info.value.message


@pytest.mark.parametrize(
    ("method", "path", "name"),
    [
        ("GET", "/v1/apps", "GetApps"),
        ("POST", "/v1/apps", "CreateApp"),
        ("GET", "/v1/apps/abc/channels/sms", "GetSmsChannel"),
        ("GET", "/v1/apps/abc/endpoints/e1", "GetEndpoint"),
        ("POST", "/v1/phone/number/validate?x=1", "PhoneNumberValidate"),
        ("GET", "/v1/nothing/here", None),
    ],
)
def test_the_model_names_every_pinpoint_operation(method: str, path: str, name: str | None) -> None:
    assert model_operation(method, path, {}) == name
