"""Normalized deliveries: what reached whom, in the same terms whichever service sent it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..recording import SentMessage
from .outcomes import normalized

#: The fields of a delivery that a parity check can compare.
CONTENT_FIELDS = ("subject", "body", "html")
FIELDS = (*CONTENT_FIELDS, "outcome")


@dataclass(frozen=True)
class Delivery:
    """One delivery attempt as a person would see it: to which address, by which channel, with
    what text, and how it went (in the shared vocabulary)."""

    recipient: str
    """The address: an email address (lower case, no display name), a phone number, a push
    token."""
    channel: str
    """``EMAIL``, ``SMS``, ``VOICE`` or the push channel (``GCM``, ``APNS``…)."""
    outcome: str
    """The recorded word, normalized across services (:func:`~.outcomes.normalized`)."""
    subject: str | None
    """The email subject or push title, templates and substitutions resolved."""
    body: str | None
    """The SMS or voice text, the push body, or the email's text part."""
    html: str | None
    """The email's HTML part."""
    user: str | None = None
    """The user the address belongs to, when the directory knows it."""
    template: str | None = None
    """The template that supplied the content (informative: services name templates apart)."""
    service: str = "pinpoint"
    operation: str = ""
    word: str = ""
    """The word exactly as the service recorded it."""

    @property
    def key(self) -> tuple[str, str]:
        """What a delivery is matched on across two runs: (channel, recipient)."""
        return (self.channel, self.recipient)


def _text(value: str | None) -> str | None:
    if value is None:
        return None
    return value.replace("\r\n", "\n").replace("\r", "\n")


def recipient(channel: str, address: str) -> str:
    """An address in the form deliveries are matched on."""
    address = address.strip()
    if channel == "EMAIL":
        if address.endswith(">") and "<" in address:
            address = address[address.rindex("<") + 1 : -1]
        return address.lower()
    return address


def normalize(
    records: Iterable[SentMessage], owner: Callable[[str, str], str | None] | None = None
) -> tuple[Delivery, ...]:
    """The records of one run as deliveries, in order; ``owner(channel, address)`` names the
    user an address belongs to (records of services without users carry none)."""
    made = []
    for sent in records:
        if not sent.address:  # Pinpoint's entry for a user without endpoints: nobody reached
            continue
        channel = str(sent.channel)
        address = recipient(channel, sent.address)
        user = sent.user_id or (owner(channel, address) if owner is not None else None)
        made.append(
            Delivery(
                recipient=address,
                channel=channel,
                outcome=normalized(sent.service, str(sent.delivery_status)),
                subject=_text(sent.title),
                body=_text(sent.body),
                html=_text(sent.html),
                user=user,
                template=sent.message.template,
                service=sent.service,
                operation=sent.operation,
                word=str(sent.delivery_status),
            )
        )
    return tuple(made)
