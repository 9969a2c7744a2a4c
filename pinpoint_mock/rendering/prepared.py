"""A request's message made ready to render per endpoint: :func:`prepare` and :func:`render`.

:class:`PreparedMessage` keeps one :class:`RenderingChannel` per channel, made on that channel's
first use; the engine asks it for a channel once per request and then for a :data:`Rendered`
row per delivery.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from ..message_templates import TemplateStore
from ..models import CHANNEL_MESSAGE, Endpoint, RenderedMessage
from .channel import PreparedChannel
from .config import EMPTY
from .rows import Rendered, message


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
                UnsupportedChannel(channel)
                if member is None
                else PreparedChannel(
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


class UnsupportedChannel:
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
            None,
        )

    def row(self, user: Mapping[str, Any] | None, endpoint: Endpoint | None) -> Rendered:
        return self.rendered

    def maps(self, user: Mapping[str, Any] | None) -> tuple[Mapping[str, Any], Mapping[str, Any]]:
        return EMPTY, EMPTY
