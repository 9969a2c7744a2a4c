"""Believable, reproducible SES v2 requests: SendEmail (Simple, Raw or Template content),
SendBulkEmail, CreateEmailTemplate, as the JSON bodies that travel on the wire.

    factory = SesFactory(seed=7)
    body = factory.send_email(to=2, cc=1, content="template")
    bulk = factory.bulk_email(entries=50)

Addresses come from Faker's name data (``ana.silva@example.com``-like, never a ``+tag`` nor a
mailbox simulator address), so outcomes stay the ones a test scripts. The same seed gives the
same requests. A Raw body's ``Data`` is base64 text, as on the wire (boto3 takes the MIME bytes:
:meth:`SesFactory.raw_message`).
"""

from __future__ import annotations

import base64
import json
import random
from email.message import EmailMessage
from typing import Any, Literal

from ..errors import PinpointMockError
from .names import email_address, name_pools

MAX_RECIPIENTS = 50
"""To, Cc and Bcc together, per message."""
MAX_BULK_ENTRIES = 50

_SUBJECTS = ("Your order has shipped", "Welcome aboard", "Your receipt", "Reset your password")
_TEMPLATE = {
    "Subject": "Hi {{name}}, {{subject}}",
    "Text": (
        "Hello {{name}},\n{{#each items}}- {{this}}\n{{/each}}"
        "{{#if vip}}Thanks for being VIP.{{/if}}"
    ),
    "Html": "<p>Hello {{name}},</p><ul>{{#each items}}<li>{{this}}</li>{{/each}}</ul>",
}

Content = Literal["simple", "raw", "template"]


class SesFactory:
    """SES v2 request bodies from one seeded generator."""

    def __init__(self, seed: int | str | None = None, *, locale: str = "en_US") -> None:
        self.rng = random.Random(seed)
        self.locale = locale

    def person(self) -> tuple[str, str]:
        """(display name, address) of a believable person."""
        first_pool, last_pool = name_pools(self.locale)
        (first, first_ascii), (last, last_ascii) = (
            first_pool.pick(self.rng),
            last_pool.pick(self.rng),
        )
        address = email_address(self.rng, first_ascii.lower(), last_ascii.lower())
        return f"{first} {last}", address

    def address(self) -> str:
        return self.person()[1]

    def template_data(self) -> dict[str, Any]:
        """Data for :meth:`template`'s text: a name, a subject line, items, a VIP flag."""
        return {
            "name": self.person()[0].split()[0],
            "subject": self.rng.choice(_SUBJECTS).lower(),
            "items": [f"item {n}" for n in range(1, self.rng.randint(1, 4))],
            "vip": self.rng.random() < 0.3,
        }

    def template(self, name: str = "welcome") -> dict[str, Any]:
        """A CreateEmailTemplate body (with ``{{#each}}`` and ``{{#if}}``)."""
        return {"TemplateName": name, "TemplateContent": dict(_TEMPLATE)}

    def raw_message(self, sender: str, to: list[str], subject: str) -> bytes:
        """A MIME message with a text part, an HTML part and a small attachment."""
        message = EmailMessage()
        message["From"] = sender
        message["To"] = ", ".join(to)
        message["Subject"] = subject
        message.set_content(f"{subject}.\n")
        message.add_alternative(f"<p>{subject}.</p>", subtype="html")
        message.add_attachment(b"id,total\n1,9.99\n", maintype="text", subtype="csv",
                               filename="receipt.csv")  # fmt: skip
        return message.as_bytes()

    def send_email(
        self,
        *,
        to: int = 1,
        cc: int = 0,
        bcc: int = 0,
        content: Content = "simple",
        template: str = "welcome",
        tags: bool = True,
        configuration_set: str | None = None,
    ) -> dict[str, Any]:
        """A SendEmail wire body to ``to`` + ``cc`` + ``bcc`` recipients (at most 50)."""
        if not 1 <= to + cc + bcc <= MAX_RECIPIENTS:
            raise PinpointMockError(
                f"a message has 1 to {MAX_RECIPIENTS} recipients, got {to + cc + bcc}"
            )
        sender = f"{self.rng.choice(('Shop', 'Support', 'Billing'))} <noreply@example.com>"
        destination: dict[str, list[str]] = {"ToAddresses": [self.address() for _ in range(to)]}
        if cc:
            destination["CcAddresses"] = [self.address() for _ in range(cc)]
        if bcc:
            destination["BccAddresses"] = [self.address() for _ in range(bcc)]
        subject = self.rng.choice(_SUBJECTS)
        body: dict[str, Any] = {"FromEmailAddress": sender, "Destination": destination}
        if content == "simple":
            texts = {"Text": {"Data": f"{subject}."}, "Html": {"Data": f"<p>{subject}.</p>"}}
            body["Content"] = {"Simple": {"Subject": {"Data": subject}, "Body": texts}}
        elif content == "raw":
            raw = self.raw_message(sender, destination["ToAddresses"], subject)
            body["Content"] = {"Raw": {"Data": base64.b64encode(raw).decode()}}
        elif content == "template":
            data = json.dumps(self.template_data())
            body["Content"] = {"Template": {"TemplateName": template, "TemplateData": data}}
        else:
            raise PinpointMockError(f"content must be simple, raw or template, got {content!r}")
        if tags:
            body["EmailTags"] = [{"Name": "campaign", "Value": self.rng.choice(("spring", "q3"))}]
        if configuration_set:
            body["ConfigurationSetName"] = configuration_set
        return body

    def bulk_email(self, entries: int = 10, *, template: str = "welcome") -> dict[str, Any]:
        """A SendBulkEmail wire body with ``entries`` entries (at most 50), each to one person
        with its own template data."""
        if not 1 <= entries <= MAX_BULK_ENTRIES:
            raise PinpointMockError(
                f"a bulk send has 1 to {MAX_BULK_ENTRIES} entries, got {entries}"
            )
        return {
            "FromEmailAddress": "noreply@example.com",
            "DefaultContent": {"Template": {"TemplateName": template,
                                            "TemplateData": json.dumps(self.template_data())}},
            "BulkEmailEntries": [
                {
                    "Destination": {"ToAddresses": [self.address()]},
                    "ReplacementEmailContent": {"ReplacementTemplate": {
                        "ReplacementTemplateData": json.dumps(self.template_data())}},
                }
                for _ in range(entries)
            ],
        }  # fmt: skip
