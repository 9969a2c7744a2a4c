"""The account-level suppression list: PutSuppressedDestination, GetSuppressedDestination,
DeleteSuppressedDestination and ListSuppressedDestinations. A send to a listed address is
accepted and then bounces (``OnAccountSuppressionList``), as SES documents."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any
from urllib.parse import parse_qs

from ...errors import ServiceError
from ...request import Request
from ...wire import Route
from ..base import Answered, Core
from .body import answer, bad, page_size, query, read_body
from .state import SesState, Suppressed

REASONS = ("BOUNCE", "COMPLAINT")


def _entry(item: Suppressed, *, full: bool) -> dict[str, Any]:
    made: dict[str, Any] = {
        "EmailAddress": item.address,
        "Reason": item.reason,
        "LastUpdateTime": item.updated.timestamp(),
    }
    if full:
        attributes = {"MessageId": item.message_id, "FeedbackId": item.feedback_id}
        made["Attributes"] = {k: v for k, v in attributes.items() if v}
    return made


def _listed(state: SesState, route: Route) -> Suppressed:
    address = route.params["EmailAddress"]
    found = state.suppression(address)
    if found is None:
        raise ServiceError(
            "NotFoundException", f"Email address {address} does not exist on your suppression list."
        )
    return found


def put_suppressed_destination(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    state = core.store(SesState)
    body = read_body(request, "PutSuppressedDestination", validate=core.options.validate)
    address = str(body.get("EmailAddress") or "")
    if "@" not in address.strip("@"):
        raise bad("EmailAddress", f"{address!r} is not a valid email address")
    reason = body.get("Reason")
    if reason not in REASONS:
        raise bad("Reason", f"must be one of {', '.join(REASONS)}")
    state.suppress(address, str(reason))
    return Answered(answer({}, request_id))


def get_suppressed_destination(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    found = _listed(core.store(SesState), route)
    return Answered(answer({"SuppressedDestination": _entry(found, full=True)}, request_id))


def delete_suppressed_destination(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    state = core.store(SesState)
    found = _listed(state, route)
    with state.lock:
        state.suppressed.pop(found.address.lower(), None)
    return Answered(answer({}, request_id))


def list_suppressed_destinations(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    state = core.store(SesState)
    params = query(request)
    size = page_size(params, default=100, maximum=1000)
    reasons = parse_qs(request.path.partition("?")[2], max_num_fields=50).get("Reason") or []
    for reason in reasons:
        if reason not in REASONS:
            raise bad("Reason", f"{reason!r} is not one of {', '.join(REASONS)}")
    start_date = _date(params.get("StartDate"), "StartDate")
    end_date = _date(params.get("EndDate"), "EndDate")
    token = params.get("NextToken")
    if token is not None and (not token.isdigit() or len(token) > 9):
        raise ServiceError("InvalidNextTokenException", "The next token is invalid.")
    start = int(token or 0)
    with state.lock:
        items = list(state.suppressed.values())
    chosen = [
        item
        for item in items
        if (not reasons or item.reason in reasons)
        and (start_date is None or item.updated >= start_date)
        and (end_date is None or item.updated <= end_date)
    ]
    page = chosen[start : start + size]
    payload: dict[str, Any] = {
        "SuppressedDestinationSummaries": [_entry(item, full=False) for item in page]
    }
    if start + size < len(chosen):
        payload["NextToken"] = str(start + size)
    return Answered(answer(payload, request_id))


def _date(value: str | None, field: str) -> datetime | None:
    if value is None:
        return None
    try:
        if value.replace(".", "", 1).isdigit():
            return datetime.fromtimestamp(float(value), timezone.utc)
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except (ValueError, OverflowError, OSError):
        raise bad(field, f"{value!r} is not a timestamp") from None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
