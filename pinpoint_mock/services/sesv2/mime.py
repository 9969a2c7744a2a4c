"""Email messages with the standard library's ``email`` package: a Raw message read into its
subject, addresses, text, HTML and attachments; a rendered template written as the MIME text
TestRenderEmailTemplate answers."""

from __future__ import annotations

import email
import email.policy
from dataclasses import dataclass, field
from email.message import EmailMessage
from email.utils import formatdate, getaddresses
from typing import Any


@dataclass(frozen=True)
class Parsed:
    """What a record shows of a MIME message."""

    subject: str | None
    sender: str | None
    to: tuple[str, ...]
    cc: tuple[str, ...]
    bcc: tuple[str, ...]
    reply_to: tuple[str, ...]
    text: str | None
    html: str | None
    attachments: tuple[dict[str, Any], ...] = ()
    headers: tuple[tuple[str, str], ...] = field(default=())


class MimeError(Exception):
    """A Raw message SES could not read."""


def addresses(values: list[str]) -> tuple[str, ...]:
    """The bare addresses of header values (display names dropped)."""
    return tuple(address for _, address in getaddresses(values) if address)


def parse(data: bytes) -> Parsed:
    """Read a Raw message (MIME bytes)."""
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
    except Exception as exc:  # the parser is lenient; this is for the truly unreadable
        raise MimeError(f"the message could not be parsed: {exc}") from None
    if not isinstance(message, EmailMessage) or not message.keys():
        raise MimeError("the message has no headers")

    def header(name: str) -> list[str]:
        return [str(value) for value in message.get_all(name, [])]

    text = _part(message, "plain")
    html = _part(message, "html")
    attachments = []
    for part in message.iter_attachments():
        payload = part.get_payload(decode=True)
        attachments.append(
            {
                "filename": part.get_filename(),
                "content_type": part.get_content_type(),
                "disposition": part.get_content_disposition() or "attachment",
                "size": len(payload) if isinstance(payload, bytes) else 0,
                "content_id": part.get("Content-ID"),
            }
        )
    subject = message.get("Subject")
    senders = addresses(header("From"))
    return Parsed(
        subject=str(subject) if subject is not None else None,
        sender=senders[0] if senders else None,
        to=addresses(header("To")),
        cc=addresses(header("Cc")),
        bcc=addresses(header("Bcc")),
        reply_to=addresses(header("Reply-To")),
        text=text,
        html=html,
        attachments=tuple(attachments),
        headers=tuple((k, str(v)) for k, v in message.items()),
    )


def _part(message: EmailMessage, subtype: str) -> str | None:
    try:
        body = message.get_body(preferencelist=(subtype,))
    except (KeyError, LookupError):  # pragma: no cover - defensive
        return None
    if body is None or body.get_content_type() != f"text/{subtype}":
        return None
    try:
        content = body.get_content()
    except (LookupError, ValueError):  # an unknown charset
        raw = body.get_payload(decode=True)
        content = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else str(raw)
    return str(content)


def rendered(subject: str | None, text: str | None, html: str | None, message_id: str) -> str:
    """A rendered template as full MIME text (TestRenderEmailTemplate's RenderedTemplate)."""
    message = EmailMessage()
    message["Date"] = formatdate(usegmt=True)
    message["Message-ID"] = f"<{message_id}@email.amazonses.com>"
    message["Subject"] = subject or ""
    message["MIME-Version"] = "1.0"
    if text is not None and html is not None:
        message.set_content(text)
        message.add_alternative(html, subtype="html")
    elif html is not None:
        message.set_content(html, subtype="html")
    else:
        message.set_content(text or "")
    return message.as_string(policy=email.policy.SMTP)
