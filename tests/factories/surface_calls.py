"""Calling the mock with a wire body of the Pinpoint surface, as the server does (no SDK check
in between), at the operation's route from botocore's model."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from pinpoint_mock.mock import PinpointMock
from pinpoint_mock.wire import Response

APP = "5ca1ab1e5ca1ab1e5ca1ab1e5ca1ab1e"
TEMPLATE = "shipping"
HEADERS = {"Content-Type": "application/json"}


@cache
def _http(operation: str) -> tuple[str, str]:
    import botocore.session

    model = botocore.session.get_session().get_service_model("pinpoint")
    http = model.operation_model(operation).http
    return http["method"], http["requestUri"]


def call(mock: PinpointMock, operation: str, body: dict[str, Any]) -> Response:
    """The mock's answer to ``operation`` with ``body``, after what it needs exists (the app,
    the template and five versions of it)."""
    method, uri = _http(operation)
    mock.create_app(APP)
    kind = "SMS"
    for infix in ("Sms", "Email", "Push", "Voice"):
        if operation == f"Update{infix}Template":
            kind = infix.upper()
    needs_template = operation.endswith("Template") and operation.startswith("Update")
    if operation == "UpdateTemplateActiveVersion" or needs_template:
        for _ in range(0 if mock.engine.core.templates.get(kind, TEMPLATE, None) else 5):
            mock.add_template(TEMPLATE, channel=kind, body="hi")
    path = (
        uri.replace("{application-id}", APP)
        .replace("{template-name}", TEMPLATE)
        .replace("{template-type}", kind)
    )
    return mock.serve(method, path, HEADERS, json.dumps(body).encode())


def error_of(response: Response) -> tuple[str, str]:
    """(the x-amzn-ErrorType, the Message) of an error answer."""
    headers = {k.lower(): v for k, v in response.headers.items()}
    return headers["x-amzn-errortype"].split(":", 1)[0], json.loads(response.body)["Message"]
