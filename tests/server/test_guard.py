"""Who may use the control API: Host, Origin, Sec-Fetch-Site, content type; fault values."""

from __future__ import annotations

import pytest

from pinpoint_mock.errors import PinpointMockError
from pinpoint_mock.server.guard import Guard, check_fault, host_name, is_loopback

JSON = {"Content-Type": "application/json"}


@pytest.mark.parametrize(
    ("value", "name"),
    [
        ("127.0.0.1:4599", "127.0.0.1"),
        ("LOCALHOST", "localhost"),
        ("[::1]:4599", "::1"),
        ("[::1]", "::1"),
        ("[::1]x", None),
        ("host:port", None),
        ("", None),
    ],
)
def test_host_name(value: str, name: str | None) -> None:
    assert host_name(value) == name


@pytest.mark.parametrize(
    ("name", "loopback"),
    [
        ("localhost", True),
        ("app.localhost", True),
        ("127.0.0.1", True),
        ("127.8.9.10", True),
        ("::1", True),
        ("10.0.0.1", False),
        ("evil.example", False),
        ("localhost.evil.example", False),
        ("0.0.0.0", False),
    ],
)
def test_is_loopback(name: str, loopback: bool) -> None:
    assert is_loopback(name) is loopback


def test_host_must_be_loopback_the_bound_address_or_allowed() -> None:
    guard = Guard("127.0.0.1")
    assert guard.refusal("GET", {"Host": "127.0.0.1:4599"}) is None
    assert guard.refusal("GET", {"Host": "localhost:4599"}) is None
    refusal = guard.refusal("GET", {"Host": "rebound.evil.example:4599"})
    assert refusal is not None
    assert "'rebound.evil.example:4599' is not this server's" in refusal
    assert guard.refusal("GET", {}) is not None  # no Host at all
    assert Guard("10.1.2.3").refusal("GET", {"Host": "10.1.2.3:4599"}) is None
    assert Guard("0.0.0.0").refusal("GET", {"Host": "0.0.0.0:4599"}) is not None
    compose = Guard("0.0.0.0", ["pinpoint"])
    assert compose.refusal("GET", {"Host": "pinpoint:4599"}) is None
    assert compose.refusal("GET", {"Host": "other:4599"}) is not None
    assert Guard("0.0.0.0", ["*"]).refusal("GET", {"Host": "anything"}) is None


def test_cross_site_writes_are_refused() -> None:
    guard = Guard("127.0.0.1")
    here = {"Host": "127.0.0.1:4599"}
    assert guard.refusal("POST", {**here, **JSON}) is None  # curl, SDKs: no Origin
    same = {**here, **JSON, "Origin": "http://127.0.0.1:4599"}
    assert guard.refusal("POST", same) is None
    assert guard.refusal("DELETE", {**here, "Origin": "http://127.0.0.1:4599"}) is None
    for origin in (
        "http://evil.example",
        "null",
        "http://127.0.0.1:8000",
        "https://127.0.0.1:4599",
    ):
        refusal = guard.refusal("POST", {**here, **JSON, "Origin": origin})
        assert refusal is not None
        assert "cross-site request refused" in refusal
    assert guard.refusal("DELETE", {**here, "Origin": "http://evil.example"}) is not None
    fetch = {**here, **JSON, "Sec-Fetch-Site": "cross-site"}
    assert guard.refusal("POST", fetch) is not None
    assert guard.refusal("GET", {**here, "Origin": "http://evil.example"}) is None  # reads


@pytest.mark.parametrize(
    "content_type",
    [None, "text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"],
)
def test_a_post_needs_a_json_content_type(content_type: str | None) -> None:
    headers = {"Host": "localhost"}
    if content_type is not None:
        headers["Content-Type"] = content_type
    refusal = Guard("127.0.0.1").refusal("POST", headers)
    assert refusal is not None
    assert "needs Content-Type: application/json" in refusal
    headers["Content-Type"] = "application/json; charset=utf-8"
    assert Guard("127.0.0.1").refusal("POST", headers) is None


@pytest.mark.parametrize(
    "code", ["Foo\r\nX-Injected: yes", "Foo\nBar", "", "1Bad", "a b", "x" * 129, 5, None]
)
def test_fault_codes_must_be_exception_names(code: object) -> None:
    with pytest.raises(PinpointMockError, match="field 'code' must be an exception name"):
        check_fault(code, None)


@pytest.mark.parametrize("status", [99999, -5, 101, 204, 399, 600, True, "500", 4.5])
def test_fault_statuses_must_be_400_to_599(status: object) -> None:
    with pytest.raises(PinpointMockError, match="field 'status' must be an HTTP error status"):
        check_fault("TooManyRequestsException", status)


def test_good_faults_pass() -> None:
    for code, status in (("TooManyRequestsException", 429), ("Custom.Error", None), ("E", 599)):
        check_fault(code, status)
