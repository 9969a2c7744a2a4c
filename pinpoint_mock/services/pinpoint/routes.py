"""Pinpoint's paths: the operations the fake answers, and the service model's names for the
others (so a call the fake does not serve is refused by its name)."""

from __future__ import annotations

from ...wire import RouteTable
from ..model import RestJsonNames
from .channels import ROUTES as CHANNEL_ROUTES
from .templates_api import ROUTES as TEMPLATE_ROUTES

_APP = r"/v1/apps/(?P<application_id>[^/]*)"

ROUTES = RouteTable(
    "Pinpoint",
    (
        ("POST", r"/v1/apps", "CreateApp"),
        ("GET", r"/v1/apps", "GetApps"),
        ("GET", _APP, "GetApp"),
        ("DELETE", _APP, "DeleteApp"),
        *((method, _APP + path, operation) for method, path, operation in CHANNEL_ROUTES),
        ("POST", _APP + r"/otp", "SendOTPMessage"),
        ("POST", _APP + r"/verify-otp", "VerifyOTPMessage"),
        ("POST", r"/v1/phone/number/validate", "PhoneNumberValidate"),
        *TEMPLATE_ROUTES,
        ("POST", _APP + r"/users-messages", "SendUsersMessages"),
        ("POST", _APP + r"/messages", "SendMessages"),
        ("PUT", _APP + r"/endpoints/(?P<endpoint_id>[^/]+)", "UpdateEndpoint"),
        ("PUT", _APP + r"/endpoints", "UpdateEndpointsBatch"),
        ("GET", _APP + r"/endpoints/(?P<endpoint_id>[^/]+)", "GetEndpoint"),
        ("DELETE", _APP + r"/endpoints/(?P<endpoint_id>[^/]+)", "DeleteEndpoint"),
        ("GET", _APP + r"/users/(?P<user_id>[^/]+)", "GetUserEndpoints"),
        ("DELETE", _APP + r"/users/(?P<user_id>[^/]+)", "DeleteUserEndpoints"),
    ),
)

model_operation = RestJsonNames("pinpoint")
"""botocore's name for the Pinpoint operation at a method and path (served or not)."""
