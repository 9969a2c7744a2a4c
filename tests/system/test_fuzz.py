"""Fuzzing: valid, mutated and garbage requests through the in-process route and the server.

Every answer is a well-formed 200 or a 4xx with the documented wire shape: never an unscripted
500, a hang, or an exception escaping. ``PINPOINT_MOCK_FUZZ_EXAMPLES`` sets the number of
examples per route: 1,500 by default (the README's test command stays quick), 5,000 in CI
(`.ci/run` sets it), 50,000 for a long local run.
"""

from __future__ import annotations

import json
import os
import random
import re
import socket
from collections.abc import Callable, Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pinpoint_mock.contract import compiled
from pinpoint_mock.engine import Engine, Request
from pinpoint_mock.mock import PinpointMock
from pinpoint_mock.server import PinpointServer
from tests.corpus import Corpus

EXAMPLES = int(os.environ.get("PINPOINT_MOCK_FUZZ_EXAMPLES", "1500"))
APP = "app"
SEND = f"/v1/apps/{APP}/users-messages"
ERROR_CODES = {
    400: "BadRequestException",
    404: "NotFoundException",
    405: "MethodNotAllowedException",
    413: "PayloadTooLargeException",
}
RESPONSE_OK = compiled("send-users-messages.response.json").root_ok
ERROR_OK = compiled("error.json").root_ok

#: A JSON string in json.dumps' output (no escaped quote inside: corpus strings are plain).
STRING = re.compile(r'"(?:[^"\\]|\\.)*"')

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)


@st.composite
def bodies(draw: st.DrawFn) -> bytes:
    """A request body: valid, mutated, JSON garbage, or not JSON at all."""
    kinds = ["valid", "mutated", "json", "truncated", "bytes", "deep", "huge", "hostile"]
    kind = draw(st.sampled_from(kinds))
    corpus = Corpus("send-users-messages.request.json", seed=draw(st.integers(0, 2**32)))
    if kind == "valid":
        return json.dumps(corpus.valid()).encode()
    if kind == "hostile":  # a valid body with one string (or key) swapped for a HOSTILE value
        text = json.dumps(corpus.valid())
        strings = [m.span() for m in STRING.finditer(text)]
        if not strings:
            return text.encode()
        start, end = draw(st.sampled_from(strings))
        value = HOSTILE[draw(st.sampled_from(sorted(HOSTILE)))]
        if text[end:].lstrip().startswith(":") and not value.startswith('"'):
            value = json.dumps(value)  # a key must stay a string
        return (text[:start] + value + text[end:]).encode()
    if kind == "mutated":
        return json.dumps(corpus.mutated()).encode()
    if kind == "json":
        return json.dumps(draw(json_values)).encode()
    if kind == "truncated":
        text = json.dumps(corpus.valid()).encode()
        return text[: draw(st.integers(0, max(0, len(text) - 1)))]
    if kind == "bytes":
        return draw(st.binary(max_size=200))
    if kind == "deep":
        depth = draw(st.integers(10, 5000))
        opener = draw(st.sampled_from(["[", '{"Users":', '{"a":[']))
        return (opener * depth).encode()
    size = draw(st.integers(10_000, 300_000))
    return json.dumps(
        {"Users": {"u": {"BodyOverride": "x" * size}}, "MessageConfiguration": {}}
    ).encode()


targets = st.sampled_from(
    [("POST", SEND)] * 8
    + [
        ("GET", SEND),
        ("POST", "/v1/apps//users-messages"),
        ("POST", "/v1/apps/%ZZ/users-messages"),
        ("PUT", f"/v1/apps/{APP}/endpoints/e1"),
        ("PUT", f"/v1/apps/{APP}/endpoints"),
        ("POST", f"/v1/apps/{APP}/messages"),
        ("GET", "/v1/apps/app/users/%F0%9F%98%80"),
        ("DELETE", "/v1/apps/app/endpoints/x"),
        ("POST", "/nothing"),
    ]
)


def check(status: int, headers: dict[str, str], body: bytes) -> None:
    lowered = {k.lower(): v for k, v in headers.items()}
    assert lowered["content-type"] == "application/json"
    request_id = lowered["x-amzn-requestid"]
    payload = json.loads(body)
    if status in (200, 202):
        assert "x-amzn-errortype" not in lowered
        if "Result" in payload and "ApplicationId" in payload and "EndpointResult" not in payload:
            assert RESPONSE_OK(payload), payload
        return
    assert status in ERROR_CODES, (status, payload)
    assert lowered["x-amzn-errortype"] == ERROR_CODES[status]
    assert ERROR_OK(payload), payload
    assert payload["RequestID"] == request_id
    assert payload["Message"]


