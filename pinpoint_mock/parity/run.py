"""Two runs of one scenario, the old code and its rewrite, and what differs between them."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from ..errors import PinpointMockError
from ..mock import PinpointMock
from ..recording import Call
from .deliveries import FIELDS, Delivery, normalize
from .diff import Difference, compare, table
from .users import Users

Setup = Callable[[PinpointMock], object]
"""Builds the world on a fresh mock: users and their endpoints (``add_endpoint``,
``populate``), templates, scripted outcomes (``outcome(..., address=...)`` reaches every
service, each answering in its own terms)."""

SmsOptOuts = Literal["opt-out-list", "store"]
EmailOptOuts = Literal["store", "suppression-list"]


class ParityError(AssertionError):
    """Two runs that should have reached the same people with the same messages did not."""


@dataclass
class Run:
    """What the code under test gets in one run: the mock (started), the users and their
    addresses (``users.addresses(user_id)``, the rewrite's own store), and the run's name."""

    name: str
    mock: PinpointMock
    users: Users


@dataclass(frozen=True)
class RunResult:
    """One run: its deliveries, normalized, and what the code returned."""

    name: str
    deliveries: tuple[Delivery, ...]
    calls: tuple[Call, ...]
    value: Any = None

    def operations(self) -> list[str]:
        """The operations the code called, ``service:operation``, in order, without repeats."""
        seen: dict[str, None] = {}
        for call in self.calls:
            seen.setdefault(f"{call.service}:{call.operation}")
        return list(seen)


@dataclass(frozen=True)
class ParityReport:
    """The comparison of two runs; ``assert_same()`` fails with the table of differences."""

    first: RunResult
    second: RunResult
    differences: tuple[Difference, ...] = field(default_factory=tuple)

    @property
    def names(self) -> tuple[str, str]:
        return (self.first.name, self.second.name)

    @property
    def same(self) -> bool:
        return not self.differences

    def __bool__(self) -> bool:
        return self.same

    def of(self, kind: str | None = None, recipient: str | None = None) -> list[Difference]:
        """The differences of one kind and/or for one recipient."""
        return [
            d
            for d in self.differences
            if (kind is None or d.kind == kind) and (recipient is None or d.recipient == recipient)
        ]

    def table(self) -> str:
        return table(self.differences, self.names)

    def __str__(self) -> str:
        counts = f"{len(self.first.deliveries)} vs {len(self.second.deliveries)} deliveries"
        if self.same:
            return f"parity: {self.names[0]} and {self.names[1]} agree ({counts})"
        lines = [
            f"parity: {len(self.differences)} difference(s) between {self.names[0]} and "
            f"{self.names[1]} ({counts})",
            self.table(),
        ]
        return "\n".join(lines)

    def assert_same(self) -> None:
        """Raise :class:`ParityError` (an AssertionError) listing every difference."""
        __tracebackhide__ = True
        if self.differences:
            raise ParityError(str(self))


class Parity:
    """Runs one scenario against two implementations and compares what reached whom.

    ``setup(mock)`` builds the world on a fresh mock for each run (the same seed each time), so
    both runs see the same users, addresses, templates and scripted outcomes. The opt-outs of
    the directory (``opt_out="ALL"`` endpoints) are also given to the services after Pinpoint
    in their own terms: ``sms_opt_outs="opt-out-list"`` puts opted-out SMS and voice numbers on
    SMS and voice v2's ``Default`` opt-out list (which refuses them, as the service does once a
    team moved its opt-outs there); ``"store"`` leaves them to the code. ``email_opt_outs``:
    ``"store"`` (the default: SES has no per-address opt-out, the code reads
    ``Address.opted_out``) or ``"suppression-list"`` (SES's account suppression list).
    ``mock_options`` are :func:`mock_pinpoint`'s (``end_of_support=True``…)."""

    def __init__(
        self,
        setup: Setup | None = None,
        *,
        seed: int | str | None = 0,
        sms_opt_outs: SmsOptOuts = "opt-out-list",
        email_opt_outs: EmailOptOuts = "store",
        fields: Sequence[str] = FIELDS,
        skipped_matches_opt_out: bool = True,
        mock_options: Mapping[str, Any] | None = None,
    ) -> None:
        if sms_opt_outs not in ("opt-out-list", "store"):
            raise PinpointMockError(
                f"sms_opt_outs must be 'opt-out-list' or 'store', got {sms_opt_outs!r}"
            )
        if email_opt_outs not in ("store", "suppression-list"):
            raise PinpointMockError(
                f"email_opt_outs must be 'store' or 'suppression-list', got {email_opt_outs!r}"
            )
        unknown = sorted(set(fields) - set(FIELDS))
        if unknown or isinstance(fields, str):
            raise PinpointMockError(f"fields must list some of {', '.join(FIELDS)}, got {fields!r}")
        options = dict(mock_options or {})
        if "seed" in options:
            raise PinpointMockError("mock_options: give the seed as Parity(seed=...)")
        self.setups: list[Setup] = [setup] if setup is not None else []
        self.seed = seed
        self.sms_opt_outs = sms_opt_outs
        self.email_opt_outs = email_opt_outs
        self.fields = tuple(fields)
        self.skipped_matches_opt_out = skipped_matches_opt_out
        self.mock_options = options

    def setup(self, setup: Setup) -> Setup:
        """Add a set-up step (usable as a decorator); steps run in the order added."""
        self.setups.append(setup)
        return setup

    def _world(self, mock: PinpointMock) -> None:
        for step in self.setups:
            step(mock)
        for endpoint in mock.endpoints():
            if not endpoint.opted_out or not endpoint.active:
                continue
            if endpoint.channel in ("SMS", "VOICE") and self.sms_opt_outs == "opt-out-list":
                mock.sms_voice_v2.opt_out(endpoint.address)
            elif endpoint.channel == "EMAIL" and self.email_opt_outs == "suppression-list":
                mock.sesv2.suppress(endpoint.address)

    def run(
        self,
        code: Callable[[Run], Any],
        name: str,
        *,
        mock_options: Mapping[str, Any] | None = None,
    ) -> RunResult:
        """Build the world on a fresh mock, start it, call ``code(run)``, and keep what was
        sent. An exception from ``code`` propagates (the mock is stopped first)."""
        options = {**self.mock_options, **(mock_options or {})}
        mock = PinpointMock(seed=self.seed, **options)
        self._world(mock)
        users = Users(mock)
        with mock:
            value = code(Run(name, mock, users))
        owners = users.owners()
        deliveries = normalize(mock.sent, lambda c, a: owners.get((c, a)))
        return RunResult(name, deliveries, tuple(mock.calls), value)

    def compare(
        self,
        first: Callable[[Run], Any],
        second: Callable[[Run], Any],
        *,
        names: tuple[str, str] = ("pinpoint", "rewrite"),
    ) -> ParityReport:
        """Run ``first`` then ``second`` on the same world and compare their deliveries."""
        if len(names) != 2 or names[0] == names[1]:
            raise PinpointMockError(f"names must be two different names, got {names!r}")
        a = self.run(first, names[0])
        b = self.run(second, names[1])
        return self.report(a, b)

    def report(self, first: RunResult, second: RunResult) -> ParityReport:
        """Compare two runs made with :meth:`run`."""
        differences = compare(
            first.deliveries,
            second.deliveries,
            fields=self.fields,
            skipped_matches_opt_out=self.skipped_matches_opt_out,
        )
        return ParityReport(first, second, tuple(differences))

    def assert_same(
        self,
        first: Callable[[Run], Any],
        second: Callable[[Run], Any],
        *,
        names: tuple[str, str] = ("pinpoint", "rewrite"),
    ) -> ParityReport:
        """:meth:`compare`, then fail with the table of differences if there are any."""
        __tracebackhide__ = True
        report = self.compare(first, second, names=names)
        report.assert_same()
        return report
