"""SES v2's routes: the served operations, and the model's names for the others."""

from __future__ import annotations

import pytest

from pinpoint_mock.engine import Engine
from pinpoint_mock.request import Request
from pinpoint_mock.services import service_for
from pinpoint_mock.services.sesv2.routes import ROUTER, model_operation


@pytest.mark.parametrize(
    ("method", "path", "operation"),
    [
        ("POST", "/v2/email/outbound-emails", "SendEmail"),
        ("POST", "/v2/email/outbound-bulk-emails", "SendBulkEmail"),
        ("GET", "/v2/email/templates?PageSize=3", "ListEmailTemplates"),
        ("POST", "/v2/email/templates/t/render", "TestRenderEmailTemplate"),
        ("GET", "/v2/email/suppression/addresses/a%40b.com", "GetSuppressedDestination"),
    ],
)
def test_served_operations_are_found(method: str, path: str, operation: str) -> None:
    assert ROUTER.find(method, path, {}).operation == operation
    assert model_operation(method, path, {}) == operation


def test_every_path_under_v2_email_is_ses_and_unserved_ones_are_named() -> None:
    request = Request("POST", "/v2/email/identities", {}, b"{}", "server")
    assert service_for(request).name == "sesv2"
    response, call = Engine().handle(request)
    assert response.status == 404
    assert call.operation is None
    assert b"SES v2 operation CreateEmailIdentity" in response.body
    assert response.headers["x-amzn-ErrorType"] == "NotFoundException"


def test_an_email_prefix_call_goes_to_ses_v2() -> None:
    request = Request("GET", "/v2/email/templates", {}, b"", service="email")
    assert service_for(request).name == "sesv2"