@pytest.fixture(scope="module")
def engine() -> Engine:
    mock = PinpointMock(seed=1, application_id=APP)
    mock.add_endpoint(user_id="u", channel="SMS", address="+12065550123")
    mock.add_endpoint(user_id="k0-1", channel="EMAIL", address="a@example.com")
    mock.chaos({"THROTTLED": 0.2}, seed=1)
    return mock.engine


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(target=targets, body=bodies())
def test_in_process_route_never_breaks(
    engine: Engine, target: tuple[str, str], body: bytes
) -> None:
    method, path = target
    response, call = engine.handle(Request(method, path, {}, body, "fuzz"))
    check(response.status, response.headers, response.body)
    assert call.status == response.status
    if len(engine.log.calls) > 2000:
        engine.log.clear()


@pytest.fixture(scope="module")
def server() -> Iterator[PinpointServer]:
    mock = PinpointMock(seed=2, application_id=APP)
    mock.add_endpoint(user_id="u", channel="SMS", address="+12065550123")
    with PinpointServer(mock) as running:
        yield running
        running.check()


class Connection:
    """A raw keep-alive HTTP/1.1 connection: what a careless client would send."""

    def __init__(self, server: PinpointServer) -> None:
        self.address = (server.host, server.port)
        self.sock: socket.socket | None = None

    def request(self, method: str, path: str, body: bytes) -> tuple[int, dict[str, str], bytes]:
        if self.sock is None:
            self.sock = socket.create_connection(self.address, timeout=10)
            self.reader = self.sock.makefile("rb")
        host = f"{self.address[0]}:{self.address[1]}"  # the control API checks it
        head = f"{method} {path} HTTP/1.1\r\nHost: {host}\r\nContent-Length: {len(body)}\r\n\r\n"
        self.sock.sendall(head.encode() + body)
        status = int(self.reader.readline().split()[1])
        headers = {}
        while (line := self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip()] = value.strip()
        return status, headers, self.reader.read(int(headers["Content-Length"]))

    def close(self) -> None:
        if self.sock is not None:
            self.reader.close()
            self.sock.close()
            self.sock = None


@pytest.fixture(scope="module")
def connection(server: PinpointServer) -> Iterator[Connection]:
    opened = Connection(server)
    yield opened
    opened.close()


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(target=targets, body=bodies())
def test_server_never_breaks(
    server: PinpointServer, connection: Connection, target: tuple[str, str], body: bytes
) -> None:
    method, path = target
    status, headers, payload = connection.request(method, path, body)
    check(status, headers, payload)
    server.check()
    if len(server.mock.calls) > 2000:
        server.mock.engine.log.clear()


def test_garbage_on_the_socket_gets_an_answer_or_a_close(server: PinpointServer) -> None:
    rng = random.Random(5)
    for _ in range(50):
        with socket.create_connection((server.host, server.port), timeout=10) as sock:
            sock.sendall(
                bytes(rng.randrange(256) for _ in range(rng.randrange(1, 300))) + b"\r\n\r\n"
            )
            sock.shutdown(socket.SHUT_WR)
            data = sock.recv(65536)
            assert data == b"" or data.startswith(b"HTTP/1.1 ")
    server.check()
    probe = Connection(server)
    status, _, _ = probe.request("GET", "/_aws/pinpoint/health", b"")
    probe.close()
    assert status == 200


# -- inputs that stalled or crashed (issue 14): answered at once, 400 naming the member ----------

