"""The service models' own names for operations, so a call the fake does not serve is refused by
its name (botocore is read lazily, once per service; without it nothing is named)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any


@cache
def model_operations(service: str) -> Mapping[str, Any]:
    """botocore's operations of ``service`` by name (empty without botocore)."""
    try:
        from botocore.loaders import Loader
    except ImportError:  # pragma: no cover - the aws extra is not installed
        return {}
    operations: Mapping[str, Any] = Loader().load_service_model(service, "service-2")["operations"]
    return operations


class RestJsonNames:
    """``(method, path, headers) -> name``: the rest-json operation of ``service`` at a method
    and path, served or not (None when no operation is there)."""

    def __init__(self, service: str) -> None:
        self.service = service

    def __call__(self, method: str, path: str, headers: Mapping[str, str]) -> str | None:
        bare = path.split("?", 1)[0]
        for name, pattern, op_method in _patterns(self.service):
            if op_method == method.upper() and pattern.match(bare):
                return name
        return None


@cache
def _patterns(service: str) -> tuple[tuple[str, re.Pattern[str], str], ...]:
    found = []
    for name, op in model_operations(service).items():
        uri = op["http"]["requestUri"].split("?", 1)[0]
        regex = re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(uri))
        found.append((name, re.compile(f"^{regex}/?$"), op["http"]["method"]))
    # Longer literal paths first, so /endpoints/{id} is not taken for /endpoints.
    found.sort(key=lambda item: -len(item[1].pattern))
    return tuple(found)
