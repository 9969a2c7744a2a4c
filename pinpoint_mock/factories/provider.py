"""The Faker provider for Pinpoint data (phone numbers, e-mails, push tokens, ids, attributes),
and :func:`make_faker`, a seeded Faker that has it.

This is the one module of the factories that imports Faker when it loads: without the extra,
importing ``pinpoint_mock.factories`` fails here with the command that installs it.
"""

from __future__ import annotations

import base64
import random
import string
import uuid
from collections.abc import Iterable

from ..models import PUSH_CHANNELS
from ..script import simulated_status
from . import arguments
from .arguments import USER_ID_STYLES, channel_name, country_code
from .countries import COUNTRIES, Country
from .names import ascii_fold, email_address, name_pools

try:
    from faker import Faker
    from faker.providers import BaseProvider
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "pinpoint_mock.factories needs Faker: pip install 'pinpoint-mock[faker]'"
    ) from exc

_URLSAFE = string.ascii_letters + string.digits + "-_"
_COGNITO_REGIONS = ("us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2")
_IOS_MODELS = ("iPhone14,5", "iPhone14,7", "iPhone15,2", "iPhone15,4", "iPhone16,1", "iPhone17,3")
_ANDROID = (
    ("samsung", "SM-S911B"),
    ("samsung", "SM-A546B"),
    ("Google", "Pixel 8"),
    ("Google", "Pixel 7a"),
    ("Xiaomi", "2201117TG"),
    ("OnePlus", "CPH2449"),
)
_FIRE = (("Amazon", "KFTRWI"), ("Amazon", "KFRAWI"), ("Amazon", "AFTSS"))
_BAIDU_DEVICES = (("HUAWEI", "ELS-AN00"), ("Xiaomi", "M2012K11AC"), ("OPPO", "PEGM00"))
_INTERESTS = (
    "books",
    "cooking",
    "fitness",
    "gaming",
    "movies",
    "music",
    "outdoors",
    "sports",
    "tech",
    "travel",
)
_PLANS = ("free", "free", "free", "plus", "pro")
_SOURCES = ("web", "ios", "android", "referral", "store")


