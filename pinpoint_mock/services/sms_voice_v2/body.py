"""A request body read as the service reads it: JSON, the contract (types, required members,
enums, patterns, sizes; generated into ``contracts/sms-voice-v2/``) and the string lengths of
the model, which the contract language does not express. Every problem found is one line of
one :class:`~pinpoint_mock.errors.ContractError`, which the service answers as a
ValidationException listing them all in ``Fields``."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ... import contract
from ...errors import ContractError
from ...limits import MAX_PAYLOAD_BYTES
from ...request import Request
from .errors import V2Error

SERVICE = "pinpoint-sms-voice-v2"

Span = tuple[int, int]

_PHONE: Span = (1, 20)
_ID: Span = (1, 256)
_COMMON: dict[str, Span] = {
    "DestinationPhoneNumber": _PHONE,
    "OriginationIdentity": _ID,
    "ConfigurationSetName": _ID,
    "ProtectConfigurationId": _ID,
    "MaxPrice": (2, 8),
    "MaxPricePerMinute": (2, 8),
    "Keyword": (1, 30),
    "OptedOutNumber": _PHONE,
    "OptOutListName": _ID,
    "NextToken": (1, 1024),
    "ClientToken": (1, 64),
}
#: The model's string lengths of each operation's top-level members (min, max).
LENGTHS: dict[str, dict[str, Span]] = {
    "SendTextMessage": {**_COMMON, "MessageBody": (1, 1600)},
    "SendMediaMessage": {**_COMMON, "MessageBody": (1, 1600)},
    "SendVoiceMessage": {**_COMMON, "MessageBody": (1, 6000)},
    "CreateOptOutList": {**_COMMON, "OptOutListName": (1, 64)},
    "DescribeOptOutLists": _COMMON,
    "PutOptedOutNumber": _COMMON,
    "DescribeOptedOutNumbers": _COMMON,
    "DeleteOptedOutNumber": _COMMON,
    "DeleteOptOutList": _COMMON,
}
#: Lengths inside containers: member -> (span of map keys or None, span of values or items).
NESTED: dict[str, tuple[Span | None, Span]] = {
    "Context": ((1, 100), (1, 800)),
    "DestinationCountryParameters": (None, (1, 64)),
    "MediaUrls": (None, (1, 2048)),
    "OptOutListNames": (None, _ID),
    "OptedOutNumbers": (None, _PHONE),
}


def _length(path: str, value: object, span: Span) -> str | None:
    if not isinstance(value, str):
        return None  # the contract names the wrong type
    low, high = span
    if low <= len(value) <= high:
        return None
    return f"{path}: must have length between {low} and {high}, got {len(value)}"


def length_errors(body: Mapping[str, Any], operation: str) -> Iterator[str]:
    """Every string of ``body`` outside the model's length bounds, as ``path: what`` lines."""
    spans = LENGTHS.get(operation, _COMMON)
    for member, value in body.items():
        span = spans.get(member)
        if span is not None:
            if isinstance(value, str) and span[0] <= len(value) <= span[1]:
                continue  # the common case, without a call
            problem = _length(member, value, span)
            if problem:
                yield problem
        elif member in NESTED:
            yield from _nested(member, value)
        elif member == "Tags":
            yield from _tags(value)
        elif member == "Filters":
            yield from _filters(value)


def _nested(member: str, found: object) -> Iterator[str]:
    keys, values = NESTED[member]
    if isinstance(found, Mapping):
        for key, value in found.items():
            if keys is not None:
                problem = _length(f"{member} key {str(key)[:40]!r}", key, keys)
                if problem:
                    yield problem
            problem = _length(contract.format_path((member, key)), value, values)
            if problem:
                yield problem
    elif isinstance(found, list):
        for index, value in enumerate(found):
            problem = _length(contract.format_path((member, index)), value, values)
            if problem:
                yield problem


def _tags(tags: object) -> Iterator[str]:
    if not isinstance(tags, list):
        return
    for index, tag in enumerate(tags):
        if isinstance(tag, Mapping):
            for name, span in (("Key", (1, 128)), ("Value", (0, 256))):
                if name in tag:
                    problem = _length(contract.format_path(("Tags", index, name)), tag[name], span)
                    if problem:
                        yield problem


def _filters(filters: object) -> Iterator[str]:
    if not isinstance(filters, list):
        return
    for index, item in enumerate(filters):
        given = item.get("Values") if isinstance(item, Mapping) else None
        if isinstance(given, list):
            for at, value in enumerate(given):
                path = contract.format_path(("Filters", index, "Values", at))
                problem = _length(path, value, (1, 128))
                if problem:
                    yield problem


def read_body(request: Request, operation: str, *, validate: bool = True) -> dict[str, Any]:
    """The body as a JSON object. ValidationException (MAXIMUM_SIZE_EXCEEDED) over the payload
    limit; a :class:`ContractError` listing every violation for a body that breaks the
    contract or the model's lengths (checked unless ``validate`` is off)."""
    if len(request.body) > MAX_PAYLOAD_BYTES:
        raise V2Error(
            "ValidationException",
            f"Request body is {len(request.body)} bytes; the limit is {MAX_PAYLOAD_BYTES}",
            reason="MAXIMUM_SIZE_EXCEEDED",
        )
    document = contract.parse_json(request.body or b"{}")
    if not isinstance(document, dict):
        raise ContractError("invalid request:\n  the request body must be a JSON object")
    if not validate:
        return document
    errors, _ = contract.check_body(document, operation, SERVICE)
    errors.extend(length_errors(document, operation))
    if errors:
        raise ContractError("invalid request:\n" + "\n".join(f"  {e}" for e in errors))
    return document
