"""Scripted outcomes: what happens to each delivery, and to whole calls.

Per-endpoint rules select deliveries by user, endpoint, address, channel or a predicate. The most
specific matching rule wins (endpoint 16, address 8, user 4, channel 2, predicate 1, summed; the
newest wins a tie); a rule lives ``times`` deliveries or forever. Without a rule, simulator
addresses decide, then the seeded chaos profile, then SUCCESSFUL. Whole-call faults answer an
HTTP error for a number of attempts.
"""

from __future__ import annotations

import random
import re
import string
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from .errors import ERROR_STATUS, PinpointMockError
from .models import DELIVERY_STATUSES, LEGACY_STATUSES, PUSH_CHANNELS


@dataclass(frozen=True)
class Delivery:
    """What a rule can look at: one endpoint about to receive a message."""

    application_id: str
    user_id: str | None
    endpoint_id: str | None
    channel: str
    address: str
    operation: str = "SendUsersMessages"
    attributes: Mapping[str, Any] = field(default_factory=dict)


#: Default StatusCode / StatusMessage per status (modelled assumptions where uncertain).
STATUS_DEFAULTS: dict[str, tuple[int, str]] = {
    "SUCCESSFUL": (200, ""),
    "THROTTLED": (429, "Throttled by the downstream provider"),
    "TEMPORARY_FAILURE": (503, "Temporary failure; the message may be retried"),
    "PERMANENT_FAILURE": (400, "Permanent failure"),
    "UNKNOWN_FAILURE": (500, "Unknown error"),
    "OPT_OUT": (400, "Address is opted out"),
    "DUPLICATE": (400, "Duplicate address"),
    "TIMEOUT": (408, "Timeout"),
}
SMS_OPT_OUT_MESSAGE = "Destination phone number opted out"

_WEIGHTS = (("endpoint", 16), ("address", 8), ("user", 4), ("channel", 2), ("predicate", 1))


def check_status(status: str) -> str:
    if status in DELIVERY_STATUSES or status in LEGACY_STATUSES:
        return status
    allowed = ", ".join(DELIVERY_STATUSES + LEGACY_STATUSES)
    raise PinpointMockError(f"unknown delivery status {status!r}; use one of {allowed}")


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
        parts = [f"{name}={getattr(self, name)!r}" for name, _ in _WEIGHTS[:4]]
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
        return self.predicate is None or bool(self.predicate(delivery))


@dataclass
class Fault:
    """A scripted whole-call error for ``times`` attempts."""

    code: str
    status: int
    message: str
    times: int
    operation: str | None = None
    order: int = 0
    fired: int = 0

    @property
    def exhausted(self) -> bool:
        return self.fired >= self.times

    @property
    def label(self) -> str:
        return f"fail({self.code!r}, times={self.times})"


@dataclass(frozen=True)
class Decision:
    status: str
    status_code: int
    status_message: str
    rule: str | None
    """What decided: a rule's label, ``simulator:…``, ``chaos``, ``derived:…`` or None."""


SUCCESS = Decision("SUCCESSFUL", 200, "", None)


def _simulated(status: str, channel: str, address: str) -> Decision:
    code, message = STATUS_DEFAULTS[status]
    if status == "OPT_OUT" and channel == "SMS":
        message = SMS_OPT_OUT_MESSAGE
    return Decision(status, code, message, f"simulator:{address}")


# -- simulator addresses ------------------------------------------------------------------------

_EMAIL_TAGS = {
    "success": "SUCCESSFUL",
    "throttled": "THROTTLED",
    "temporary-failure": "TEMPORARY_FAILURE",
    "permanent-failure": "PERMANENT_FAILURE",
    "unknown-failure": "UNKNOWN_FAILURE",
    "opt-out": "OPT_OUT",
}
_PHONE = re.compile(r"^\+1\d{3}55501(\d\d)$")
_PHONE_CODES = {
    "00": "SUCCESSFUL",
    "01": "THROTTLED",
    "02": "TEMPORARY_FAILURE",
    "03": "PERMANENT_FAILURE",
    "04": "UNKNOWN_FAILURE",
    "05": "OPT_OUT",
}
_PUSH_TAG = re.compile(
    r"^(success|throttled|temporary-failure|permanent-failure|unknown-failure|opt-out)-"
)
_EMAIL_TAG = re.compile(r"^[^@+]*\+([a-z-]+)@", re.IGNORECASE)


#: What every simulator address of a channel contains: an address without it is ordinary.
SIMULATOR_MARKERS = {
    "EMAIL": "+",
    "SMS": "55501",
    "VOICE": "55501",
    **dict.fromkeys(PUSH_CHANNELS, "-"),
}


def simulated_status(channel: str, address: str) -> str | None:
    """The status a simulator address asks for, or None for an ordinary address."""
    if channel == "EMAIL":
        if "+" not in address:
            return None
        match = _EMAIL_TAG.match(address)
        return _EMAIL_TAGS.get(match.group(1).lower()) if match else None
    if channel in ("SMS", "VOICE"):
        if len(address) != 12 or "55501" not in address:
            return None
        match = _PHONE.match(address)
        return _PHONE_CODES.get(match.group(1)) if match else None
    if channel in PUSH_CHANNELS and "-" in address:
        tag = _PUSH_TAG.match(address)
        return _EMAIL_TAGS.get(tag.group(1)) if tag else None
    return None


