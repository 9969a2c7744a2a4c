"""Deterministic identifiers from one seed: request ids and message ids, shaped like the service's.

Request ids are version 4 UUIDs; message ids are 40 lowercase alphanumerics for SMS and voice,
SES style for email (16 hex digits, a UUID, ``000000``) and UUIDs for push.
"""

from __future__ import annotations

import random
import string
import threading
from collections.abc import Callable

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
