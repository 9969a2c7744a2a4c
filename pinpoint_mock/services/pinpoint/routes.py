"""Pinpoint's paths: the operations the fake answers, and the service model's names for the
others (so a call the fake does not serve is refused by its name)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from ...wire import RouteTable
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

_MODEL: list[tuple[str, re.Pattern[str], str]] = []


def model_operation(method: str, path: str, headers: Mapping[str, str]) -> str | None:
    """botocore's name for the Pinpoint operation at ``method path`` (any of the service's
    operations, served or not); None when no operation is there or botocore is missing."""
    if not _MODEL:
        try:
            from botocore.loaders import Loader
        except ImportError:  # pragma: no cover - the aws extra is not installed
            return None
        model = Loader().load_service_model("pinpoint", "service-2")
        for name, op in model["operations"].items():
            uri = op["http"]["requestUri"].split("?", 1)[0]
            regex = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(uri))
            _MODEL.append((name, re.compile(f"^{regex}/?$"), op["http"]["method"]))
        # Longer literal paths first, so /endpoints/{id} is not taken for /endpoints.
        _MODEL.sort(key=lambda item: -len(item[1].pattern))
    bare = path.split("?", 1)[0]
    for name, pattern, op_method in _MODEL:
        if op_method == method.upper() and pattern.match(bare):
            return name
    return None
