"""A Pinpoint request body read as the service reads it: the payload limit, JSON, the contract."""

from __future__ import annotations

from typing import Any

from ... import contract
from ...errors import ContractError, ServiceError
from ...limits import MAX_PAYLOAD_BYTES
from ...request import Request


def read_body(
    request: Request, operation: str, *, validate: bool = True
) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The body as a JSON object and the contract's warnings about it. 413 over the payload
    limit; 400 (a :class:`ContractError` listing every violation) for a body that breaks the
    operation's contract (checked unless ``validate`` is off)."""
    if len(request.body) > MAX_PAYLOAD_BYTES:
        raise ServiceError(
            "PayloadTooLargeException",
            f"Request body is {len(request.body)} bytes; the limit is {MAX_PAYLOAD_BYTES}",
        )
    document = contract.parse_json(request.body)
    if not isinstance(document, dict):
        raise ContractError("invalid request:\n  the request body must be a JSON object")
    if not validate:
        return document, ()
    errors, warnings = contract.check_body(document, operation)
    if errors:
        raise ContractError("invalid request:\n" + "\n".join(f"  {e}" for e in errors))
    return document, warnings