#: JSON values that stalled the engine or raised (each was a 500 through the server).
HOSTILE = {
    "spaces": json.dumps("{{ " + " " * 1500 + "a"),  # 9-36 s of regex backtracking
    "spaces-closed": json.dumps("{{ " + " " * 3000 + "a }}"),
    "variables": json.dumps("".join(f"{{{{k{i}}}}}" for i in range(3000))),  # RecursionError
    "index": json.dumps("{{Attributes.X.[" + "1" * 5000 + "]}}"),  # int() refuses 5,000 digits
    "raw-deep": json.dumps('{"a": ' + "[" * 50_000 + "]" * 50_000 + "}"),  # RecursionError
    "surrogate": '"\\ud800"',  # UnicodeEncodeError
    "low-surrogate": '"a\\udfff"',
    "digits": "7" * 5000,  # ValueError: int max str digits
    "nan": "NaN",  # accepted, and written back as invalid JSON
    "overflow": "-1e400",
}
#: The ones the service cannot hold wherever they are: always a 400 naming the member.
REJECTED = {"surrogate", "low-surrogate", "digits", "nan", "overflow"}
MARK = "\x00hostile\x00"
#: (method, path, body with MARK where the value goes, the member's path in the 400's message)
PLACES = [
    ("POST", SEND, {"Users": {"u": {}}, "MessageConfiguration": {"SMSMessage": {"Body": MARK}}},
     "MessageConfiguration.SMSMessage.Body"),
    ("POST", SEND, {"Users": {"u": {"BodyOverride": MARK}},
                    "MessageConfiguration": {"SMSMessage": {"Body": "x"}}},
     "Users.u.BodyOverride"),
    ("POST", SEND, {"Users": {"u": {"Substitutions": {"a": [MARK]}}},
                    "MessageConfiguration": {"SMSMessage": {"Body": "{{a}}"}}},
     "Users.u.Substitutions.a[0]"),
    ("POST", SEND, {"Users": {"u": {}}, "MessageConfiguration": {
        "EmailMessage": {"SimpleEmail": {"Subject": {"Data": MARK}, "TextPart": {"Data": "t"}}}}},
     "MessageConfiguration.EmailMessage.SimpleEmail.Subject.Data"),
    ("POST", SEND, {"Users": {"u": {}}, "MessageConfiguration": {
        "GCMMessage": {"RawContent": MARK}}}, "MessageConfiguration.GCMMessage.RawContent"),
    ("POST", SEND, {"Users": {"u": {}}, "TraceId": MARK,
                    "MessageConfiguration": {"SMSMessage": {"Body": "x"}}}, "TraceId"),
    ("POST", SEND, {"Users": {"u": {}}, "Context": {"c": MARK},
                    "MessageConfiguration": {"SMSMessage": {"Body": "x"}}}, "Context.c"),
    ("POST", "/v1/templates/{case}/sms", {"Body": MARK}, "Body"),
    ("PUT", f"/v1/apps/{APP}/endpoints/hostile", {"ChannelType": "SMS", "Address": "+12065550199",
                                                  "Attributes": {"X": [MARK]}},
     "Attributes.X[0]"),
    ("PUT", f"/v1/apps/{APP}/endpoints/hostile", {"ChannelType": "SMS", "Address": "+12065550199",
                                                  "Metrics": {"m": MARK}}, "Metrics.m"),
]  # fmt: skip
#: What follows each place, to render what was stored (a template, an endpoint).
FOLLOW_UPS = {
    "/v1/templates/{case}/sms": (
        "POST",
        SEND,
        {"Users": {"u": {}}, "MessageConfiguration": {"SMSMessage": {}},
         "TemplateConfiguration": {"SMSTemplate": {"Name": "{case}"}}},
    ),
    f"/v1/apps/{APP}/endpoints/hostile": ("GET", f"/v1/apps/{APP}/endpoints/hostile", None),
}  # fmt: skip


def hostile_cases() -> Iterator[tuple[str, str, str, bytes, str, str]]:
    """(value's name, method, path, body, member, place): each value at each place."""
    for name, value in HOSTILE.items():
        for method, place, body, member in PLACES:
            text = json.dumps(body).replace(json.dumps(MARK), value)
            yield name, method, place.format(case=name), text.encode(), member, place
    user_key = '{"Users": {"\\ud800": {}}, "MessageConfiguration": {"SMSMessage": {"Body": "x"}}}'
    yield "surrogate", "POST", SEND, user_key.encode(), 'Users["\\ud800"]', SEND


def expect_hostile_answer(
    name: str, member: str, status: int, headers: dict[str, str], body: bytes
) -> None:
    check(200 if status == 201 else status, headers, body)  # 201: a template was created
    if name in REJECTED:
        assert status == 400, (name, member, body[:300])
        assert f"invalid request:\n  {member}: " in json.loads(body)["Message"]


Send = Callable[[str, str, bytes], "tuple[int, dict[str, str], bytes]"]


def follow_up(send: Send, name: str, place: str) -> None:
    """Render or read back what a place stored: still a well-formed answer."""
    if place in FOLLOW_UPS:
        method, target, body = FOLLOW_UPS[place]
        text = "" if body is None else json.dumps(body).replace("{case}", name)
        check(*send(method, target, text.encode()))


def test_hostile_inputs_through_the_engine_are_answered_never_raised(engine: Engine) -> None:
    def send(method: str, path: str, body: bytes) -> tuple[int, dict[str, str], bytes]:
        response, _ = engine.handle(Request(method, path, {}, body, "fuzz"))
        return response.status, dict(response.headers), response.body

    for name, method, path, body, member, place in hostile_cases():
        expect_hostile_answer(name, member, *send(method, path, body))
        follow_up(send, name, place)
    engine.log.clear()


def test_hostile_inputs_through_the_server_are_400s_never_500s() -> None:
    mock = PinpointMock(seed=3, application_id=APP)
    mock.add_endpoint(user_id="u", channel="SMS", address="+12065550123")
    with PinpointServer(mock) as running:
        connection = Connection(running)
        try:
            for name, method, path, body, member, place in hostile_cases():
                expect_hostile_answer(name, member, *connection.request(method, path, body))
                follow_up(connection.request, name, place)
            assert len(running.mock.sent) > 0
            for record in running.mock.sent:  # each can be written for /_aws/pinpoint/messages
                json.dumps(record.to_dict(), ensure_ascii=False).encode("utf-8")
        finally:
            connection.close()
        running.check()
