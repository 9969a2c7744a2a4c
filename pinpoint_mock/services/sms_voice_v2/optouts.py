"""The opt-out operations: CreateOptOutList, DescribeOptOutLists, PutOptedOutNumber,
DescribeOptedOutNumbers, DeleteOptedOutNumber, DeleteOptOutList.

Every account has the list ``Default`` (origination identities use it unless set otherwise); it
is in use, so it cannot be deleted, like any list a registered number or pool uses.
"""

from __future__ import annotations

import base64
import time
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from ...request import Request
from ...wire import Route
from ..base import Answered, Core
from .body import read_body
from .errors import V2Error, json_answer
from .numbers import check
from .state import DELETE_INTERVAL, OptOutList, SmsVoiceState

T = TypeVar("T")


def _state_and_body(
    core: Core, route: Route, request: Request
) -> tuple[SmsVoiceState, dict[str, Any]]:
    return core.store(SmsVoiceState), read_body(
        request, route.operation, validate=core.options.validate
    )


def _list(state: SmsVoiceState, name: str) -> OptOutList:
    found = state.list_named(name)
    if found is None:
        raise V2Error(
            "ResourceNotFoundException",
            f"Opt-out list {name} was not found",
            resource_type="opt-out-list",
            resource_id=name,
        )
    return found


def _page(items: Sequence[T], body: dict[str, Any]) -> tuple[Sequence[T], str | None]:
    """One page of ``items`` by ``MaxResults`` (default 100) and ``NextToken``."""
    start = 0
    token = body.get("NextToken")
    if token is not None:
        try:
            start = int(base64.b64decode(token, validate=True).decode())
            if start < 0:
                raise ValueError(token)
        except (ValueError, UnicodeDecodeError):
            raise V2Error(
                "ValidationException",
                "The NextToken is not one this service returned",
                reason="INVALID_NEXT_TOKEN",
                fields=(("NextToken", "is not valid"),),
            ) from None
    size = body.get("MaxResults", 100)
    page = items[start : start + size]
    more = start + size < len(items)
    return page, base64.b64encode(str(start + size).encode()).decode() if more else None


def _number(name: str, value: str) -> str:
    problem = check(value).problem
    if problem is not None:
        raise V2Error(
            "ValidationException",
            f"{name}: {value!r} {problem}",
            reason="INVALID_PARAMETER",
            fields=((name, f"{value!r} {problem}"),),
        )
    return value


def _info(found: OptOutList) -> dict[str, Any]:
    return {
        "OptOutListArn": found.arn,
        "OptOutListName": found.name,
        "CreatedTimestamp": found.created,
    }


