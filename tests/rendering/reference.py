"""The original per-endpoint rendering algorithm, kept as the specification the prepared path is
tested against (and the baseline ``benchmarks/bench_rendering.py`` measures it against).

It re-derives everything for every endpoint and fills ``{{variables}}`` by regular-expression
substitution: slow, and written to be read. :func:`render_reference` must give the same
:class:`~pinpoint_mock.models.RenderedMessage` as :func:`pinpoint_mock.rendering.render`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pinpoint_mock import sms
from pinpoint_mock.contract import VARIABLE
from pinpoint_mock.models import CHANNEL_MESSAGE, PUSH_CHANNELS, Endpoint, RenderedMessage
from pinpoint_mock.rendering.channel import MISSING_CONTENT, MISSING_PUSH_CONTENT
from pinpoint_mock.rendering.config import (
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
from pinpoint_mock.rendering.raw import Content, decode, from_json, from_mime
from pinpoint_mock.templates import ENDPOINT_MAPS, ENDPOINT_SCALARS, HELPERS, INDEXED


def render_reference(
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
    user = user or EMPTY
    message = as_mapping(config.get(member))
    default = as_mapping(config.get("DefaultMessage"))
    push = channel in PUSH_CHANNELS
    default_push = as_mapping(config.get("DefaultPushNotificationMessage")) if push else EMPTY
    substitutions = merge_substitutions(default, default_push, message, user)
    renderer = _Renderer(substitutions, endpoint, multi_value == "join")
    levels = _Levels(user, message, default_push, default, renderer)
    if push:
        content = _push(levels)
    elif channel == "EMAIL":
        content = _email(levels)
    else:
        content = _text_channel(levels, OTHER_FIELDS[channel])
    reference = template_ref(channel, template)
    info = sms.analyse(content.body) if channel == "SMS" and content.body else None
    has_content = reference is not None or _has_content(push, content)
    return RenderedMessage(
        channel,
        title=content.title,
        body=content.body,
        html=content.html,
        raw_content=content.raw,
        substitutions=substitutions,
        fields=content.fields,
        template=reference,
        unresolved=tuple(renderer.unresolved),
        sms_encoding=info.encoding if info else None,
        sms_segments=info.segments if info else None,
        missing=None if has_content else MISSING_CONTENT.get(channel, MISSING_PUSH_CONTENT),
    )


@dataclass(slots=True)
class _Levels:
    """The precedence levels for one endpoint, most specific first, and its renderer."""

    user: Mapping[str, Any]
    message: Mapping[str, Any]
    default_push: Mapping[str, Any]
    default: Mapping[str, Any]
    renderer: _Renderer

    def raw(self, *values: Any) -> Content | None:
        """What a raw JSON payload (the user's, else ``values``) gives, when one applies."""
        raw = first_text(self.user.get("RawContent"), *values)
        return None if raw is None else from_json(self.renderer.text(raw))

    def body(self, *values: Any) -> str | None:
        """BodyOverride > ``values`` > DefaultMessage.Body, rendered."""
        user, default = self.user.get("BodyOverride"), self.default.get("Body")
        return self.renderer.text_or_none(first_text(user, *values, default))

    def title(self, *values: Any) -> str | None:
        """TitleOverride > ``values``, rendered."""
        return self.renderer.text_or_none(first_text(self.user.get("TitleOverride"), *values))


def _push(levels: _Levels) -> Content:
    message, default_push = levels.message, levels.default_push
    content = levels.raw(message.get("RawContent")) or Content(
        levels.title(message.get("Title"), default_push.get("Title")),
        levels.body(message.get("Body"), default_push.get("Body")),
    )
    content.fields = pick(PUSH_FIELDS, default_push, message)
    fields = levels.renderer.fields()  # variables in links and images, not listed as unresolved
    for name in VARIABLE_PUSH_FIELDS & content.fields.keys():
        if isinstance(content.fields[name], str):
            content.fields[name] = fields.text(content.fields[name])
    if levels.user.get("Context") is not None:
        content.fields["Context"] = levels.user["Context"]
    return content


def _text_channel(levels: _Levels, names: frozenset[str]) -> Content:
    content = levels.raw() or Content(body=levels.body(levels.message.get("Body")))
    content.title, content.fields = None, pick(names, levels.message)  # SMS and voice: no title
    return content


def _email(levels: _Levels) -> Content:
    message, renderer = levels.message, levels.renderer
    simple = as_mapping(message.get("SimpleEmail"))
    raw_email = first_text(as_mapping(message.get("RawEmail")).get("Data"))
    content = levels.raw()
    if content is None and raw_email is not None:
        content = from_mime(renderer.text(decode(raw_email)))
    if content is None:
        title = levels.title(simple_part(simple, "Subject"))
        body = levels.body(simple_part(simple, "TextPart"), message.get("Body"))
        html = renderer.text_or_none(first_text(simple_part(simple, "HtmlPart")))
        content = Content(title, body, html)
    content.fields = pick(OTHER_FIELDS["EMAIL"], message)
    if simple.get("Headers") is not None:
        content.fields["Headers"] = simple["Headers"]
    return content


def _has_content(push: bool, content: Content) -> bool:
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

    def fields(self) -> _Renderer:
        """A renderer for the same endpoint whose unresolved variables are not this one's."""
        return _Renderer(self._substitutions, self._endpoint, self._join)

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
