"""The contract documents: loaded from the package data (``contracts/*.json``) and compiled once
per process."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from .compiler import Compiler

#: Operation name -> (file stem, payload member of the SDK input shape).
OPERATIONS: dict[str, tuple[str, str | None]] = {
    "SendUsersMessages": ("send-users-messages", "SendUsersMessageRequest"),
    "SendMessages": ("send-messages", "MessageRequest"),
    "UpdateEndpoint": ("update-endpoint", "EndpointRequest"),
    "UpdateEndpointsBatch": ("update-endpoints-batch", "EndpointBatchRequest"),
}


@cache
def schema(name: str) -> dict[str, Any]:
    """A contract document from the package data, by file name (``error.json``…)."""
    from importlib.resources import files

    text = files("pinpoint_mock.contracts").joinpath(name).read_text(encoding="utf-8")
    document: dict[str, Any] = json.loads(text)
    return document


@cache
def compiled(name: str) -> Compiler:
    """The compiled validator of a contract document, by file name (made once per process)."""
    return Compiler(schema(name))


@cache
def request_contract(operation: str) -> Compiler:
    """The compiled contract of ``operation``'s wire body (its ``.request.json``)."""
    return compiled(f"{OPERATIONS[operation][0]}.request.json")
