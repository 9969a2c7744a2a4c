"""One SES message to its recipients: each recipient's outcome decided (a scripted rule, the
account suppression list, the mailbox simulator, chaos), and the message kept for its records
(:mod:`.records`)."""

from __future__ import annotations

from typing import Any

from ...script import Delivery
from ..base import Core
from .content import Rendering
from .letter import (
    DELIVERED,
    Letter,
    Sent,
    Settled,
    Verdict,
    every_verdict,
    feedback_id,
)
from .records import SesDeliveries
from .simulator import EFFECTS, SIMULATOR, Effect, simulator_mailbox
from .state import SesState


def decide(
    core: Core, state: SesState, letter: Letter, address: str, kind: str, subject: str | None
) -> Verdict:
    """A recipient's outcome: a scripted rule wins; else the account suppression list, the
    mailbox simulator, the shared ``+tag`` simulator and chaos; else delivered. (``letter``
    gives the operation and the sender, ``subject`` the message's rendered subject.)"""
    script = core.script
    if not (script.scripted or state.suppressed or "@simulator" in address or "+" in address):
        return DELIVERED  # an ordinary address, nothing scripted: the common case
    decision = None
    if script.scripted:
        delivery = Delivery(
            application_id="",
            user_id=None,
            endpoint_id=None,
            channel="EMAIL",
            address=address,
            operation=letter.operation,
            attributes={"from": letter.sender, "recipient_type": kind, "subject": subject},
            service="sesv2",
        )
        decision = script.decide(delivery)
        if decision.rule is not None and decision.rule.startswith("outcome("):
            return _verdict(decision)
    if state.suppressed and state.suppression(address) is not None:
        effect = EFFECTS["SUPPRESSED"]
        return Verdict("SUPPRESSED", effect, 400, effect.diagnostic[1], "suppression-list")
    if core.options.simulator and "@simulator" in address.lower():
        mailbox = simulator_mailbox(address)
        if mailbox is not None:
            word, effect = SIMULATOR[mailbox]
            message = effect.diagnostic[1] if effect.bounce else ""
            code = 400 if effect.bounce else 200
            return Verdict(word, effect, code, message, f"simulator:{address}", mailbox == "ooto")
    if decision is None:
        marker = script.simulator_marker("EMAIL")
        if marker is None or marker not in address:
            return DELIVERED
        decision = script.simulate("EMAIL", address)
    return _verdict(decision)


def _verdict(decision: Any) -> Verdict:
    if decision.rule is None and decision.status == "SUCCESSFUL":
        return DELIVERED
    return Verdict(
        decision.status,
        EFFECTS[decision.status],
        decision.status_code,
        decision.status_message,
        decision.rule,
    )


class Judge:
    """Decides the messages of one call, and knows what may be left for later."""

    __slots__ = ("core", "letter", "needs_texts", "quiet", "state")

    def __init__(self, core: Core, state: SesState, letter: Letter) -> None:
        """``letter``: the call's operation and sender (its recipients and texts are each
        message's)."""
        self.core, self.state, self.letter = core, state, letter
        script = core.script
        self.quiet = not (script.scripted or state.suppressed)
        """Nothing scripted and nobody suppressed: an address the simulators do not know is
        delivered (see :func:`decide`), with no verdict to keep."""
        self.needs_texts = script.scripted or bool(state.auto_suppress)
        """Whether deciding needs the rendered texts: a rule or chaos may read the subject,
        and automatic suppression skips messages whose rendering failed. Else a bulk entry is
        rendered when its records are first read: what they show is fixed at send time all
        the same (the parsed template and the entry's data are kept)."""

    def settle(
        self, recipients: tuple[tuple[str, str], ...], rendering: Rendering | None
    ) -> Settled:
        """Decide one message (``rendering`` None: not rendered yet, see :attr:`needs_texts`);
        scripted hard bounces and complaints reach the suppression list now."""
        core, state, letter = self.core, self.state, self.letter
        if self.quiet:
            for address, _ in recipients:
                if "@simulator" in address or "+" in address:
                    break
            else:
                return None, None, core.ids.message_id("EMAIL")
        subject = rendering.subject if rendering is not None else None
        verdicts = [(a, k, decide(core, state, letter, a, k, subject)) for a, k in recipients]
        refusal = None
        for _, _, verdict in verdicts:
            if verdict.effect.error is not None:
                refusal = verdict
                break
        message_id = None if refusal is not None else core.ids.message_id("EMAIL")
        if message_id is not None and state.auto_suppress and rendering and not rendering.failure:
            for index, (address, _, verdict) in enumerate(verdicts):
                _auto_suppress(state, verdict, address, message_id, feedback_id(message_id, index))
        return verdicts, refusal, message_id


def deliver(
    core: Core, state: SesState, letter: Letter, region: str, kept: SesDeliveries
) -> tuple[Effect | None, str | None]:
    """Decide the message's fate for every recipient and keep it in ``kept`` (its records and
    events are made when first read). Returns the effect that refuses the whole message
    synchronously (its ``error``; None when SES accepts it) and the message id (None when
    refused)."""
    verdicts, refusal, message_id = Judge(core, state, letter).settle(
        letter.recipients, letter.rendering
    )
    verdicts = every_verdict(letter.recipients, verdicts)
    kept.add(Sent(letter, verdicts, refusal, message_id, kept.when, region, state.account))
    return (refusal.effect if refusal is not None else None), message_id


def _auto_suppress(
    state: SesState, verdict: Verdict, address: str, message_id: str, feedback: str
) -> None:
    """A scripted hard bounce or complaint puts the address on the account list when the
    account suppresses that reason (simulator addresses and listed ones never do)."""
    effect = verdict.effect
    if (verdict.rule or "").startswith(("simulator:", "suppression-list")):
        return
    if "Complaint" in effect.events:
        reason = "COMPLAINT"
    elif effect.bounce is not None and effect.bounce[0] == "Permanent":
        reason = "BOUNCE"
    else:
        return
    if reason in state.auto_suppress and state.suppression(address) is None:
        state.suppress(address, reason, message_id=message_id, feedback_id=feedback)
