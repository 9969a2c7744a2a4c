"""A raw-socket battery against the server: framing attacks, oversized and cut-short requests,
slow and idle clients, too many connections. Each answer is read off the socket as sent, and
nothing a refused request carried may be recorded."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from pinpoint_mock.mock import PinpointMock
from pinpoint_mock.server import PinpointServer
from pinpoint_mock.server.messages import Limits

APP = "611e3e3cdd47474c9c1399a505665b91"
SEND = f"/v1/apps/{APP}/users-messages"
BODY = json.dumps(
    {"MessageConfiguration": {"SMSMessage": {"Body": "hi"}}, "Users": {"u1": {}}}
).encode()
SEVEN_MB = 7 * 1024 * 1024


@pytest.fixture
def server() -> Iterator[PinpointServer]:
    limits = Limits(idle_timeout=0.5, request_timeout=0.5, max_connections=8, discard_timeout=1)
    with PinpointServer(PinpointMock(seed=1), limits=limits) as running:
        yield running
        running.check()


def connect(server: PinpointServer) -> socket.socket:
    sock = socket.create_connection((server.host, server.port), timeout=10)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def read_all(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection."""
    data = b""
    while True:
        try:
            chunk = sock.recv(65536)
        except ConnectionResetError:
            return data
        if not chunk:
            return data
        data += chunk


def exchange(server: PinpointServer, data: bytes) -> bytes:
    """Send ``data``, then read until the server closes."""
    with connect(server) as sock:
        sock.sendall(data)
        return read_all(sock)


def statuses(answer: bytes) -> list[int]:
    """The status of each response in ``answer``, read one response after another."""
    found = []
    while answer:
        head, _, rest = answer.partition(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        assert lines[0].startswith(b"HTTP/1.1 "), answer[:80]
        found.append(int(lines[0].split()[1]))
        length = next(
            int(v)
            for k, _, v in (h.partition(b":") for h in lines[1:])
            if k.lower() == b"content-length"
        )
        answer = rest[length:]
    return found


def head(extra: str, method: str = "POST", target: str = SEND) -> bytes:
    return f"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n{extra}\r\n".encode()


def nothing_recorded(server: PinpointServer) -> None:
    assert list(server.mock.calls) == []
    assert list(server.mock.sent) == []


# -- Content-Length and Transfer-Encoding: 400 and closed, the rest never read as a request ----
@pytest.mark.parametrize(
    "length", ["abc", "5, 5", "-1", "+5", "1_0", "0x10", "5 5", " ", "99999999999999999999999"]
)
def test_malformed_content_length_is_400_and_closes(server: PinpointServer, length: str) -> None:
    smuggled = b"GET /_aws/pinpoint/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    answer = exchange(server, head(f"Content-Length: {length}\r\n") + smuggled)
    assert statuses(answer) == [400]
    assert b"Connection: close" in answer
    nothing_recorded(server)


def test_repeated_content_length_is_400(server: PinpointServer) -> None:
    answer = exchange(server, head("Content-Length: 5\r\nContent-Length: 5\r\n") + b"hello")
    assert statuses(answer) == [400]
    nothing_recorded(server)


def test_content_length_with_transfer_encoding_is_400_and_closes(server: PinpointServer) -> None:
    body = b"%x\r\n%s\r\n0\r\n\r\n" % (len(BODY), BODY)
    answer = exchange(
        server, head(f"Content-Length: {len(body)}\r\nTransfer-Encoding: chunked\r\n") + body
    )
    assert statuses(answer) == [400]
    nothing_recorded(server)


@pytest.mark.parametrize("coding", ["gzip", "chunked, identity", "identity", "chunked;x"])
def test_other_transfer_encodings_are_400(server: PinpointServer, coding: str) -> None:
    answer = exchange(server, head(f"Transfer-Encoding: {coding}\r\n") + b"0\r\n\r\n")
    assert statuses(answer) == [400]
    nothing_recorded(server)


# -- headers ---------------------------------------------------------------------------------
def test_a_header_line_over_64_kib_is_431_and_its_tail_is_not_read(server: PinpointServer) -> None:
    long = "X-Long: " + "a" * (70 * 1024)
    injected = "Transfer-Encoding: chunked\r\n"
    answer = exchange(server, head(f"{long}{injected}Content-Length: 1\r\n") + b"x")
    assert statuses(answer) == [431]
    nothing_recorded(server)


def test_too_many_header_fields_is_431(server: PinpointServer) -> None:
    many = "".join(f"X-{i}: {i}\r\n" for i in range(101))
    assert statuses(exchange(server, head(many))) == [431]


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"GET /_aws/pinpoint/health HTTP/1.1\r\n\r\n",  # no Host
        b"GET /_aws/pinpoint/health HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",  # two
        b"GET /_aws/pinpoint/health HTTP/1.1\nHost: 127.0.0.1\n\n",  # bare LF
        b"GET /_aws/pinpoint/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX: a\r\n b\r\n\r\n",  # fold
        b"GET /_aws/pinpoint/health HTTP/1.1\r\nHost : 127.0.0.1\r\n\r\n",  # space before :
        b"GET /_aws/pinpoint/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX: a\x00b\r\n\r\n",  # NUL
        b"GET http://evil.example/_aws/pinpoint/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
        b"GET /_aws/pinpoint/health HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n",
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",  # a TLS hello
    ],
)
def test_malformed_requests_are_400_and_close(server: PinpointServer, request_bytes: bytes) -> None:
    answer = exchange(server, request_bytes)
    assert statuses(answer) == [400]
    assert answer.endswith(b"\r\n\r\n") is False  # a reason is given


