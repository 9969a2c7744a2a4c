"""Believable, reproducible bodies for the rest of the Pinpoint surface (``pip install
'pinpoint-mock[faker]'``): CreateApp, the Update*Channel operations, PhoneNumberValidate,
SendOTPMessage and VerifyOTPMessage, the template API (Create/Update Sms, Email, Push and Voice
templates, UpdateTemplateActiveVersion); valid ones, and ones broken by exactly one mutation
that announce the field, the rule and who refuses them (the contract, or the service's own
checks answering 400 BadRequestException).

    factory = PinpointSurfaceFactory(seed=7)
    body = factory.otp_request(country="GB")       # boto3: send_otp_message(ApplicationId=...,
                                                   #   SendOTPMessageRequestParameters=body)
    body = factory.request("UpdateGcmChannel")      # any operation of SURFACE_OPERATIONS
    case = factory.invalid_request("SendOTPMessage")  # case.body, case.field, case.rule, case.by

Each body is a wire body (the operation's payload member, without the outer key the SDKs add).
Phone numbers are mobile numbers valid for their country that are never a simulator number.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import PinpointMockError
from .provider import MOBILE_COUNTRIES, SeededFactory

COUNTRIES = MOBILE_COUNTRIES

#: The service's bounds the bodies keep to (the factories import nothing of the services; a
#: test keeps these equal to theirs).
MAX_NAME = 64
MAX_BRAND = 20
RANGES = {"CodeLength": (5, 8), "ValidityPeriod": (5, 60), "AllowedAttempts": (1, 5)}
#: Channel platform -> the operations' infix.
PLATFORMS = {
    "SMS": "Sms", "EMAIL": "Email", "VOICE": "Voice", "APNS": "Apns",
    "APNS_SANDBOX": "ApnsSandbox", "APNS_VOIP": "ApnsVoip",
    "APNS_VOIP_SANDBOX": "ApnsVoipSandbox", "GCM": "Gcm", "BAIDU": "Baidu", "ADM": "Adm",
}  # fmt: skip

TEMPLATE_KINDS = ("SMS", "EMAIL", "PUSH", "VOICE")
_TEMPLATE_INFIX = {"SMS": "Sms", "EMAIL": "Email", "PUSH": "Push", "VOICE": "Voice"}

#: The channel operations, by platform (UpdateSmsChannel, UpdateApnsSandboxChannel...).
CHANNEL_OPERATIONS: dict[str, str] = {
    platform: f"Update{infix}Channel" for platform, infix in PLATFORMS.items()
}
#: The template operations, by template type and verb ("Create"/"Update").
TEMPLATE_OPERATIONS: dict[tuple[str, str], str] = {
    (kind, verb): f"{verb}{infix}Template"
    for kind, infix in _TEMPLATE_INFIX.items()
    for verb in ("Create", "Update")
}
#: Every operation of the surface with a request body, as botocore names it.
SURFACE_OPERATIONS: tuple[str, ...] = (
    "CreateApp",
    "PhoneNumberValidate",
    "SendOTPMessage",
    "VerifyOTPMessage",
    "UpdateTemplateActiveVersion",
    *CHANNEL_OPERATIONS.values(),
    *TEMPLATE_OPERATIONS.values(),
)

_APP_NAMES = ("shop", "Checkout", "loyalty-app", "Rides EU", "clinic reminders", "Bäckerei")
_BRANDS = ("Acme", "ShopCo", "RideNow", "Clinic+", "Bäckerei")
_LANGUAGES = ("en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "ja-JP")
_VOICES = ("Joanna", "Matthew", "Amy", "Brian", "Vicki", "Lea")


@dataclass(frozen=True)
class InvalidSurfaceRequest:
    """A body broken by one mutation, and who refuses it with what."""

    operation: str
    body: dict[str, Any]
    field: str
    """Where the violation is: the contract's path (``Default.Action``), or the member the
    service's 400 message starts with (``CodeLength: ...``)."""
    rule: str
    """The contract rule broken (``required``, ``type``, ``additionalProperties``, ``enum``), or
    ``BadRequestException`` for a body the contract accepts and the service refuses."""
    by: str
    """``contract`` or ``service``."""
    mutation: str


