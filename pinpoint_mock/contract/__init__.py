"""The contract of each operation: validate a request and explain every problem found.

One module per noun:

- :mod:`.schemas`: the contract documents (``contracts/*.json``), loaded and compiled once;
- :mod:`.values`, :mod:`.keywords`, :mod:`.codegen`, :mod:`.compiler`: the validator, JSON
  Schema compiled into generated Python (the fast "valid?") and closures (every violation);
- :mod:`.variables`, :mod:`.lint`: ``{{variables}}`` and the warnings about likely bugs;
- :mod:`.report`: :class:`Report` and :class:`Violation`, what users read;
- :mod:`.parsing`: :func:`parse_json`, a body read as JSON within what the service can hold;
- :mod:`.check`: :func:`validate` for users and :func:`check_body` for the engine.

Every name below is importable from ``pinpoint_mock.contract`` as it always was.
"""

from __future__ import annotations

from .check import check_body, errors_of, is_input_shape, service_of, validate
from .compiler import Compiler
from .lint import ALL_MESSAGES, PUSH_MESSAGES, lint
from .parsing import MAX_NUMBER_DIGITS, ValueRejected, parse_json
from .report import Report, Severity, Violation, format_path, to_violations
from .schemas import (
    OPERATIONS,
    SERVICES,
    compiled,
    contract_file,
    has_request_contract,
    request_contract,
    request_operations,
    schema,
)
from .values import TYPE_CHECKS, TYPE_NAMES, Issue, PathT, json_type_name, short
from .variables import (
    ENDPOINT_PREFIXES,
    ENDPOINT_VARIABLES,
    VARIABLE,
    endpoint_fillable,
    free_names,
    free_variables,
    variables,
)

__all__ = [
    "ALL_MESSAGES",
    "ENDPOINT_PREFIXES",
    "ENDPOINT_VARIABLES",
    "MAX_NUMBER_DIGITS",
    "OPERATIONS",
    "PUSH_MESSAGES",
    "SERVICES",
    "TYPE_CHECKS",
    "TYPE_NAMES",
    "VARIABLE",
    "Compiler",
    "Issue",
    "PathT",
    "Report",
    "Severity",
    "ValueRejected",
    "Violation",
    "check_body",
    "compiled",
    "contract_file",
    "endpoint_fillable",
    "errors_of",
    "format_path",
    "free_names",
    "free_variables",
    "has_request_contract",
    "is_input_shape",
    "json_type_name",
    "lint",
    "parse_json",
    "request_contract",
    "request_operations",
    "schema",
    "service_of",
    "short",
    "to_violations",
    "validate",
    "variables",
]
