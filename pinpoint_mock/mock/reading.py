"""Reading what happened: the records, assertions over them, and how much is kept."""

from __future__ import annotations

from typing import Any

from .. import assertions
from ..recording import Call, Records, SentMessage
from .state import MockState


class Reading(MockState):
    """Reading what happened (a part of :class:`~pinpoint_mock.mock.PinpointMock`)."""

    @property
    def sent(self) -> Records[SentMessage]:
        """One record per endpoint delivery, in order."""
        return self.engine.log.sent

    @property
    def calls(self) -> Records[Call]:
        """One record per HTTP call (every retry attempt included), in order."""
        return self.engine.log.calls

    def assert_sent(self, *, count: int | None = None, **criteria: Any) -> list[SentMessage]:
        """Assert deliveries matching ``criteria`` (user=, channel=, body_contains=, status=…)
        were recorded: at least one, or exactly ``count``. Returns the matches."""
        __tracebackhide__ = True
        return assertions.check_sent(self.sent, count, **criteria)

    def assert_not_sent(self, **criteria: Any) -> None:
        __tracebackhide__ = True
        assertions.check_not_sent(self.sent, **criteria)

    def clear_sent(self) -> int:
        """Forget what was recorded so far, the deliveries and the calls that made them (their
        memory is freed; endpoints, templates and scripts stay); returns how many deliveries
        there were."""
        count = self.engine.log.history()["deliveries"] or 0  # counted, not made into records
        self.engine.log.clear()
        return count

    def keep_at_most(self, *, calls: int | None, deliveries: int | None) -> None:
        """Bound what is recorded: the newest ``calls`` calls and ``deliveries`` deliveries
        (None: everything, the default); older ones are dropped and counted in
        :attr:`history`. ``pinpoint-mock serve`` bounds both by default."""
        self.engine.log.bound(max_calls=calls, max_sent=deliveries)

    @property
    def history(self) -> dict[str, int | None]:
        """What is kept (``calls``, ``deliveries``), the bounds (``maxCalls``,
        ``maxDeliveries``) and how many were dropped (``droppedCalls``, ``droppedDeliveries``)."""
        return self.engine.log.history()
