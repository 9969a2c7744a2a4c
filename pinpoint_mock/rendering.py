"""What one endpoint receives: precedence, substitutions and ``{{variables}}``, without I/O.

:func:`render` turns a request's ``MessageConfiguration`` (plus the recipient's
``EndpointSendConfiguration``, the endpoint and the ``TemplateConfiguration``) into the
:class:`~pinpoint_mock.models.RenderedMessage` one endpoint would get. A request renders
for many endpoints with the same configuration: :func:`prepare` works out once, per channel,
everything that does not depend on the recipient, and :meth:`PreparedMessage.render` does the
rest for each endpoint (``render(channel, config, ...)`` is ``prepare(config, ...).render(...)``).

Precedence, most specific first, field by field (a level lacking a field lets the next one
supply it): the recipient's ``RawContent`` > the channel message's raw payload (``RawContent``;
for email ``RawEmail``) > the recipient's ``BodyOverride``/``TitleOverride`` (push title or email
subject) > the channel message's fields > ``DefaultPushNotificationMessage`` (push channels
only) > ``DefaultMessage`` (which only has ``Body`` and ``Substitutions``).

Substitutions merge key by key, lowest to highest: ``DefaultMessage`` <
``DefaultPushNotificationMessage`` (push only) < channel message < recipient.

Modelled assumptions (the service documents none of these precisely):

- The merge is field by field: an ``APNSMessage`` giving only ``Badge`` takes its title and
  body from ``DefaultPushNotificationMessage``. An empty string counts as absent.
- A multi-value substitution or attribute renders its first element (``multi_value="first"``)
  or all elements joined with ``", "`` (``multi_value="join"``); ``{{Name.[1]}}`` picks one.
- An unresolved variable renders as the empty string and is listed in ``unresolved`` (order of
  first appearance: title, body, HTML part, raw content).
- ``DefaultMessage.Body`` feeds a push channel only when neither the push message nor
  ``DefaultPushNotificationMessage`` gives a body; ``DefaultMessage`` never gives a title.
- A raw payload replaces the title and body entirely: they are read from its JSON when it has
  obvious fields (APNs ``aps.alert.title/body`` or a string ``aps.alert``; GCM/ADM
  ``notification.*`` or ``data.*``; Baidu top-level ``title``/``description``), else None.
  The other push fields are still reported (the service still uses them, e.g. TTL, priority).
- ``RawEmail`` is the email channel's raw payload: it outranks ``SimpleEmail`` and the
  overrides; subject, text and HTML parts are read from the decoded MIME message.
- ``TitleOverride`` is ignored on SMS and voice, which have no title. ``Context`` is reported
  in ``fields`` for push channels only.
- Missing content is judged on what the request supplies, before variables are filled: a body
  that renders empty still counts. An email subject alone is not content.
- Handlebars blocks (``{{#if}}``, ``{{else}}``, ``{{/if}}``...) are not evaluated: their tags
  render empty and the text of every branch is kept. ``{{helper Arg}}`` renders ``Arg``, through
  ``upper``, ``lower``, ``capitalize`` (each word) or ``capitalizeFirst`` when so named.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import Parser
from types import MappingProxyType
from typing import Any, Final, Protocol

from . import sms
from .contract import VARIABLE
from .message_templates import MessageTemplate, TemplateStore
from .models import (
    CHANNEL_MESSAGE,
    CHANNEL_TEMPLATE,
    PUSH_CHANNELS,
    Endpoint,
    RenderedMessage,
    frozen,
)
from .templates import (
    ENDPOINT_MAPS,
    ENDPOINT_SCALARS,
    HELPERS,
    INDEXED,
    Filler,
    Text,
    compile_filler,
    compile_text,
)

_EMPTY: Mapping[str, Any] = MappingProxyType({})
_MIME = Parser(policy=policy.default)

_PUSH_FIELDS = frozenset({
    "Action", "Url", "Data", "SilentPush", "Badge", "Sound", "ImageUrl", "ImageIconUrl",
    "SmallImageIconUrl", "IconReference", "MediaUrl", "Category", "ThreadId", "TimeToLive",
    "Priority", "CollapseId", "CollapseKey", "APNSPushType", "ConsolidationKey", "ExpiresAfter",
    "MD5", "RestrictedPackageName", "PreferredAuthenticationMethod",
})  # fmt: skip
_OTHER_FIELDS = {
    "SMS": frozenset({"MessageType", "OriginationNumber", "SenderId", "Keyword", "EntityId",
                      "TemplateId", "MediaUrl"}),
    "VOICE": frozenset({"LanguageCode", "VoiceId", "OriginationNumber"}),
    "EMAIL": frozenset({"FromAddress", "ReplyToAddresses", "FeedbackForwardingAddress"}),
}  # fmt: skip
_MISSING = {
    "EMAIL": "Either template or email message must be specified",  # observed on the service
    "SMS": "Either template or SMS message body must be specified",
    "VOICE": "Either template or voice message body must be specified",
}
_MISSING_PUSH = "Either template or push notification message must be specified"

Rendered = tuple[
    str,
    str | None,
    str | None,
    str | None,
    str | None,
    str | None,
    tuple[str, ...],
    str | None,
    int | None,
    str | None,
]
"""What one endpoint receives, as a plain tuple: channel, title, body, html, raw content,
template, unresolved, SMS encoding, SMS segments, missing. It holds only strings, numbers and
tuples of strings: the engine keeps one per delivery, and the garbage collector need not follow
them. The substitutions and fields, which depend only on the recipient, are
:meth:`PreparedMessage.maps`."""
# Positions in a :data:`Rendered` row.
BODY: Final = 2
UNRESOLVED: Final = 6
SMS_ENCODING: Final = 7
MISSING: Final = 9


def message(
    row: Rendered, substitutions: Mapping[str, Any], fields: Mapping[str, Any]
) -> RenderedMessage:
    """The :class:`RenderedMessage` of a row and its maps (copied: the message owns them)."""
    made: RenderedMessage = frozen(
        RenderedMessage,
        {
            "channel": row[0],
            "title": row[1],
            "body": row[2],
            "html": row[3],
            "raw_content": row[4],
            "substitutions": dict(substitutions),
            "fields": dict(fields),
            "template": row[5],
            "unresolved": row[6],
            "sms_encoding": row[7],
            "sms_segments": row[8],
            "missing": row[9],
        },
    )
    return made


_GSM7_FACTS: dict[int, tuple[str, int]] = {}
"""``sms.analyse`` of a text of GSM 03.38 basic characters depends only on its length."""
_NOT_GSM_BASIC = re.compile("[^" + re.escape("".join(sorted(sms.GSM_BASIC))) + "]")


def _gsm_basic(text: str) -> bool:
    """Whether every character of ``text`` is a GSM 03.38 basic character: a character class
    searched in C, a third faster than a set's issuperset (the fill path of :meth:`_Channel.row`
    writes this test out)."""
    return _NOT_GSM_BASIC.search(text) is None


@dataclass(slots=True)
class _Content:
    title: str | None = None
    body: str | None = None
    html: str | None = None
    raw: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)


def prepare(
    config: Mapping[str, Any],
    *,
    template: Mapping[str, Any] | None = None,
    multi_value: str = "first",
    templates: TemplateStore | None = None,
) -> PreparedMessage:
    """``config`` (a request's ``MessageConfiguration``) made ready to render per endpoint.

    ``template`` is the request's ``TemplateConfiguration``. Neither may change while the result
    is in use: it reads them once per channel, on that channel's first render.
    """
    return PreparedMessage(config, template=template, multi_value=multi_value, templates=templates)


def render(
    channel: str,
    config: Mapping[str, Any],
    user: Mapping[str, Any] | None,
    endpoint: Endpoint | None,
    *,
    template: Mapping[str, Any] | None = None,
    multi_value: str = "first",
) -> RenderedMessage:
    """The message ``endpoint`` (or a bare address, when None) receives on ``channel``.

    ``config`` is the request's ``MessageConfiguration``, ``user`` the recipient's
    ``EndpointSendConfiguration`` and ``template`` the request's ``TemplateConfiguration``.
    To render one request for many endpoints, :func:`prepare` it once instead.
    """
    prepared = PreparedMessage(config, template=template, multi_value=multi_value)
    return prepared.render(channel, user, endpoint)


class PreparedMessage:
    """A request's message configuration, rendering per endpoint (see :func:`prepare`).

    Per channel, on first use: precedence levels, field merges, the request's substitutions,
    compiled texts and missing-content checks. Recipients that add nothing (no
    ``Substitutions``, overrides, ``RawContent`` or push ``Context``) share one
    :data:`Rendered` row per channel when its texts use no endpoint value.
    """

    __slots__ = ("_channels", "_config", "_join", "_template", "_templates")

    def __init__(
        self,
        config: Mapping[str, Any],
        *,
        template: Mapping[str, Any] | None = None,
        multi_value: str = "first",
        templates: TemplateStore | None = None,
    ) -> None:
        if multi_value not in ("first", "join"):
            raise ValueError(f"multi_value must be 'first' or 'join', not {multi_value!r}")
        self._config = config
        self._template = template
        self._templates = templates
        self._join = multi_value == "join"
        self._channels: dict[str, RenderingChannel] = {}

    def render(
        self, channel: str, user: Mapping[str, Any] | None, endpoint: Endpoint | None
    ) -> RenderedMessage:
        """What ``endpoint`` (or a bare address, when None) receives on ``channel``.

        ``user`` is the recipient's ``EndpointSendConfiguration``.
        """
        prepared = self.channel(channel)
        return message(prepared.row(user, endpoint), *prepared.maps(user))

    def row(
        self, channel: str, user: Mapping[str, Any] | None, endpoint: Endpoint | None
    ) -> Rendered:
        """:meth:`render`'s texts as a :data:`Rendered` row (what the engine records)."""
        return self.channel(channel).row(user, endpoint)

    def maps(
        self, channel: str, user: Mapping[str, Any] | None
    ) -> tuple[Mapping[str, Any], Mapping[str, Any]]:
        """:meth:`render`'s substitutions and fields (shared: not to be changed)."""
        return self.channel(channel).maps(user)

    def channel(self, channel: str) -> RenderingChannel:
        """The request's message prepared for ``channel`` (made on first use)."""
        prepared = self._channels.get(channel)
        if prepared is None:
            member = CHANNEL_MESSAGE.get(channel)
            prepared = self._channels[channel] = (
                _Unsupported(channel)
                if member is None
                else _Channel(
                    channel, member, self._config, self._template, self._join, self._templates
                )
            )
        return prepared


class RenderingChannel(Protocol):
    """One channel's share of a prepared request: renders a row per endpoint."""

    def row(self, user: Mapping[str, Any] | None, endpoint: Endpoint | None) -> Rendered: ...

    def maps(
        self, user: Mapping[str, Any] | None
    ) -> tuple[Mapping[str, Any], Mapping[str, Any]]: ...


class _Unsupported:
    __slots__ = ("rendered",)

    def __init__(self, channel: str) -> None:
        unsupported = f"{channel} channel is not supported for direct sends"
        self.rendered: Rendered = (
            channel,
            None,
            None,
            None,
            None,
            None,
            (),
            None,
            None,
            unsupported,
        )

    def row(self, user: Mapping[str, Any] | None, endpoint: Endpoint | None) -> Rendered:
        return self.rendered

    def maps(self, user: Mapping[str, Any] | None) -> tuple[Mapping[str, Any], Mapping[str, Any]]:
        return _EMPTY, _EMPTY


@dataclass(slots=True)
class _Plan:
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


_PLANS: dict[tuple[Any, ...], _Plan] = {}
"""Plans by what they are made of (the texts, the channel and its settings), shared by every
request: a suite sends the same few texts over and over, and a plan never changes once made."""
_MAX_PLANS = 1024


class _Channel:
    """One channel's share of a request: all that does not depend on the recipient."""

    __slots__ = (
        "_field_sources", "_fields", "body", "channel", "default", "html", "join", "mime",
        "parsed", "push", "raw", "shareable", "shared", "silent", "sms", "sms_facts",
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
        message = _mapping(config.get(member))
        default = _mapping(config.get("DefaultMessage"))
        default_push = _mapping(config.get("DefaultPushNotificationMessage")) if push else _EMPTY
        self.substitutions = _merge_substitutions(default, default_push, message)
        self.template = _template_ref(channel, template) if template else None
        # The request's text for each slot (below the recipient's overrides).
        self.raw: str | None = None
        self.mime: str | None = None
        self.title: str | None = None
        self.html: str | None = None
        self._fields: dict[str, Any] | None = None
        self._field_sources = (message, _EMPTY)
        """Where the fields come from, for non-push channels (worked out when first read)."""
        if push:
            self._fields = _pick(_PUSH_FIELDS, default_push, message)
            self.raw = _first_text(message.get("RawContent"))
            self.title = _first_text(message.get("Title"), default_push.get("Title"))
            self.body = _first_text(
                message.get("Body"), default_push.get("Body"), default.get("Body")
            )
        elif channel == "EMAIL":
            simple = _mapping(message.get("SimpleEmail"))
            self._field_sources = (message, simple)
            raw_email = _first_text(_mapping(message.get("RawEmail")).get("Data"))
            self.mime = None if raw_email is None else _decode(raw_email)
            self.title = _first_text(_part(simple, "Subject"))
            self.body = _first_text(
                _part(simple, "TextPart"), message.get("Body"), default.get("Body")
            )
            self.html = _first_text(_part(simple, "HtmlPart"))
        else:
            self.body = _first_text(message.get("Body"), default.get("Body"))
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

    @property
    def fields(self) -> dict[str, Any]:
        """Every other effective field of the channel message (push: made up front, as they
        decide whether a silent push is content; others: when a record first needs them)."""
        fields = self._fields
        if fields is None:
            message, simple = self._field_sources
            fields = _pick(_OTHER_FIELDS[self.channel], message)
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
            self.title = self.title if self.title is not None else _first_text(found.title)
            self.body = self.body if self.body is not None else _first_text(found.body)
            if self.channel == "EMAIL" and self.html is None:
                self.html = _first_text(found.html)
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
                    plan = self._plan(_first_text(raw), _first_text(body), _first_text(title))
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
                            basic = _NOT_GSM_BASIC.search(body) is None  # _gsm_basic(body)
                            facts = _GSM7_FACTS.get(len(body)) if basic else None
                            encoding, segments = facts or self._sms(body)
                        return (
                            self.channel, title, body, html, None, self.template, (), encoding,
                            segments, plan.missing,
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

    def _render(self, plan: _Plan, substitutions: Any, endpoint: Endpoint | None) -> Rendered:
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
        plan: _Plan,
        title: str | None,
        body: str | None,
        html: str | None,
        raw_content: str | None = None,
        unresolved: tuple[str, ...] = (),
    ) -> Rendered:
        encoding = segments = None
        if self.sms and body:
            facts = _GSM7_FACTS.get(len(body)) if _gsm_basic(body) else None
            encoding, segments = facts or self._sms(body)
        return (
            self.channel, title, body, html, raw_content, self.template, unresolved, encoding,
            segments, plan.missing,
        )  # fmt: skip

    def _plan(self, raw: str | None, body: str | None, title: str | None) -> _Plan:
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
    ) -> _Plan:
        if raw is not None:
            return _Plan(None, None, None, compile_text(raw), False, None)
        if mime is not None:
            return _Plan(None, None, None, compile_text(mime), True, None)
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
        return _Plan(
            *texts,
            None,
            False,
            None if has_content else _MISSING.get(self.channel, _MISSING_PUSH),
            None if self.join else compile_filler(*texts),
        )

    def _parse(self, raw: str, mime: bool) -> tuple[str | None, str | None, str | None]:
        """Title, body and HTML of a rendered raw payload (cached by text)."""
        if self.parsed is None:
            self.parsed = {}
        parsed = self.parsed.get((raw, mime))
        if parsed is None:
            content = _from_mime(raw) if mime else _from_json(raw)
            title = content.title if self.titled else None  # SMS and voice: no title
            parsed = self.parsed[raw, mime] = (title, content.body, content.html)
        return parsed

    def _sms(self, body: str) -> tuple[str, int]:
        """``sms.analyse``'s encoding and segments for ``body`` (cached)."""
        if _gsm_basic(body):
            facts = _GSM7_FACTS.get(len(body))
            if facts is None:
                info = sms.analyse(body)
                facts = _GSM7_FACTS[len(body)] = (info.encoding, info.segments)
            return facts
        if self.sms_facts is None:
            self.sms_facts = {}
        facts = self.sms_facts.get(body)
        if facts is None:
            info = sms.analyse(body)
            facts = self.sms_facts[body] = (info.encoding, info.segments)
        return facts


def _from_json(raw: str) -> _Content:
    """Title and body from a raw JSON payload, when it has the usual fields."""
    try:
        document = json.loads(raw) if raw.lstrip().startswith("{") else None
    except ValueError:
        document = None
    title, body = _json_title_body(document) if isinstance(document, dict) else (None, None)
    return _Content(title, body, raw=raw)


def _json_title_body(document: dict[str, Any]) -> tuple[str | None, str | None]:
    alert = _mapping(document.get("aps")).get("alert")
    if isinstance(alert, str):
        return None, alert
    notification, data = _mapping(document.get("notification")), _mapping(document.get("data"))
    sources = (_mapping(alert), notification, data, document)
    title = _first_text(*(source.get("title") for source in sources))
    body = _first_text(*(source.get(key) for source in sources for key in ("body", "description")))
    return title, body


def _decode(data: str) -> str:
    try:
        return base64.b64decode(data).decode("utf-8", errors="replace")
    except ValueError:
        return data


def _from_mime(raw: str) -> _Content:
    """Subject, text and HTML parts of a raw MIME email."""
    mime = _MIME.parsestr(raw)
    subject = mime.get("Subject")
    title = None if subject is None else str(subject)
    return _Content(title, _mime_part(mime, "plain"), _mime_part(mime, "html"), raw)


def _mime_part(mime: EmailMessage, subtype: str) -> str | None:
    part = mime.get_body(preferencelist=(subtype,))
    try:
        content = part.get_content() if part is not None else None
    except (LookupError, ValueError):
        return None
    return content if isinstance(content, str) else None


def _mapping(value: Any) -> Mapping[str, Any]:
    if value.__class__ is dict:  # what JSON gives: no abstract-class check needed
        return value
    if value is None:
        return _EMPTY
    return value if isinstance(value, Mapping) else _EMPTY


def _first_text(*values: Any) -> str | None:
    """The first non-empty string among ``values``."""
    for value in values:
        if value and isinstance(value, str):
            return value
    return None


def _part(simple: Mapping[str, Any], name: str) -> Any:
    return _mapping(simple.get(name)).get("Data")


def _pick(names: frozenset[str], *sources: Mapping[str, Any]) -> dict[str, Any]:
    """Fields named in ``names`` from ``sources``, later sources winning field by field."""
    return {k: v for source in sources for k, v in source.items() if v is not None and k in names}


def _merge_substitutions(*sources: Mapping[str, Any]) -> dict[str, list[str]]:
    merged: dict[str, list[str]] = {}
    for source in sources:
        substitutions = source.get("Substitutions")
        if substitutions:
            merged.update(substitutions)
    return merged


def _template_ref(channel: str, template: Mapping[str, Any] | None) -> str | None:
    entry = _mapping(template.get(CHANNEL_TEMPLATE[channel])) if template else _EMPTY
    name, version = _first_text(entry.get("Name")), _first_text(entry.get("Version"))
    if name is None:
        return None
    return f"{name}:{version}" if version else name


# -- reference ---------------------------------------------------------------------------------
# The original per-endpoint algorithm, kept as the specification the prepared path is tested
# against (tests only: it re-derives everything for every endpoint).


def _render_reference(
    channel: str,
    config: Mapping[str, Any],
    user: Mapping[str, Any] | None,
    endpoint: Endpoint | None,
    *,
    template: Mapping[str, Any] | None = None,
    multi_value: str = "first",
) -> RenderedMessage:
    """:func:`render` computed from scratch, with regular-expression substitution."""
    if multi_value not in ("first", "join"):
        raise ValueError(f"multi_value must be 'first' or 'join', not {multi_value!r}")
    member = CHANNEL_MESSAGE.get(channel)
    if member is None:
        unsupported = f"{channel} channel is not supported for direct sends"
        return RenderedMessage(channel, missing=unsupported)
    user = user or _EMPTY
    message = _mapping(config.get(member))
    default = _mapping(config.get("DefaultMessage"))
    push = channel in PUSH_CHANNELS
    default_push = _mapping(config.get("DefaultPushNotificationMessage")) if push else _EMPTY
    substitutions = _merge_substitutions(default, default_push, message, user)
    renderer = _Renderer(substitutions, endpoint, multi_value == "join")
    levels = _Levels(user, message, default_push, default, renderer)
    if push:
        content = _push(levels)
    elif channel == "EMAIL":
        content = _email(levels)
    else:
        content = _text_channel(levels, _OTHER_FIELDS[channel])
    template_ref = _template_ref(channel, template)
    info = sms.analyse(content.body) if channel == "SMS" and content.body else None
    has_content = template_ref is not None or _has_content(push, content)
    return RenderedMessage(
        channel,
        title=content.title,
        body=content.body,
        html=content.html,
        raw_content=content.raw,
        substitutions=substitutions,
        fields=content.fields,
        template=template_ref,
        unresolved=tuple(renderer.unresolved),
        sms_encoding=info.encoding if info else None,
        sms_segments=info.segments if info else None,
        missing=None if has_content else _MISSING.get(channel, _MISSING_PUSH),
    )


@dataclass(slots=True)
class _Levels:
    """The precedence levels for one endpoint, most specific first, and its renderer."""

    user: Mapping[str, Any]
    message: Mapping[str, Any]
    default_push: Mapping[str, Any]
    default: Mapping[str, Any]
    renderer: _Renderer

    def raw(self, *values: Any) -> _Content | None:
        """What a raw JSON payload (the user's, else ``values``) gives, when one applies."""
        raw = _first_text(self.user.get("RawContent"), *values)
        return None if raw is None else _from_json(self.renderer.text(raw))

    def body(self, *values: Any) -> str | None:
        """BodyOverride > ``values`` > DefaultMessage.Body, rendered."""
        user, default = self.user.get("BodyOverride"), self.default.get("Body")
        return self.renderer.text_or_none(_first_text(user, *values, default))

    def title(self, *values: Any) -> str | None:
        """TitleOverride > ``values``, rendered."""
        return self.renderer.text_or_none(_first_text(self.user.get("TitleOverride"), *values))


def _push(levels: _Levels) -> _Content:
    message, default_push = levels.message, levels.default_push
    content = levels.raw(message.get("RawContent")) or _Content(
        levels.title(message.get("Title"), default_push.get("Title")),
        levels.body(message.get("Body"), default_push.get("Body")),
    )
    content.fields = _pick(_PUSH_FIELDS, default_push, message)
    if levels.user.get("Context") is not None:
        content.fields["Context"] = levels.user["Context"]
    return content


def _text_channel(levels: _Levels, names: frozenset[str]) -> _Content:
    content = levels.raw() or _Content(body=levels.body(levels.message.get("Body")))
    content.title, content.fields = None, _pick(names, levels.message)  # SMS and voice: no title
    return content


def _email(levels: _Levels) -> _Content:
    message, renderer = levels.message, levels.renderer
    simple = _mapping(message.get("SimpleEmail"))
    raw_email = _first_text(_mapping(message.get("RawEmail")).get("Data"))
    content = levels.raw()
    if content is None and raw_email is not None:
        content = _from_mime(renderer.text(_decode(raw_email)))
    if content is None:
        title = levels.title(_part(simple, "Subject"))
        body = levels.body(_part(simple, "TextPart"), message.get("Body"))
        html = renderer.text_or_none(_first_text(_part(simple, "HtmlPart")))
        content = _Content(title, body, html)
    content.fields = _pick(_OTHER_FIELDS["EMAIL"], message)
    if simple.get("Headers") is not None:
        content.fields["Headers"] = simple["Headers"]
    return content


def _has_content(push: bool, content: _Content) -> bool:
    """Whether the request gave this endpoint something to send (judged before rendering)."""
    if content.raw is not None or content.body is not None or content.html is not None:
        return True
    if not push:
        return False  # an email subject alone is nothing to send
    fields = content.fields
    silent = fields.get("SilentPush") is True and fields.get("Data") is not None
    return content.title is not None or silent


class _Renderer:
    """Fills ``{{variables}}`` for one endpoint and remembers the unresolved ones."""

    __slots__ = ("_endpoint", "_join", "_substitutions", "unresolved")

    def __init__(self, subs: Mapping[str, Any], endpoint: Endpoint | None, join: bool) -> None:
        self._substitutions = subs
        self._endpoint = endpoint
        self._join = join
        self.unresolved: dict[str, None] = {}

    def text(self, value: str) -> str:
        return VARIABLE.sub(self._replace, value) if "{{" in value else value

    def text_or_none(self, value: str | None) -> str | None:
        return None if value is None else self.text(value)

    def _replace(self, match: re.Match[str]) -> str:
        token = match.group(1)
        if not token or token[0] in "#/!>^@":
            return ""  # block helpers, comments, partials: out of scope
        if " " not in token:
            return "" if token in ("else", "this") else self._value(token)
        helper, *args = token.split()
        positional = [arg for arg in args if "=" not in arg]
        if helper == "else" or not positional:
            return ""
        arg = positional[0]
        value = arg[1:-1] if arg[:1] in "\"'" and arg[-1:] == arg[:1] else self._value(arg)
        transform = HELPERS.get(helper)
        return transform(value) if transform else value

    def _value(self, token: str) -> str:
        name, index = token, None
        if token.endswith("]") and (indexed := INDEXED.match(token)):
            name, index = indexed.group(1), int(indexed.group(2))
        value = self._substitutions.get(name)
        if value is None and self._endpoint is not None:
            value = _endpoint_value(self._endpoint, name)
        text = self._stringify(value, index)
        if text is None:
            self.unresolved[token] = None
            return ""
        return text

    def _stringify(self, value: Any, index: int | None) -> str | None:
        if isinstance(value, (list, tuple)):
            if index is None and self._join:
                return ", ".join(str(item) for item in value) if value else None
            position = 0 if index is None else index
            value = value[position] if position < len(value) else None
        elif index is not None:
            return None
        if value is None:
            return None
        return ("true" if value else "false") if isinstance(value, bool) else str(value)


def _endpoint_value(endpoint: Endpoint, name: str) -> Any:
    scalar = ENDPOINT_SCALARS.get(name)
    if scalar is not None:
        return getattr(endpoint, scalar) or None
    split = 19 if name.startswith("User.UserAttributes.") else name.find(".")
    attribute = ENDPOINT_MAPS.get(name[:split]) if split > 0 else None
    return getattr(endpoint, attribute).get(name[split + 1 :]) if attribute else None
