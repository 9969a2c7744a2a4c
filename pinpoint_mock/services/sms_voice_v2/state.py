"""The service's own state in the core (``core.store(SmsVoiceState)``): opt-out lists and their
numbers, registered origination identities, and the modelled prices. Reset clears it."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from decimal import Decimal

from .identities import ARN_PREFIX, Identity, Pool, names_of

DEFAULT_LIST = "Default"
"""The opt-out list every origination identity uses unless set otherwise."""

DELETE_INTERVAL = 30 * 24 * 3600.0
"""A number can be deleted from an opt-out list once every 30 days (the model's doc)."""


@dataclass
class OptedOut:
    timestamp: float
    end_user: bool


@dataclass
class OptOutList:
    name: str
    created: float
    numbers: dict[str, OptedOut] = field(default_factory=dict)
    deleted: dict[str, float] = field(default_factory=dict)
    """When each number was last deleted from the list (for the 30-day rule)."""

    @property
    def arn(self) -> str:
        return f"{ARN_PREFIX}opt-out-list/{self.name}"


DEFAULT_PRICE_PER_PART = Decimal("0.00581")
"""The modelled price of one SMS part (a US long code's price; MaxPrice is compared to it)."""
DEFAULT_PRICE_PER_MINUTE = Decimal("0.013")
"""The modelled price of one voice minute (MaxPricePerMinute is compared to it)."""
DEFAULT_PRICE_PER_MMS = Decimal("0.0200")
"""The modelled price of one MMS message."""


class SmsVoiceState:
    """What SMS and voice v2 remembers between calls. Thread-safe through :attr:`lock`."""

    def __init__(self) -> None:
        self.lock = threading.RLock()
        self.lists: dict[str, OptOutList] = {}
        self.identities: dict[str, Identity] = {}
        """Every registered identity by each of its names."""
        self.registered: list[Identity] = []
        self.price_per_part = DEFAULT_PRICE_PER_PART
        self.price_per_minute = DEFAULT_PRICE_PER_MINUTE
        self.price_per_mms = DEFAULT_PRICE_PER_MMS
        self.clear()

    def clear(self) -> None:
        with self.lock:
            self.lists = {DEFAULT_LIST: OptOutList(DEFAULT_LIST, time.time())}
            self.identities = {}
            self.registered = []
            self.price_per_part = DEFAULT_PRICE_PER_PART
            self.price_per_minute = DEFAULT_PRICE_PER_MINUTE
            self.price_per_mms = DEFAULT_PRICE_PER_MMS

    # -- identities --
    def register(self, identity: Identity) -> Identity:
        """Add (or replace) an identity under all its names."""
        with self.lock:
            for name in names_of(identity):
                old = self.identities.get(name)
                if old is not None and old in self.registered:
                    self.registered.remove(old)
                self.identities[name] = identity
            self.registered.append(identity)
            return identity

    def resolve(self, origination: str) -> Identity | None:
        return self.identities.get(origination)  # one dict read: atomic, no lock needed

    @property
    def permissive(self) -> bool:
        """True while no identity is registered: every origination is accepted."""
        return not self.registered

    def list_in_use(self, name: str) -> bool:
        with self.lock:
            return name == DEFAULT_LIST or any(
                getattr(i, "opt_out_list_name", None) == name for i in self.registered
            )

    def pools_of(self, identity: Identity) -> list[Pool]:
        return [p for p in self.registered if isinstance(p, Pool) and identity in p.members]

    # -- opt-outs --
    def list_named(self, name_or_arn: str) -> OptOutList | None:
        name = (
            name_or_arn.rsplit("opt-out-list/", 1)[-1]
            if name_or_arn.startswith("arn:")
            else name_or_arn
        )
        with self.lock:
            return self.lists.get(name)

    def create_list(self, name: str) -> tuple[OptOutList, bool]:
        """The list ``name``, made now if missing; and whether it was made."""
        with self.lock:
            found = self.lists.get(name)
            if found is not None:
                return found, False
            made = self.lists[name] = OptOutList(name, time.time())
            return made, True

    def opted_out(self, list_name: str, number: str) -> bool:
        found = self.lists.get(list_name)
        return found is not None and number in found.numbers

    def opt_out(self, list_name: str, number: str, *, end_user: bool) -> OptedOut:
        with self.lock:
            found, _ = self.create_list(list_name)
            entry = OptedOut(time.time(), end_user)
            found.numbers[number] = entry
            return entry