def random_uuid(rng: random.Random) -> str:
    """A version-4 UUID drawn from ``rng`` (so reproducible from its seed)."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


class PinpointProvider(BaseProvider):
    """Faker provider for Pinpoint data, added the conventional way::

        fake = Faker()
        fake.add_provider(PinpointProvider)
        fake.e164_phone_number("DE"), fake.apns_device_token(), fake.pinpoint_user_id("cognito")

    Every value comes from the Faker instance's random generator, so ``fake.seed_instance(s)``
    makes them reproducible; ``fake.unique.<method>()`` makes them unique.
    """

    # -- countries and people --
    def pinpoint_country(self, countries: Iterable[str] | None = None) -> str:
        """An ISO country code from the mobile-number table, weighted like a global app's users."""
        codes = arguments.country_codes(countries)
        weights = [COUNTRIES[c].weight for c in codes]
        return self.generator.random.choices(codes, weights=weights)[0]  # type: ignore[no-any-return]

    def person_name(self, locale: str = "en_US") -> tuple[str, str]:
        """``(first, last)`` from Faker's name data for ``locale``, weighted as Faker weights it."""
        first, last = name_pools(locale)
        rng = self.generator.random
        return first.pick(rng)[0], last.pick(rng)[0]

    # -- addresses --
    def e164_phone_number(self, country: str | None = None) -> str:
        """A mobile number valid for ``country`` (random from the table if None), E.164.

        NANP numbers never use the 555 exchange, so never hit the simulator range."""
        rng = self.generator.random
        spec = COUNTRIES[country_code(country) if country else self.pinpoint_country()]
        return spec.mobile_number(rng, rng.choice(spec.prefixes))

    def endpoint_email(self, first_name: str | None = None, last_name: str | None = None) -> str:
        """An address at an RFC 2606 example domain, shaped like people's real addresses
        (``ana.silva@``, ``asilva84@``…). Never carries a ``+tag``."""
        rng = self.generator.random
        if first_name is None or last_name is None:
            first, last = name_pools("en_US")
            first_name = first_name or first.pick(rng)[1]
            last_name = last_name or last.pick(rng)[1]
        return email_address(rng, ascii_fold(first_name) or "user", ascii_fold(last_name) or "mail")

    def apns_device_token(self) -> str:
        """An APNs device token: 32 bytes as 64 lowercase hex digits."""
        return f"{self.generator.random.getrandbits(256):064x}"

    def fcm_registration_token(self) -> str:
        """An FCM registration token: an 11-character instance id, ``:APA91b`` and the rest of
        the token, 152 or 163 characters of ``[A-Za-z0-9_-]`` in all."""
        rng = self.generator.random
        total = rng.choice((152, 163, 163))
        instance = "".join(rng.choices(_URLSAFE, k=11))
        while instance[0] in "-_":
            instance = rng.choice(string.ascii_letters) + instance[1:]
        return f"{instance}:APA91b" + "".join(rng.choices(_URLSAFE, k=total - 18))

    def baidu_channel_id(self) -> str:
        """A Baidu Cloud Push channel id: a 64-bit number, 18 or 19 digits."""
        return str(self.generator.random.randint(10**17, 2**63 - 1))

    def adm_registration_id(self) -> str:
        """An Amazon Device Messaging registration id: ``amzn1.adm-registration.v3.`` + base64."""
        rng = self.generator.random
        blob = rng.getrandbits(8 * 240).to_bytes(240, "big")
        return "amzn1.adm-registration.v3." + base64.b64encode(blob).decode()

    def endpoint_address(
        self,
        channel: str,
        country: str | None = None,
        first_name: str | None = None,
        last_name: str | None = None,
    ) -> str:
        """An address fit for ``channel`` (SMS/VOICE phone, EMAIL, push tokens, CUSTOM URL…)."""
        channel = channel_name(channel)
        rng = self.generator.random
        while True:
            address = self._address(rng, channel, country, first_name, last_name)
            if simulated_status(channel, address) is None:
                return address

    def _address(
        self,
        rng: random.Random,
        channel: str,
        country: str | None,
        first_name: str | None,
        last_name: str | None,
    ) -> str:
        if channel in ("SMS", "VOICE"):
            return self.e164_phone_number(country)
        if channel == "EMAIL":
            return self.endpoint_email(first_name, last_name)
        if channel.startswith("APNS"):
            return self.apns_device_token()
        if channel in ("GCM", "PUSH"):
            return self.fcm_registration_token()
        if channel == "BAIDU":
            return self.baidu_channel_id()
        if channel == "ADM":
            return self.adm_registration_id()
        if channel == "CUSTOM":
            return f"https://hooks.example.com/pinpoint/{rng.getrandbits(64):016x}"
        return random_uuid(rng)  # IN_APP

    # -- ids --
    def pinpoint_application_id(self) -> str:
        """A Pinpoint application (project) id: 32 lowercase hex digits."""
        return f"{self.generator.random.getrandbits(128):032x}"

    def pinpoint_endpoint_id(self) -> str:
        """An endpoint id as the AWS Mobile/Amplify SDKs make them: a UUID."""
        return random_uuid(self.generator.random)

    def pinpoint_user_id(self, style: str | None = None) -> str:
        """A user id in one of the common styles (random if None): ``uuid``; ``cognito``, the
        Cognito identity id ``us-east-1:<uuid>`` Amplify uses by default (a user pool ``sub``
        is a plain UUID); ``integer``, a database key such as ``48213``."""
        rng = self.generator.random
        style = arguments.id_style(style) if style else rng.choice(USER_ID_STYLES)
        if style == "uuid":
            return random_uuid(rng)
        if style == "cognito":
            return f"{rng.choice(_COGNITO_REGIONS)}:{random_uuid(rng)}"
        return str(rng.randint(1, 9_999_999))

    # -- attributes and states --
    def endpoint_attributes(self, channel: str | None = None) -> dict[str, list[str]]:
        """Custom endpoint attributes, as apps set them (``Interests``, ``Plan``…)."""
        rng = self.generator.random
        attributes = {
            "Interests": sorted(rng.sample(_INTERESTS, rng.randint(1, 3))),
            "Plan": [rng.choice(_PLANS)],
        }
        if rng.random() < 0.5:
            attributes["SignupSource"] = [rng.choice(_SOURCES)]
        if channel == "EMAIL" and rng.random() < 0.5:
            attributes["Newsletter"] = [rng.choice(("weekly", "monthly"))]
        return attributes

    def user_attributes(
        self,
        country: str | None = None,
        first_name: str | None = None,
        last_name: str | None = None,
    ) -> dict[str, list[str]]:
        """``FirstName``, ``LastName``, ``Locale`` and ``TimeZone`` for a user of ``country``."""
        code = country_code(country) if country else self.pinpoint_country()
        spec: Country = COUNTRIES[code]
        locale, zone = spec.locale_and_zone(self.generator.random, None)
        if first_name is None or last_name is None:
            first, last = self.person_name(spec.locales[0])
            first_name, last_name = first_name or first, last_name or last
        return {
            "FirstName": [first_name],
            "LastName": [last_name],
            "Locale": [locale],
            "TimeZone": [zone],
        }

    def endpoint_demographic(
        self, channel: str, locale: str = "en_US", time_zone: str = "America/New_York"
    ) -> dict[str, str]:
        """``Demographic`` of an endpoint: locale and time zone, plus the device for push."""
        rng = self.generator.random
        demographic = {"Locale": locale, "Timezone": time_zone}
        channel = channel_name(channel)
        if channel.startswith("APNS"):
            major = rng.randint(16, 18)
            demographic |= {
                "Platform": "ios",
                "PlatformVersion": f"{major}.{rng.randint(0, 6)}",
                "Make": "apple",
                "Model": rng.choice(_IOS_MODELS),
            }
        elif channel in ("GCM", "ADM", "BAIDU", "PUSH"):
            devices = {"ADM": _FIRE, "BAIDU": _BAIDU_DEVICES}.get(channel, _ANDROID)
            make, model = rng.choice(devices)
            demographic |= {
                "Platform": "android",
                "PlatformVersion": str(rng.randint(11, 15)),
                "Make": make,
                "Model": model,
            }
        if channel in PUSH_CHANNELS or channel == "PUSH":
            demographic["AppVersion"] = (
                f"{rng.randint(1, 5)}.{rng.randint(0, 20)}.{rng.randint(0, 9)}"
            )
        return demographic

    def endpoint_opt_out(self, rate: float = 0.0) -> str:
        """``ALL`` with probability ``rate``, else ``NONE``."""
        opted_out = self.generator.random.random() < arguments.rate("opt_out_rate", rate)
        return "ALL" if opted_out else "NONE"

    def endpoint_status(self, inactive_rate: float = 0.0) -> str:
        """``INACTIVE`` with probability ``inactive_rate``, else ``ACTIVE``."""
        inactive = self.generator.random.random() < arguments.rate("inactive_rate", inactive_rate)
        return "INACTIVE" if inactive else "ACTIVE"


