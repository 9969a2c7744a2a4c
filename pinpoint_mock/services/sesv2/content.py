"""A send's ``Content`` made ready once per call, then rendered per message: Simple (subject,
text, HTML, attachments), Raw (MIME read with the ``email`` package) or Template (stored, by
name or ARN, or inline; rendered with :mod:`.handlebars` from the message's template data)."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from typing import Any, NamedTuple

from ...contract import parse_json
from ...errors import PinpointMockError, ServiceError
from . import handlebars, mime
from .body import MAX_MESSAGE_BYTES, bad, too_large
from .state import SesState

MAX_TEMPLATE_DATA = 262_144
"""Characters of TemplateData (the model's limit)."""
MAX_INLINE_TEMPLATE = 1024 * 1024
"""Bytes of an inline template (SES quotas)."""


class Ready(NamedTuple):
    """A send's content, checked and parsed once."""

    kind: str
    """``Simple``, ``Raw`` or ``Template``."""
    subject: Any = None
    """Simple: the text; Template: a parsed template."""
    text: Any = None
    html: Any = None
    parsed: mime.Parsed | None = None
    raw: str | None = None
    template: str | None = None
    """The stored template's name (None for an inline template)."""
    default_data: str | None = None
    attachments: tuple[dict[str, Any], ...] = ()
    headers: tuple[tuple[str, str], ...] = ()


class Rendering(NamedTuple):
    """One message's texts, or why SES could not render them (a Rendering Failure)."""

    subject: str | None
    text: str | None
    html: str | None
    failure: str | None = None
    data: Mapping[str, Any] | None = None


def prepare(state: SesState, content: Mapping[str, Any], where: str, *, bulk: bool) -> Ready:
    """Check ``content`` (at path ``where``) and get it ready to render."""
    kinds = [k for k in ("Simple", "Raw", "Template") if content.get(k) is not None]
    if len(kinds) != 1:
        allowed = "Template" if bulk else "one of Simple, Raw or Template"
        raise bad(where, f"exactly {allowed} is needed, got {', '.join(kinds) or 'none'}")
    kind = kinds[0]
    part = content[kind]
    if kind == "Simple":
        return _simple(part, f"{where}.Simple")
    if kind == "Raw":
        return _raw(part, f"{where}.Raw")
    return _template(state, part, f"{where}.Template")


def _simple(part: Mapping[str, Any], where: str) -> Ready:
    body = part.get("Body") or {}
    text = (body.get("Text") or {}).get("Data")
    html = (body.get("Html") or {}).get("Data")
    if text is None and html is None:
        raise bad(f"{where}.Body", "needs Text or Html")
    size = len(part["Subject"]["Data"]) + len(text or "") + len(html or "")
    attachments = _attachments(part.get("Attachments") or [], f"{where}.Attachments")
    size += sum(a["encoded_size"] for a in attachments)
    if size > MAX_MESSAGE_BYTES:
        raise too_large(size)
    return Ready(
        "Simple",
        subject=part["Subject"]["Data"],
        text=text,
        html=html,
        attachments=attachments,
        headers=_headers(part.get("Headers") or []),
    )


def _raw(part: Mapping[str, Any], where: str) -> Ready:
    data = part["Data"]
    if len(data) > MAX_MESSAGE_BYTES:
        raise too_large(len(data))
    try:
        decoded = base64.b64decode(data, validate=True)
    except (binascii.Error, ValueError):
        raise bad(f"{where}.Data", "is not base64") from None
    try:
        parsed = mime.parse(decoded)
    except mime.MimeError as exc:
        raise ServiceError("MessageRejected", f"Raw message: {exc}") from None
    return Ready(
        "Raw",
        subject=parsed.subject,
        text=parsed.text,
        html=parsed.html,
        parsed=parsed,
        raw=decoded.decode("utf-8", "replace"),
        attachments=parsed.attachments,
        headers=parsed.headers,
    )


def _template(state: SesState, part: Mapping[str, Any], where: str) -> Ready:
    named = [k for k in ("TemplateName", "TemplateArn", "TemplateContent") if part.get(k)]
    if len(named) != 1:
        raise bad(where, "exactly one of TemplateName, TemplateArn or TemplateContent is needed")
    data = part.get("TemplateData")
    if data is not None and len(data) > MAX_TEMPLATE_DATA:
        raise bad(f"{where}.TemplateData", f"is longer than {MAX_TEMPLATE_DATA} characters")
    attachments = _attachments(part.get("Attachments") or [], f"{where}.Attachments")
    headers = _headers(part.get("Headers") or [])
    if named[0] == "TemplateContent":
        inline = part["TemplateContent"]
        size = sum(len(inline.get(k) or "") for k in ("Subject", "Text", "Html"))
        if size > MAX_INLINE_TEMPLATE:
            raise bad(f"{where}.TemplateContent", f"is larger than {MAX_INLINE_TEMPLATE} bytes")
        subject, text, html = _parse_all(inline, f"{where}.TemplateContent")
        if any(t is not None and t.advanced for t in (subject, text, html)):
            raise ServiceError("BadRequestException", "Template contains unsupported operations.")
        return Ready("Template", subject, text, html, default_data=data,
                     attachments=attachments, headers=headers)  # fmt: skip
    name = part.get("TemplateName") or str(part["TemplateArn"]).rpartition("/")[2]
    stored = state.template(name)
    if stored is None:
        raise ServiceError("NotFoundException", f"Template {name} does not exist.")
    subject, text, html = _parse_all(
        {"Subject": stored.subject, "Text": stored.text, "Html": stored.html}, where
    )
    return Ready("Template", subject, text, html, template=name, default_data=data,
                 attachments=attachments, headers=headers)  # fmt: skip


def _parse_all(
    texts: Mapping[str, str | None], where: str
) -> tuple[handlebars.Template | None, ...]:
    made = []
    for key in ("Subject", "Text", "Html"):
        source = texts.get(key)
        try:
            made.append(None if source is None else handlebars.parse(source))
        except handlebars.TemplateError as exc:
            raise bad(f"{where}.{key}", f"is not a valid template: {exc}") from None
    return tuple(made)


def render(ready: Ready, data_text: str | None) -> Rendering:
    """The texts of one message; a template renders with ``data_text`` (else its default)."""
    if ready.kind != "Template":
        return Rendering(ready.subject, ready.text, ready.html)
    source = data_text if data_text not in (None, "", "{}") else ready.default_data
    try:  # the contract's parser: lone surrogates, NaN and huge numbers are refused too
        data = parse_json(source) if source else {}
    except PinpointMockError:
        return Rendering(None, None, None, "Template data is not valid JSON.")
    if not isinstance(data, dict):
        return Rendering(None, None, None, "Template data must be a JSON object.")
    subject, text, html = ready.subject, ready.text, ready.html
    try:
        return Rendering(
            None if subject is None else subject.run(data),
            None if text is None else text.run(data),
            None if html is None else html.run(data),
            None,
            data,
        )
    except handlebars.TemplateError as exc:
        return Rendering(None, None, None, str(exc), data)


def _attachments(items: list[Mapping[str, Any]], where: str) -> tuple[dict[str, Any], ...]:
    made = []
    for n, item in enumerate(items):
        raw = item["RawContent"]
        try:
            size = len(base64.b64decode(raw, validate=True))
        except (binascii.Error, ValueError):
            raise bad(f"{where}[{n}].RawContent", "is not base64") from None
        made.append(
            {
                "filename": item["FileName"],
                "content_type": item.get("ContentType") or "application/octet-stream",
                "disposition": (item.get("ContentDisposition") or "ATTACHMENT").lower(),
                "size": size,
                "content_id": item.get("ContentId"),
                "encoded_size": len(raw),
            }
        )
    return tuple(made)


def _headers(items: list[Mapping[str, Any]]) -> tuple[tuple[str, str], ...]:
    return tuple((str(h["Name"]), str(h["Value"])) for h in items)
