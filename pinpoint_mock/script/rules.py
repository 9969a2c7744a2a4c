"""Scripted outcomes: what happens to each delivery, and to whole calls.

Per-endpoint rules select deliveries by user, endpoint, address, channel or a predicate. The most
specific matching rule wins (endpoint 16, address 8, user 4, channel 2, predicate 1, summed; the
newest wins a tie); a rule lives ``times`` deliveries or forever. Without a rule, simulator
addresses decide, then the seeded chaos profile, then SUCCESSFUL. Whole-call faults answer an
HTTP error for a number of attempts.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ..errors import ERROR_STATUS, PinpointMockError
from .decisions import STATUS_DEFAULTS, SUCCESS, Decision, Delivery, check_status
from .simulator import SIMULATOR_MARKERS, simulated_decision, simulated_status

_WEIGHTS = (
    ("endpoint", 16), ("address", 8), ("user", 4), ("channel", 2), ("service", 1), ("predicate", 1),
)  # fmt: skip


@dataclass
class Rule:
    """One scripted per-endpoint outcome."""

    status: str
    user: str | None = None
    endpoint: str | None = None
    address: str | None = None
    channel: str | None = None
    predicate: Callable[[Delivery], bool] | None = None
    times: int | None = None
    service: str | None = None
    """Only deliveries of this service (``pinpoint``, ``sesv2``…); None: every service."""
    status_code: int | None = None
    status_message: str | None = None
    order: int = 0
    fired: int = 0

    @property
    def specificity(self) -> int:
        return sum(weight for name, weight in _WEIGHTS if getattr(self, name) is not None)

    @property
    def exhausted(self) -> bool:
        return self.times is not None and self.fired >= self.times

    @property
    def label(self) -> str:
        parts = [f"{name}={getattr(self, name)!r}" for name, _ in _WEIGHTS[:5]]
        selectors = [p for p in parts if not p.endswith("=None")]
        if self.predicate is not None:
            selectors.append(f"predicate={getattr(self.predicate, '__name__', 'predicate')}")
        lifetime = f", times={self.times}" if self.times is not None else ""
        return f"outcome({self.status!r}{''.join(', ' + s for s in selectors)}{lifetime})"

    def matches(self, delivery: Delivery) -> bool:
        if self.user is not None and delivery.user_id != self.user:
            return False
        if self.endpoint is not None and delivery.endpoint_id != self.endpoint:
            return False
        if self.address is not None and delivery.address != self.address:
            return False
        if self.channel is not None and delivery.channel != self.channel:
            return False
        if self.service is not None and delivery.service != self.service:
            return False
        return self.predicate is None or bool(self.predicate(delivery))


@dataclass
class Fault:
    """A scripted whole-call error for ``times`` attempts."""

    code: str
    status: int
    message: str
    times: int
    operation: str | None = None
    service: str | None = None
    order: int = 0
    fired: int = 0

    @property
    def exhausted(self) -> bool:
        return self.fired >= self.times

    @property
    def label(self) -> str:
        return f"fail({self.code!r}, times={self.times})"


class Script:
    """Every scripted rule and fault of one mock. Thread-safe: a ``times=N`` rule fires N times."""

    def __init__(self, *, simulator: bool = True) -> None:
        self._lock = threading.Lock()
        self.rules: list[Rule] = []
        self.faults: list[Fault] = []
        self.simulator = simulator
        self._chaos: list[tuple[float, str]] = []
        self._chaos_rng = random.Random(0)
        self._order = 0

    def add_rule(self, rule: Rule) -> Rule:
        check_status(rule.status)
        if rule.times is not None and rule.times < 1:
            raise PinpointMockError(f"times must be at least 1, got {rule.times}")
        code = rule.status_code
        if code is not None and (type(code) is not int or not 100 <= code <= 599):
            raise PinpointMockError(
                f"status_code must be an HTTP status code (an integer from 100 to 599), "
                f"got {code!r}"
            )
        if rule.status_message is not None and not isinstance(rule.status_message, str):
            raise PinpointMockError(
                f"status_message must be a string, got {type(rule.status_message).__name__}"
            )
        with self._lock:
            self._order += 1
            rule.order = self._order
            self.rules.append(rule)
        return rule

    def add_fault(
        self,
        code: str | int,
        *,
        times: int,
        message: str | None,
        status: int | None,
        operation: str | None,
        service: str | None = None,
    ) -> Fault:
        """``code`` is an error code (``TooManyRequestsException``) or the HTTP status of one
        (``429``: the code the service answers with that status)."""
        if not isinstance(code, str):
            code, status = _code_of_status(code, status)
        if status is None:
            if code not in ERROR_STATUS:
                known = ", ".join(ERROR_STATUS)
                raise PinpointMockError(
                    f"unknown error code {code!r}: pass status= or use one of {known}"
                )
            status = ERROR_STATUS[code]
        if times < 1:
            raise PinpointMockError(f"times must be at least 1, got {times}")
        with self._lock:
            self._order += 1
            fault = Fault(
                code,
                status,
                message or _FAULT_MESSAGES.get(code, code),
                times,
                operation,
                service,
                self._order,
            )
            self.faults.append(fault)
        return fault

    def chaos(self, profile: Mapping[str, float], seed: int | str | None) -> None:
        total = 0.0
        table = []
        for status, probability in profile.items():
            check_status(status)
            if not 0 <= probability <= 1:
                raise PinpointMockError(f"chaos probability for {status} must be in [0, 1]")
            total += probability
            table.append((total, status))
        if total > 1 + 1e-9:
            raise PinpointMockError(f"chaos probabilities add up to {total:.3f}, more than 1")
        with self._lock:
            self._chaos = table
            self._chaos_rng = random.Random(seed)

    def take_fault(self, operation: str, service: str = "pinpoint") -> Fault | None:
        """The next scripted fault for ``operation`` of ``service`` (counted as fired), or None."""
        if not self.faults:  # the common case, without taking the lock
            return None
        with self._lock:
            for fault in self.faults:
                if (
                    fault.exhausted
                    or fault.operation not in (None, operation)
                    or fault.service not in (None, service)
                ):
                    continue
                fault.fired += 1
                return fault
        return None

    @property
    def scripted(self) -> bool:
        """Whether any rule or chaos profile may decide a delivery."""
        return bool(self.rules or self._chaos)

    def simulator_marker(self, channel: str) -> str | None:
        """What an address on ``channel`` must contain to be a simulator address (None when
        the simulator is off or the channel has none): others need no :meth:`simulate`."""
        return SIMULATOR_MARKERS.get(channel) if self.simulator else None

    def simulate(self, channel: str, address: str) -> Decision:
        """The decision without any rule: a simulator address's status, or SUCCESSFUL."""
        if self.simulator:
            simulated = simulated_status(channel, address)
            if simulated is not None:
                return simulated_decision(simulated, channel, address)
        return SUCCESS

    def decide(self, delivery: Delivery) -> Decision:
        if not self.scripted:
            return self.simulate(delivery.channel, delivery.address)
        with self._lock:
            best: Rule | None = None
            for rule in self.rules:
                if rule.exhausted or not rule.matches(delivery):
                    continue
                if best is None or (rule.specificity, rule.order) > (best.specificity, best.order):
                    best = rule
            if best is not None:
                best.fired += 1
                code, message = STATUS_DEFAULTS[best.status]
                return Decision(
                    best.status,
                    best.status_code if best.status_code is not None else code,
                    best.status_message if best.status_message is not None else message,
                    best.label,
                )
            draw = self._chaos_rng.random() if self._chaos else None
        if self.simulator:
            simulated = simulated_status(delivery.channel, delivery.address)
            if simulated is not None:
                return simulated_decision(simulated, delivery.channel, delivery.address)
        if draw is not None:
            for threshold, status in self._chaos:
                if draw < threshold:
                    code, message = STATUS_DEFAULTS[status]
                    return Decision(status, code, message, "chaos")
        return SUCCESS

    def unfired(self) -> list[str]:
        """Labels of rules and faults that never fired (reported at teardown)."""
        with self._lock:
            items: list[Rule | Fault] = [*self.rules, *self.faults]
            return [item.label for item in items if item.fired == 0]

    def clear(self) -> None:
        with self._lock:
            self.rules.clear()
            self.faults.clear()
            self._chaos = []


_FAULT_MESSAGES = {
    "BadRequestException": "Bad request",
    "ForbiddenException": "Forbidden",
    "NotFoundException": "Resource not found",
    "MethodNotAllowedException": "Method not allowed",
    "PayloadTooLargeException": "Request entity too large",
    "TooManyRequestsException": "Too many requests",
    "InternalServerErrorException": "Internal server error",
}


def _code_of_status(status: int, given: int | None) -> tuple[str, int]:
    """The error code the service answers with HTTP ``status`` (``fail(429)``)."""
    codes = {value: name for name, value in ERROR_STATUS.items()}
    if type(status) is not int or status not in codes:
        known = ", ".join(f"{value} ({name})" for value, name in sorted(codes.items()))
        raise PinpointMockError(
            f"fail() takes an error code or the HTTP status of one, got {status!r}; "
            f"statuses: {known}"
        )
    if given is not None and given != status:
        raise PinpointMockError(f"fail({status}) conflicts with status={given}")
    return codes[status], status
