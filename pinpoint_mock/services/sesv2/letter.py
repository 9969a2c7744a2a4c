"""One SES message as it is kept: the letter (who from and to, its texts, what the call said
of it), each recipient's verdict, and what :mod:`.records` makes the records from."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any, NamedTuple

from ...request import Request
from .content import Ready, Rendering
from .simulator import EFFECTS, Effect


class Letter(NamedTuple):
    """One message as SES sends it: who from and to, its texts, and what the call said of it."""

    operation: str
    sender: str
    recipients: tuple[tuple[str, str], ...]
    """(address, kind) for every recipient, To first, then Cc (``cc``), then Bcc (``bcc``)."""
    ready: Ready
    rendering: Rendering
    reply_to: tuple[str, ...] = ()
    tags: Mapping[str, str] = {}
    headers: tuple[tuple[str, str], ...] = ()
    configuration_set: str | None = None
    list_management: Mapping[str, Any] | None = None
    extra: Mapping[str, Any] = {}
    """Details only this call knows (a bulk entry's index…)."""

    def kind(self, kind: str) -> list[str]:
        """The recipients of one kind (``to``, ``cc``, ``bcc``)."""
        return [a for a, k in self.recipients if k == kind]


def recipients(
    to: tuple[str, ...], cc: tuple[str, ...], bcc: tuple[str, ...]
) -> tuple[tuple[str, str], ...]:
    """:attr:`Letter.recipients` from the three lists."""
    if len(to) == 1 and not cc and not bcc:
        return ((to[0], "to"),)  # the common case
    return (*((a, "to") for a in to), *((a, "cc") for a in cc), *((a, "bcc") for a in bcc))


class Verdict(NamedTuple):
    """What happens to one recipient."""

    word: str
    effect: Effect
    code: int
    message: str
    rule: str | None
    auto_reply: bool = False


DELIVERED = Verdict("SUCCESSFUL", EFFECTS["SUCCESSFUL"], 200, "", None)
"""An ordinary delivery: nothing scripted, listed or simulated decided it."""


def region_of(request: Request, default: str) -> str:
    """The region the client signed for (from its Authorization header), else ``default``."""
    auth = request.header("Authorization") or ""
    _, found, rest = auth.partition("Credential=")
    parts = rest.split("/")
    return parts[2] if found and len(parts) > 3 and parts[2] else default


class Sent(NamedTuple):
    """One accepted or refused message, as kept until its records are first read."""

    letter: Letter
    verdicts: list[tuple[str, str, Verdict]]
    refusal: Verdict | None
    message_id: str | None
    when: datetime
    region: str
    account: str


def feedback_id(message_id: str, index: int) -> str:
    """The feedback id of the ``index``-th recipient's bounce or complaint: the message id with
    its last group numbered (deterministic, so records made later show the ids known now)."""
    return f"{message_id[:-6]}{index + 1:06d}"


Verdicts = list[tuple[str, str, Verdict]]
"""(address, kind, verdict) for every recipient of a message."""
Settled = tuple["Verdicts | None", "Verdict | None", "str | None"]
"""A message's verdicts (None: every recipient delivered), the verdict refusing it
synchronously (None when SES accepts it) and its message id (None when refused)."""


def every_verdict(recipients: tuple[tuple[str, str], ...], verdicts: Verdicts | None) -> Verdicts:
    """A message's verdicts (None from :meth:`~.message.Judge.settle`: every recipient
    delivered)."""
    return verdicts if verdicts is not None else [(a, k, DELIVERED) for a, k in recipients]
