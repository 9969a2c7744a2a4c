"""One SES message to its recipients: each recipient's outcome decided (a scripted rule, the
account suppression list, the mailbox simulator, chaos), the events SES would publish for it,
and one :class:`SentMessage` per recipient (To, Cc and Bcc alike)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from ...models import RenderedMessage, frozen
from ...recording import SentMessage
from ...request import Request
from ...script import Delivery
from ..base import Core
from . import events
from .content import Ready, Rendering
from .simulator import EFFECTS, SIMULATOR, Effect, simulator_mailbox
from .state import SesState


@dataclass(frozen=True)
class Letter:
    """One message as SES sends it: who from and to, its texts, and what the call said of it."""

    operation: str
    sender: str
    to: tuple[str, ...]
    cc: tuple[str, ...]
    bcc: tuple[str, ...]
    ready: Ready
    rendering: Rendering
    reply_to: tuple[str, ...] = ()
    tags: Mapping[str, str] = field(default_factory=dict)
    headers: tuple[tuple[str, str], ...] = ()
    configuration_set: str | None = None
    list_management: Mapping[str, Any] | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)
    """Details only this call knows (a bulk entry's index…)."""

    @property
    def recipients(self) -> list[tuple[str, str]]:
        """(address, kind) for every recipient, To first, then Cc, then Bcc."""
        return [
            *((a, "to") for a in self.to),
            *((a, "cc") for a in self.cc),
            *((a, "bcc") for a in self.bcc),
        ]


@dataclass(frozen=True)
class Verdict:
    """What happens to one recipient."""

    word: str
    effect: Effect
    code: int
    message: str
    rule: str | None
    auto_reply: bool = False


def decide(core: Core, state: SesState, letter: Letter, address: str, kind: str) -> Verdict:
    """A recipient's outcome: a scripted rule wins; else the account suppression list, the
    mailbox simulator, the shared ``+tag`` simulator and chaos; else delivered."""
    delivery = Delivery(
        application_id="",
        user_id=None,
        endpoint_id=None,
        channel="EMAIL",
        address=address,
        operation=letter.operation,
        attributes={
            "from": letter.sender,
            "recipient_type": kind,
            "subject": letter.rendering.subject,
        },
        service="sesv2",
    )
    decision = core.script.decide(delivery)
    rule = decision.rule
    if rule is None or not rule.startswith("outcome("):
        if state.suppression(address) is not None:
            effect = EFFECTS["SUPPRESSED"]
            return Verdict("SUPPRESSED", effect, 400, effect.diagnostic[1], "suppression-list")
        mailbox = simulator_mailbox(address) if core.options.simulator else None
        if mailbox is not None:
            word, effect = SIMULATOR[mailbox]
            message = effect.diagnostic[1] if effect.bounce else ""
            code = 400 if effect.bounce else 200
            return Verdict(word, effect, code, message, f"simulator:{address}", mailbox == "ooto")
    return Verdict(
        decision.status,
        EFFECTS[decision.status],
        decision.status_code,
        decision.status_message,
        rule,
    )


def region_of(request: Request, default: str) -> str:
    """The region the client signed for (from its Authorization header), else ``default``."""
    auth = request.header("Authorization") or ""
    _, found, rest = auth.partition("Credential=")
    parts = rest.split("/")
    return parts[2] if found and len(parts) > 3 and parts[2] else default


def deliver(
    core: Core,
    state: SesState,
    letter: Letter,
    request: Request,
    request_id: str,
    call_index: int,
) -> tuple[list[SentMessage], Effect | None, str | None]:
    """Decide, describe and record the message for every recipient. Returns the records, the
    effect that refuses the whole message synchronously (its ``error``; None when SES accepts
    it), and the message id (None when refused)."""
    verdicts = [(a, k, decide(core, state, letter, a, k)) for a, k in letter.recipients]
    refusal = next((v for _, _, v in verdicts if v.effect.error is not None), None)
    message_id = None if refusal is not None else core.ids.message_id("EMAIL")
    when = datetime.now(timezone.utc)
    region = region_of(request, state.region)
    rendering = letter.rendering
    mail = events.mail_object(
        when=when,
        message_id=message_id or "",
        source=letter.sender,
        destination=[a for a, _ in letter.recipients],
        subject=rendering.subject if rendering.failure is None else None,
        to=letter.to,
        cc=letter.cc,
        tags=letter.tags,
        configuration_set=letter.configuration_set,
        account=state.account,
        region=region,
    )
    ready = letter.ready
    shown = RenderedMessage(
        channel="EMAIL",
        title=rendering.subject,
        body=rendering.text,
        html=rendering.html,
        raw_content=ready.raw,
        template=ready.template,
    )
    shared = {
        "from": letter.sender,
        "to": list(letter.to),
        "cc": list(letter.cc),
        "bcc": list(letter.bcc),
        "reply_to": list(letter.reply_to),
        "tags": dict(letter.tags),
        "configuration_set": letter.configuration_set,
        "list_management": dict(letter.list_management) if letter.list_management else None,
        "headers": [list(h) for h in letter.headers],
        "attachments": [
            {k: v for k, v in a.items() if k != "encoded_size"} for a in ready.attachments
        ],
        "content": ready.kind,
        "template": ready.template,
        "template_data": dict(rendering.data) if rendering.data is not None else None,
        "region": region,
        **letter.extra,
    }
    feedback = lambda: core.ids.message_id("EMAIL")  # noqa: E731
    made = []
    for address, kind, verdict in verdicts:
        word, code, text, rule = verdict.word, verdict.code, verdict.message, verdict.rule
        published: list[dict[str, Any]] = []
        if refusal is not None and refusal.effect.error is not None:
            word, rule = refusal.word, refusal.rule
            _, code, text = refusal.effect.error
        elif rendering.failure is not None:
            word, code, text = "PERMANENT_FAILURE", 400, rendering.failure
            rule = "derived:rendering-failure"
            published = [events.rendering_failure(mail, ready.template or "", rendering.failure)]
        else:
            published = events.recipient_events(
                verdict.effect, mail=mail, recipient=address, when=when, feedback_id=feedback
            )
            _auto_suppress(state, verdict, address, published)
        made.append(
            frozen(
                SentMessage,
                {
                    "application_id": "",
                    "user_id": None,
                    "endpoint_id": None,
                    "channel": "EMAIL",
                    "address": address,
                    "delivery_status": word,
                    "status_code": code,
                    "status_message": text,
                    "message_id": message_id,
                    "message": shown,
                    "context": {},
                    "trace_id": None,
                    "request_id": request_id,
                    "call_index": call_index,
                    "attempt": request.attempt,
                    "rule": rule,
                    "operation": letter.operation,
                    "service": "sesv2",
                    "details": {
                        **shared,
                        "recipient_type": kind,
                        "auto_reply": verdict.auto_reply,
                        "events": published,
                    },
                },
            )
        )
    return made, refusal.effect if refusal is not None else None, message_id


def _auto_suppress(
    state: SesState, verdict: Verdict, address: str, published: list[dict[str, Any]]
) -> None:
    """A scripted hard bounce or complaint puts the address on the account list when the
    account suppresses that reason (simulator addresses never do)."""
    if not state.auto_suppress or (verdict.rule or "").startswith("simulator:"):
        return
    for event in published:
        kind = event["eventType"]
        if kind == "Bounce" and event["bounce"]["bounceType"] == "Permanent":
            reason, feedback = "BOUNCE", event["bounce"]["feedbackId"]
        elif kind == "Complaint":
            reason, feedback = "COMPLAINT", event["complaint"]["feedbackId"]
        else:
            continue
        if reason in state.auto_suppress and state.suppression(address) is None:
            state.suppress(address, reason, message_id=event["mail"]["messageId"],
                           feedback_id=feedback)  # fmt: skip


def event_types(records: Sequence[SentMessage]) -> list[str]:
    """Every event type the records carry, in order (for tests and the inbox)."""
    return [e["eventType"] for r in records for e in r.details.get("events", ())]
