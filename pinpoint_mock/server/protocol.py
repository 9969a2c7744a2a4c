"""HTTP/1.1 connections for the server: llhttp (Node's parser, through ``httptools``) frames the
requests; this module adds the limits a server owes its neighbours and hands each complete
request to the application in a worker thread.

What llhttp refuses by itself (answered 400 and the connection closed, since framing is in
doubt): a Content-Length that is not plain digits (``abc``, ``+5``, ``-1``, ``1_0``, ``5, 5``)
or is repeated, Content-Length together with Transfer-Encoding, a Transfer-Encoding other than
chunked, chunk sizes that overflow, bare LF line ends, obs-fold, whitespace before a colon,
control characters in header values, unknown HTTP versions.

What is added here: a request line plus headers over :attr:`Limits.max_head_bytes` is 431
(counted on the raw bytes, so the parser never buffers more); more than
:attr:`Limits.max_headers` header fields is 431; an HTTP/1.1 request without exactly one Host is
400; HTTP versions other than 1.0 and 1.1 are 505; a body over :attr:`Limits.max_body_bytes`
(declared or streamed, chunked included) is answered at once by the application's 413 and then
discarded, never buffered; a request must arrive whole within :attr:`Limits.request_timeout`
(408, closed), an idle connection is closed after :attr:`Limits.idle_timeout`; at most
:attr:`Limits.max_connections` connections are open (a new one evicts the longest idle one, or
gets 503 when none is idle). A request cut short by the client (fewer body bytes than announced,
then FIN) never reaches the application.
"""

from __future__ import annotations

import asyncio
import functools
from collections import deque
from collections.abc import Callable
from concurrent.futures import Executor

import httptools

from .messages import FAILED, Application, HttpRequest, Limits, Reply, plain, render


class Connections:
    """The open connections of one listener, and what they share."""

    def __init__(
        self,
        app: Application,
        executor: Executor | None,
        limits: Limits,
        inline: Callable[[HttpRequest], bool] = lambda request: False,
    ) -> None:
        """``app`` answers in ``executor``'s threads, or in the event loop's own thread when
        ``executor`` is None or ``inline(request)`` says so (a quick answer: no thread hop)."""
        self.app, self.executor, self.limits, self.inline = app, executor, limits, inline
        self.open: set[HttpConnection] = set()
        """The connections counted against the cap."""
        self.every: set[HttpConnection] = set()
        """...and those refused but still closing."""
        self.evicted = 0
        """Idle connections closed to make room for new ones."""
        self.refused = 0
        """Connections answered 503 because every open one was busy."""

    def protocol(self) -> HttpConnection:
        return HttpConnection(self)

    def admit(self, connection: HttpConnection) -> bool:
        """Whether a new connection may stay open (evicting the longest idle one if needed)."""
        if len(self.open) >= self.limits.max_connections:
            idle = [c for c in self.open if c.idle_since is not None]
            if not idle:
                self.refused += 1
                return False
            min(idle, key=lambda c: c.idle_since or 0.0).close()
            self.evicted += 1
        self.open.add(connection)
        return True

    def close_all(self) -> None:
        for connection in list(self.every):
            connection.close()

    def tick(self, loop: asyncio.AbstractEventLoop) -> None:
        """Act on every deadline passed, then again in a while (a quarter of the shortest
        timeout, at most a second)."""
        now = loop.time()
        for connection in list(self.every):
            if connection.deadline is not None and connection.deadline <= now:
                connection.deadline = None
                connection.on_deadline()
        limits = self.limits
        shortest = min(limits.idle_timeout, limits.request_timeout, limits.discard_timeout)
        loop.call_later(min(1.0, shortest / 4), self.tick, loop)


class _Stop(Exception):
    """Stop parsing this connection's bytes (a refusal is queued)."""


