"""The standalone server: the services' APIs and the control API over HTTP/1.1 on loopback.

The server is an adapter above the mock: a service call goes to :meth:`PinpointMock.serve`, a
control call to :func:`inspection.handle` (after :class:`~.guard.Guard`'s checks), and nothing
here reaches inside the mock. Connections are asyncio protocols over llhttp (``httptools``,
:mod:`.protocol`). A service call with a body up to 64 KiB is answered in the event loop's
thread (a thread hop cost more than the answer); bigger ones and control calls go to a small
thread pool, so a long answer never stops the loop from reading, timing out and refusing.

Why llhttp under our own thin protocol: measured as ``benchmarks/bench_server.py`` measures (32
boto3 clients in 4 processes sending SendUsersMessages, medians of 3 interleaved rounds against
moto_server's GetApp in the same run, a shared 2-core machine), this module answers 4.6x
moto_server's throughput; uvicorn with httptools 4.1x, waitress 4.2x (uvicorn with h11 4.1x in
an earlier run); the hand-written server it replaces 6.2x, by checking nothing. llhttp (Node.js's
parser) refuses every framing attack on our list by itself (bad, signed, duplicate or listed
Content-Length, Content-Length with Transfer-Encoding, chunk-size overflow); h11 accepts
``Content-Length: 5, 5`` and repeated equal lengths; uvicorn adds an ASGI layer, no header-size
limit with httptools, no timeout on a connection that never sends, and a concurrency limit that
answers 503 instead of capping connections, each of which would have to be patched into its
private protocol classes. A pre-made listening socket must be created with ``IPPROTO_TCP``:
asyncio only sets TCP_NODELAY on such sockets, and without it every answer waits 40 ms for a
delayed ACK (this is what first made uvicorn look 10x slower).
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
import sys
import threading
import traceback
from collections.abc import Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from .. import wire
from ..errors import UnsupportedOperationError
from ..limits import MAX_PAYLOAD_BYTES
from ..request import Request
from ..services import service_for
from . import inspection
from .answers import error_answer
from .guard import Guard
from .messages import HttpRequest, Limits, Reply
from .protocol import Connections
from .signature import verify

if TYPE_CHECKING:
    from ..mock import PinpointMock

#: Errors raised inside the server kept for :meth:`PinpointServer.check` (the rest are counted).
MAX_KEPT_ERRORS = 100
_NO_REQUEST_ID = "00000000-0000-0000-0000-000000000000"


class PinpointServer:
    """Serve a mock over HTTP: ``with PinpointServer() as server: server.url``.

    ``mock`` is the :class:`~pinpoint_mock.mock.PinpointMock` that answers (a new one when not
    given). ``port=0`` takes a free port. With ``require_signature``, service calls must carry a
    valid SigV4 signature for ``region`` made with one of ``credentials`` (access key id ->
    secret key). ``allowed_hosts`` are names besides loopback and the bound address that the
    control API answers to (``"*"``: any). ``max_calls`` and ``max_deliveries`` bound the mock's
    history (None: leave the mock as it is; ``pinpoint-mock serve`` bounds both). ``limits`` are
    the HTTP limits (:class:`~.messages.Limits`). Errors raised inside the server are kept (at
    most :data:`MAX_KEPT_ERRORS`) and re-raised by :meth:`check`.
    """

    def __init__(
        self,
        mock: PinpointMock | None = None,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        require_signature: bool = False,
        credentials: Mapping[str, str] | None = None,
        region: str = "us-east-1",
        allowed_hosts: Iterable[str] = (),
        max_calls: int | None = None,
        max_deliveries: int | None = None,
        limits: Limits | None = None,
        workers: int = 8,
        verbose: bool = False,
    ) -> None:
        if mock is None:
            from ..mock import PinpointMock

            mock = PinpointMock()
        self.mock = mock
        if max_calls is not None or max_deliveries is not None:
            mock.keep_at_most(calls=max_calls, deliveries=max_deliveries)
        self.require_signature = require_signature
        self.credentials = dict(credentials or {"testing": "testing"})
        self.region = region
        self.verbose = verbose
        self.limits = limits or Limits()
        self.guard = Guard(host, allowed_hosts)
        self.errors: list[BaseException] = []
        self.errors_dropped = 0
        self._errors_lock = threading.Lock()
        self._socket = _listen(host, port)
        self._executor = (
            ThreadPoolExecutor(workers, thread_name_prefix="pinpoint-mock") if workers else None
        )
        self._loop: asyncio.AbstractEventLoop | None = None
        self._connections: Connections | None = None
        self._ready = threading.Event()
        self._thread: threading.Thread | None = None
        self._stopped = False
        self._serving = False
        self._state_lock = threading.Lock()

    # -- lifecycle ---------------------------------------------------------------------------
    @property
    def host(self) -> str:
        return str(self._socket.getsockname()[0])

    @property
    def port(self) -> int:
        return int(self._socket.getsockname()[1])

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def start(self) -> PinpointServer:
        """Serve in a background thread (returns once the server accepts connections)."""
        if self._thread is None:
            self._thread = threading.Thread(
                target=self.serve_forever, name=f"pinpoint-mock {self.url}", daemon=True
            )
            self._thread.start()
            self._ready.wait(10)
        return self

    def serve_forever(self) -> None:
        """Serve in the calling thread until :meth:`stop` is called from elsewhere."""
        with self._state_lock:
            if self._stopped:
                return
            self._serving = True
        loop = asyncio.new_event_loop()
        self._connections = Connections(self._answer, self._executor, self.limits, _quick)
        listener = loop.run_until_complete(
            loop.create_server(self._connections.protocol, sock=self._socket)
        )
        loop.call_soon(self._connections.tick, loop)
        with self._state_lock:
            self._loop = loop
            stopped = self._stopped
        self._ready.set()
        try:
            if not stopped:
                loop.run_forever()
        finally:
            listener.close()
            self._connections.close_all()
            loop.run_until_complete(listener.wait_closed())
            loop.run_until_complete(asyncio.sleep(0))
            loop.close()
            self._release()

    def stop(self) -> None:
        """Stop serving (from any thread); the serving thread closes the socket."""
        with self._state_lock:
            self._stopped = True
            loop, serving = self._loop, self._serving
        if not serving:
            self._release()
            return
        if loop is not None:  # else serve_forever sees _stopped once its loop is made
            with contextlib.suppress(RuntimeError):  # already closed
                loop.call_soon_threadsafe(loop.stop)
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def _release(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
        self._socket.close()

    def __enter__(self) -> PinpointServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- errors raised in the server threads ------------------------------------------------
    def record_error(self, error: BaseException) -> None:
        with self._errors_lock:
            if len(self.errors) < MAX_KEPT_ERRORS:
                self.errors.append(error)
            else:
                self.errors_dropped += 1

    def check(self) -> None:
        """Re-raise, in the caller's thread, the first error raised inside the server."""
        with self._errors_lock:
            errors, self.errors = self.errors, []
            self.errors_dropped = 0
        if errors:
            raise errors[0]

    # -- answering (in the worker threads) --------------------------------------------------
    def _answer(self, request: HttpRequest) -> Reply:
        try:
            if inspection.is_inspection(request.target):
                reply = self._control(request)
            else:
                reply = self._service(request)
        except Exception as exc:  # a bug in the fake: answer, and re-raise it in the test
            self.record_error(exc)
            if self.verbose:
                traceback.print_exc()
            response = wire.error_response(
                500,
                "InternalServerErrorException",
                f"pinpoint-mock internal error: {type(exc).__name__}: {exc}",
                _NO_REQUEST_ID,
            )
            reply = Reply(response.status, response.headers, response.body)
        if self.verbose:
            print(f"{request.method} {request.target} -> {reply.status}", file=sys.stderr)
        return reply

    def _control(self, request: HttpRequest) -> Reply:
        refusal = self.guard.refusal(request.method, request.headers)
        if refusal is not None:
            return Reply(*error_answer(403, refusal))
        if request.too_large:
            return Reply(*error_answer(413, f"body over the {MAX_PAYLOAD_BYTES}-byte limit"))
        return Reply(*inspection.handle(self.mock, request.method, request.target, request.body))

    def _service(self, request: HttpRequest) -> Reply:
        mock = self.mock
        method, target, headers, body = (
            request.method,
            request.target,
            request.headers,
            request.body,
        )
        if request.too_large or self.require_signature:
            service = service_for(Request(method, target, headers, b"", "server"))
            if request.too_large:
                response = service.error(
                    413,
                    "PayloadTooLargeException",
                    f"Request body is larger than the {MAX_PAYLOAD_BYTES}-byte limit",
                    mock.new_request_id(),
                )
                return Reply(response.status, response.headers, response.body)
            refused = verify(
                method,
                target,
                headers,
                body,
                self.credentials,
                region=self.region,
                service=service.name,
            )
            if refused is not None:
                response = service.error(403, refused[0], refused[1], mock.new_request_id())
                return Reply(response.status, response.headers, response.body)
        try:
            response = mock.serve(method, target, headers, body)
        except UnsupportedOperationError as exc:
            service = service_for(Request(method, target, headers, b"", "server"))
            response = service.error(404, "NotFoundException", str(exc), mock.new_request_id())
        return Reply(response.status, response.headers, response.body)


#: Service calls with a body up to this size are answered in the event loop's thread (a thread
#: hop costs more than answering them); bigger ones and control calls go to the workers.
INLINE_BODY_BYTES = 64 * 1024


def _quick(request: HttpRequest) -> bool:
    return len(request.body) <= INLINE_BODY_BYTES and not inspection.is_inspection(request.target)


def _listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket (``IPPROTO_TCP``, so asyncio turns Nagle off on its connections)."""
    family, kind, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
    )[0]
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError:
        sock.close()
        raise
    sock.setblocking(False)
    return sock
