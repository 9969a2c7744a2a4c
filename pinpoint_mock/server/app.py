"""A real threaded HTTP server on loopback, answering Pinpoint calls and the inspection API.

The server is an adapter above the mock: a Pinpoint call goes to :meth:`PinpointMock.serve`, an
inspection call to :func:`inspection.handle`, and nothing here reaches inside the mock.
"""

from __future__ import annotations

import socket
import socketserver
import sys
import threading
import traceback
from collections.abc import Mapping
from http import HTTPStatus
from http.server import ThreadingHTTPServer
from typing import TYPE_CHECKING

from .. import wire
from ..errors import UnsupportedOperationError
from ..limits import MAX_PAYLOAD_BYTES
from . import inspection
from .signature import verify

if TYPE_CHECKING:
    from ..mock import PinpointMock

DEFAULT_PORT = 4599
_READ_CHUNK = 1 << 16


class PinpointServer:
    """Serve a mock over HTTP: ``with PinpointServer() as server: server.url``.

    ``mock`` is the :class:`~pinpoint_mock.mock.PinpointMock` that answers (a new one when not
    given). ``port=0`` takes a free port. With ``require_signature``, Pinpoint calls must carry a
    valid SigV4 signature made with one of ``credentials`` (access key id -> secret key).
    Errors raised inside the server's threads are kept and re-raised by :meth:`check`.
    """

    def __init__(
        self,
        mock: PinpointMock | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        require_signature: bool = False,
        credentials: Mapping[str, str] | None = None,
        verbose: bool = False,
    ) -> None:
        if mock is None:
            from ..mock import PinpointMock

            mock = PinpointMock()
        self.mock = mock
        self.require_signature = require_signature
        self.credentials = dict(credentials or {"testing": "testing"})
        self.verbose = verbose
        self.errors: list[BaseException] = []
        self._errors_lock = threading.Lock()
        self._httpd = _Server((host, port), _Handler)
        self._httpd.app = self
        self._thread: threading.Thread | None = None

    # -- lifecycle ---------------------------------------------------------------------------
    @property
    def host(self) -> str:
        return str(self._httpd.server_address[0])

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> PinpointServer:
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._httpd.serve_forever,
                kwargs={"poll_interval": 0.1},
                name=f"pinpoint-mock {self.url}",
                daemon=True,
            )
            self._thread.start()
        return self

    def serve_forever(self) -> None:
        """Serve in the calling thread until :meth:`stop` is called from elsewhere."""
        self._httpd.serve_forever(poll_interval=0.1)

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> PinpointServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- errors raised in the server threads ------------------------------------------------
    def record_error(self, error: BaseException) -> None:
        with self._errors_lock:
            self.errors.append(error)

    def check(self) -> None:
        """Re-raise, in the caller's thread, the first error raised inside the server."""
        with self._errors_lock:
            errors, self.errors = self.errors, []
        if errors:
            raise errors[0]


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128
    app: PinpointServer


