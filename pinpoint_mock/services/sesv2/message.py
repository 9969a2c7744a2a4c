"""One SES message to its recipients: each recipient's outcome decided (a scripted rule, the
account suppression list, the mailbox simulator, chaos), the events SES would publish for it,
and one :class:`SentMessage` per recipient (To, Cc and Bcc alike)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime, timezone
from typing import Any, NamedTuple

from ...models import RenderedMessage, frozen
from ...recording import SentMessage
from ...request import Request
from ...script import Delivery
from ..base import Core
from . import events
from .content import Ready, Rendering, render
from .simulator import EFFECTS, SIMULATOR, Effect, simulator_mailbox
from .state import SesState


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


_DELIVERED = Verdict("SUCCESSFUL", EFFECTS["SUCCESSFUL"], 200, "", None)


def decide(
    core: Core, state: SesState, letter: Letter, address: str, kind: str, subject: str | None
) -> Verdict:
    """A recipient's outcome: a scripted rule wins; else the account suppression list, the
    mailbox simulator, the shared ``+tag`` simulator and chaos; else delivered. (``letter``
    gives the operation and the sender, ``subject`` the message's rendered subject.)"""
    script = core.script
    if not (script.scripted or state.suppressed or "@simulator" in address or "+" in address):
        return _DELIVERED  # an ordinary address, nothing scripted: the common case
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
            return _DELIVERED
        decision = script.simulate("EMAIL", address)
    return _verdict(decision)


def _verdict(decision: Any) -> Verdict:
    if decision.rule is None and decision.status == "SUCCESSFUL":
        return _DELIVERED
    return Verdict(
        decision.status,
        EFFECTS[decision.status],
        decision.status_code,
        decision.status_message,
        decision.rule,
    )


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


def _verdicts(recipients: tuple[tuple[str, str], ...], verdicts: Verdicts | None) -> Verdicts:
    return verdicts if verdicts is not None else [(a, k, _DELIVERED) for a, k in recipients]


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
    verdicts = _verdicts(letter.recipients, verdicts)
    kept.add(Sent(letter, verdicts, refusal, message_id, kept.when, region, state.account))
    return (refusal.effect if refusal is not None else None), message_id


class SesDeliveries:
    """One call's messages, made into :class:`SentMessage` records (one per recipient, with
    the events SES would publish) when the call log first reads them.

    A bulk send keeps each entry as a row of what is its own (:meth:`add_entry`) beside what
    every entry shares (:meth:`bulk`), and makes the entry's :class:`Letter` with its
    records."""

    __slots__ = ("attempt", "call_index", "count", "request_id", "sent", "shared", "when")

    def __init__(self, request_id: str, call_index: int, attempt: int) -> None:
        self.request_id, self.call_index, self.attempt = request_id, call_index, attempt
        self.when = datetime.now(timezone.utc)
        """When the call was answered: its messages' timestamp."""
        self.sent: list[Sent | tuple[Any, ...]] = []
        self.shared: tuple[Letter, str, str] | None = None
        """A bulk send's letter as every entry shares it, its region and its account."""
        self.count = 0

    def add(self, sent: Sent) -> None:
        self.sent.append(sent)
        self.count += len(sent.verdicts)

    def bulk(self, letter: Letter, region: str, account: str) -> None:
        """What every entry of a bulk send shares (its rows hold the rest)."""
        self.shared = (letter, region, account)

    def add_entry(
        self,
        index: int,
        recipients: tuple[tuple[str, str], ...],
        rendering: Rendering | None,
        data: str | None,
        tags: Mapping[str, str],
        headers: tuple[tuple[str, str], ...],
        settled: Settled,
    ) -> None:
        """Keep the ``index``-th bulk entry: its recipients, its texts (or None and its
        template data to render them from when its records are made), its tags and headers,
        and :meth:`Judge.settle`'s answer for it."""
        self.sent.append((index, recipients, rendering, data, tags, headers, *settled))
        self.count += len(recipients)

    def __len__(self) -> int:
        return self.count

    def records(self) -> list[SentMessage]:
        made: list[SentMessage] = []
        for sent in self.sent:
            made += self._records(sent if isinstance(sent, Sent) else self._entry(sent))
        return made

    def _entry(self, row: tuple[Any, ...]) -> Sent:
        index, recipients, rendering, data, tags, headers, verdicts, refusal, message_id = row
        assert self.shared is not None
        shared, region, account = self.shared
        if rendering is None:  # the template and its texts are fixed: rendered now as then
            rendering = render(shared.ready, data)
        letter = shared._replace(
            recipients=recipients, rendering=rendering, tags=tags, headers=headers,
            extra={**shared.extra, "bulk_entry": index},
        )  # fmt: skip
        verdicts = _verdicts(recipients, verdicts)
        return Sent(letter, verdicts, refusal, message_id, self.when, region, account)

    def _records(self, sent: Sent) -> list[SentMessage]:
        letter, refusal, rendering = sent.letter, sent.refusal, sent.letter.rendering
        ready = letter.ready
        shown = frozen(
            RenderedMessage,
            {
                "channel": "EMAIL",
                "title": rendering.subject,
                "body": rendering.text,
                "html": rendering.html,
                "raw_content": ready.raw,
                "substitutions": {},
                "fields": {},
                "template": ready.template,
                "unresolved": (),
                "sms_encoding": None,
                "sms_segments": None,
                "missing": None,
            },
        )
        common = _Common(sent)
        request_id, call_index, attempt = self.request_id, self.call_index, self.attempt
        operation, message_id = letter.operation, sent.message_id
        made = []
        for index, (address, _, verdict) in enumerate(sent.verdicts):
            word, _, code, text, rule, _ = verdict
            if refusal is not None and refusal.effect.error is not None:
                word, rule = refusal.word, refusal.rule
                _, code, text = refusal.effect.error
            elif rendering.failure is not None:
                word, code, text = "PERMANENT_FAILURE", 400, rendering.failure
                rule = "derived:rendering-failure"
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
                        "attempt": attempt,
                        "rule": rule,
                        "operation": operation,
                        "service": "sesv2",
                        "details": Details(common, index),
                    },
                )
            )
        return made


