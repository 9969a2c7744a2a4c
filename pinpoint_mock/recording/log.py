"""The call log: every call and delivery in order, read through live views."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import Any, Protocol, TypeVar, overload

from ..models import frozen
from ..request import Request
from ..wire import Response
from .records import Call, SentMessage

T = TypeVar("T", SentMessage, Call)


class Kept(Protocol):
    """What a call's deliveries are to the log: counted now, made into records when first read
    (:class:`Deliveries` for Pinpoint's flat rows, :class:`Made` for records made at once)."""

    def __len__(self) -> int: ...

    def records(self) -> list[SentMessage]: ...


class Made(list[SentMessage]):
    """Deliveries whose records were made when the call was answered."""

    def records(self) -> list[SentMessage]:
        return list(self)


class Records(Sequence[T]):
    """The records of a log, read live: every read sees what was recorded so far, and none
    copies them (a test that asserts inside a loop over 100,000 deliveries reads in place).
    ``last`` is the newest; ``filter(**fields)`` a list of the matching ones at the time.
    Compares equal to a list of the same records."""

    __slots__ = ("_items",)
    _items: Callable[[], list[T]]

    def __init__(self, items: Callable[[], list[T]]) -> None:
        self._items = items

    @classmethod
    def of(cls, records: list[T]) -> Records[T]:
        """Records over a fixed list."""
        return cls(lambda: records)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> list[T]: ...
    def __getitem__(self, index: int | slice) -> T | list[T]:
        return self._items()[index]

    def __len__(self) -> int:
        return len(self._items())

    def __iter__(self) -> Iterator[T]:
        return iter(self._items())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Records):
            other = other._items()
        return self._items() == other

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Records({self._items()!r})"

    @property
    def last(self) -> T:
        items = self._items()
        if not items:
            raise IndexError("nothing was recorded")
        return items[-1]

    def filter(self, **fields: Any) -> Records[T]:
        """The records whose attributes equal every given value (``channel="SMS"``…), as they
        are now."""
        return Records.of(
            [r for r in self._items() if all(getattr(r, k) == v for k, v in fields.items())]
        )


