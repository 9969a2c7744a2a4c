"""docs/http-api.md is complete and true: every inspection route and every operation each
service serves is documented, and each documented route answers the documented method."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pinpoint_mock.mock import PinpointMock
from pinpoint_mock.server import inspection
from pinpoint_mock.services import SERVICES

DOC = (Path(__file__).parents[2] / "docs" / "http-api.md").read_text()
ROWS = re.findall(r"^\| `(GET|POST|DELETE|PUT) ([a-z0-9/-]+)[?`]", DOC, re.MULTILINE)


def test_every_inspection_route_is_documented() -> None:
    documented = {path for _, path in ROWS}
    assert documented == set(inspection.ROUTES)


@pytest.mark.parametrize("service", sorted(SERVICES))
def test_every_served_operation_is_documented(service: str) -> None:
    missing = [op for op in SERVICES[service].operations if not re.search(rf"\b{op}\b", DOC)]
    assert missing == []


@pytest.mark.parametrize(("method", "path"), ROWS)
def test_each_documented_route_takes_its_method(method: str, path: str) -> None:
    mock = PinpointMock(seed=1)
    status, _, _ = inspection.handle(mock, method, f"{inspection.PREFIX}{path}", b"{}")
    assert status not in (404, 405), (method, path)


def test_lists_come_in_pages_as_documented() -> None:
    mock = PinpointMock(seed=1)
    status, _, body = inspection.handle(mock, "GET", f"{inspection.PREFIX}calls?limit=2", b"")
    assert status == 200
    about = json.loads(body)
    assert {k: about[k] for k in ("start", "limit", "total", "next")} == {
        "start": 0,
        "limit": 2,
        "total": 0,
        "next": None,
    }
    for word in ('"start"', '"limit"', '"total"', '"next"'):
        assert word in DOC