def test_http_2_is_505(server: PinpointServer) -> None:
    answer = exchange(server, b"GET /_aws/pinpoint/health HTTP/2.0\r\nHost: 127.0.0.1\r\n\r\n")
    assert statuses(answer) == [505]


# -- bodies ----------------------------------------------------------------------------------
def test_a_declared_body_over_7_mb_is_refused_before_it_is_sent(server: PinpointServer) -> None:
    with connect(server) as sock:
        sock.sendall(head(f"Content-Length: {SEVEN_MB + 1}\r\nContent-Type: application/json\r\n"))
        answer = read_all(sock)  # the server answers without waiting for the body
    assert statuses(answer) == [413]
    assert b"PayloadTooLargeException" in answer
    nothing_recorded(server)


def test_expect_100_continue_over_the_limit_gets_413_not_100(server: PinpointServer) -> None:
    with connect(server) as sock:
        sock.sendall(head(f"Content-Length: {SEVEN_MB + 1}\r\nExpect: 100-continue\r\n"))
        assert statuses(read_all(sock)) == [413]


def test_expect_100_continue_within_the_limit_continues(server: PinpointServer) -> None:
    with connect(server) as sock:
        sock.sendall(head(f"Content-Length: {len(BODY)}\r\nExpect: 100-continue\r\n"))
        assert sock.recv(100).startswith(b"HTTP/1.1 100 Continue\r\n\r\n")
        sock.sendall(BODY)
        assert statuses(sock.recv(65536)) == [200]


@pytest.mark.parametrize("size", ["ffffffffffff", "40000000"])  # 256 TiB, 1 GiB
def test_huge_chunks_stop_at_7_mb_and_close(server: PinpointServer, size: str) -> None:
    sent = 0
    with connect(server) as sock:
        sock.sendall(head("Transfer-Encoding: chunked\r\n") + size.encode() + b"\r\n")
        block = b"x" * (1 << 20)
        answer = b""
        try:
            while sent < 200 * (1 << 20):
                sock.sendall(block)
                sent += len(block)
        except (BrokenPipeError, ConnectionResetError):
            pass
        answer = read_all(sock)
    assert sent < 100 * (1 << 20)  # 7 MB kept, at most 64 MB read and dropped, then closed
    assert statuses(answer) == [413]
    nothing_recorded(server)


