"""What SES v2 keeps between calls, in the core (``core.store(SesState)``): stored email
templates, the account-level suppression list, verified identities and the sandbox switch.
Cleared by the mock's reset."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime, timezone

MAX_TEMPLATES = 20_000
"""Stored templates per account and region (SES quotas)."""


@dataclass(frozen=True)
class StoredTemplate:
    """One stored email template (CreateEmailTemplate)."""

    name: str
    subject: str | None
    text: str | None
    html: str | None
    tags: tuple[tuple[str, str], ...] = ()
    created: datetime = field(default_factory=lambda: datetime.now(timezone.utc))


@dataclass(frozen=True)
class Suppressed:
    """One address on the account-level suppression list."""

    address: str
    reason: str
    updated: datetime
    message_id: str | None = None
    feedback_id: str | None = None


class SesState:
    """SES v2's own state. Thread-safe: every change happens under one lock."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.templates: dict[str, StoredTemplate] = {}
        self.suppressed: dict[str, Suppressed] = {}
        """By lower-cased address (SES compares addresses without regard to case)."""
        self.identities: set[str] = set()
        """Verified identities: lower-cased addresses and domains."""
        self.sandbox = False
        """With the sandbox on, sender and recipients must be verified (or simulator
        addresses), as in a new SES account."""
        self.auto_suppress: frozenset[str] = frozenset()
        """Reasons (``BOUNCE``, ``COMPLAINT``) for which a scripted hard bounce or complaint
        adds the address to the list, as SES's account-level suppression does when enabled."""
        self.region = "us-east-1"
        self.account = "123456789012"

    def clear(self) -> None:
        with self.lock:
            self.templates.clear()
            self.suppressed.clear()
            self.identities.clear()
            self.sandbox = False
            self.auto_suppress = frozenset()

    def template(self, name: str) -> StoredTemplate | None:
        return self.templates.get(name)

    def suppression(self, address: str) -> Suppressed | None:
        if not self.suppressed:
            return None
        return self.suppressed.get(address.lower())

    def suppress(
        self, address: str, reason: str, *, message_id: str | None = None,
        feedback_id: str | None = None,
    ) -> Suppressed:  # fmt: skip
        entry = Suppressed(address, reason, datetime.now(timezone.utc), message_id, feedback_id)
        with self.lock:
            self.suppressed[address.lower()] = entry
        return entry

    def verified(self, address: str) -> bool:
        """Whether an address, or its domain, is a verified identity."""
        lowered = address.lower()
        domain = lowered.rpartition("@")[2]
        return lowered in self.identities or domain in self.identities
