"""Fail closed: a call to a messaging service's host that the mock does not serve is refused while
a mock is active, with an error naming the service and the operation, instead of going on to AWS.

The endpoint prefix says which services a call may be for (:data:`~.hosts.MESSAGING`); when the
mock serves all of them it answers the call itself. Otherwise the services it serves are asked
whether the call is theirs (their routers' ``owns``), and a call no served service owns is named
from botocore's service model (``X-Amz-Target`` for awsJson, ``Action`` for the query protocol,
method and path for rest-json) and refused. botocore is read only to name a refused call.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qs

from ..services import PREFIXES as SERVED_PREFIXES
from ..services import SERVICES
from .hosts import MESSAGING

_ALL_SERVED = frozenset(
    prefix for prefix, names in MESSAGING.items() if all(name in SERVICES for name in names)
)
"""The prefixes whose every service the mock serves (nothing to refuse there)."""


def refusal(
    prefix: str, method: str, path: str, headers: Mapping[str, str], body: bytes
) -> str | None:
    """None when the mock serves the call's service (it answers, or names an operation of that
    service it does not implement); else why the call is refused, naming service and operation."""
    if prefix in _ALL_SERVED:
        return None
    for service in SERVED_PREFIXES.get(prefix, ()):
        if service.routes.owns(method, path, headers):
            return None
    name, title, operation = identify(prefix, method, path, headers, body)
    if name in SERVICES:
        return None
    served = ", ".join(SERVICES)
    return (
        f"pinpoint-mock does not serve {title} ({name}), so its operation {operation} was "
        f"stopped here: nothing reaches AWS while a mock is active. Served: {served}. Use moto "
        "(mock_aws) beside the mock for services it does not serve."
    )


def identify(
    prefix: str, method: str, path: str, headers: Mapping[str, str], body: bytes
) -> tuple[str, str, str]:
    """(botocore's service name, the service's full name, the operation) of a call to a host
    of ``prefix``; the operation is ``METHOD /path`` when no model names it."""
    names = MESSAGING.get(prefix, ())
    for name in names:
        model = _model(name)
        operation = _operation(model, method, path, headers, body) if model else None
        if operation is not None:
            return name, model["title"] if model else name, operation
    name = names[0] if len(names) == 1 else " or ".join(names) or prefix
    model = _model(names[0]) if len(names) == 1 else None
    return name, model["title"] if model else name, f"{method} {path.split('?', 1)[0]}"


@functools.cache
def _model(name: str) -> dict[str, Any] | None:
    """What naming needs from botocore's model of ``name``: protocol, title, target prefix and
    the operations' HTTP bindings (None without botocore)."""
    try:
        from botocore.loaders import create_loader
    except ImportError:
        return None
    raw = create_loader().load_service_model(name, "service-2")
    metadata = raw["metadata"]
    routes = []
    for operation, spec in raw["operations"].items():
        http = spec.get("http", {})
        uri = http.get("requestUri", "/").split("?", 1)[0]
        parts = [part for part in re.split(r"(\{[^}]+\})", uri) if part]
        regex = "".join(
            pattern_part(part) if part.startswith("{") else re.escape(part) for part in parts
        )
        literal = sum(len(part) for part in parts if not part.startswith("{"))
        routes.append((literal, http.get("method", "POST"), re.compile(f"^{regex}/?$"), operation))
    routes.sort(key=lambda route: -route[0])
    return {
        "protocol": metadata.get("protocol", ""),
        "title": metadata.get("serviceFullName", name),
        "target": metadata.get("targetPrefix"),
        "routes": routes,
    }


def pattern_part(label: str) -> str:
    """The regular expression of a ``{label}`` or greedy ``{label+}`` of a request URI."""
    return ".+" if label.endswith("+}") else "[^/]+"


def _operation(
    model: Mapping[str, Any], method: str, path: str, headers: Mapping[str, str], body: bytes
) -> str | None:
    protocol = model["protocol"]
    if protocol == "json":
        target = next((v for k, v in headers.items() if k.lower() == "x-amz-target"), "")
        service, _, operation = target.partition(".")
        return operation if operation and service == model["target"] else None
    if protocol in ("query", "ec2"):
        query = path.partition("?")[2]
        fields = parse_qs(query) or parse_qs(body.decode("utf-8", "replace"))
        actions = fields.get("Action")
        return actions[0] if actions else None
    bare = path.split("?", 1)[0]
    for _, verb, regex, operation in model["routes"]:
        if verb == method.upper() and regex.match(bare):
            return str(operation)
    return None