class HttpConnection(asyncio.Protocol):
    """One client connection: parse, queue complete requests, answer them in order."""

    def __init__(self, shared: Connections) -> None:
        self.shared, self.limits = shared, shared.limits
        self.loop = asyncio.get_running_loop()
        self.transport: asyncio.Transport | None = None
        self.parser = httptools.HttpRequestParser(self)
        self.queue: deque[HttpRequest | bytes] = deque()
        """Complete requests waiting, in order; bytes are a refusal to write before closing."""
        self.busy = False
        self.in_head = True
        self.head_bytes = 0
        self.eof = False
        self.discarding = 0
        self.idle_since: float | None = None
        self.deadline: float | None = None
        self.on_deadline: Callable[[], None] = self.close
        self._reset_message()

    # -- asyncio.Protocol --
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self.shared.every.add(self)
        if not self.shared.admit(self):
            transport.write(plain(503, "too many connections"))
            self.discarding = self.limits.discard_bytes
            self._linger()
            return
        self._idle()

    def connection_lost(self, exc: Exception | None) -> None:
        self.shared.open.discard(self)
        self.shared.every.discard(self)
        self._cancel_timer()
        self.queue.clear()
        self.transport = None

    def eof_received(self) -> bool:
        self.eof = True
        if not self.busy and not self.queue:
            self.close()
        return True  # keep writing what is queued, then close

    def data_received(self, data: bytes) -> None:
        if self.discarding:
            self.discarding -= len(data)
            if self.discarding <= 0:
                self.close()
            return
        if self.transport is None or self.transport.is_closing():
            return
        if self.idle_since is not None:  # a request starts: it must be whole in time
            self.idle_since = None
            self._set_timer(self.limits.request_timeout, self._timed_out)
        try:
            while data:
                if self.in_head:
                    room = self.limits.max_head_bytes - self.head_bytes
                    if room <= 0:
                        self._refuse(431, "request line and headers too large")
                    piece, data = data[:room], data[room:]
                    self.head_bytes += len(piece)
                    self.parser.feed_data(piece)
                else:
                    piece, data = data, b""
                    self.parser.feed_data(piece)
        except _Stop:  # refused before the parser saw the bytes
            pass
        except httptools.HttpParserCallbackError as exc:
            if not isinstance(exc.__context__, _Stop):
                raise
        except httptools.HttpParserUpgrade:
            self.keep_alive = False  # answered as a plain request; no protocol switch
        except httptools.HttpParserError as exc:
            self._enqueue_refusal(400, f"malformed request: {exc}")
        self._next()

    # -- httptools callbacks --
    def _reset_message(self) -> None:
        self.url = b""
        self.headers: dict[str, str] = {}
        self.names: dict[str, str] = {}
        """Each header's lower-cased name -> its name as received."""
        self.header_count = 0
        self.hosts = 0
        self.body: list[bytes] = []
        self.body_size = 0
        self.too_large = False
        self.keep_alive = True

    def on_message_begin(self) -> None:
        self._reset_message()

    def on_url(self, url: bytes) -> None:
        self.url += url

    def on_header(self, name: bytes, value: bytes) -> None:
        self.header_count += 1
        if self.header_count > self.limits.max_headers:
            self._refuse(431, f"more than {self.limits.max_headers} header fields")
        key = name.decode("latin-1")
        text = value.decode("latin-1").strip(" \t")
        lower = key.lower()
        found = self.names.get(lower)
        if found is None:
            self.names[lower] = key
            self.headers[key] = text
        else:  # a repeated field: its values joined, as RFC 9110 reads them
            self.headers[found] += ", " + text
            if lower == "host":
                self.hosts += 1

    def on_headers_complete(self) -> None:
        self.in_head = False
        self.head_bytes = 0
        parser = self.parser
        version = parser.get_http_version()
        if version not in ("1.0", "1.1"):
            self._refuse(505, f"HTTP/{version} is not supported; use HTTP/1.1")
        if version == "1.1" and ("host" not in self.names or self.hosts):
            self._refuse(400, "an HTTP/1.1 request needs exactly one Host header")
        if not self.url.startswith(b"/"):
            self._refuse(400, "the request target must be a path starting with /")
        self.keep_alive = parser.should_keep_alive()
        names = self.names
        length = names.get("content-length")
        if length is not None and int(self.headers[length]) > self.limits.max_body_bytes:
            self._too_large()
        if (
            "expect" in names
            and self.headers[names["expect"]].lower() == "100-continue"
            and self.transport is not None
            and not self.busy
        ):
            self.transport.write(b"HTTP/1.1 100 Continue\r\n\r\n")

    def on_body(self, body: bytes) -> None:
        self.body_size += len(body)
        if self.body_size > self.limits.max_body_bytes:
            self._too_large()
        self.body.append(body)

    def on_message_complete(self) -> None:
        self.in_head = True
        self.queue.append(self._request())
        if not self.keep_alive:
            raise _Stop  # nothing after a request that closes the connection is read

    # -- requests and answers --
    def _request(self, *, too_large: bool = False) -> HttpRequest:
        return HttpRequest(
            method=self.parser.get_method().decode("latin-1"),
            target=self.url.decode("latin-1"),
            headers=self.headers,
            body=b"" if too_large else b"".join(self.body),
            too_large=too_large,
            keep_alive=self.keep_alive and not too_large,
        )

    def _too_large(self) -> None:
        """Answer 413 now (the application writes it); read and drop what follows, then close."""
        self.keep_alive = False
        self.queue.append(self._request(too_large=True))
        self.body = []
        self.discarding = self.limits.discard_bytes  # nothing more is parsed
        raise _Stop

    def _refuse(self, status: int, reason: str) -> None:
        self._enqueue_refusal(status, reason)
        raise _Stop

    def _enqueue_refusal(self, status: int, reason: str) -> None:
        self.queue.append(plain(status, reason))
        self.keep_alive = False
        self.discarding = self.limits.discard_bytes  # nothing more is parsed

    def _linger(self) -> None:
        """After a last answer given while the client may still be sending: half-close, then
        read and drop what comes (so the client reads the answer, not a reset) for at most
        :attr:`Limits.discard_bytes` and :attr:`Limits.discard_timeout`, then close."""
        if self.transport is None:
            return
        if self.eof:  # the client has sent everything already
            self.close()
            return
        if self.transport.can_write_eof():
            self.transport.write_eof()
        self.transport.resume_reading()
        self._set_timer(self.limits.discard_timeout, self.close)

    def _next(self) -> None:
        """Start on the next queued request, if none is being answered."""
        if self.busy or self.transport is None:
            return
        if not self.queue:
            if self.eof:
                self.close()
            else:
                self.transport.resume_reading()
                if self.in_head and self.head_bytes == 0:
                    self._idle()
                else:  # the next request has begun: it too must be whole in time
                    self._set_timer(self.limits.request_timeout, self._timed_out)
            return
        item = self.queue.popleft()
        if isinstance(item, bytes):
            self.queue.clear()
            self.transport.write(item)
            self._linger()
            return
        self.busy = True
        self._cancel_timer()
        if self.shared.executor is None or self.shared.inline(item):
            try:
                reply = self.shared.app(item)
            except Exception:
                reply = FAILED
            self._answered(item, reply)
            return
        self.transport.pause_reading()
        future = self.loop.run_in_executor(self.shared.executor, self.shared.app, item)
        future.add_done_callback(functools.partial(self._done, item))

    def _done(self, request: HttpRequest, done: asyncio.Future[Reply]) -> None:
        try:
            reply = done.result()
        except Exception:  # the application records its own errors; never leave a client waiting
            reply = FAILED
        self._answered(request, reply)

    def _answered(self, request: HttpRequest, reply: Reply) -> None:
        self.busy = False
        if self.transport is None:
            return
        last = request.too_large or not request.keep_alive
        self.transport.write(
            render(
                reply.status, reply.headers, reply.body, close=last, head=request.method == "HEAD"
            )
        )
        if request.too_large:
            self._linger()
            return
        if last:
            self.close()
            return
        self._next()

    # -- timers --
    def _idle(self) -> None:
        self.idle_since = self.loop.time()
        self._set_timer(self.limits.idle_timeout, self.close)

    def _timed_out(self) -> None:
        if self.transport is not None and not self.busy and not self.queue:
            self.transport.write(plain(408, "request not received in time"))
            self.discarding = self.limits.discard_bytes
            self._linger()
            return
        self.close()

    def _set_timer(self, delay: float, action: Callable[[], None]) -> None:
        """Run ``action`` once ``delay`` seconds have passed (:meth:`Connections.tick` checks
        every deadline a few times a second: no timer is made per request)."""
        self.deadline = self.loop.time() + delay
        self.on_deadline = action

    def _cancel_timer(self) -> None:
        self.deadline = None

    def close(self) -> None:
        self._cancel_timer()
        self.idle_since = None
        if self.transport is not None:
            self.transport.close()


__all__ = ["Application", "Connections", "HttpConnection", "HttpRequest", "Limits", "Reply"]