class PinpointSurfaceFactory(SeededFactory):
    """Bodies for the Pinpoint surface from one seed (the same seed, the same bodies)."""

    def _tags(self) -> dict[str, str]:
        return {"team": self.rng.choice(("growth", "ops", "care")), "env": "test"}

    def _hex(self, length: int) -> str:
        return "".join(self.rng.choice("0123456789abcdef") for _ in range(length))

    # -- apps and channels --
    def app_request(self, **overrides: Any) -> dict[str, Any]:
        """A valid CreateApp body (``CreateApplicationRequest``)."""
        body: dict[str, Any] = {"Name": self.rng.choice(_APP_NAMES)[:MAX_NAME]}
        if self.rng.random() < 0.5:
            body["tags"] = self._tags()
        body.update(overrides)
        return body

    def channel_request(self, platform: str, **overrides: Any) -> dict[str, Any]:
        """A valid Update<platform>Channel body; ``platform`` is a key of
        :data:`CHANNEL_OPERATIONS` (SMS, EMAIL, VOICE, APNS, APNS_SANDBOX, APNS_VOIP,
        APNS_VOIP_SANDBOX, GCM, BAIDU, ADM)."""
        platform = platform.upper()
        if platform not in CHANNEL_OPERATIONS:
            raise PinpointMockError(
                f"platform {platform!r} is not one of {', '.join(CHANNEL_OPERATIONS)}"
            )
        body: dict[str, Any] = {"Enabled": self.rng.random() < 0.9}
        if platform == "SMS":
            if self.rng.random() < 0.5:
                body["SenderId"] = self.rng.choice(("ACME", "ShopCo", "RIDENOW"))
            if self.rng.random() < 0.3:
                body["ShortCode"] = str(self.rng.randrange(10000, 99999))
        elif platform == "EMAIL":
            domain = self.fake.domain_name()
            body["FromAddress"] = f"no-reply@{domain}"
            body["Identity"] = f"arn:aws:ses:us-east-1:123456789012:identity/{domain}"
            if self.rng.random() < 0.5:
                body["ConfigurationSet"] = f"events-{self.rng.randrange(100)}"
        elif platform.startswith("APNS"):
            body.update(
                {
                    "BundleId": f"com.example.{self.fake.word().lower()}",
                    "TeamId": self._hex(10).upper(),
                    "TokenKey": "-----BEGIN PRIVATE KEY-----\nMIGT...\n-----END PRIVATE KEY-----",
                    "TokenKeyId": self._hex(10).upper(),
                    "DefaultAuthenticationMethod": "TOKEN",
                }
            )
        elif platform == "GCM":
            if self.rng.random() < 0.5:
                body["ApiKey"] = f"AIza{self._hex(35)}"
                body["DefaultAuthenticationMethod"] = "KEY"
            else:
                body["ServiceJson"] = json.dumps(
                    {"type": "service_account", "project_id": f"app-{self._hex(6)}"}
                )
                body["DefaultAuthenticationMethod"] = "TOKEN"
        elif platform == "BAIDU":
            body.update({"ApiKey": self._hex(24), "SecretKey": self._hex(32)})
        elif platform == "ADM":
            body.update(
                {
                    "ClientId": f"amzn1.application-oa2-client.{self._hex(32)}",
                    "ClientSecret": self._hex(64),
                }
            )
        body.update(overrides)
        return body

    # -- phone numbers and one-time passwords --
    def phone_validate_request(self, country: str | None = None) -> dict[str, Any]:
        """A valid PhoneNumberValidate body (``NumberValidateRequest``): an E.164 number, or a
        national one with its ``IsoCountryCode``."""
        country = country or self.rng.choice(COUNTRIES)
        number = self.phone_number(country)
        if self.rng.random() < 0.5:
            return {"PhoneNumber": number}
        return {"PhoneNumber": number, "IsoCountryCode": country}

    def otp_request(self, country: str | None = None, **overrides: Any) -> dict[str, Any]:
        """A valid SendOTPMessage body (``SendOTPMessageRequestParameters``)."""
        body: dict[str, Any] = {
            "BrandName": self.rng.choice(_BRANDS)[:MAX_BRAND],
            "Channel": "SMS",
            "DestinationIdentity": self.phone_number(country),
            "OriginationIdentity": self.phone_number("US"),
            "ReferenceId": f"login-{self._hex(8)}",
        }
        for name, (low, high) in RANGES.items():
            if self.rng.random() < 0.5:
                body[name] = self.rng.randint(low, high)
        if self.rng.random() < 0.3:
            body["Language"] = self.rng.choice(_LANGUAGES)
        body.update(overrides)
        return body

    def verify_otp_request(
        self, reference_id: str, destination: str, otp: str | None = None
    ) -> dict[str, Any]:
        """A VerifyOTPMessage body (``VerifyOTPMessageRequestParameters``); ``otp`` defaults to
        a made-up six-digit code (the mock's codes are in ``pinpoint.otp_codes``)."""
        code = otp if otp is not None else f"{self.rng.randrange(10**6):06d}"
        return {"ReferenceId": reference_id, "DestinationIdentity": destination, "Otp": code}

    # -- templates --
    def template_request(self, kind: str, **overrides: Any) -> dict[str, Any]:
        """A valid Create/Update<kind>Template body; ``kind`` is SMS, EMAIL, PUSH or VOICE. Its
        text uses ``{{User.UserAttributes.FirstName}}`` and ``{{Attributes.Order}}``, with
        DefaultSubstitutions for both."""
        kind = kind.upper()
        if kind not in TEMPLATE_KINDS:
            raise PinpointMockError(f"kind {kind!r} is not one of {', '.join(TEMPLATE_KINDS)}")
        hello = "Hi {{User.UserAttributes.FirstName}}"
        text = f"{hello}, order {{{{Attributes.Order}}}} has shipped."
        defaults = {"User.UserAttributes.FirstName": "there", "Attributes.Order": "your order"}
        body: dict[str, Any] = {"DefaultSubstitutions": json.dumps(defaults)}
        if kind in ("SMS", "VOICE"):
            body["Body"] = text
        if kind == "VOICE":
            body["LanguageCode"] = self.rng.choice(_LANGUAGES)
            body["VoiceId"] = self.rng.choice(_VOICES)
        elif kind == "EMAIL":
            body["Subject"] = "Your order {{Attributes.Order}}"
            body["TextPart"] = text
            body["HtmlPart"] = (
                f"<p>{text}</p><p><a href='https://{self.fake.domain_name()}/o'>Track</a></p>"
            )
        elif kind == "PUSH":
            body["Default"] = {"Title": "Shipped", "Body": text, "Action": "OPEN_APP"}
            if self.rng.random() < 0.5:
                body["GCM"] = {
                    "Title": "Shipped",
                    "Body": text,
                    "Action": "URL",
                    "Url": "https://example.com/o",
                }
            if self.rng.random() < 0.5:
                body["APNS"] = {"Title": "Shipped", "Body": text, "Sound": "default"}
        if self.rng.random() < 0.5:
            body["TemplateDescription"] = f"{kind.lower()} shipping notice"
        if self.rng.random() < 0.3:
            body["tags"] = self._tags()
        body.update(overrides)
        return body

    def active_version_request(self, version: str | int = "1") -> dict[str, Any]:
        """An UpdateTemplateActiveVersion body (``TemplateActiveVersionRequest``)."""
        return {"Version": str(version)}

    # -- any operation --
    def request(self, operation: str) -> dict[str, Any]:
        """A valid body for any operation of :data:`SURFACE_OPERATIONS`."""
        for platform, name in CHANNEL_OPERATIONS.items():
            if name == operation:
                return self.channel_request(platform)
        for (kind, _), name in TEMPLATE_OPERATIONS.items():
            if name == operation:
                return self.template_request(kind)
        makers: dict[str, Callable[[], dict[str, Any]]] = {
            "CreateApp": self.app_request,
            "PhoneNumberValidate": self.phone_validate_request,
            "SendOTPMessage": self.otp_request,
            "VerifyOTPMessage": lambda: self.verify_otp_request(
                f"login-{self._hex(8)}", self.phone_number()
            ),
            "UpdateTemplateActiveVersion": lambda: self.active_version_request(
                self.rng.randint(1, 5)
            ),
        }
        if operation not in makers:
            raise PinpointMockError(
                f"operation {operation!r} is not one of {', '.join(SURFACE_OPERATIONS)}"
            )
        return makers[operation]()

    def invalid_request(
        self, operation: str | None = None, mutation: str | None = None
    ) -> InvalidSurfaceRequest:
        """A valid body broken by one of :data:`MUTATIONS` (one of ``operation``'s, or any, when
        ``mutation`` is None)."""
        if mutation is None:
            names = sorted(n for n, m in MUTATIONS.items() if operation in (None, m[0]))
            if not names:
                raise PinpointMockError(
                    f"no mutation for operation {operation!r}; operations with mutations: "
                    f"{', '.join(sorted({m[0] for m in MUTATIONS.values()}))}"
                )
            mutation = self.rng.choice(names)
        if mutation not in MUTATIONS:
            raise PinpointMockError(
                f"unknown mutation {mutation!r}; use one of {', '.join(sorted(MUTATIONS))}"
            )
        op, field, rule, change = MUTATIONS[mutation]
        if operation not in (None, op):
            raise PinpointMockError(f"mutation {mutation!r} is for {op}, not {operation}")
        body = self.request(op)
        change(body)
        by = "service" if rule == _SERVICE else "contract"
        return InvalidSurfaceRequest(op, body, field, rule, by, mutation)


