"""Believable, reproducible Pinpoint data: a Faker provider, and factories for endpoints, users,
whole worlds and SendUsersMessages requests.

    fake = make_faker(seed=7)                   # a seeded Faker with the PinpointProvider
    fake.e164_phone_number("GB")                # '+447700912345'-like, valid for its country
    factory = PinpointFactory(seed=7)
    world = factory.users(200, channels=("SMS", "EMAIL", "APNS"), opt_out_rate=0.05)
    body = factory.request(world[:100])         # a valid SendUsersMessages body for them

Everything comes from one ``random.Random`` seeded with ``seed`` (the Faker instance's own), so the
same seed gives the same data in every process, under pytest-xdist too, for a given version of
pinpoint-mock and Faker. Generated addresses never hit the simulator addresses (``+1NPA55501NN``,
``name+throttled@…``, ``throttled-…`` push tokens), so outcomes stay the ones a test scripts.

Nothing in the core imports this module at import time: Faker is an optional dependency
(``pip install 'pinpoint-mock[faker]'``).
"""

from __future__ import annotations

import base64
import functools
import importlib
import random
import string
import unicodedata
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any, SupportsIndex, overload

from .errors import PinpointMockError
from .limits import MAX_ENDPOINTS_PER_USER
from .models import CHANNEL_MESSAGE, CHANNELS, PUSH_CHANNELS, Endpoint
from .script import simulated_status

try:
    from faker import Faker
    from faker.providers import BaseProvider
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError(
        "pinpoint_mock.factories needs Faker: pip install 'pinpoint-mock[faker]'"
    ) from exc

if TYPE_CHECKING:
    from .mock import PinpointMock

#: The ways applications spell Pinpoint user ids.
USER_ID_STYLES = ("uuid", "cognito", "integer")
#: Channels a request factory can write a message for (PUSH: DefaultPushNotificationMessage).
REQUEST_CHANNELS = (*CHANNEL_MESSAGE, "PUSH")
MAX_USERS_PER_REQUEST = 100


_HEX = "0123456789abcdef"
_URLSAFE = string.ascii_letters + string.digits + "-_"
_EMAIL_DOMAINS = ("example.com", "example.org", "example.net", "mail.example.com")
_COGNITO_REGIONS = ("us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2")


# -- countries ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Country:
    """How to make a mobile number valid for one country, and what its users look like."""

    code: str
    """ISO 3166-1 alpha-2."""
    calling_code: str
    prefixes: tuple[str, ...]
    """National number prefixes of mobile ranges (NANP: area codes)."""
    length: int
    """Digits of the national significant number."""
    locales: tuple[str, ...]
    """Demographic locales, the first one most common (and the source of names)."""
    time_zones: tuple[str, ...]
    weight: float
    """Share of a mixed world."""
    zones_by_prefix: Mapping[str, str] = field(default_factory=dict)
    """Time zone of a prefix, where it is geographic (NANP area codes, Brazilian DDDs)."""
    locales_by_prefix: Mapping[str, str] = field(default_factory=dict)


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _zones(groups: Mapping[str, str]) -> dict[str, str]:
    """``{"201 202": "America/New_York"}`` -> one entry per prefix."""
    return {prefix: zone for prefixes, zone in groups.items() for prefix in _words(prefixes)}


_US_ZONES = _zones(
    {
        "201 202 203 207 212 215 216 301 302 304 305 313 315 317 401 404 407 410 412 502 513 "
        "603 614 617 646 703 704 718 802 803 804 813 904 912 917 919": "America/New_York",
        "205 214 217 312 314 402 469 504 512 615 713 816 817 901 972": "America/Chicago",
        "303 406 505 720 801 970": "America/Denver",
        "208": "America/Boise",
        "602": "America/Phoenix",
        "206 213 310 408 415 503 619 702 818 916 971": "America/Los_Angeles",
        "907": "America/Anchorage",
        "808": "Pacific/Honolulu",
    }
)
_CA_ZONES = _zones(
    {
        "289 416 418 438 450 514 519 613 647 705 807 819 905": "America/Toronto",
        "236 250 604 778": "America/Vancouver",
        "403 587 780": "America/Edmonton",
        "204": "America/Winnipeg",
        "306": "America/Regina",
        "506 902": "America/Halifax",
        "709": "America/St_Johns",
    }
)
_BR_DDD = _words(
    "11 12 13 14 15 16 17 18 19 21 22 24 27 28 31 32 33 34 35 37 38 41 42 43 44 45 46 47 48 49 "
    "51 53 54 55 61 62 63 64 65 66 67 68 69 71 73 74 75 77 79 81 82 83 84 85 86 87 88 89 91 92 "
    "93 94 95 96 97 98 99"
)
_BR_ZONES = _zones(
    {
        "92 97": "America/Manaus",
        "91 93 94": "America/Belem",
        "81 87": "America/Recife",
        "85 88": "America/Fortaleza",
        "71 73 74 75 77": "America/Bahia",
        "65 66": "America/Cuiaba",
        "67": "America/Campo_Grande",
        "68": "America/Rio_Branco",
        "69": "America/Porto_Velho",
    }
)

