"""The account suppression list operations through the engine."""

from __future__ import annotations

import json
from typing import Any

from pinpoint_mock.engine import Engine
from pinpoint_mock.request import Request

LIST = "/v2/email/suppression/addresses"


def call(engine: Engine, method: str, path: str, body: Any = None) -> tuple[int, str | None, Any]:
    raw = b"" if body is None else json.dumps(body).encode()
    response, _ = engine.handle(Request(method, path, {}, raw, "server"))
    return response.status, response.headers.get("x-amzn-ErrorType"), json.loads(response.body)


def test_put_get_list_delete() -> None:
    engine = Engine()
    for address, reason in (("a@example.com", "BOUNCE"), ("b@example.com", "COMPLAINT")):
        assert call(engine, "PUT", LIST, {"EmailAddress": address, "Reason": reason})[0] == 200
    _status, _, payload = call(engine, "GET", f"{LIST}/a%40example.com")
    entry = payload["SuppressedDestination"]
    assert (entry["EmailAddress"], entry["Reason"]) == ("a@example.com", "BOUNCE")
    assert isinstance(entry["LastUpdateTime"], float)
    listed = call(engine, "GET", LIST)[2]["SuppressedDestinationSummaries"]
    assert [e["EmailAddress"] for e in listed] == ["a@example.com", "b@example.com"]
    only = call(engine, "GET", f"{LIST}?Reason=COMPLAINT")[2]["SuppressedDestinationSummaries"]
    assert [e["EmailAddress"] for e in only] == ["b@example.com"]
    assert call(engine, "DELETE", f"{LIST}/a@example.com")[0] == 200
    assert call(engine, "GET", f"{LIST}/a@example.com")[:2] == (404, "NotFoundException")


def test_reasons_tokens_and_page_sizes_are_checked() -> None:
    engine = Engine()
    status, code, payload = call(engine, "PUT", LIST, {"EmailAddress": "a@example.com",
                                                       "Reason": "OTHER"})  # fmt: skip
    assert (status, code) == (400, "BadRequestException")
    assert "Reason" in payload["message"]
    assert call(engine, "GET", f"{LIST}?NextToken=x")[:2] == (400, "InvalidNextTokenException")
    assert call(engine, "GET", f"{LIST}?PageSize=0")[:2] == (400, "BadRequestException")
    assert call(engine, "GET", f"{LIST}?StartDate=soon")[:2] == (400, "BadRequestException")


def test_pages_and_dates() -> None:
    engine = Engine()
    for n in range(3):
        call(engine, "PUT", LIST, {"EmailAddress": f"{n}@example.com", "Reason": "BOUNCE"})
    first = call(engine, "GET", f"{LIST}?PageSize=2")[2]
    assert len(first["SuppressedDestinationSummaries"]) == 2
    rest = call(engine, "GET", f"{LIST}?PageSize=2&NextToken={first['NextToken']}")[2]
    assert [e["EmailAddress"] for e in rest["SuppressedDestinationSummaries"]] == ["2@example.com"]
    future = call(engine, "GET", f"{LIST}?StartDate=2999-01-01T00:00:00Z")[2]
    assert future["SuppressedDestinationSummaries"] == []
