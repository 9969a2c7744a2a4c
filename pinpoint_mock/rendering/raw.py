"""Raw payloads: the title, body and HTML a recipient sees in a JSON push payload or a MIME email.

A raw payload replaces the other texts; its title and body are read from its obvious fields
(APNs ``aps.alert.title/body`` or a string ``aps.alert``; GCM/ADM ``notification.*`` or
``data.*``; Baidu top-level ``title``/``description``), else None. ``RawEmail`` data is base64:
:func:`decode` it, then :func:`from_mime` reads its subject, text and HTML parts.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import Parser
from typing import Any

from .config import as_mapping, first_text

_MIME = Parser(policy=policy.default)
_SURROGATE = re.compile("[\ud800-\udfff]")


@dataclass(slots=True)
class Content:
    title: str | None = None
    body: str | None = None
    html: str | None = None
    raw: str | None = None
    fields: dict[str, Any] = field(default_factory=dict)


def from_json(raw: str) -> Content:
    """Title and body from a raw JSON payload, when it has the usual fields."""
    try:
        document = json.loads(raw) if raw.lstrip().startswith("{") else None
    except (ValueError, RecursionError):  # not JSON, a 4,301-digit number, nested too deeply
        document = None
    title, body = _json_title_body(document) if isinstance(document, dict) else (None, None)
    if "\\u" in raw:  # an escaped lone surrogate is no character: the device shows U+FFFD
        title, body = _characters(title), _characters(body)
    return Content(title, body, raw=raw)


def _characters(text: str | None) -> str | None:
    return None if text is None else _SURROGATE.sub("\ufffd", text)


def _json_title_body(document: dict[str, Any]) -> tuple[str | None, str | None]:
    alert = as_mapping(document.get("aps")).get("alert")
    if isinstance(alert, str):
        return None, alert
    notification, data = as_mapping(document.get("notification")), as_mapping(document.get("data"))
    sources = (as_mapping(alert), notification, data, document)
    title = first_text(*(source.get("title") for source in sources))
    body = first_text(*(source.get(key) for source in sources for key in ("body", "description")))
    return title, body


def decode(data: str) -> str:
    try:
        return base64.b64decode(data).decode("utf-8", errors="replace")
    except ValueError:
        return data


def from_mime(raw: str) -> Content:
    """Subject, text and HTML parts of a raw MIME email."""
    mime = _MIME.parsestr(raw)
    subject = mime.get("Subject")
    title = None if subject is None else str(subject)
    return Content(title, _mime_part(mime, "plain"), _mime_part(mime, "html"), raw)


def _mime_part(mime: EmailMessage, subtype: str) -> str | None:
    part = mime.get_body(preferencelist=(subtype,))
    try:
        content = part.get_content() if part is not None else None
    except (LookupError, ValueError):
        return None
    return content if isinstance(content, str) else None