#: Mobile ranges checked against libphonenumber's metadata (tests/test_factories.py).
COUNTRIES: dict[str, Country] = {
    c.code: c
    for c in (
        Country(
            "US",
            "1",
            tuple(_US_ZONES),
            10,
            ("en_US", "es_US"),
            ("America/New_York",),
            40,
            zones_by_prefix=_US_ZONES,
        ),
        Country(
            "CA",
            "1",
            tuple(_CA_ZONES),
            10,
            ("en_CA",),
            ("America/Toronto",),
            6,
            zones_by_prefix=_CA_ZONES,
            locales_by_prefix=dict.fromkeys(_words("418 438 450 514 819"), "fr_CA"),
        ),
        Country(
            "GB",
            "44",
            _words(
                "710 711 712 713 714 715 716 717 718 719 720 721 722 723 724 725 726 727 728 729 "
                "730 731 732 733 734 735 736 737 738 739 740 741 742 743 744 746 747 748 749 751 "
                "753 754 755 756 757 758 759 771 772 773 774 775 776 777 780 781 784 785 786 787 "
                "788 789 790 792 794 795 796 797 798 799"  # not the Crown Dependencies' ranges
            ),
            10,
            ("en_GB",),
            ("Europe/London",),
            10,
        ),
        Country(
            "DE",
            "49",
            _words("151 152 155 156 157 159 160 162 163 170 171 172 173 174 175 176 177 178 179"),
            11,
            ("de_DE",),
            ("Europe/Berlin",),
            8,
        ),
        Country(
            "FR",
            "33",
            _words("60 61 62 64 65 66 67 68 73 74 75 76 77 78 79"),
            9,
            ("fr_FR",),
            ("Europe/Paris",),
            8,
        ),
        Country(
            "IN",
            "91",
            _words("70 72 74 84 85 90 91 92 93 94 95 96 97 98 99"),
            10,
            ("en_IN",),
            ("Asia/Kolkata",),
            10,
        ),
        Country(
            "BR",
            "55",
            tuple(d + "9" for d in _BR_DDD),
            11,
            ("pt_BR",),
            ("America/Sao_Paulo",),
            8,
            zones_by_prefix={d + "9": z for d, z in _BR_ZONES.items()},
        ),
        Country(
            "JP",
            "81",
            tuple(f"{a}0{b}" for a in "789" for b in "123456789"),
            10,
            ("ja_JP",),
            ("Asia/Tokyo",),
            5,
        ),
        Country(
            "AU",
            "61",
            ("40", "41", "42", "43", "46"),
            9,
            ("en_AU",),
            (
                "Australia/Sydney",
                "Australia/Melbourne",
                "Australia/Brisbane",
                "Australia/Perth",
                "Australia/Adelaide",
            ),
            5,
        ),
    )
}


# -- names --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Pool:
    names: tuple[str, ...]
    ascii: tuple[str, ...]
    cum_weights: tuple[float, ...]

    def pick(self, rng: random.Random) -> tuple[str, str]:
        index = rng.choices(range(len(self.names)), cum_weights=self.cum_weights)[0]
        return self.names[index], self.ascii[index]


_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "œ": "oe"})


