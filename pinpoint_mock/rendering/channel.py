"""One channel's share of a prepared request: everything that does not depend on the recipient.

:class:`PreparedChannel` applies the precedence levels and field merges of one channel once per
request, merges the request's substitutions and compiles its texts into a :class:`Plan`; then
:meth:`PreparedChannel.row` fills a plan for each recipient (the per-delivery path). Plans are
kept by their texts and settings, shared by every request.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .. import sms
from ..message_templates import MessageTemplate, TemplateStore
from ..models import CHANNEL_TEMPLATE, PUSH_CHANNELS, Endpoint
from ..templates import Filler, Text, compile_filler, compile_text
from .config import (
    EMPTY,
    OTHER_FIELDS,
    PUSH_FIELDS,
    VARIABLE_PUSH_FIELDS,
    as_mapping,
    first_text,
    merge_substitutions,
    pick,
    simple_part,
    template_ref,
)
from .raw import decode, from_json, from_mime
from .rows import Rendered

MISSING_CONTENT = {
    "EMAIL": "Either template or email message must be specified",  # observed on the service
    "SMS": "Either template or SMS message body must be specified",
    "VOICE": "Either template or voice message body must be specified",
}
MISSING_PUSH_CONTENT = "Either template or push notification message must be specified"

# Defined here, not imported: in Python 3.11 a method called on a name bound by an import
# (``GSM7_FACTS.get(...)``) compiles to LOAD_ATTR instead of LOAD_METHOD, and the per-delivery
# path of PreparedChannel.row measured 6% slower that way (same process, interleaved rounds).
GSM7_FACTS: dict[int, tuple[str, int]] = {}
"""``sms.analyse`` of a text of GSM 03.38 basic characters depends only on its length."""
NOT_GSM_BASIC = re.compile("[^" + re.escape("".join(sorted(sms.GSM_BASIC))) + "]")


def gsm_basic(text: str) -> bool:
    """Whether every character of ``text`` is a GSM 03.38 basic character: a character class
    searched in C, a third faster than a set's issuperset (the fill path of
    :meth:`~pinpoint_mock.rendering.channel.PreparedChannel.row` writes this test out)."""
    return NOT_GSM_BASIC.search(text) is None


@dataclass(slots=True)
class Plan:
    """The compiled texts one kind of recipient gets on a channel, and whether that is content."""

    title: Text | None
    body: Text | None
    html: Text | None
    raw: Text | None
    """A raw payload (it replaces the other texts): MIME when ``mime``, else JSON."""
    mime: bool
    missing: str | None
    fill: Filler | None = None
    """Title, body and HTML from substitutions alone, in the common case (see
    :func:`~pinpoint_mock.templates.compile_filler`)."""


_PLANS: dict[tuple[Any, ...], Plan] = {}
"""Plans by what they are made of (the texts, the channel and its settings), shared by every
request: a suite sends the same few texts over and over, and a plan never changes once made."""
_MAX_PLANS = 1024


class PreparedChannel:
    """One channel's share of a request: all that does not depend on the recipient."""

    __slots__ = (
        "_field_sources", "_fields", "body", "channel", "default", "field_texts", "html", "join",
        "mime", "parsed", "push", "raw", "shareable", "shared", "silent", "sms", "sms_facts",
        "substitutions", "template", "title", "titled",
    )  # fmt: skip

    def __init__(
        self,
        channel: str,
        member: str,
        config: Mapping[str, Any],
        template: Mapping[str, Any] | None,
        join: bool,
        templates: TemplateStore | None = None,
    ) -> None:
        self.channel, self.join = channel, join
        self.push = push = channel in PUSH_CHANNELS
        self.titled = push or channel == "EMAIL"  # TitleOverride counts; raw payloads give titles
        self.sms = channel == "SMS"
        message = as_mapping(config.get(member))
        default = as_mapping(config.get("DefaultMessage"))
        default_push = as_mapping(config.get("DefaultPushNotificationMessage")) if push else EMPTY
        self.substitutions = merge_substitutions(default, default_push, message)
        self.template = template_ref(channel, template) if template else None
        # The request's text for each slot (below the recipient's overrides).
        self.raw: str | None = None
        self.mime: str | None = None
        self.title: str | None = None
        self.html: str | None = None
        self._fields: dict[str, Any] | None = None
        self._field_sources = (message, EMPTY)
        """Where the fields come from, for non-push channels (worked out when first read)."""
        if push:
            self._fields = pick(PUSH_FIELDS, default_push, message)
            self.raw = first_text(message.get("RawContent"))
            self.title = first_text(message.get("Title"), default_push.get("Title"))
            self.body = first_text(
                message.get("Body"), default_push.get("Body"), default.get("Body")
            )
        elif channel == "EMAIL":
            simple = as_mapping(message.get("SimpleEmail"))
            self._field_sources = (message, simple)
            raw_email = first_text(as_mapping(message.get("RawEmail")).get("Data"))
            self.mime = None if raw_email is None else decode(raw_email)
            self.title = first_text(simple_part(simple, "Subject"))
            self.body = first_text(
                simple_part(simple, "TextPart"), message.get("Body"), default.get("Body")
            )
            self.html = first_text(simple_part(simple, "HtmlPart"))
        else:
            self.body = first_text(message.get("Body"), default.get("Body"))
        if self.template is not None and templates:
            self._apply_template(templates.lookup(CHANNEL_TEMPLATE[channel], template))
        fields = self._fields
        self.silent = (
            fields is not None
            and fields.get("SilentPush") is True
            and fields.get("Data") is not None
        )
        # Made on first use: most requests need neither.
        self.parsed: dict[tuple[str, bool], tuple[str | None, str | None, str | None]] | None = None
        self.sms_facts: dict[str, tuple[str, int]] | None = None
        self.default = self._plan(None, None, None)
        self.shareable: bool | None = None
        """Whether a recipient that adds nothing gets the same message on every endpoint (worked
        out when such a recipient first comes)."""
        self.shared: Rendered | None = None
        self.field_texts: tuple[tuple[str, Text], ...] = ()
        """The push fields with ``{{variables}}`` to fill per endpoint (see
        :data:`~.config.VARIABLE_PUSH_FIELDS`)."""
        if fields:
            self.field_texts = tuple(
                (name, compile_text(value))
                for name, value in fields.items()
                if name in VARIABLE_PUSH_FIELDS and isinstance(value, str) and "{{" in value
            )
            if self.field_texts:  # rows gain the filled fields; others keep the plain path
                self.__class__ = FieldFillingChannel

    @property
    def fields(self) -> dict[str, Any]:
        """Every other effective field of the channel message (push: made up front, as they
        decide whether a silent push is content; others: when a record first needs them)."""
        fields = self._fields
        if fields is None:
            message, simple = self._field_sources
            fields = pick(OTHER_FIELDS[self.channel], message)
            if simple.get("Headers") is not None:
                fields["Headers"] = simple["Headers"]
            self._fields = fields
        return fields

    def _is_shareable(self) -> bool:
        plan = self.default
        return all(
            variable.read is None or self.substitutions.get(variable.name) is not None
            for text in (plan.title, plan.body, plan.html, plan.raw)
            if text is not None
            for variable in text.variables
        )

    def _apply_template(self, found: MessageTemplate | None) -> None:
        """A registered template fills what the request's own message leaves empty; its
        DefaultSubstitutions are the lowest substitution level."""
        if found is None:
            return
        if self.raw is None:
            self.title = self.title if self.title is not None else first_text(found.title)
            self.body = self.body if self.body is not None else first_text(found.body)
            if self.channel == "EMAIL" and self.html is None:
                self.html = first_text(found.html)
        defaults = {key: [value] for key, value in found.default_substitutions.items()}
        defaults.update(self.substitutions)
        self.substitutions = defaults

    def maps(self, user: Mapping[str, Any] | None) -> tuple[Mapping[str, Any], Mapping[str, Any]]:
        """The substitutions and fields ``user`` gets (shared with the request: not to be
        changed)."""
        if not user:
            return self.substitutions, self.fields
        context = user.get("Context") if self.push else None
        fields = self.fields if context is None else {**self.fields, "Context": context}
        return self._merged(user.get("Substitutions")), fields

    def _merged(self, substitutions: Any) -> Mapping[str, Any]:
        merged = self.substitutions
        if not substitutions:
            return merged
        if merged or substitutions.__class__ is not dict:
            merged = merged.copy()
            merged.update(substitutions)
            return merged
        return substitutions  # the request's own map

    def row(self, user: Mapping[str, Any] | None, endpoint: Endpoint | None) -> Rendered:
        if user:
            substitutions, plan = user.get("Substitutions"), self.default
            if substitutions is None or len(user) > 1:  # more than Substitutions
                raw, body = user.get("RawContent"), user.get("BodyOverride")
                title = user.get("TitleOverride") if self.titled else None
                if raw or body or title:
                    plan = self._plan(first_text(raw), first_text(body), first_text(title))
            if substitutions or plan is not self.default:
                fill = plan.fill
                if fill is not None and substitutions.__class__ is dict:
                    filled = fill(
                        substitutions if not self.substitutions else self._merged(substitutions)
                    )
                    if filled is not None:  # else the general path decides
                        # self._row(plan, *filled), written out: this runs per delivery (with
                        # the views lookup, -3% for a 100 x 3 call in a tight loop).
                        title, body, html = filled
                        encoding = segments = None
                        if self.sms and body:
                            basic = NOT_GSM_BASIC.search(body) is None  # gsm_basic(body)
                            facts = GSM7_FACTS.get(len(body)) if basic else None
                            encoding, segments = facts or self._sms(body)
                        return (
                            self.channel, title, body, html, None, self.template, (), encoding,
                            segments, plan.missing, None,
                        )  # fmt: skip
                return self._render(plan, substitutions, endpoint)
        shared = self.shared
        if shared is not None:
            return shared
        rendered = self._render(self.default, None, endpoint)
        if self.shareable is None:
            self.shareable = self._is_shareable()
        if self.shareable:
            self.shared = rendered
        return rendered

    def _render(self, plan: Plan, substitutions: Any, endpoint: Endpoint | None) -> Rendered:
        merged = self._merged(substitutions)
        join = self.join
        unresolved: dict[str, None] = {}
        raw = plan.raw
        if raw is None:
            text = plan.title  # in this order: ``unresolved`` lists by first appearance
            title = None if text is None else text.fill(merged, endpoint, join, unresolved)
            text = plan.body
            body = None if text is None else text.fill(merged, endpoint, join, unresolved)
            text = plan.html
            html = None if text is None else text.fill(merged, endpoint, join, unresolved)
            raw_content = None
        else:
            raw_content = raw.fill(merged, endpoint, join, unresolved)
            title, body, html = self._parse(raw_content, plan.mime)
        return self._row(plan, title, body, html, raw_content, tuple(unresolved))

    def _row(
        self,
        plan: Plan,
        title: str | None,
        body: str | None,
        html: str | None,
        raw_content: str | None = None,
        unresolved: tuple[str, ...] = (),
    ) -> Rendered:
        encoding = segments = None
        if self.sms and body:
            facts = GSM7_FACTS.get(len(body)) if gsm_basic(body) else None
            encoding, segments = facts or self._sms(body)
        return (
            self.channel, title, body, html, raw_content, self.template, unresolved, encoding,
            segments, plan.missing, None,
        )  # fmt: skip

    def _plan(self, raw: str | None, body: str | None, title: str | None) -> Plan:
        """The plan for a recipient with these (non-empty) RawContent and overrides."""
        raw = raw or self.raw  # a raw payload replaces the other texts and counts as content
        key = (
            self.channel, raw, self.mime, title or self.title, body or self.body, self.html,
            self.template is not None, self.silent, self.join,
        )  # fmt: skip
        plan = _PLANS.get(key)
        if plan is None:
            if len(_PLANS) >= _MAX_PLANS:
                _PLANS.clear()
            plan = _PLANS[key] = self._make_plan(*key[1:6])
        return plan

    def _make_plan(
        self,
        raw: str | None,
        mime: str | None,
        title: str | None,
        body: str | None,
        html: str | None,
    ) -> Plan:
        if raw is not None:
            return Plan(None, None, None, compile_text(raw), False, None)
        if mime is not None:
            return Plan(None, None, None, compile_text(mime), True, None)
        has_content = (
            self.template is not None
            or body is not None
            or html is not None
            or (self.push and (title is not None or self.silent))
        )
        texts = (
            None if title is None else compile_text(title),
            None if body is None else compile_text(body),
            None if html is None else compile_text(html),
        )
        return Plan(
            *texts,
            None,
            False,
            None if has_content else MISSING_CONTENT.get(self.channel, MISSING_PUSH_CONTENT),
            None if self.join else compile_filler(*texts),
        )

    def _parse(self, raw: str, mime: bool) -> tuple[str | None, str | None, str | None]:
        """Title, body and HTML of a rendered raw payload (cached by text)."""
        if self.parsed is None:
            self.parsed = {}
        parsed = self.parsed.get((raw, mime))
        if parsed is None:
            content = from_mime(raw) if mime else from_json(raw)
            title = content.title if self.titled else None  # SMS and voice: no title
            parsed = self.parsed[raw, mime] = (title, content.body, content.html)
        return parsed

    def _sms(self, body: str) -> tuple[str, int]:
        """``sms.analyse``'s encoding and segments for ``body`` (cached)."""
        if gsm_basic(body):
            facts = GSM7_FACTS.get(len(body))
            if facts is None:
                info = sms.analyse(body)
                facts = GSM7_FACTS[len(body)] = (info.encoding, info.segments)
            return facts
        if self.sms_facts is None:
            self.sms_facts = {}
        facts = self.sms_facts.get(body)
        if facts is None:
            info = sms.analyse(body)
            facts = self.sms_facts[body] = (info.encoding, info.segments)
        return facts


class FieldFillingChannel(PreparedChannel):
    """A push channel whose fields have ``{{variables}}`` (a ``Url`` of ``{{TrackingUrl}}``):
    its rows carry those fields filled for each endpoint. A :class:`PreparedChannel` becomes one
    when it finds such fields, so that every other channel's per-delivery path stays as it is."""

    __slots__ = ()

    def row(self, user: Mapping[str, Any] | None, endpoint: Endpoint | None) -> Rendered:
        row = PreparedChannel.row(self, user, endpoint)
        substitutions = self._merged(user.get("Substitutions") if user else None)
        filled: list[str] = []
        for name, text in self.field_texts:
            # Unresolved variables in a field render empty; they are not listed in the row's
            # ``unresolved`` (which names the texts' variables).
            filled += (name, text.fill(substitutions, endpoint, self.join, {}))
        return (*row[:10], tuple(filled))
