"""Believable, reproducible SMS and voice v2 requests (``pip install 'pinpoint-mock[faker]'``):
valid SendTextMessage, SendVoiceMessage and SendMediaMessage bodies, and bodies broken by
exactly one mutation that announce the field and the reason the service answers.

    factory = SmsVoiceV2Factory(seed=7)
    body = factory.text_request(country="GB")        # boto3: sms.send_text_message(**body)
    case = factory.invalid_text_request()             # case.body, case.field, case.reason

Destinations are mobile numbers valid for their country that are never AWS's simulator numbers
nor the project's, so outcomes stay the ones a test scripts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..errors import PinpointMockError
from .provider import MOBILE_COUNTRIES, SeededFactory

COUNTRIES = MOBILE_COUNTRIES

_BODIES = (
    "Your code is {code}. It expires in 10 minutes.",
    "Hi {name}, your order {order} has shipped.",
    "Reminder: your appointment is tomorrow at {hour}:00.",
    "{name}, your table for 2 is booked. Reply STOP to opt out.",
    "Ihre Bestellung {order} ist unterwegs. Grüße!",
    "Votre code est {code}. Merci !",
)


@dataclass(frozen=True)
class InvalidV2Request:
    """A request broken by one mutation, and what the service answers for it."""

    operation: str
    body: dict[str, Any]
    field: str
    """The ``Fields`` name the ValidationException carries for the broken member."""
    reason: str
    """The ValidationException's ``Reason``."""
    mutation: str


class SmsVoiceV2Factory(SeededFactory):
    """SMS and voice v2 request bodies from one seed (the same seed, the same bodies)."""

    def text(self) -> str:
        template: str = self.rng.choice(_BODIES)
        return template.format(
            code=f"{self.rng.randrange(10**6):06d}",
            name=self.fake.first_name(),
            order=f"A-{self.rng.randrange(10**5):05d}",
            hour=self.rng.randrange(8, 19),
        )

    def text_request(self, country: str | None = None, **overrides: Any) -> dict[str, Any]:
        """A valid SendTextMessage body (``overrides`` replace or add members)."""
        body: dict[str, Any] = {
            "DestinationPhoneNumber": self.phone_number(country),
            "MessageBody": self.text(),
            "MessageType": self.rng.choice(("TRANSACTIONAL", "PROMOTIONAL")),
        }
        if self.rng.random() < 0.5:
            body["Context"] = {"campaign": f"c-{self.rng.randrange(1000)}"}
        if self.rng.random() < 0.3:
            body["TimeToLive"] = self.rng.randrange(5, 259201)
        body.update(overrides)
        return body

    def voice_request(self, country: str | None = None, **overrides: Any) -> dict[str, Any]:
        """A valid SendVoiceMessage body (TEXT or SSML) from a made-up origination number."""
        country = country or self.rng.choice(COUNTRIES)
        text = self.text()
        ssml = self.rng.random() < 0.5
        body: dict[str, Any] = {
            "DestinationPhoneNumber": self.phone_number(country),
            "OriginationIdentity": self.phone_number(country),
            "MessageBody": f"<speak>{text}</speak>" if ssml else text,
            "MessageBodyTextType": "SSML" if ssml else "TEXT",
            "VoiceId": self.rng.choice(("JOANNA", "MATTHEW", "AMY", "BRIAN")),
        }
        body.update(overrides)
        return body

    def media_request(self, country: str | None = None, **overrides: Any) -> dict[str, Any]:
        """A valid SendMediaMessage body with one ``s3://`` media URL."""
        country = country or self.rng.choice(COUNTRIES)
        body: dict[str, Any] = {
            "DestinationPhoneNumber": self.phone_number(country),
            "OriginationIdentity": self.phone_number(country),
            "MessageBody": self.text(),
            "MediaUrls": [
                f"s3://media-{self.rng.randrange(100):02d}/image-{self.rng.randrange(999)}.png"
            ],
        }
        body.update(overrides)
        return body

    def invalid_text_request(self, mutation: str | None = None) -> InvalidV2Request:
        """A SendTextMessage body broken by one of :data:`MUTATIONS` (chosen when None)."""
        name = mutation or self.rng.choice(sorted(MUTATIONS))
        if name not in MUTATIONS:
            raise PinpointMockError(
                f"unknown mutation {name!r}; use one of {', '.join(sorted(MUTATIONS))}"
            )
        body = self.text_request(country="US")
        body.pop("Context", None)
        field, reason, change = MUTATIONS[name]
        change(body)
        return InvalidV2Request("SendTextMessage", body, field, reason, name)


def _set(member: str, value: Any) -> Any:
    return lambda body: body.__setitem__(member, value)


_BAD = "FIELD_VALIDATION_FAILED"
_DEST = "DestinationPhoneNumber"
MUTATIONS: dict[str, tuple[str, str, Any]] = {
    "destination-missing": (_DEST, "MISSING_PARAMETER", lambda body: body.pop(_DEST)),
    "destination-not-e164": (_DEST, _BAD, _set(_DEST, "(206) 555-0123")),
    "destination-not-a-number": (_DEST, "INVALID_PARAMETER", _set(_DEST, "+1206555")),
    "message-type": ("MessageType", _BAD, _set("MessageType", "BULK")),
    "time-to-live-low": ("TimeToLive", _BAD, _set("TimeToLive", 4)),
    "time-to-live-high": ("TimeToLive", _BAD, _set("TimeToLive", 259201)),
    "max-price": ("MaxPrice", _BAD, _set("MaxPrice", "1")),
    "keyword-too-long": ("Keyword", _BAD, _set("Keyword", "K" * 31)),
    "context-too-big": ("Context", _BAD, _set("Context", {f"k{i}": "v" for i in range(6)})),
    "unknown-member": ("Foo", _BAD, _set("Foo", "bar")),
    "dry-run-type": ("DryRun", _BAD, _set("DryRun", "yes")),
    "body-blank": ("MessageBody", _BAD, _set("MessageBody", "   ")),
    "body-too-long": ("MessageBody", "MAXIMUM_SIZE_EXCEEDED", _set("MessageBody", "a" * 1531)),
    "body-ucs2-too-long": ("MessageBody", "MAXIMUM_SIZE_EXCEEDED", _set("MessageBody", "ж" * 631)),
}
"""Each mutation: the field and reason the service answers, and how it breaks a valid body."""