class CallLog:
    """Every call and delivery, in order. Thread-safe.

    ``max_calls`` and ``max_sent`` bound what is kept (None: everything, the in-process
    default): past the bound the oldest are dropped, and counted in :meth:`history`. Reads see
    at most the bound; between reads up to a quarter more may wait to be dropped, so that
    dropping costs nothing per call."""

    def __init__(self, *, max_calls: int | None = None, max_sent: int | None = None) -> None:
        self._lock = threading.Lock()
        self._calls: list[Call] = []
        self._sent: list[SentMessage] = []
        self._pending: list[Kept] = []
        """Deliveries not yet made into records (see :meth:`Deliveries.records`)."""
        self._pending_count = 0
        self._warnings: list[str] = []
        self.max_calls: int | None = None
        self.max_sent: int | None = None
        self.dropped_calls = 0
        self.dropped_sent = 0
        self.bound(max_calls=max_calls, max_sent=max_sent)
        self.reserve: Callable[[], int] = itertools.count(1).__next__
        """The index of the next call (unique under concurrency: a C-level counter)."""
        self.calls: Records[Call] = Records(self._read_calls)
        """One record per call, in order (a live view)."""
        self.sent: Records[SentMessage] = Records(self._read_sent)
        """One record per delivery, in order (a live view)."""

    def bound(self, *, max_calls: int | None, max_sent: int | None) -> None:
        """Keep at most ``max_calls`` calls and ``max_sent`` deliveries (None: no bound)."""
        for name, value in (("max_calls", max_calls), ("max_sent", max_sent)):
            if value is not None and (isinstance(value, bool) or value < 1):
                raise ValueError(f"{name} must be a positive count or None, got {value!r}")
        with self._lock:
            self.max_calls, self.max_sent = max_calls, max_sent
            self._trim(exact=True)

    def history(self) -> dict[str, int | None]:
        """What is kept, the bounds, and how many calls and deliveries were dropped."""
        with self._lock:
            self._trim(exact=True)
            return {
                "calls": len(self._calls),
                "deliveries": len(self._sent) + self._pending_count,
                "maxCalls": self.max_calls,
                "maxDeliveries": self.max_sent,
                "droppedCalls": self.dropped_calls,
                "droppedDeliveries": self.dropped_sent,
            }

    def _trim(self, *, exact: bool) -> None:
        """Drop the oldest past the bounds (``exact``: to the bound; else only once a quarter
        over it). Holds the lock."""
        limit = self.max_calls
        if limit is not None:
            excess = len(self._calls) - limit
            if excess > 0 and (exact or excess > limit // 4):
                del self._calls[:excess]
                del self._warnings[: max(0, len(self._warnings) - limit)]
                self.dropped_calls += excess
        limit = self.max_sent
        if limit is None:
            return
        excess = len(self._sent) + self._pending_count - limit
        if excess <= 0 or not (exact or excess > limit // 4):
            return
        self.dropped_sent += excess
        head = min(excess, len(self._sent))
        del self._sent[:head]
        excess -= head
        while excess > 0:  # whole batches not yet made into records are dropped unmade
            oldest = self._pending[0]
            if len(oldest) > excess:
                self._sent = oldest.records()[excess:]
                self._pending_count -= len(oldest)
                del self._pending[0]
                break
            excess -= len(oldest)
            self._pending_count -= len(oldest)
            del self._pending[0]

    def _read_calls(self) -> list[Call]:
        if self.max_calls is not None and len(self._calls) > self.max_calls:
            with self._lock:
                self._trim(exact=True)
        return self._calls

    def record(
        self,
        request: Request,
        response: Response,
        *,
        index: int,
        service: str,
        operation: str | None,
        request_id: str,
        deliveries: Kept | None = None,
        warnings: tuple[str, ...] = (),
        violations: tuple[str, ...] = (),
        rule: str | None = None,
    ) -> Call:
        """Keep one answered call and the deliveries it made; returns the call's record."""
        headers = request.headers
        call: Call = frozen(
            Call,
            {
                "index": index,
                "service": service,
                "operation": operation,
                "method": request.method,
                "path": request.path,
                "headers": dict(headers),
                "body": request.body,
                "status": response.status,
                "response_headers": response.headers,
                "response_body": response.body,
                "error_code": response.error_code,
                "attempt": request.attempt,
                "invocation_id": request.header("amz-sdk-invocation-id"),
                "request_id": request_id,
                "transport": request.transport,
                "violations": violations,
                "warnings": warnings,
                "rule": rule,
                "backoff": request.backoff,
            },
        )
        with self._lock:
            self._calls.append(call)
            if deliveries is not None and len(deliveries):
                self._pending.append(deliveries)
                self._pending_count += len(deliveries)
            if warnings:
                self._warnings.extend(warnings)
            if self.max_calls is not None or self.max_sent is not None:
                self._trim(exact=False)
        return call

    def _read_sent(self) -> list[SentMessage]:
        if self._pending or (self.max_sent is not None and len(self._sent) > self.max_sent):
            with self._lock:
                self._trim(exact=True)
                for deliveries in self._pending:
                    self._sent.extend(deliveries.records())
                self._pending.clear()
                self._pending_count = 0
        return self._sent

    @property
    def warnings(self) -> list[str]:
        with self._lock:
            return list(self._warnings)

    def clear(self) -> None:
        """Forget every call, delivery and warning (what the records held is freed)."""
        with self._lock:
            self._calls.clear()
            self._sent.clear()
            self._pending.clear()
            self._pending_count = 0
            self._warnings.clear()
            self.reserve = itertools.count(1).__next__


__all__ = ["CallLog", "Records"]
