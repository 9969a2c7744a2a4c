"""The endpoint-management operations, on the shared directory.

UpdateEndpoint and UpdateEndpointsBatch are upserts (given attributes replace the old values of
the same name; the endpoint becomes ACTIVE unless told otherwise; another endpoint with the same
Address becomes INACTIVE); Get/Delete answer NotFoundException for unknown ids.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from typing import Any

from ...directory import Directory
from ...errors import ServiceError
from ...models import Endpoint
from ...request import Request
from ...wire import Response, Route, json_response
from ..base import Answered, Core
from .body import read_body

_OPT_OUT = ("ALL", "NONE")
_STATUS = ("ACTIVE", "INACTIVE")
_FORBIDDEN_ID_CHARS = set("${}")


def endpoint_response(endpoint: Endpoint) -> dict[str, Any]:
    """An Endpoint as the service's EndpointResponse."""
    out: dict[str, Any] = {
        "Address": endpoint.address,
        "ApplicationId": endpoint.application_id,
        "ChannelType": endpoint.channel,
        "CohortId": endpoint.cohort_id,
        "CreationDate": endpoint.creation_date,
        "EffectiveDate": endpoint.effective_date,
        "EndpointStatus": endpoint.status,
        "Id": endpoint.endpoint_id,
        "OptOut": endpoint.opt_out,
    }
    if endpoint.attributes:
        out["Attributes"] = {k: list(v) for k, v in endpoint.attributes.items()}
    if endpoint.demographic:
        out["Demographic"] = dict(endpoint.demographic)
    if endpoint.location:
        out["Location"] = dict(endpoint.location)
    if endpoint.metrics:
        out["Metrics"] = dict(endpoint.metrics)
    if endpoint.request_id:
        out["RequestId"] = endpoint.request_id
    if endpoint.user_id is not None or endpoint.user_attributes:
        user: dict[str, Any] = {}
        if endpoint.user_attributes:
            user["UserAttributes"] = {k: list(v) for k, v in endpoint.user_attributes.items()}
        if endpoint.user_id is not None:
            user["UserId"] = endpoint.user_id
        out["User"] = user
    return out


def cohort_of(endpoint_id: str) -> str:
    """The service spreads endpoints over cohorts "0" to "99"; derived from the id, stably."""
    return str(int(hashlib.sha256(endpoint_id.encode()).hexdigest(), 16) % 100)


def _check(field: str, value: Any, allowed: tuple[str, ...]) -> None:
    if value is not None and value not in allowed:
        raise ServiceError(
            "BadRequestException", f"{field}: {value!r} is not one of {', '.join(allowed)}"
        )


def upsert(
    directory: Directory,
    application_id: str,
    endpoint_id: str,
    body: Mapping[str, Any],
    where: str = "",
) -> Endpoint:
    """Create or update one endpoint from an EndpointRequest / EndpointBatchItem."""
    if not endpoint_id or _FORBIDDEN_ID_CHARS & set(endpoint_id):
        raise ServiceError(
            "BadRequestException",
            f"{where}endpoint id {endpoint_id!r} is empty or contains $, {{ or }}",
        )
    _check(f"{where}OptOut", body.get("OptOut"), _OPT_OUT)
    _check(f"{where}EndpointStatus", body.get("EndpointStatus"), _STATUS)
    previous = directory.get(application_id, endpoint_id)
    channel = body.get("ChannelType") or (previous.channel if previous else None)
    if channel is None:
        raise ServiceError(
            "BadRequestException",
            f"{where}ChannelType is required to create endpoint {endpoint_id!r}",
        )
    user = body.get("User") or {}

    def merged(name: str, key: str) -> dict[str, Any]:
        base = dict(getattr(previous, name)) if previous else {}
        base.update(body.get(key) or {})
        return base

    user_attributes = dict(previous.user_attributes) if previous else {}
    user_attributes.update(user.get("UserAttributes") or {})
    endpoint = Endpoint(
        application_id=application_id,
        endpoint_id=endpoint_id,
        channel=channel,
        address=body.get("Address", previous.address if previous else ""),
        user_id=user.get("UserId", previous.user_id if previous else None),
        opt_out=body.get("OptOut") or (previous.opt_out if previous else "NONE"),
        status=body.get("EndpointStatus") or "ACTIVE",
        attributes=merged("attributes", "Attributes"),
        user_attributes=user_attributes,
        metrics=merged("metrics", "Metrics"),
        demographic=merged("demographic", "Demographic"),
        location=merged("location", "Location"),
        effective_date=body.get("EffectiveDate") or "",
        creation_date=previous.creation_date if previous else "",
        cohort_id=previous.cohort_id if previous else cohort_of(endpoint_id),
        request_id=body.get("RequestId") or (previous.request_id if previous else ""),
    )
    return directory.put(endpoint, deactivate_same_address=True)


def _accepted(request_id: str) -> Response:
    return json_response(202, {"Message": "Accepted", "RequestID": request_id}, request_id)


def update_endpoint(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    body, warnings = read_body(request, "UpdateEndpoint", validate=core.options.validate)
    app = route.params["application_id"]
    core.check_application(app, request)
    upsert(core.directory, app, route.params["endpoint_id"], body)
    return Answered(_accepted(request_id), None, warnings)


def update_endpoints_batch(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    body, warnings = read_body(request, "UpdateEndpointsBatch", validate=core.options.validate)
    app = route.params["application_id"]
    core.check_application(app, request)
    items = body.get("Item") or []
    for i, item in enumerate(items):
        if not item.get("Id"):
            raise ServiceError("BadRequestException", f"Item[{i}].Id: is required but missing")
    for i, item in enumerate(items):
        upsert(core.directory, app, item["Id"], item, where=f"Item[{i}].")
    return Answered(_accepted(request_id), None, warnings)


def _found(core: Core, route: Route, request: Request) -> Endpoint:
    app = route.params["application_id"]
    core.check_application(app, request)
    endpoint = core.directory.get(app, route.params["endpoint_id"])
    if endpoint is None:
        raise ServiceError("NotFoundException", "Resource not found")
    return endpoint


def get_endpoint(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    endpoint = _found(core, route, request)
    return Answered(json_response(200, endpoint_response(endpoint), request_id))


def delete_endpoint(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    endpoint = _found(core, route, request)
    core.directory.delete(endpoint.application_id, endpoint.endpoint_id)
    return Answered(json_response(202, endpoint_response(endpoint), request_id))


def _user_endpoints(core: Core, route: Route, request: Request) -> list[Endpoint]:
    app = route.params["application_id"]
    core.check_application(app, request)
    endpoints = core.directory.for_user(app, route.params["user_id"])
    if not endpoints:
        raise ServiceError("NotFoundException", "Resource not found")
    return endpoints


def get_user_endpoints(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    items = [endpoint_response(e) for e in _user_endpoints(core, route, request)]
    return Answered(json_response(200, {"Item": items}, request_id))


def delete_user_endpoints(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    endpoints = _user_endpoints(core, route, request)
    core.directory.delete_user(endpoints[0].application_id, route.params["user_id"])
    items = [endpoint_response(e) for e in endpoints]
    return Answered(json_response(202, {"Item": items}, request_id))