def test_chunk_size_overflow_is_400(server: PinpointServer) -> None:
    answer = exchange(server, head("Transfer-Encoding: chunked\r\n") + b"f" * 20 + b"\r\n")
    assert statuses(answer) == [400]


def test_a_body_cut_short_by_fin_is_not_recorded(server: PinpointServer) -> None:
    with connect(server) as sock:
        sock.sendall(head(f"Content-Length: {len(BODY) + 10}\r\n") + BODY)
        sock.shutdown(socket.SHUT_WR)
        assert read_all(sock) == b""
    nothing_recorded(server)


def test_a_chunked_body_cut_short_by_fin_is_not_recorded(server: PinpointServer) -> None:
    with connect(server) as sock:
        sock.sendall(head("Transfer-Encoding: chunked\r\n") + b"%x\r\n" % len(BODY) + BODY)
        sock.shutdown(socket.SHUT_WR)
        assert read_all(sock) == b""
    nothing_recorded(server)


def test_a_whole_request_then_fin_is_answered(server: PinpointServer) -> None:
    with connect(server) as sock:
        sock.sendall(head(f"Content-Length: {len(BODY)}\r\n") + BODY)
        sock.shutdown(socket.SHUT_WR)
        assert statuses(read_all(sock)) == [200]
    assert len(server.mock.calls) == 1


def test_pipelined_requests_are_answered_in_order(server: PinpointServer) -> None:
    health = b"GET /_aws/pinpoint/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
    last = b"GET /nowhere HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    answer = exchange(server, head(f"Content-Length: {len(BODY)}\r\n") + BODY + health + last)
    assert statuses(answer) == [200, 200, 404]


# -- slow, idle and too many clients ----------------------------------------------------------
def test_idle_connections_are_closed(server: PinpointServer) -> None:
    with connect(server) as sock:
        assert read_all(sock) == b""  # closed by the server (idle_timeout 0.5 s here)


def test_a_request_trickled_too_slowly_is_408(server: PinpointServer) -> None:
    with connect(server) as sock:
        sock.sendall(b"POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        assert statuses(read_all(sock)) == [408]
    nothing_recorded(server)


def test_idle_connections_do_not_lock_out_a_client(server: PinpointServer) -> None:
    idle = [connect(server) for _ in range(30)]  # the cap here is 8
    try:
        answer = exchange(
            server,
            b"GET /_aws/pinpoint/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
        )
        assert statuses(answer) == [200]
    finally:
        for sock in idle:
            sock.close()


def test_connections_over_the_cap_get_503_when_none_is_idle(
    server: PinpointServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    entered, release = threading.Semaphore(0), threading.Event()
    serve = server.mock.serve

    def held(*args: Any) -> Any:  # each of the 8 connections stays busy in a request
        entered.release()
        release.wait(10)
        return serve(*args)

    monkeypatch.setattr(server.mock, "serve", held)
    busy = [connect(server) for _ in range(8)]
    big = BODY + b" " * (100 * 1024)  # answered in the worker threads, not the event loop
    try:
        for sock in busy:
            sock.sendall(head(f"Content-Length: {len(big)}\r\n") + big)
        for _ in busy:
            assert entered.acquire(timeout=10)
        with connect(server) as late:
            assert statuses(read_all(late)) == [503]
        release.set()
        assert all(statuses(sock.recv(65536)) == [200] for sock in busy)
    finally:
        release.set()
        for sock in busy:
            sock.close()


# -- what the server writes -------------------------------------------------------------------
def test_a_header_value_with_crlf_never_splits_a_response(server: PinpointServer) -> None:
    server.mock.fail("Foo\r\nX-Injected: yes", status=500, operation=None)
    answer = exchange(server, head(f"Content-Length: {len(BODY)}\r\nConnection: close\r\n") + BODY)
    assert b"X-Injected" not in answer
    assert statuses(answer) == [500]
