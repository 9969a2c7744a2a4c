"""The contract documents: loaded from the package data (``contracts/*.json``) and compiled once
per process."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from .compiler import Compiler

#: Pinpoint's operations with a request body: name -> (file stem, payload member of the SDK
#: input shape).
OPERATIONS: dict[str, tuple[str, str | None]] = {
    "SendUsersMessages": ("send-users-messages", "SendUsersMessageRequest"),
    "SendMessages": ("send-messages", "MessageRequest"),
    "UpdateEndpoint": ("update-endpoint", "EndpointRequest"),
    "UpdateEndpointsBatch": ("update-endpoints-batch", "EndpointBatchRequest"),
}

#: Every service's contracts: service -> (folder under ``contracts/``, its operations as in
#: :data:`OPERATIONS`). A service whose body is its whole input (no payload member) names None.
SERVICES: dict[str, tuple[str, dict[str, tuple[str, str | None]]]] = {
    "pinpoint": ("", OPERATIONS),
}


def contract_file(operation: str, kind: str, service: str = "pinpoint") -> str:
    """The file name of ``operation``'s ``kind`` contract (``request``, ``input``,
    ``response``) in ``service``; KeyError when it has none."""
    folder, operations = SERVICES[service]
    name = f"{operations[operation][0]}.{kind}.json"
    return f"{folder}/{name}" if folder else name


@cache
def schema(name: str) -> dict[str, Any]:
    """A contract document from the package data, by file name (``error.json``…)."""
    from importlib.resources import files

    text = files("pinpoint_mock.contracts").joinpath(*name.split("/")).read_text(encoding="utf-8")
    document: dict[str, Any] = json.loads(text)
    return document


@cache
def compiled(name: str) -> Compiler:
    """The compiled validator of a contract document, by file name (made once per process)."""
    return Compiler(schema(name))


@cache
def request_contract(operation: str, service: str = "pinpoint") -> Compiler:
    """The compiled contract of ``operation``'s wire body (its ``.request.json``)."""
    return compiled(contract_file(operation, "request", service))
