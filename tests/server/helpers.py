"""Talk to a running server over plain HTTP, as any client would."""

from __future__ import annotations

import http.client
import json
from typing import Any

from pinpoint_mock.server import PinpointServer

APP = "611e3e3cdd47474c9c1399a505665b91"
SEND_PATH = f"/v1/apps/{APP}/users-messages"
GOOD = {"MessageConfiguration": {"SMSMessage": {"Body": "hi"}}, "Users": {"u1": {}}}


def raw(
    server: PinpointServer,
    method: str,
    path: str,
    body: bytes = b"",
    headers: dict[str, str] | None = None,
) -> tuple[int, dict[str, str], Any]:
    """One request on its own connection: ``(status, lower-cased headers, parsed JSON body)``."""
    connection = http.client.HTTPConnection(server.host, server.port, timeout=10)
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    data = response.read()
    connection.close()
    parsed = json.loads(data) if data else None
    return response.status, {k.lower(): v for k, v in response.getheaders()}, parsed


def control(server: PinpointServer, method: str, name: str, payload: Any = None) -> tuple[int, Any]:
    """Call the inspection API: ``(status, parsed JSON answer)``."""
    body = json.dumps(payload).encode() if payload is not None else b""
    headers = {"Content-Type": "application/json"}
    status, _, answer = raw(server, method, f"/_aws/pinpoint/{name}", body, headers)
    return status, answer
