"""Errors as the service writes them (awsJson 1.0): status 400 (500 for InternalServerException),
a body with ``__type``, ``Message`` and the exception's members (``Reason``, ``Fields``,
``ResourceType``, ``ResourceId``), which botocore lifts into the error response and the JS SDK
into the exception object.

botocore's JSON parser reads the code from ``__type`` (the part after ``#``) and the text from
``message`` or ``Message``; modeled members come from the body by their model names.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ...errors import PinpointMockError
from ...wire import Response, encode, http_date

CONTENT_TYPE = "application/x-amz-json-1.0"

#: Every exception of the model with its HTTP status (the API reference: 400, except 500).
ERROR_STATUS: dict[str, int] = {
    "AccessDeniedException": 400,
    "ConflictException": 400,
    "InternalServerException": 500,
    "ResourceNotFoundException": 400,
    "ServiceQuotaExceededException": 400,
    "ThrottlingException": 400,
    "ValidationException": 400,
}

_DEFAULT_MESSAGES = {
    "AccessDeniedException": "You do not have sufficient access to perform this action.",
    "ConflictException": "The request conflicts with the current state of the resource.",
    "InternalServerException": "An internal error occurred.",
    "ResourceNotFoundException": "The requested resource was not found.",
    "ServiceQuotaExceededException": "A service quota was exceeded.",
    "ThrottlingException": "Rate exceeded",
    "ValidationException": "The request failed validation.",
}


class V2Error(PinpointMockError):
    """An exception of the service with its members: what an operation raises to refuse."""

    def __init__(
        self,
        code: str,
        message: str | None = None,
        *,
        reason: str | None = None,
        fields: Sequence[tuple[str, str]] = (),
        resource_type: str | None = None,
        resource_id: str | None = None,
    ) -> None:
        self.code = code
        self.message = message or _DEFAULT_MESSAGES.get(code, code)
        super().__init__(f"{code}: {self.message}")
        self.reason = reason
        self.fields = tuple(fields)
        self.resource_type = resource_type
        self.resource_id = resource_id
        self.status = ERROR_STATUS.get(code, 400)

    def payload(self, request_id: str) -> dict[str, Any]:
        """The error body's members, as the service writes them."""
        body: dict[str, Any] = {"__type": self.code, "Message": self.message}
        if self.reason is not None:
            body["Reason"] = self.reason
        if self.fields:
            body["Fields"] = [{"Name": name, "Message": text} for name, text in self.fields]
        if self.resource_type is not None:
            body["ResourceType"] = self.resource_type
        if self.resource_id is not None:
            body["ResourceId"] = self.resource_id
        if self.code == "InternalServerException":
            body["RequestId"] = request_id
        return body

    def response(self, request_id: str) -> Response:
        return _answer(self.status, self.payload(request_id), request_id, self.code)


def json_answer(payload: Any, request_id: str) -> Response:
    """A 200 answer of the service."""
    return _answer(200, payload, request_id, None)


def _answer(status: int, payload: Any, request_id: str, code: str | None) -> Response:
    body = encode(payload)
    headers = {
        "Content-Type": CONTENT_TYPE,
        "Content-Length": str(len(body)),
        "Date": http_date(),
        "x-amzn-RequestId": request_id,
    }
    if code is not None:
        headers["x-amzn-ErrorType"] = code
    return Response(status, body, headers, error_code=code)


def contract_error(message: str) -> V2Error:
    """The ValidationException for a body that broke the contract: the engine hands over the
    :class:`~pinpoint_mock.errors.ContractError`'s text (a first line, then one ``path: what``
    per violation); every violation becomes one of ``Fields``. Only missing members: reason
    MISSING_PARAMETER; else FIELD_VALIDATION_FAILED."""
    lines = [line.strip() for line in message.splitlines()[1:] if line.strip()]
    fields = []
    for line in lines:
        name, sep, text = line.partition(": ")
        fields.append((name, text) if sep else ("", line))
    missing = bool(fields) and all(text == "is required but missing" for _, text in fields)
    reason = "MISSING_PARAMETER" if missing else "FIELD_VALIDATION_FAILED"
    if not lines:  # the body is not JSON at all
        reason = "CANNOT_PARSE"
    count = len(fields) or 1
    summary = f"{count} validation error{'s' if count != 1 else ''} detected: " + "; ".join(
        lines or [message]
    )
    return V2Error(
        "ValidationException",
        summary,
        reason=reason,
        fields=fields,
    )


def error_response(status: int, code: str, message: str, request_id: str) -> Response:
    """The service's error answer for what the engine hands over: a contract error (which it
    calls BadRequestException) becomes a ValidationException listing every violation, a route
    error keeps its code, a scripted fault its code and message (400, 500 for
    InternalServerException, unless the script named a status)."""
    if code == "BadRequestException":
        return contract_error(message).response(request_id)
    error = V2Error(code, message)
    return _answer(status, error.payload(request_id), request_id, code)
