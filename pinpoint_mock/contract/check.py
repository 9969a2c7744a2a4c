"""Check a request against its operation's contract: :func:`validate` for users (every error
and warning, as a :class:`~pinpoint_mock.contract.report.Report`), :func:`check_body` for the
engine (the sentences, from the fast path when the body is valid).

``validate`` accepts the wire body (what goes over HTTP) or the SDK/CLI input shape
(``{"ApplicationId": ..., "SendUsersMessageRequest": ...}``), as a mapping or as JSON text, and
returns *all* violations: errors (the service would answer 400) and warnings (the service
probably accepts it, but it is very likely a bug).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..errors import ContractError
from .compiler import Compiler
from .lint import lint
from .parsing import ValueRejected, parse_json, reject_unfit
from .report import Report, Violation, to_violations
from .schemas import (
    OPERATIONS,
    SERVICES,
    compiled,
    contract_file,
    request_contract,
    request_operations,
)
from .values import Issue, PathT


def is_input_shape(request: Any, operation: str = "SendUsersMessages") -> bool:
    """True when ``request`` is the SDK/CLI input shape rather than the bare wire body."""
    payload = OPERATIONS[operation][1]
    return isinstance(request, Mapping) and payload in request


def service_of(operation: str, service: str | None = None) -> str:
    """The service whose contract ``operation`` names: ``service`` when given, else the first
    service that has the operation (Pinpoint first: its CreateEmailTemplate is not SES's unless
    ``service="sesv2"`` says so). ValueError naming the known operations otherwise."""
    known = [(name, op) for name, op in request_operations() if service in (None, name)]
    for name, op in known:
        if op == operation:
            return name
    where = f" of {service}" if service is not None else ""
    names = ", ".join(dict.fromkeys(op for _, op in known))
    raise ValueError(f"operation {operation!r}{where} has no request contract; known: {names}")


def validate(
    request: Mapping[str, Any] | str | bytes,
    operation: str = "SendUsersMessages",
    *,
    service: str | None = None,
    warnings: bool = True,
) -> Report:
    """Check a request against the contract of ``operation`` and return every violation.

    ``request`` is the wire body, or for Pinpoint the SDK/CLI input shape ``{"ApplicationId":
    ..., "SendUsersMessageRequest": ...}`` (then paths start with ``SendUsersMessageRequest.``),
    as a mapping or JSON text. ``service`` (``pinpoint``, ``sesv2``, ``pinpoint-sms-voice-v2``)
    picks the contract when two services share an operation name. A value no JSON body could
    carry (a lone surrogate, a number of more than 4,300 digits, NaN, a key that is not a
    string) is the one error reported, naming it.
    """
    service = service_of(operation, service)
    document: Any = request
    try:
        if isinstance(request, (str, bytes)):
            document = parse_json(request)
        else:
            reject_unfit(document)  # what JSON could not carry: the contract cannot judge it
    except ValueRejected as exc:
        return Report(errors=(exc.violation,))
    except ContractError as exc:
        return Report(errors=(Violation("", "json", "", str(exc)),))
    payload_member = SERVICES[service][1][operation][1]  # the SDK input's payload, if any
    prefix: PathT = ()
    body: Any = document
    if payload_member is not None and isinstance(document, Mapping) and payload_member in document:
        contract = compiled(contract_file(operation, "input", service))
        body = document[payload_member]
        prefix = (payload_member,)
    else:
        contract = compiled(contract_file(operation, "request", service))
    errors = errors_of(contract, document)
    found_warnings: tuple[Violation, ...] = ()
    pinpoint_send = service == "pinpoint" and operation in ("SendUsersMessages", "SendMessages")
    if warnings and pinpoint_send and isinstance(body, dict):
        found_warnings = to_violations(lint(body, prefix, operation), "warning")
    return Report(errors, found_warnings)


def check_body(
    body: dict[str, Any], operation: str, service: str = "pinpoint"
) -> tuple[list[str], tuple[str, ...]]:
    """:func:`validate` for a parsed wire body, as the engine needs it: the error sentences
    (empty when the service would accept it) and the warning sentences. A wire body is never
    taken for the SDK input shape, whatever its members."""
    errors = [v.message for v in errors_of(request_contract(operation, service), body)]
    if service != "pinpoint" or operation not in ("SendUsersMessages", "SendMessages"):
        return errors, ()
    issues = lint(body, (), operation)
    if not issues:
        return errors, ()
    return errors, tuple(v.message for v in to_violations(issues, "warning"))


def errors_of(compiled: Compiler, document: Any) -> tuple[Violation, ...]:
    """Every violation of ``document`` (the fast check first: most documents are valid)."""
    if compiled.root_ok(document):
        return ()
    found: list[Issue] = []
    compiled.root_collect(document, (), found)
    return to_violations(found)