def make_faker(seed: int | str | None = None, locale: str = "en_US") -> Faker:
    """A Faker for ``locale`` with the :class:`PinpointProvider`, seeded with ``seed``.

    Seeds are used as text, so ``7`` and ``"7"`` (as a command line passes it) are one seed."""
    fake = Faker(locale)
    fake.add_provider(PinpointProvider)
    if seed is not None:
        fake.seed_instance(str(seed))
    return fake


def provider_of(fake: Faker) -> PinpointProvider:
    """The :class:`PinpointProvider` of ``fake``, added to it if it has none."""
    for provider in fake.get_providers():
        if isinstance(provider, PinpointProvider):
            return provider
    fake.add_provider(PinpointProvider)
    return provider_of(fake)


MOBILE_COUNTRIES = ("US", "CA", "GB", "DE", "FR", "IN", "BR", "JP", "AU")
"""Countries whose mobile ranges the factories draw destinations from."""


class SeededFactory:
    """What a service's factory starts from: a Faker with the :class:`PinpointProvider` and its
    random generator, seeded with ``seed`` (the same seed, the same bodies)."""

    def __init__(self, seed: int | str | None = None) -> None:
        self.fake = make_faker(seed)
        self.provider = provider_of(self.fake)
        self.rng = self.fake.random

    def phone_number(self, country: str | None = None) -> str:
        """A mobile number valid for ``country`` (one of :data:`MOBILE_COUNTRIES` when None)."""
        return str(self.provider.e164_phone_number(country or self.rng.choice(MOBILE_COUNTRIES)))
