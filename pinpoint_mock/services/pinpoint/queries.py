"""What the Pinpoint management operations share: query strings, paging, ARNs, JSON answers."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, TypeVar
from urllib.parse import parse_qs

from ...errors import ServiceError
from ...request import Request

T = TypeVar("T")

ACCOUNT = "123456789012"
"""The account id ARNs name (the one moto and the AWS docs use)."""
_SCOPE = re.compile(r"Credential=([^/]+)/\d{8}/([^/]+)/")
MAX_PAGE = 1000
"""Paging: the most items a page may ask for (a modelled bound; the model gives none)."""


def query(request: Request) -> dict[str, str]:
    """The call's query string, the last value of each name."""
    _, _, text = request.path.partition("?")
    return {k: v[-1] for k, v in parse_qs(text, keep_blank_values=True).items()}


def flag(value: str | None, name: str) -> bool:
    """A boolean query value (``true``/``false``, any case); BadRequest naming ``name``."""
    if value is None or value.lower() == "false":
        return False
    if value.lower() == "true":
        return True
    raise ServiceError("BadRequestException", f"{name}: {value!r} is not true or false")


def region(request: Request) -> str:
    """The region the call was signed for (us-east-1 when unsigned)."""
    auth = request.header("Authorization") or ""
    match = _SCOPE.search(auth)
    return match.group(2) if match else "us-east-1"


def arn(request: Request, resource: str) -> str:
    return f"arn:aws:mobiletargeting:{region(request)}:{ACCOUNT}:{resource}"


def page(
    items: Sequence[T], size: str | None, token: str | None, what: str = "page-size"
) -> tuple[list[T], str | None]:
    """One page of ``items`` from ``token`` (the index of its first item, as text), of at most
    ``size`` items (all when absent), and the token of the next page (None at the end)."""
    start = 0
    if token:
        if not token.isdigit() or int(token) > len(items):
            raise ServiceError("BadRequestException", f"token: {token!r} is not a valid token")
        start = int(token)
    count = len(items) - start
    if size is not None:
        if not size.isdigit() or not 1 <= int(size) <= MAX_PAGE:
            raise ServiceError(
                "BadRequestException", f"{what}: {size!r} is not a number from 1 to {MAX_PAGE}"
            )
        count = int(size)
    end = start + count
    return list(items[start:end]), (str(end) if end < len(items) else None)


def drop_none(payload: dict[str, Any]) -> dict[str, Any]:
    """``payload`` without its None members (the service leaves absent members out)."""
    return {k: v for k, v in payload.items() if v is not None}