def ascii_fold(text: str) -> str:
    """``"Zoë O'Brien-Müller"`` -> ``"zoeobrienmuller"``: for email local parts."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_FOLD))
    return "".join(c for c in decomposed if c in string.ascii_lowercase or c in string.digits)


def _pool(source: Any) -> _Pool:
    items = list(source.items()) if isinstance(source, Mapping) else [(n, 1.0) for n in source]
    names, asciis, cumulative = [], [], []
    total = 0.0
    for name, weight in items:
        if isinstance(name, tuple):  # ja_JP: (kanji, kana, romanized)
            display, plain = name[0], ascii_fold(name[-1])
        else:
            display, plain = name, ascii_fold(name)
        total += float(weight)
        names.append(display)
        asciis.append(plain or "user")
        cumulative.append(total)
    return _Pool(tuple(names), tuple(asciis), tuple(cumulative))


#: Locales whose names Faker keeps under another locale.
_NAME_LOCALES = {"es_US": "es_MX"}


@functools.cache
def _names(locale: str) -> tuple[_Pool, _Pool]:
    """First and last names of a Faker locale (its person provider's data, weights included)."""
    try:
        module = importlib.import_module(
            f"faker.providers.person.{_NAME_LOCALES.get(locale, locale)}"
        )
    except ImportError:
        module = importlib.import_module("faker.providers.person.en_US")
    provider = module.Provider
    first = getattr(provider, "first_name_pairs", None) or provider.first_names
    last = getattr(provider, "last_name_pairs", None) or provider.last_names
    return _pool(first), _pool(last)


# -- the Faker provider -------------------------------------------------------------------------

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
        codes = _country_codes(countries)
        weights = [COUNTRIES[c].weight for c in codes]
        return self.generator.random.choices(codes, weights=weights)[0]  # type: ignore[no-any-return]

    def person_name(self, locale: str = "en_US") -> tuple[str, str]:
        """``(first, last)`` from Faker's name data for ``locale``, weighted as Faker weights it."""
        first, last = _names(locale)
        rng = self.generator.random
        return first.pick(rng)[0], last.pick(rng)[0]

    # -- addresses --
    def e164_phone_number(self, country: str | None = None) -> str:
        """A mobile number valid for ``country`` (random from the table if None), E.164.

        NANP numbers never use the 555 exchange, so never hit the simulator range."""
        rng = self.generator.random
        spec = COUNTRIES[_country_code(country) if country else self.pinpoint_country()]
        return _phone(rng, spec, rng.choice(spec.prefixes))

    def endpoint_email(self, first_name: str | None = None, last_name: str | None = None) -> str:
        """An address at an RFC 2606 example domain, shaped like people's real addresses
        (``ana.silva@``, ``asilva84@``…). Never carries a ``+tag``."""
        rng = self.generator.random
        if first_name is None or last_name is None:
            first, last = _names("en_US")
            first_name = first_name or first.pick(rng)[1]
            last_name = last_name or last.pick(rng)[1]
        return _email(rng, ascii_fold(first_name) or "user", ascii_fold(last_name) or "mail")

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
        channel = _channel(channel)
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
        return self._uuid()  # IN_APP

    # -- ids --
    def _uuid(self) -> str:
        return str(uuid.UUID(int=self.generator.random.getrandbits(128), version=4))

    def pinpoint_application_id(self) -> str:
        """A Pinpoint application (project) id: 32 lowercase hex digits."""
        return f"{self.generator.random.getrandbits(128):032x}"

    def pinpoint_endpoint_id(self) -> str:
        """An endpoint id as the AWS Mobile/Amplify SDKs make them: a UUID."""
        return self._uuid()

    def pinpoint_user_id(self, style: str | None = None) -> str:
        """A user id in one of the common styles (random if None): ``uuid``; ``cognito``, the
        Cognito identity id ``us-east-1:<uuid>`` Amplify uses by default (a user pool ``sub``
        is a plain UUID); ``integer``, a database key such as ``48213``."""
        rng = self.generator.random
        style = _id_style(style) if style else rng.choice(USER_ID_STYLES)
        if style == "uuid":
            return self._uuid()
        if style == "cognito":
            return f"{rng.choice(_COGNITO_REGIONS)}:{self._uuid()}"
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
        code = _country_code(country) if country else self.pinpoint_country()
        spec = COUNTRIES[code]
        locale, zone = self._locale_zone(spec, None)
        if first_name is None or last_name is None:
            first, last = self.person_name(spec.locales[0])
            first_name, last_name = first_name or first, last_name or last
        return {
            "FirstName": [first_name],
            "LastName": [last_name],
            "Locale": [locale],
            "TimeZone": [zone],
        }

    def _locale_zone(self, spec: Country, prefix: str | None) -> tuple[str, str]:
        rng = self.generator.random
        locale = spec.locales_by_prefix.get(prefix or "") or (
            spec.locales[0] if len(spec.locales) == 1 or rng.random() < 0.85 else spec.locales[1]
        )
        zone = spec.zones_by_prefix.get(prefix or "") or rng.choice(spec.time_zones)
        return locale, zone

    def endpoint_demographic(
        self, channel: str, locale: str = "en_US", time_zone: str = "America/New_York"
    ) -> dict[str, str]:
        """``Demographic`` of an endpoint: locale and time zone, plus the device for push."""
        rng = self.generator.random
        demographic = {"Locale": locale, "Timezone": time_zone}
        channel = _channel(channel)
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
        return "ALL" if self.generator.random.random() < _rate("opt_out_rate", rate) else "NONE"

    def endpoint_status(self, inactive_rate: float = 0.0) -> str:
        """``INACTIVE`` with probability ``inactive_rate``, else ``ACTIVE``."""
        inactive = self.generator.random.random() < _rate("inactive_rate", inactive_rate)
        return "INACTIVE" if inactive else "ACTIVE"


def _phone(rng: random.Random, spec: Country, prefix: str) -> str:
    rest = spec.length - len(prefix)
    if spec.calling_code == "1":
        exchange = "555"
        while exchange == "555" or exchange[1:] == "11":
            exchange = f"{rng.randint(2, 9)}{rng.randint(0, 99):02d}"
        return f"+1{prefix}{exchange}{rng.randint(0, 9999):04d}"
    return f"+{spec.calling_code}{prefix}{rng.randint(0, 10**rest - 1):0{rest}d}"


def _email(rng: random.Random, first: str, last: str) -> str:
    shape = rng.randrange(6)
    if shape == 0:
        local = f"{first}.{last}"
    elif shape == 1:
        local = f"{first}{last}"
    elif shape == 2:
        local = f"{first[0]}{last}{rng.randint(1, 99)}"
    elif shape == 3:
        local = f"{first}_{last}"
    elif shape == 4:
        local = f"{first}{rng.randint(1960, 2006)}"
    else:
        local = f"{first}.{last}{rng.randint(1, 999)}"
    return f"{local}@{rng.choice(_EMAIL_DOMAINS)}"


# -- argument checks ------------------------------------------------------------------------------


def _channel(channel: str) -> str:
    upper = str(channel).upper()
    if upper not in CHANNELS:
        raise PinpointMockError(f"channel {channel!r} is not one of {', '.join(CHANNELS)}")
    return upper


def _names_in(items: Iterable[str] | str) -> list[str]:
    """``["SMS,EMAIL", "APNS"]`` or ``"SMS EMAIL"`` -> ``["SMS", "EMAIL", …]``."""
    if isinstance(items, str):
        items = [items]
    return [name for item in items for name in str(item).replace(",", " ").split()]


def parse_channels(channels: Iterable[str] | str) -> tuple[str, ...]:
    """Channel names, upper-cased and checked: a list, or a string such as ``"SMS,EMAIL"``."""
    found = tuple(dict.fromkeys(_channel(c) for c in _names_in(channels)))
    if not found:
        raise PinpointMockError("channels must name at least one channel")
    return found


def _country_code(country: str) -> str:
    code = str(country).upper()
    if code not in COUNTRIES:
        raise PinpointMockError(f"country {country!r} is not one of {', '.join(COUNTRIES)}")
    return code


def _country_codes(countries: Iterable[str] | str | None) -> list[str]:
    if countries is None:
        return list(COUNTRIES)
    codes = list(dict.fromkeys(_country_code(c) for c in _names_in(countries)))
    if not codes:
        raise PinpointMockError("countries must name at least one country")
    return codes


def _id_style(style: str) -> str:
    if style not in USER_ID_STYLES:
        raise PinpointMockError(f"id_style {style!r} is not one of {', '.join(USER_ID_STYLES)}")
    return style


def _rate(name: str, value: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise PinpointMockError(f"{name} must be a number from 0 to 1, got {value!r}")
    return float(value)


def _count(name: str, value: Any, low: int = 0, high: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < low:
        raise PinpointMockError(f"{name} must be an integer >= {low}, got {value!r}")
    if high is not None and value > high:
        raise PinpointMockError(f"{name} must be at most {high}, got {value!r}")
    return value


# -- records ------------------------------------------------------------------------------------


def endpoint_to_dict(endpoint: Endpoint) -> dict[str, Any]:
    """An endpoint in the service's ``EndpointResponse`` shape (what GetEndpoint returns)."""
    out: dict[str, Any] = {
        "Address": endpoint.address,
        "ApplicationId": endpoint.application_id,
        "Attributes": {k: list(v) for k, v in endpoint.attributes.items()},
        "ChannelType": endpoint.channel,
        "CohortId": endpoint.cohort_id,
        "CreationDate": endpoint.creation_date,
        "Demographic": dict(endpoint.demographic),
        "EffectiveDate": endpoint.effective_date,
        "EndpointStatus": endpoint.status,
        "Id": endpoint.endpoint_id,
        "Location": dict(endpoint.location),
        "Metrics": dict(endpoint.metrics),
        "OptOut": endpoint.opt_out,
        "User": {"UserAttributes": {k: list(v) for k, v in endpoint.user_attributes.items()}},
    }
    if endpoint.user_id is not None:
        out["User"]["UserId"] = endpoint.user_id
    return {k: v for k, v in out.items() if v != "" and v != {}}


def endpoint_batch_item(endpoint: Endpoint) -> dict[str, Any]:
    """An endpoint as an ``EndpointBatchItem`` of UpdateEndpointsBatch."""
    item = endpoint_to_dict(endpoint)
    for key in ("ApplicationId", "CohortId", "CreationDate"):
        item.pop(key, None)
    return item


@dataclass(frozen=True)
class FakeUser:
    """A generated user: its id, its endpoints (as registered) and who it is."""

    user_id: str
    endpoints: tuple[Endpoint, ...]
    attributes: Mapping[str, list[str]]
    """The user attributes shared by all its endpoints (``FirstName``, ``Locale``…)."""
    country: str

    @property
    def first_name(self) -> str:
        return self.attributes.get("FirstName", [""])[0]

    @property
    def last_name(self) -> str:
        return self.attributes.get("LastName", [""])[0]

    @property
    def channels(self) -> tuple[str, ...]:
        """The channels of its endpoints, in registration order."""
        return tuple(dict.fromkeys(e.channel for e in self.endpoints))

    @property
    def reachable(self) -> tuple[Endpoint, ...]:
        """Its endpoints that would get a message: ACTIVE and not opted out."""
        return tuple(e for e in self.endpoints if e.active and not e.opted_out)

    def endpoints_for(self, channel: str) -> tuple[Endpoint, ...]:
        channel = _channel(channel)
        return tuple(e for e in self.endpoints if e.channel == channel)

    def endpoint(self, channel: str) -> Endpoint:
        """Its first endpoint on ``channel``."""
        found = self.endpoints_for(channel)
        if not found:
            have = ", ".join(self.channels) or "none"
            raise PinpointMockError(
                f"user {self.user_id!r} has no {channel.upper()} endpoint (channels: {have})"
            )
        return found[0]

    def address(self, channel: str) -> str:
        """The address of its first endpoint on ``channel``: ``user.address("SMS")``."""
        return self.endpoint(channel).address

    def to_dict(self) -> dict[str, Any]:
        return {
            "UserId": self.user_id,
            "UserAttributes": {k: list(v) for k, v in self.attributes.items()},
            "Endpoints": [endpoint_to_dict(e) for e in self.endpoints],
        }


class World(list[FakeUser]):
    """The users a factory made (a list), with the seed that made them."""

    def __init__(
        self,
        users: Iterable[FakeUser] = (),
        *,
        seed: int | str | None = None,
        application_id: str | None = None,
    ) -> None:
        super().__init__(users)
        self.seed = seed
        self.application_id = application_id

    @overload
    def __getitem__(self, index: SupportsIndex) -> FakeUser: ...
    @overload
    def __getitem__(self, index: slice) -> World: ...
    def __getitem__(self, index: SupportsIndex | slice) -> FakeUser | World:
        if isinstance(index, slice):
            return self._like(super().__getitem__(index))
        return super().__getitem__(index)

    def _like(self, users: Iterable[FakeUser]) -> World:
        return World(users, seed=self.seed, application_id=self.application_id)

    @property
    def user_ids(self) -> list[str]:
        return [user.user_id for user in self]

    @property
    def endpoints(self) -> list[Endpoint]:
        return [endpoint for user in self for endpoint in user.endpoints]

    def get(self, user_id: str) -> FakeUser:
        for user in self:
            if user.user_id == user_id:
                return user
        raise PinpointMockError(f"no user {user_id!r} in this world of {len(self)} users")

    def having(self, channel: str | None = None, *, reachable: bool | None = None) -> World:
        """The users with an endpoint on ``channel`` (any channel if None); ``reachable=True``:
        only counting ACTIVE, not opted-out endpoints; ``False``: users with none of those."""
        chosen = []
        for user in self:
            endpoints = user.endpoints_for(channel) if channel else user.endpoints
            if reachable is not None:
                live = [e for e in endpoints if e.active and not e.opted_out]
                if bool(live) != reachable:
                    continue
            elif not endpoints:
                continue
            chosen.append(user)
        return self._like(chosen)

    def to_dicts(self) -> list[dict[str, Any]]:
        return [user.to_dict() for user in self]


# -- requests -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Scenario:
    name: str
    message_type: str
    sms: str
    subject: str
    text: str
    html: str
    push_title: str
    push_body: str
    voice: str
    variables: tuple[str, ...]
    deep_link: str


_SCENARIOS = (
    _Scenario(
        "appointment-reminder",
        "TRANSACTIONAL",
        "Hi {{FirstName}}, reminder: your appointment is on {{Date}} at {{Time}}. "
        "Reply C to confirm or R to reschedule.",
        "Reminder: your appointment on {{Date}}",
        "Hi {{FirstName}},\n\nThis is a reminder of your appointment on {{Date}} at {{Time}}."
        "\n\nSee you soon!",
        "<p>Hi {{FirstName}},</p><p>This is a reminder of your appointment on "
        "<b>{{Date}}</b> at <b>{{Time}}</b>.</p><p>See you soon!</p>",
        "Appointment on {{Date}}",
        "{{FirstName}}, see you at {{Time}}.",
        "Hello {{FirstName}}. This is a reminder of your appointment on {{Date}} at {{Time}}.",
        ("FirstName", "Date", "Time"),
        "myapp://appointments",
    ),
    _Scenario(
        "order-shipped",
        "TRANSACTIONAL",
        "{{FirstName}}, your order {{OrderId}} has shipped with {{Carrier}}.",
        "Your order {{OrderId}} is on its way",
        "Hi {{FirstName}},\n\nGood news: order {{OrderId}} has shipped with {{Carrier}}.",
        "<p>Hi {{FirstName}},</p><p>Good news: order <b>{{OrderId}}</b> has shipped with "
        "{{Carrier}}.</p>",
        "Order {{OrderId}} shipped",
        "It's on its way with {{Carrier}}.",
        "Hello {{FirstName}}. Your order has shipped with {{Carrier}}.",
        ("FirstName", "OrderId", "Carrier"),
        "myapp://orders",
    ),
    _Scenario(
        "verification-code",
        "TRANSACTIONAL",
        "Your verification code is {{Code}}. It expires in 10 minutes.",
        "Your verification code",
        "Hi {{FirstName}},\n\nYour verification code is {{Code}}. It expires in 10 minutes.",
        "<p>Hi {{FirstName}},</p><p>Your verification code is <b>{{Code}}</b>. It expires in "
        "10 minutes.</p>",
        "Verification code",
        "Your code is {{Code}}.",
        "Your verification code is {{Code}}.",
        ("FirstName", "Code"),
        "myapp://verify",
    ),
    _Scenario(
        "weekend-offer",
        "PROMOTIONAL",
        "{{FirstName}}, take {{Discount}} off this weekend only! Reply STOP to opt out.",
        "{{FirstName}}, {{Discount}} off this weekend",
        "Hi {{FirstName}},\n\nTake {{Discount}} off everything this weekend only.",
        "<p>Hi {{FirstName}},</p><p>Take <b>{{Discount}}</b> off everything this weekend only.</p>",
        "{{Discount}} off this weekend",
        "{{FirstName}}, treat yourself: {{Discount}} off until Sunday.",
        "Hello {{FirstName}}. Take {{Discount}} off everything this weekend.",
        ("FirstName", "Discount"),
        "myapp://offers",
    ),
    _Scenario(
        "payment-due",
        "TRANSACTIONAL",
        "Hi {{FirstName}}, your payment of {{Amount}} is due on {{Date}}.",
        "Payment of {{Amount}} due on {{Date}}",
        "Hi {{FirstName}},\n\nA friendly reminder that {{Amount}} is due on {{Date}}.",
        "<p>Hi {{FirstName}},</p><p>A friendly reminder that <b>{{Amount}}</b> is due on "
        "{{Date}}.</p>",
        "Payment due {{Date}}",
        "{{Amount}} is due on {{Date}}.",
        "Hello {{FirstName}}. Your payment of {{Amount}} is due on {{Date}}.",
        ("FirstName", "Amount", "Date"),
        "myapp://billing",
    ),
)
SCENARIOS = tuple(s.name for s in _SCENARIOS)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_CARRIERS = ("UPS", "FedEx", "USPS", "DHL", "Royal Mail", "La Poste")


def _value(rng: random.Random, name: str) -> str:
    if name == "Date":
        return f"{rng.choice(_MONTHS)} {rng.randint(1, 28)}"
    if name == "Time":
        return f"{rng.randint(8, 17)}:{rng.choice(('00', '15', '30', '45'))}"
    if name == "OrderId":
        return "#" + "".join(rng.choices(string.ascii_uppercase + string.digits, k=8))
    if name == "Carrier":
        return rng.choice(_CARRIERS)
    if name == "Code":
        return f"{rng.randint(0, 999_999):06d}"
    if name == "Discount":
        return f"{rng.choice((10, 15, 20, 25, 30, 40))}%"
    if name == "Amount":
        return f"{rng.randint(5, 480)}.{rng.randint(0, 99):02d}"
    return ""


def _fill(text: str, values: Mapping[str, str]) -> str:
    for name, value in values.items():
        replacement = "{{User.UserAttributes.FirstName}}" if name == "FirstName" else value
        text = text.replace("{{" + name + "}}", replacement)
    return text


# -- the factory --------------------------------------------------------------------------------


def make_faker(seed: int | str | None = None, locale: str = "en_US") -> Faker:
    """A Faker for ``locale`` with the :class:`PinpointProvider`, seeded with ``seed``.

    Seeds are used as text, so ``7`` and ``"7"`` (as a command line passes it) are one seed."""
    fake = Faker(locale)
    fake.add_provider(PinpointProvider)
    if seed is not None:
        fake.seed_instance(str(seed))
    return fake


def _provider_of(fake: Faker) -> PinpointProvider:
    for provider in fake.get_providers():
        if isinstance(provider, PinpointProvider):
            return provider
    fake.add_provider(PinpointProvider)
    return _provider_of(fake)


_EPOCH = datetime(2022, 1, 1, tzinfo=timezone.utc)


def _date(rng: random.Random, after: datetime, days: int) -> datetime:
    """A moment up to ``days`` days after ``after``, to the millisecond."""
    return after + timedelta(milliseconds=rng.randrange(days * 86_400_000))


def _iso(stamp: datetime) -> str:
    """ISO-8601 with milliseconds and a trailing Z, as the service writes dates."""
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.") + f"{stamp.microsecond // 1000:03d}Z"


class PinpointFactory:
    """Endpoints, users, worlds and requests from one seed.

    ``seed`` None draws one (kept in ``factory.seed``, so it can be printed and replayed).
    ``countries`` limits the users' countries (default: a weighted global mix); ``id_style``
    picks how user ids look (``uuid``, ``cognito`` or ``integer``).
    """

    def __init__(
        self,
        seed: int | str | None = None,
        *,
        locale: str = "en_US",
        countries: Iterable[str] | str | None = None,
        id_style: str = "uuid",
        application_id: str | None = None,
        faker: Faker | None = None,
    ) -> None:
        if seed is None and faker is None:
            seed = random.SystemRandom().randrange(10**6)
        if isinstance(seed, bool) or not isinstance(seed, (int, str, type(None))):
            raise PinpointMockError(f"seed must be an int or a str, got {seed!r}")
        self.seed = seed
        self.faker = faker if faker is not None else make_faker(seed, locale)
        if faker is not None and seed is not None:
            faker.seed_instance(str(seed))
        self.provider = _provider_of(self.faker)
        self.random: random.Random = self.faker.random
        self.countries = _country_codes(countries)
        self._weights = [COUNTRIES[c].weight for c in self.countries]
        self.id_style = _id_style(id_style)
        if application_id is None:
            from .options import Options

            application_id = Options.default_application_id
        self.application_id = application_id
        self._used_ids: set[str] = set()
        self._used_addresses: set[str] = set()
        self._next_integer = self.random.randint(1_000, 90_000)

    # -- users and endpoints --
    def _country(self, country: str | None) -> Country:
        if country is not None:
            return COUNTRIES[_country_code(country)]
        return COUNTRIES[self.random.choices(self.countries, weights=self._weights)[0]]

    def user_id(self) -> str:
        """A new user id in this factory's style, unique within the factory."""
        while True:
            if self.id_style == "integer":
                self._next_integer += self.random.randint(1, 9)
                user_id = str(self._next_integer)
            else:
                user_id = self.provider.pinpoint_user_id(self.id_style)
            if user_id not in self._used_ids:
                self._used_ids.add(user_id)
                return user_id

    def _unique_address(
        self, channel: str, spec: Country, prefix: str, names: tuple[str, str]
    ) -> str:
        """A new address for the user; addresses are unique within the factory, so a request
        to many users never gets a DUPLICATE the test did not ask for."""
        provider = self.provider
        for _ in range(1000):
            if channel in ("SMS", "VOICE"):
                address = _phone(self.random, spec, prefix)  # same area as the user's others
            elif channel == "EMAIL":
                address = _email(self.random, *names)
            else:
                address = provider.endpoint_address(channel, spec.code)
            if address not in self._used_addresses and simulated_status(channel, address) is None:
                self._used_addresses.add(address)
                return address
        raise PinpointMockError(f"could not make a new {channel} address")  # pragma: no cover

    def user(
        self,
        *,
        channels: Iterable[str] | str = ("SMS", "EMAIL"),
        endpoints_per_user: int | tuple[int, int] | None = None,
        opt_out_rate: float = 0.0,
        inactive_rate: float = 0.0,
        user_id: str | None = None,
        country: str | None = None,
        application_id: str | None = None,
    ) -> FakeUser:
        """One user with endpoints over ``channels``: one per channel by default;
        ``endpoints_per_user=N`` (or a ``(low, high)`` range) cycles over them."""
        return self._user(
            parse_channels(channels),
            _per_user(endpoints_per_user),
            _rate("opt_out_rate", opt_out_rate),
            _rate("inactive_rate", inactive_rate),
            user_id,
            country,
            application_id or self.application_id,
        )

    def _user(
        self,
        channels: tuple[str, ...],
        per_user: tuple[int, int] | None,
        opt_out_rate: float,
        inactive_rate: float,
        user_id: str | None,
        country: str | None,
        application_id: str,
    ) -> FakeUser:
        rng = self.random
        provider = self.provider
        spec = self._country(country)
        prefix = rng.choice(spec.prefixes)
        locale, zone = provider._locale_zone(spec, prefix)
        first_pool, last_pool = _names(locale)
        first, first_ascii = first_pool.pick(rng)
        last, last_ascii = last_pool.pick(rng)
        if user_id is None:
            user_id = self.user_id()
        attributes = {
            "FirstName": [first],
            "LastName": [last],
            "Locale": [locale],
            "TimeZone": [zone],
        }
        if per_user is None:
            chosen = list(channels)
        else:
            count = rng.randint(*per_user)
            order = list(channels)
            rng.shuffle(order)
            chosen = [order[i % len(order)] for i in range(count)]
        names = (first_ascii, last_ascii)
        created = _date(rng, _EPOCH, 1200)
        endpoints = []
        for channel in chosen:
            effective = _date(rng, created, 300)
            endpoints.append(
                Endpoint(
                    application_id=application_id,
                    endpoint_id=provider.pinpoint_endpoint_id(),
                    channel=channel,
                    address=self._unique_address(channel, spec, prefix, names),
                    user_id=user_id,
                    opt_out="ALL" if rng.random() < opt_out_rate else "NONE",
                    status="INACTIVE" if rng.random() < inactive_rate else "ACTIVE",
                    attributes=provider.endpoint_attributes(channel),
                    user_attributes=attributes,
                    demographic=provider.endpoint_demographic(channel, locale, zone),
                    location={"Country": spec.code},
                    effective_date=_iso(effective),
                    creation_date=_iso(created),
                    cohort_id=str(rng.randrange(100)),
                )
            )
        return FakeUser(user_id, tuple(endpoints), attributes, spec.code)

    def users(
        self,
        count: int,
        *,
        channels: Iterable[str] | str = ("SMS", "EMAIL"),
        endpoints_per_user: int | tuple[int, int] | None = None,
        opt_out_rate: float = 0.0,
        inactive_rate: float = 0.0,
        country: str | None = None,
        application_id: str | None = None,
    ) -> World:
        """``count`` users (a :class:`World`), each with endpoints as for :meth:`user`."""
        count = _count("users", count)
        args = (
            parse_channels(channels),
            _per_user(endpoints_per_user),
            _rate("opt_out_rate", opt_out_rate),
            _rate("inactive_rate", inactive_rate),
            None,
            country,
            application_id or self.application_id,
        )
        return World(
            (self._user(*args) for _ in range(count)),
            seed=self.seed,
            application_id=args[-1],
        )

    def endpoint(
        self,
        channel: str = "SMS",
        *,
        opt_out_rate: float = 0.0,
        inactive_rate: float = 0.0,
        country: str | None = None,
        application_id: str | None = None,
    ) -> Endpoint:
        """One endpoint on ``channel`` of a new user."""
        user = self.user(
            channels=(channel,),
            opt_out_rate=opt_out_rate,
            inactive_rate=inactive_rate,
            country=country,
            application_id=application_id,
        )
        return user.endpoints[0]

    def endpoints(
        self,
        count: int,
        *,
        channels: Iterable[str] | str = ("SMS", "EMAIL"),
        opt_out_rate: float = 0.0,
        inactive_rate: float = 0.0,
        country: str | None = None,
        application_id: str | None = None,
    ) -> list[Endpoint]:
        """``count`` endpoints, cycling over ``channels``, each of its own new user."""
        count = _count("endpoints", count)
        chosen = parse_channels(channels)
        return [
            self.endpoint(
                chosen[i % len(chosen)],
                opt_out_rate=opt_out_rate,
                inactive_rate=inactive_rate,
                country=country,
                application_id=application_id,
            )
            for i in range(count)
        ]

    # -- the mock --
    def populate(
        self,
        mock: PinpointMock,
        users: int = 10,
        *,
        channels: Iterable[str] | str = ("SMS", "EMAIL"),
        endpoints_per_user: int | tuple[int, int] | None = None,
        opt_out_rate: float = 0.0,
        inactive_rate: float = 0.0,
        country: str | None = None,
        application_id: str | None = None,
    ) -> World:
        """Register ``users`` generated users and their endpoints in ``mock``; returns them."""
        app = application_id or mock.application_id
        directory = mock.engine.directory
        self._used_addresses.update(e.address for e in directory.endpoints(app))
        world = self.users(
            users,
            channels=channels,
            endpoints_per_user=endpoints_per_user,
            opt_out_rate=opt_out_rate,
            inactive_rate=inactive_rate,
            country=country,
            application_id=app,
        )
        for user in world:
            for endpoint in user.endpoints:
                try:
                    directory.put(endpoint)
                except PinpointMockError as exc:
                    raise PinpointMockError(f"populate: {exc}") from None
        return world

    # -- requests --
    def request(
        self,
        users: Iterable[FakeUser | str],
        *,
        channels: Iterable[str] | str | None = None,
        scenario: str | None = None,
        substitutions: bool = True,
        overrides: float = 0.0,
        context: bool | Mapping[str, str] = False,
        trace_id: bool | str = False,
    ) -> dict[str, Any]:
        """A valid SendUsersMessages body (the HTTP body / ``SendUsersMessageRequest``) for
        ``users`` (:class:`FakeUser` or user ids, at most 100).

        ``channels``: the channel messages to write (default: the users' channels, else SMS and
        EMAIL). ``substitutions``: per-user ``Substitutions`` fill the ``{{variables}}`` (else
        the texts use ``{{User.UserAttributes.FirstName}}``). ``overrides``: the share of users
        that get a ``BodyOverride``/``TitleOverride``. ``context``: ``Context`` maps (True:
        generated ones). ``trace_id``: a ``TraceId`` (True: a generated one).
        """
        rng = self.random
        chosen_users = list(users)
        if not chosen_users:
            raise PinpointMockError("a request needs at least one user")
        if len(chosen_users) > MAX_USERS_PER_REQUEST:
            raise PinpointMockError(
                f"a SendUsersMessages request takes at most {MAX_USERS_PER_REQUEST} users, got "
                f"{len(chosen_users)}; use requests() to split them"
            )
        overrides = _rate("overrides", overrides)
        wanted = self._request_channels(chosen_users, channels)
        if scenario is None:
            story = rng.choice(_SCENARIOS)
        else:
            matches = [s for s in _SCENARIOS if s.name == scenario]
            if not matches:
                raise PinpointMockError(
                    f"scenario {scenario!r} is not one of {', '.join(SCENARIOS)}"
                )
            story = matches[0]
        values = {name: _value(rng, name) for name in story.variables}
        values["FirstName"] = "there"
        config = self._messages(story, wanted, values, substitutions)
        body: dict[str, Any] = {"MessageConfiguration": config, "Users": {}}
        for entry in chosen_users:
            user_id = entry.user_id if isinstance(entry, FakeUser) else str(entry)
            cfg: dict[str, Any] = {}
            if substitutions:
                first = entry.first_name if isinstance(entry, FakeUser) else ""
                if not first:
                    first = _names("en_US")[0].pick(rng)[0]
                subs = {name: [_value(rng, name)] for name in story.variables}
                subs["FirstName"] = [first]
                cfg["Substitutions"] = subs
            if overrides and rng.random() < overrides:
                name = "{{FirstName}}" if substitutions else "{{User.UserAttributes.FirstName}}"
                cfg["BodyOverride"] = f"{name}, we have an update for you."
                if rng.random() < 0.5:
                    cfg["TitleOverride"] = "A personal update"
            if context is True or (isinstance(context, Mapping) and rng.random() < 0.5):
                cfg["Context"] = {"segment": rng.choice(("new", "active", "lapsed", "vip"))}
            body["Users"][user_id] = cfg
        if context is True:
            body["Context"] = {"campaign": story.name, "batch": self.provider._uuid()}
        elif isinstance(context, Mapping):
            body["Context"] = {str(k): str(v) for k, v in context.items()}
        if trace_id is True:
            body["TraceId"] = f"{story.name}-{rng.getrandbits(64):016x}"
        elif isinstance(trace_id, str) and trace_id:
            body["TraceId"] = trace_id
        return body

    def requests(
        self, users: Iterable[FakeUser | str], *, batch: int = 100, **options: Any
    ) -> list[dict[str, Any]]:
        """Requests for any number of users, ``batch`` (at most 100) users per request."""
        batch = _count("batch", batch, 1, MAX_USERS_PER_REQUEST)
        chosen = list(users)
        return [
            self.request(chosen[start : start + batch], **options)
            for start in range(0, len(chosen), batch)
        ]

    def cli_input(
        self,
        users: Iterable[FakeUser | str],
        *,
        application_id: str | None = None,
        **options: Any,
    ) -> dict[str, Any]:
        """The ``aws pinpoint send-users-messages --cli-input-json`` shape (also boto3's
        keyword arguments): ``{"ApplicationId": ..., "SendUsersMessageRequest": ...}``."""
        return {
            "ApplicationId": application_id or self.application_id,
            "SendUsersMessageRequest": self.request(users, **options),
        }

    def _request_channels(
        self, users: list[FakeUser | str], channels: Iterable[str] | str | None
    ) -> tuple[str, ...]:
        if channels is not None:
            found = parse_channels(channels)
            unsupported = [c for c in found if c not in REQUEST_CHANNELS]
            if unsupported:
                raise PinpointMockError(
                    f"no direct message for channel {', '.join(unsupported)}; request channels "
                    f"are {', '.join(REQUEST_CHANNELS)}"
                )
            return found
        seen = dict.fromkeys(
            e.channel for u in users if isinstance(u, FakeUser) for e in u.endpoints
        )
        found = tuple(c for c in CHANNELS if c in seen and c in REQUEST_CHANNELS)
        return found or ("SMS", "EMAIL")

    def _messages(
        self,
        story: _Scenario,
        channels: tuple[str, ...],
        values: Mapping[str, str],
        substitutions: bool,
    ) -> dict[str, Any]:
        rng = self.random

        def text(template: str) -> str:
            return template if substitutions else _fill(template, values)

        def with_defaults(message: dict[str, Any]) -> dict[str, Any]:
            if substitutions:
                message["Substitutions"] = {name: [value] for name, value in values.items()}
            return message

        def push(member: str) -> dict[str, Any]:
            message: dict[str, Any] = {
                "Title": text(story.push_title),
                "Body": text(story.push_body),
            }
            action = rng.choice(("OPEN_APP", "OPEN_APP", "DEEP_LINK", "URL"))
            message["Action"] = action
            if action == "DEEP_LINK":
                message["Url"] = story.deep_link
            elif action == "URL":
                message["Url"] = f"https://www.example.com/{story.name}"
            if member == "APNSMessage":
                message |= {"Sound": "default", "APNSPushType": "alert", "Priority": "10"}
                if rng.random() < 0.5:
                    message["Badge"] = rng.randint(1, 9)
            elif member == "GCMMessage":
                message |= {"Priority": rng.choice(("high", "normal"))}
                if rng.random() < 0.5:
                    message["TimeToLive"] = rng.choice((3600, 86_400, 604_800))
            elif member != "DefaultPushNotificationMessage" and rng.random() < 0.5:
                message["Sound"] = "default"
            return with_defaults(message)

        config: dict[str, Any] = {}
        for channel in channels:
            member = (
                "DefaultPushNotificationMessage" if channel == "PUSH" else CHANNEL_MESSAGE[channel]
            )
            if member in config:
                continue
            if member == "SMSMessage":
                config[member] = with_defaults(
                    {"Body": text(story.sms), "MessageType": story.message_type}
                )
            elif member == "EmailMessage":
                email: dict[str, Any] = {
                    "SimpleEmail": {
                        "Subject": {"Charset": "UTF-8", "Data": text(story.subject)},
                        "TextPart": {"Charset": "UTF-8", "Data": text(story.text)},
                        "HtmlPart": {"Charset": "UTF-8", "Data": text(story.html)},
                    }
                }
                if rng.random() < 0.5:
                    email["FromAddress"] = "Example <no-reply@example.com>"
                config[member] = with_defaults(email)
            elif member == "VoiceMessage":
                config[member] = with_defaults(
                    {"Body": text(story.voice), "LanguageCode": "en-US", "VoiceId": "Joanna"}
                )
            else:
                config[member] = push(member)
        return config


def _per_user(value: int | tuple[int, int] | None) -> tuple[int, int] | None:
    if value is None:
        return None
    if isinstance(value, tuple):
        if len(value) != 2:
            raise PinpointMockError(f"endpoints_per_user range must be (low, high), got {value!r}")
        low = _count("endpoints_per_user", value[0], 0, MAX_ENDPOINTS_PER_USER)
        high = _count("endpoints_per_user", value[1], low, MAX_ENDPOINTS_PER_USER)
        return low, high
    count = _count("endpoints_per_user", value, 0, MAX_ENDPOINTS_PER_USER)
    return count, count


def populate(
    mock: PinpointMock,
    users: int = 10,
    *,
    seed: int | str | None = None,
    locale: str = "en_US",
    countries: Iterable[str] | str | None = None,
    id_style: str = "uuid",
    **options: Any,
) -> World:
    """What :meth:`PinpointMock.populate` runs: a factory seeded with ``seed``, filling ``mock``."""
    factory = PinpointFactory(seed, locale=locale, countries=countries, id_style=id_style)
    return factory.populate(mock, users, **options)


__all__ = [
    "COUNTRIES",
    "REQUEST_CHANNELS",
    "SCENARIOS",
    "USER_ID_STYLES",
    "Country",
    "FakeUser",
    "PinpointFactory",
    "PinpointProvider",
    "World",
    "ascii_fold",
    "endpoint_batch_item",
    "endpoint_to_dict",
    "make_faker",
    "populate",
]
