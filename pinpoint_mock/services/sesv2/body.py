"""SES v2 on the wire: a request body read as the service reads it (size, JSON, the contract),
the query string of the list operations, and answers written as SES writes them (errors carry
``x-amzn-ErrorType`` and ``{"message": ...}``, which botocore and the JS SDK turn into the
modeled exception)."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

from ... import contract
from ...errors import ContractError, ServiceError
from ...request import Request
from ...wire import Response, json_response

MAX_MESSAGE_BYTES = 40 * 1024 * 1024
"""SES v2's message size limit, after base64 encoding (SES quotas page)."""
MAX_REQUEST_BYTES = MAX_MESSAGE_BYTES
"""The largest request body read (a body over the message limit holds a message over it too,
give or take the JSON around it; refused before the body is parsed or checked)."""


def error(status: int, code: str, message: str, request_id: str) -> Response:
    """An SES v2 error answer (botocore reads the code from the header, the text from
    ``message``)."""
    response = json_response(status, {"message": message}, request_id)
    response.headers["x-amzn-ErrorType"] = code
    response.error_code = code
    return response


def answer(payload: Any, request_id: str) -> Response:
    """A 200 answer with ``payload`` as its JSON body."""
    return json_response(200, payload, request_id)


def too_large(size: int) -> ServiceError:
    return ServiceError(
        "MessageRejected",
        f"Message length is more than {MAX_MESSAGE_BYTES} bytes long: {size} bytes.",
    )


def read_body(request: Request, operation: str, *, validate: bool = True) -> dict[str, Any]:
    """The body as a JSON object. MessageRejected over the size limit; 400 (a
    :class:`ContractError` listing every violation with its path) for a body that breaks the
    operation's contract (checked unless ``validate`` is off)."""
    if len(request.body) > MAX_REQUEST_BYTES:
        raise too_large(len(request.body))
    document = contract.parse_json(request.body) if request.body else {}
    if not isinstance(document, dict):
        raise ContractError("invalid request:\n  the request body must be a JSON object")
    if validate:
        errors, _ = contract.check_body(document, operation, "sesv2")
        if errors:
            raise ContractError("invalid request:\n" + "\n".join(f"  {e}" for e in errors))
    return document


def query(request: Request) -> dict[str, str]:
    """The query string's parameters (the last value of each)."""
    _, _, text = request.path.partition("?")
    return {key: values[-1] for key, values in parse_qs(text, max_num_fields=50).items()}


def page_size(params: dict[str, str], *, default: int, maximum: int) -> int:
    """``PageSize`` from the query, checked: a whole number from 1 to ``maximum``."""
    raw = params.get("PageSize")
    if raw is None:
        return default
    if not raw.isdigit() or not 1 <= int(raw) <= maximum:
        raise ServiceError(
            "BadRequestException", f"PageSize: must be a whole number from 1 to {maximum}"
        )
    return int(raw)


def bad(field: str, rule: str) -> ServiceError:
    """A 400 BadRequestException naming the field and the rule it breaks."""
    return ServiceError("BadRequestException", f"{field}: {rule}")