def create_opt_out_list(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    state, body = _state_and_body(core, route, request)
    name = body["OptOutListName"]
    made, new = state.create_list(name)
    if not new:
        raise V2Error(
            "ConflictException",
            f"Opt-out list {name} already exists",
            reason="RESOURCE_ALREADY_EXISTS",
            resource_type="opt-out-list",
            resource_id=name,
        )
    answer = _info(made)
    answer["Tags"] = body.get("Tags", [])
    return Answered(json_answer(answer, request_id))


def describe_opt_out_lists(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    state, body = _state_and_body(core, route, request)
    with state.lock:
        if body.get("Owner") == "SHARED":
            found: list[OptOutList] = []
        elif body.get("OptOutListNames"):
            found = [_list(state, name) for name in body["OptOutListNames"]]
        else:
            found = sorted(state.lists.values(), key=lambda item: item.created)
        page, token = _page(found, body)
        answer: dict[str, Any] = {"OptOutLists": [_info(item) for item in page]}
    if token:
        answer["NextToken"] = token
    return Answered(json_answer(answer, request_id))


def _number_info(number: str, entry: Any) -> dict[str, Any]:
    return {
        "OptedOutNumber": number,
        "OptedOutTimestamp": entry.timestamp,
        "EndUserOptedOut": entry.end_user,
    }


def put_opted_out_number(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    state, body = _state_and_body(core, route, request)
    number = _number("OptedOutNumber", body["OptedOutNumber"])
    with state.lock:
        found = _list(state, body["OptOutListName"])
        earlier = found.numbers.get(number)
        entry = state.opt_out(found.name, number, end_user=bool(earlier and earlier.end_user))
    answer = {
        "OptOutListArn": found.arn,
        "OptOutListName": found.name,
        **_number_info(number, entry),
    }
    return Answered(json_answer(answer, request_id))


def describe_opted_out_numbers(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    state, body = _state_and_body(core, route, request)
    with state.lock:
        found = _list(state, body["OptOutListName"])
        wanted = body.get("OptedOutNumbers")
        if wanted:
            for number in wanted:
                if number not in found.numbers:
                    raise V2Error(
                        "ResourceNotFoundException",
                        f"Opted out number {number} was not found in {found.name}",
                        resource_type="opted-out-number",
                        resource_id=number,
                    )
            items = [(n, found.numbers[n]) for n in wanted]
        else:
            items = sorted(found.numbers.items(), key=lambda item: item[1].timestamp)
        for spec in body.get("Filters", []):
            values = {v.lower() for v in spec["Values"]}
            bad = values - {"true", "false"}
            if bad:
                raise V2Error(
                    "ValidationException",
                    f"Filter {spec['Name']} takes true or false, got {sorted(bad)}",
                    reason="INVALID_FILTER_VALUES",
                    fields=(("Filters", "end-user-opted-out takes true or false"),),
                )
            items = [(n, e) for n, e in items if str(e.end_user).lower() in values]
        page, token = _page(items, body)
        answer: dict[str, Any] = {
            "OptOutListArn": found.arn,
            "OptOutListName": found.name,
            "OptedOutNumbers": [_number_info(n, e) for n, e in page],
        }
    if token:
        answer["NextToken"] = token
    return Answered(json_answer(answer, request_id))


def delete_opted_out_number(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    state, body = _state_and_body(core, route, request)
    number = body["OptedOutNumber"]
    with state.lock:
        found = _list(state, body["OptOutListName"])
        entry = found.numbers.get(number)
        if entry is None:
            raise V2Error(
                "ResourceNotFoundException",
                f"Opted out number {number} was not found in {found.name}",
                resource_type="opted-out-number",
                resource_id=number,
            )
        now = time.time()
        last = found.deleted.get(number)
        if last is not None and now - last < DELETE_INTERVAL:
            raise V2Error(
                "ValidationException",
                f"{number} was deleted from {found.name} less than 30 days ago; a number can be "
                "deleted once every 30 days",
                reason="PHONE_NUMBER_CANNOT_BE_OPTED_IN",
                fields=(("OptedOutNumber", "was deleted less than 30 days ago"),),
            )
        del found.numbers[number]
        found.deleted[number] = now
    answer = {
        "OptOutListArn": found.arn,
        "OptOutListName": found.name,
        **_number_info(number, entry),
    }
    return Answered(json_answer(answer, request_id))


def delete_opt_out_list(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    state, body = _state_and_body(core, route, request)
    with state.lock:
        found = _list(state, body["OptOutListName"])
        if state.list_in_use(found.name):
            raise V2Error(
                "ConflictException",
                f"Opt-out list {found.name} is in use by an origination identity",
                reason="RESOURCE_DELETION_NOT_ALLOWED",
                resource_type="opt-out-list",
                resource_id=found.name,
            )
        del state.lists[found.name]
    return Answered(json_answer(_info(found), request_id))


OPERATIONS: dict[str, Callable[..., Answered]] = {
    "CreateOptOutList": create_opt_out_list,
    "DescribeOptOutLists": describe_opt_out_lists,
    "PutOptedOutNumber": put_opted_out_number,
    "DescribeOptedOutNumbers": describe_opted_out_numbers,
    "DeleteOptedOutNumber": delete_opted_out_number,
    "DeleteOptOutList": delete_opt_out_list,
}
