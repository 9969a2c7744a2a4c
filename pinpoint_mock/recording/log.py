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
    """Every call and delivery, in order. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._calls: list[Call] = []
        self._sent: list[SentMessage] = []
        self._pending: list[Kept] = []
        """Deliveries not yet made into records (see :meth:`Deliveries.records`)."""
        self._warnings: list[str] = []
        self.reserve: Callable[[], int] = itertools.count(1).__next__
        """The index of the next call (unique under concurrency: a C-level counter)."""
        self.calls: Records[Call] = Records(lambda: self._calls)
        """One record per call, in order (a live view)."""
        self.sent: Records[SentMessage] = Records(self._read_sent)
        """One record per delivery, in order (a live view)."""

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
            if warnings:
                self._warnings.extend(warnings)
        return call

    def _read_sent(self) -> list[SentMessage]:
        if self._pending:
            with self._lock:
                for deliveries in self._pending:
                    self._sent.extend(deliveries.records())
                self._pending.clear()
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
            self._warnings.clear()
            self.reserve = itertools.count(1).__next__


__all__ = ["CallLog", "Records"]