def _set(member: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda body: body.__setitem__(member, value)


def _drop(member: str) -> Callable[[dict[str, Any]], None]:
    return lambda body: body.pop(member, None)


def _nested(member: str, key: str, value: Any) -> Callable[[dict[str, Any]], None]:
    return lambda body: body.setdefault(member, {}).__setitem__(key, value)


_SERVICE = "BadRequestException"
_OTP = "SendOTPMessage"
_PHONE = "PhoneNumberValidate"
#: Each mutation: (operation, field, rule, how it breaks a valid body). ``rule`` is the contract
#: rule the validator reports at ``field``, or BadRequestException for the service's own checks
#: (its message starts with ``field:``).
MUTATIONS: dict[str, tuple[str, str, str, Callable[[dict[str, Any]], None]]] = {
    "app-name-missing": ("CreateApp", "Name", "required", _drop("Name")),
    "app-unknown-member": ("CreateApp", "Nmae", "additionalProperties", _set("Nmae", "shop")),
    "app-tag-type": ("CreateApp", "tags.team", "type", _nested("tags", "team", 7)),
    "app-name-blank": ("CreateApp", "Name", _SERVICE, _set("Name", "   ")),
    "app-name-too-long": ("CreateApp", "Name", _SERVICE, _set("Name", "n" * (MAX_NAME + 1))),
    "sms-channel-enabled-type": ("UpdateSmsChannel", "Enabled", "type", _set("Enabled", "yes")),
    "email-channel-identity-missing": (
        "UpdateEmailChannel",
        "Identity",
        "required",
        _drop("Identity"),
    ),
    "baidu-channel-secret-missing": (
        "UpdateBaiduChannel",
        "SecretKey",
        "required",
        _drop("SecretKey"),
    ),
    "adm-channel-unknown-member": (
        "UpdateAdmChannel",
        "ClientID",
        "additionalProperties",
        _set("ClientID", "x"),
    ),
    "phone-number-type": (_PHONE, "PhoneNumber", "type", _set("PhoneNumber", 12065550123)),
    "phone-number-blank": (_PHONE, "PhoneNumber", _SERVICE, _set("PhoneNumber", "  ")),
    "phone-country": (_PHONE, "IsoCountryCode", _SERVICE, _set("IsoCountryCode", "USA")),
    "otp-destination-missing": (
        _OTP,
        "DestinationIdentity",
        "required",
        _drop("DestinationIdentity"),
    ),
    "otp-code-length-type": (_OTP, "CodeLength", "type", _set("CodeLength", "6")),
    "otp-channel": (_OTP, "Channel", _SERVICE, _set("Channel", "EMAIL")),
    "otp-brand-too-long": (_OTP, "BrandName", _SERVICE, _set("BrandName", "B" * (MAX_BRAND + 1))),
    "otp-destination-not-e164": (
        _OTP,
        "DestinationIdentity",
        _SERVICE,
        _set("DestinationIdentity", "2065550123"),
    ),
    "otp-code-length": (
        _OTP,
        "CodeLength",
        _SERVICE,
        _set("CodeLength", RANGES["CodeLength"][0] - 1),
    ),
    "otp-validity-period": (
        _OTP,
        "ValidityPeriod",
        _SERVICE,
        _set("ValidityPeriod", RANGES["ValidityPeriod"][1] + 1),
    ),
    "otp-allowed-attempts": (_OTP, "AllowedAttempts", _SERVICE, _set("AllowedAttempts", 0)),
    "verify-otp-missing": ("VerifyOTPMessage", "Otp", "required", _drop("Otp")),
    "sms-template-body-type": ("CreateSmsTemplate", "Body", "type", _set("Body", ["hi"])),
    "email-template-header-type": (
        "CreateEmailTemplate",
        "Headers[0].Value",
        "type",
        _set("Headers", [{"Name": "X-Id", "Value": 1}]),
    ),
    "push-template-action": (
        "CreatePushTemplate",
        "Default.Action",
        "enum",
        _nested("Default", "Action", "OPEN"),
    ),
    "voice-template-substitutions": (
        "CreateVoiceTemplate",
        "DefaultSubstitutions",
        _SERVICE,
        _set("DefaultSubstitutions", "not json"),
    ),
    "active-version-type": ("UpdateTemplateActiveVersion", "Version", "type", _set("Version", 2)),
    "active-version-missing": (
        "UpdateTemplateActiveVersion",
        "Version",
        _SERVICE,
        _drop("Version"),
    ),
}