class _Handler(socketserver.StreamRequestHandler):
    """A lean HTTP/1.1 keep-alive loop (the stdlib handler's header parsing dominates the cost
    of a request, so requests are parsed here directly)."""

    server: _Server
    command = ""
    path = ""
    headers: dict[str, str]

    def setup(self) -> None:
        super().setup()
        # One write per response and no Nagle delay: keep-alive clients get answers at once.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def handle(self) -> None:
        try:
            while self._handle_one():
                pass
        except (ConnectionError, TimeoutError):
            pass  # the client went away

    def _handle_one(self) -> bool:
        line = self.rfile.readline(_MAX_LINE + 1)
        if not line:
            return False
        parts = line.decode("latin-1").split()
        if len(line) > _MAX_LINE or len(parts) != 3 or not parts[2].startswith("HTTP/"):
            self._send_plain(400, "malformed request line")
            return False
        self.command, self.path, version = parts
        headers: dict[str, str] = {}
        lower: dict[str, str] = {}
        for _ in range(_MAX_HEADERS):
            raw = self.rfile.readline(_MAX_LINE + 1)
            if raw in (b"\r\n", b"\n", b""):
                break
            name, _, value = raw.decode("latin-1").partition(":")
            name, value = name.strip(), value.strip()
            headers[name] = value
            lower[name.lower()] = value
        else:
            self._send_plain(431, "too many headers")
            return False
        self.headers, self._lower = headers, lower
        connection = lower.get("connection", "").lower()
        keep_alive = connection != "close" and (version == "HTTP/1.1" or connection == "keep-alive")
        if lower.get("expect", "").lower() == "100-continue":
            self.wfile.write(b"HTTP/1.1 100 Continue\r\n\r\n")
        self._dispatch()
        if self.server.app.verbose:
            print(f"{self.command} {self.path} -> {self._status}", file=sys.stderr)
        return keep_alive

    def _dispatch(self) -> None:
        app = self.server.app
        try:
            body, too_large = self._read_body()
            if inspection.is_inspection(self.path):
                status, headers, payload = inspection.handle(
                    app.mock, self.command, self.path, body
                )
                self._send(status, headers, payload)
                return
            response = self._answer(app, body, too_large)
        except Exception as exc:  # a bug in the fake: answer, and re-raise it in the test
            app.record_error(exc)
            if app.verbose:
                traceback.print_exc()
            response = wire.error_response(
                500,
                "InternalServerErrorException",
                f"pinpoint-mock internal error: {type(exc).__name__}: {exc}",
                "00000000-0000-0000-0000-000000000000",
            )
        self._send(response.status, response.headers, response.body)

    def _answer(self, app: PinpointServer, body: bytes, too_large: bool) -> wire.Response:
        mock = app.mock
        if too_large:
            return wire.error_response(
                413,
                "PayloadTooLargeException",
                f"Request body is larger than the {MAX_PAYLOAD_BYTES}-byte limit",
                mock.new_request_id(),
            )
        headers = self.headers
        if app.require_signature:
            problem = verify(self.command, self.path, headers, body, app.credentials)
            if problem is not None:
                return wire.error_response(
                    403, "ForbiddenException", problem, mock.new_request_id()
                )
        try:
            return mock.serve(self.command, self.path, headers, body)
        except UnsupportedOperationError as exc:
            return wire.error_response(404, "NotFoundException", str(exc), mock.new_request_id())

    def _read_body(self) -> tuple[bytes, bool]:
        """The request body, or (b"", True) when it is over the service's payload limit."""
        if self._lower.get("transfer-encoding", "").lower() == "chunked":
            return self._read_chunked()
        length = int(self._lower.get("content-length") or 0)
        if length > MAX_PAYLOAD_BYTES:
            self._drain(length)
            return b"", True
        return self.rfile.read(length) if length else b"", False

    def _read_chunked(self) -> tuple[bytes, bool]:
        parts: list[bytes] = []
        total = 0
        while True:
            size = int(self.rfile.readline().split(b";", 1)[0].strip() or b"0", 16)
            if size == 0:
                while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                    pass
                break
            chunk = self.rfile.read(size)
            self.rfile.readline()
            total += size
            if total <= MAX_PAYLOAD_BYTES:
                parts.append(chunk)
        if total > MAX_PAYLOAD_BYTES:
            return b"", True
        return b"".join(parts), False

    def _drain(self, length: int) -> None:
        while length > 0:
            chunk = self.rfile.read(min(_READ_CHUNK, length))
            if not chunk:
                break
            length -= len(chunk)

    def _send(self, status: int, headers: Mapping[str, str], body: bytes) -> None:
        self._status = status
        lines = [f"HTTP/1.1 {status} {_reason(status)}\r\n", "Server: pinpoint-mock\r\n"]
        lines.append(f"Date: {wire.http_date()}\r\n")
        for name, value in headers.items():
            if name.lower() not in ("content-length", "date", "server"):
                lines.append(f"{name}: {value}\r\n")
        lines.append(f"Content-Length: {len(body)}\r\n\r\n")
        head = "".join(lines).encode("latin-1")
        # Headers and body leave in a single write.
        self.wfile.write(head + body if self.command != "HEAD" else head)

    def _send_plain(self, status: int, text: str) -> None:
        self.command = ""
        self._send(status, {"Content-Type": "text/plain", "Connection": "close"}, text.encode())


_MAX_LINE = 65536
_MAX_HEADERS = 200


def _reason(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"
