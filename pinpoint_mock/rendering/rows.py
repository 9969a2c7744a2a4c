"""The :data:`Rendered` row: what one endpoint receives, as the engine keeps it.

A row holds only strings, numbers and tuples of strings; :func:`message` makes the public
:class:`~pinpoint_mock.models.RenderedMessage` of one. Other modules read a row by the positions
named here.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from ..models import RenderedMessage, frozen

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
    tuple[str, ...] | None,
]
"""What one endpoint receives, as a plain tuple: channel, title, body, html, raw content,
template, unresolved, SMS encoding, SMS segments, missing, filled fields. It holds only strings,
numbers and tuples of strings: the engine keeps one per delivery, and the garbage collector need
not follow them. The substitutions and fields, which depend only on the recipient, are
:meth:`PreparedMessage.maps`; the push fields whose ``{{variables}}`` were filled for this
endpoint (:data:`~.config.VARIABLE_PUSH_FIELDS`) are the last item, as name, value, name,
value… (None when there are none), and replace the fields' given values."""
# Positions in a :data:`Rendered` row.
BODY: Final = 2
UNRESOLVED: Final = 6
SMS_ENCODING: Final = 7
MISSING: Final = 9
FILLED: Final = 10
WIDTH: Final = 11
"""How many values a row holds."""


def message(
    row: Rendered, substitutions: Mapping[str, Any], fields: Mapping[str, Any]
) -> RenderedMessage:
    """The :class:`RenderedMessage` of a row and its maps (copied: the message owns them)."""
    filled = row[10]
    if filled:
        fields = {**fields, **dict(zip(filled[::2], filled[1::2], strict=True))}
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
