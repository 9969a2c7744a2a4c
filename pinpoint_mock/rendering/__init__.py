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
- A push message's links and images (``Url``, ``ImageUrl``, ``ImageIconUrl``,
  ``SmallImageIconUrl``, ``MediaUrl``: :data:`.config.VARIABLE_PUSH_FIELDS`) fill their
  ``{{variables}}`` per endpoint like the title and body; one that has no value renders empty
  and is not listed in ``unresolved``. The other fields (``Action``, ``Sound``, ``Data``…) are
  reported as sent.
- Missing content is judged on what the request supplies, before variables are filled: a body
  that renders empty still counts. An email subject alone is not content.
- Handlebars blocks (``{{#if}}``, ``{{else}}``, ``{{/if}}``...) are not evaluated: their tags
  render empty and the text of every branch is kept. ``{{helper Arg}}`` renders ``Arg``, through
  ``upper``, ``lower``, ``capitalize`` (each word) or ``capitalizeFirst`` when so named.

The package, by noun: :mod:`.prepared` (:func:`prepare`, :func:`render`,
:class:`PreparedMessage`), :mod:`.channel` (one channel's share of a request and its per-delivery
rows), :mod:`.rows` (the :data:`Rendered` row and :func:`message`), :mod:`.config` (reading the
request's levels and fields) and :mod:`.raw` (raw JSON and MIME payloads).
"""

from __future__ import annotations

from .prepared import PreparedMessage, RenderingChannel, prepare, render
from .rows import BODY, FILLED, MISSING, SMS_ENCODING, UNRESOLVED, WIDTH, Rendered, message

__all__ = [
    "BODY",
    "FILLED",
    "MISSING",
    "SMS_ENCODING",
    "UNRESOLVED",
    "WIDTH",
    "PreparedMessage",
    "Rendered",
    "RenderingChannel",
    "message",
    "prepare",
    "render",
]