# -- ids ------------------------------------------------------------------------------------------


_POOL = 128
"""Identifiers made at a time, per kind."""
#: Every byte to a lowercase alphanumeric (SMS ids); nibble values 0-15 to hex digits, 16 to "-".
_BASE36 = bytes((string.ascii_lowercase + string.digits)[b % 36].encode()[0] for b in range(256))
_HEX = (string.hexdigits[:16] + "-").encode().ljust(256, b"?")


class _Pattern:
    """Makes ``_POOL`` identifiers of one fixed layout at a time, all in C: random bits, masked
    to one nibble per character with the layout's literals and variant bits put in, turned
    into text by one ``bytes.translate`` and cut into identifiers by slices.

    A layout is a string: ``x`` a random hex digit, ``V`` one of ``89ab`` (the RFC 4122
    variant), anything else a literal hex digit or ``-``."""

    def __init__(self, layout: str) -> None:
        keep = bytes(0x0F if c == "x" else 0x03 if c == "V" else 0 for c in layout)
        put = bytes(0 if c == "x" else 0x08 if c == "V" else _HEX.index(c.encode()) for c in layout)
        self.size = len(layout) * _POOL
        self.keep = int.from_bytes(keep * _POOL, "big")
        self.put = int.from_bytes(put * _POOL, "big")
        self.slices = [slice(i, i + len(layout)) for i in range(0, self.size, len(layout))]

    def __call__(self, rng: random.Random) -> list[str]:
        value = (rng.getrandbits(8 * self.size) & self.keep) | self.put
        text = value.to_bytes(self.size, "big").translate(_HEX).decode()
        return list(map(text.__getitem__, self.slices))


_UUID = "xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx"
_uuids = _Pattern(_UUID)
"""Version 4 UUIDs."""
_email_ids = _Pattern(f"xxxxxxxxxxxxxxxx-{_UUID}-000000")
"""SES style: 16 hex digits, a UUID, ``000000``."""
_SMS_SLICES = [slice(i, i + 40) for i in range(0, 40 * _POOL, 40)]


def _sms_ids(rng: random.Random) -> list[str]:
    """40 lowercase alphanumerics each."""
    text = rng.randbytes(40 * _POOL).translate(_BASE36).decode()
    return list(map(text.__getitem__, _SMS_SLICES))


_MAKERS: dict[str, Callable[[random.Random], list[str]]] = {
    "uuid": _uuids,
    "email": _email_ids,
    "sms": _sms_ids,
}
_KIND = {"SMS": "sms", "VOICE": "sms", "EMAIL": "email"}


class _Pool:
    """Identifiers of one kind, made ``_POOL`` at a time and handed out in order."""

    __slots__ = ("_ids", "_make", "items")

    def __init__(self, ids: Ids, make: Callable[[random.Random], list[str]]) -> None:
        self._ids, self._make = ids, make
        self.items: list[str] = []

    def take(self) -> str:
        try:
            return self.items.pop()  # atomic: no lock on the common path
        except IndexError:
            with self._ids.lock:
                if not self.items:
                    made = self._make(self._ids.rng)
                    made.reverse()
                    self.items.extend(made)
            return self.take()


class Ids:
    """Deterministic identifiers from one seed: request ids, message ids.

    Each kind of identifier is made in pools of ``_POOL`` from the seeded generator and handed
    out in order, so the same seed and the same sequence of calls give the same identifiers.
    Thread-safe without a lock on the common path: ``list.pop`` is atomic, and pools are
    refilled under a lock, so no identifier is handed out twice.
    """

    def __init__(self, seed: int | str | None) -> None:
        self.rng = random.Random(seed)
        self.lock = threading.Lock()
        self._pools = {kind: _Pool(self, make) for kind, make in _MAKERS.items()}
        self.uuid: Callable[[], str] = self._pools["uuid"].take
        """A random (version 4) UUID (its pool's ``take``: one call less per id)."""

    def message_id(self, channel: str) -> str:
        """SMS/voice: 40 lowercase alphanumerics; email: SES style; push: a UUID."""
        return self._pools[_KIND.get(channel, "uuid")].take()

    def source(self, channel: str) -> tuple[Callable[[], str], Callable[[], str]]:
        """:meth:`message_id` for ``channel`` in two parts, for a caller that makes many: the
        pool's ``pop`` (IndexError when it is empty), and what then refills it and takes one."""
        pool = self._pools[_KIND.get(channel, "uuid")]
        return pool.items.pop, pool.take


# -- the script ----------------------------------------------------------------------------------


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
        code: str,
        *,
        times: int,
        message: str | None,
        status: int | None,
        operation: str | None,
    ) -> Fault:
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

    def take_fault(self, operation: str) -> Fault | None:
        if not self.faults:  # the common case, without taking the lock
            return None
        with self._lock:
            for fault in self.faults:
                if fault.exhausted or (fault.operation not in (None, operation)):
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
                return _simulated(simulated, channel, address)
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
                return _simulated(simulated, delivery.channel, delivery.address)
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
