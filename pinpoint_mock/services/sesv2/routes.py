"""SES v2's paths (rest-json under ``/v2/email``): the operations the fake answers, and the
service model's names for the others (so a call the fake does not serve is refused by its name,
or, inside moto's ``mock_aws``, left to moto)."""

from __future__ import annotations

import re
from collections.abc import Mapping

from ...wire import Route, RouteTable

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
)


class Routes:
    """SES v2's router: the route table's operations, and every path under ``/v2/email/``
    claimed (a call to an operation the fake does not serve is then refused by its model name,
    not taken for another service's)."""

    def __init__(self, table: RouteTable) -> None:
        self.table = table

    @property
    def operations(self) -> tuple[str, ...]:
        return self.table.operations

    def find(self, method: str, path: str, headers: Mapping[str, str]) -> Route:
        return self.table.route(method, path)

    def owns(self, method: str, path: str, headers: Mapping[str, str]) -> bool:
        return path.startswith(_V2 + "/")


ROUTER = Routes(ROUTES)

_MODEL: list[tuple[str, re.Pattern[str], str]] = []


def model_operation(method: str, path: str, headers: Mapping[str, str]) -> str | None:
    """botocore's name for the SES v2 operation at ``method path`` (served or not); None when
    no operation is there or botocore is missing."""
    if not _MODEL:
        try:
            from botocore.loaders import Loader
        except ImportError:  # pragma: no cover - the aws extra is not installed
            return None
        model = Loader().load_service_model("sesv2", "service-2")
        found = []
        for name, op in model["operations"].items():
            uri = op["http"]["requestUri"].split("?", 1)[0]
            regex = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(uri))
            found.append((name, re.compile(f"^{regex}/?$"), op["http"]["method"]))
        # Longer literal paths first, so /templates/{name} is not taken for /templates.
        found.sort(key=lambda item: -len(item[1].pattern))
        _MODEL.extend(found)
    bare = path.split("?", 1)[0]
    for name, pattern, op_method in _MODEL:
        if op_method == method.upper() and pattern.match(bare):
            return name
    return None
