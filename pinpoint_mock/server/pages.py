"""Pages of the control API's lists (``?start=&limit=``), so no read holds the server long."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from ..errors import PinpointMockError
from .answers import Query

#: Items in a page when ``limit`` is not given, and the most a page may hold.
DEFAULT_LIMIT = 1000
MAX_LIMIT = 10000

T = TypeVar("T")


def _count(query: Query, name: str, default: int, low: int, high: int) -> int:
    values = query.pop(name, None)
    if not values:
        return default
    text = values[-1]
    if not text.isdigit() or len(text) > 9 or not low <= int(text) <= high:
        raise PinpointMockError(
            f"query {name!r} must be an integer from {low} to {high}, got {text!r}"
        )
    return int(text)


def page(items: Sequence[T], query: Query) -> tuple[list[T], dict[str, Any]]:
    """The page of ``items`` that ``start`` (default 0) and ``limit`` (default
    :data:`DEFAULT_LIMIT`, at most :data:`MAX_LIMIT`) select, taken out of ``query``, and what
    to say of it: ``{"start", "limit", "total", "next"}`` (``next`` is the next page's start, or
    None on the last page)."""
    start = _count(query, "start", 0, 0, 10**9)
    limit = _count(query, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
    total = len(items)
    following = start + limit
    about: dict[str, Any] = {"start": start, "limit": limit, "total": total}
    about["next"] = following if following < total else None
    return list(items[start:following]), about


__all__ = ["DEFAULT_LIMIT", "MAX_LIMIT", "page"]
