"""Pages of the control API's lists."""

from __future__ import annotations

import pytest

from pinpoint_mock.errors import PinpointMockError
from pinpoint_mock.server.pages import DEFAULT_LIMIT, MAX_LIMIT, page


def test_pages_walk_the_items() -> None:
    items = list(range(25))
    query = {"limit": ["10"], "other": ["x"]}
    rows, about = page(items, query)
    assert rows == list(range(10))
    assert about == {"start": 0, "limit": 10, "total": 25, "next": 10}
    assert query == {"other": ["x"]}  # the paging names are taken out
    rows, about = page(items, {"start": ["20"], "limit": ["10"]})
    assert (rows, about["next"]) == (list(range(20, 25)), None)
    assert page(items, {"start": ["99"]})[0] == []


def test_the_default_and_the_largest_page() -> None:
    items = range(DEFAULT_LIMIT + 5)
    assert len(page(items, {})[0]) == DEFAULT_LIMIT
    assert page(items, {"limit": [str(MAX_LIMIT)]})[1]["limit"] == MAX_LIMIT


@pytest.mark.parametrize(
    "query",
    [{"limit": ["0"]}, {"limit": [str(MAX_LIMIT + 1)]}, {"start": ["-1"]}, {"limit": ["1e3"]}],
)
def test_bad_values_name_the_field(query: dict[str, list[str]]) -> None:
    with pytest.raises(PinpointMockError, match="must be an integer from"):
        page([], query)
