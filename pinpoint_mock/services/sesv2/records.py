"""A call's SES messages made into records: one :class:`SentMessage` per recipient (To, Cc
and Bcc alike), its details and the events SES would publish for it made when first read."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime, timezone
from typing import Any

from ...models import RenderedMessage, frozen
from ...recording import SentMessage
from . import events
from .content import Rendering, render
from .letter import Letter, Sent, Settled, every_verdict, feedback_id


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
        and :meth:`.message.Judge.settle`'s answer for it."""
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
        verdicts = every_verdict(recipients, verdicts)
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