class _Common:
    """What every recipient's details of one message share, made once, when first read."""

    __slots__ = ("_mail", "_shared", "sent")

    def __init__(self, sent: Sent) -> None:
        self.sent = sent
        self._mail: dict[str, Any] | None = None
        self._shared: dict[str, Any] | None = None

    @property
    def mail(self) -> dict[str, Any]:
        if self._mail is None:
            sent, letter = self.sent, self.sent.letter
            rendering = letter.rendering
            self._mail = events.mail_object(
                when=sent.when,
                message_id=sent.message_id or "",
                source=letter.sender,
                destination=[a for a, _ in letter.recipients],
                subject=rendering.subject if rendering.failure is None else None,
                to=letter.kind("to"),
                cc=letter.kind("cc"),
                tags=letter.tags,
                configuration_set=letter.configuration_set,
                account=sent.account,
                region=sent.region,
            )
        return self._mail

    @property
    def shared(self) -> dict[str, Any]:
        if self._shared is None:
            letter, ready = self.sent.letter, self.sent.letter.ready
            data = letter.rendering.data
            self._shared = {
                "from": letter.sender,
                "to": letter.kind("to"),
                "cc": letter.kind("cc"),
                "bcc": letter.kind("bcc"),
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
                "template_data": dict(data) if data is not None else None,
                "region": self.sent.region,
                **letter.extra,
            }
        return self._shared

    def events(self, index: int) -> list[dict[str, Any]]:
        """The events SES publishes for the ``index``-th recipient."""
        sent = self.sent
        if sent.refusal is not None:
            return []
        rendering = sent.letter.rendering
        if rendering.failure is not None:
            template = sent.letter.ready.template or ""
            return [events.rendering_failure(self.mail, template, rendering.failure)]
        address, _, verdict = sent.verdicts[index]
        return events.recipient_events(
            verdict.effect,
            mail=self.mail,
            recipient=address,
            when=sent.when,
            feedback_id=feedback_id(sent.message_id or "", index),
        )


class Details(Mapping[str, Any]):
    """A recipient's details (sender, Cc/Bcc, tags, attachments, the events SES publishes…),
    made when first read: a suite that never looks at them never pays for them."""

    __slots__ = ("_common", "_index", "_made")

    def __init__(self, common: _Common, index: int) -> None:
        self._common, self._index = common, index
        self._made: dict[str, Any] | None = None

    def _dict(self) -> dict[str, Any]:
        if self._made is None:
            common, index = self._common, self._index
            _, kind, verdict = common.sent.verdicts[index]
            self._made = {
                **common.shared,
                "recipient_type": kind,
                "auto_reply": verdict.auto_reply,
                "events": common.events(index),
            }
        return self._made

    def __getitem__(self, key: str) -> Any:
        return self._dict()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._dict())

    def __len__(self) -> int:
        return len(self._dict())

    def __repr__(self) -> str:
        return repr(self._dict())


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
