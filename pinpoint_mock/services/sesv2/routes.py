"""SES v2's paths (rest-json under ``/v2/email``): the operations the fake answers, and the
service model's names for the others (so a call the fake does not serve is refused by its name,
or, inside moto's ``mock_aws``, left to moto)."""

from __future__ import annotations

from ...wire import RouteTable
from ..model import RestJsonNames

_V2 = r"/v2/email"

ROUTES = RouteTable(
    "SES v2",
    (
        ("POST", _V2 + r"/outbound-emails", "SendEmail"),
        ("POST", _V2 + r"/outbound-bulk-emails", "SendBulkEmail"),
        ("POST", _V2 + r"/templates", "CreateEmailTemplate"),
        ("GET", _V2 + r"/templates", "ListEmailTemplates"),
        ("GET", _V2 + r"/templates/(?P<TemplateName>[^/]+)", "GetEmailTemplate"),
        ("PUT", _V2 + r"/templates/(?P<TemplateName>[^/]+)", "UpdateEmailTemplate"),
        ("DELETE", _V2 + r"/templates/(?P<TemplateName>[^/]+)", "DeleteEmailTemplate"),
        ("POST", _V2 + r"/templates/(?P<TemplateName>[^/]+)/render", "TestRenderEmailTemplate"),
        ("PUT", _V2 + r"/suppression/addresses", "PutSuppressedDestination"),
        ("GET", _V2 + r"/suppression/addresses", "ListSuppressedDestinations"),
        (
            "GET",
            _V2 + r"/suppression/addresses/(?P<EmailAddress>[^/]+)",
            "GetSuppressedDestination",
        ),
        (
            "DELETE",
            _V2 + r"/suppression/addresses/(?P<EmailAddress>[^/]+)",
            "DeleteSuppressedDestination",
        ),
    ),
    # Every path under /v2/email/ is SES v2's: an operation the fake does not serve there is
    # refused by its model name, not taken for another service's.
    owned=_V2 + "/",
)


ROUTER = ROUTES

model_operation = RestJsonNames("sesv2")
"""botocore's name for the SES v2 operation at a method and path (served or not)."""
