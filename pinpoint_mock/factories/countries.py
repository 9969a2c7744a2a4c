"""The countries generated users live in: mobile number ranges, locales and time zones.

The mobile ranges are checked against libphonenumber's metadata (tests/factories/test_countries.py).
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field


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

    def mobile_number(self, rng: random.Random, prefix: str) -> str:
        """A mobile number of this country in the range ``prefix``, E.164.

        NANP numbers never use the 555 exchange (nor N11), so never hit the simulator range."""
        rest = self.length - len(prefix)
        if self.calling_code == "1":
            exchange = "555"
            while exchange == "555" or exchange[1:] == "11":
                exchange = f"{rng.randint(2, 9)}{rng.randint(0, 99):02d}"
            return f"+1{prefix}{exchange}{rng.randint(0, 9999):04d}"
        return f"+{self.calling_code}{prefix}{rng.randint(0, 10**rest - 1):0{rest}d}"

    def locale_and_zone(self, rng: random.Random, prefix: str | None) -> tuple[str, str]:
        """The locale and time zone of a user whose number is in ``prefix`` (None: anywhere)."""
        locale = self.locales_by_prefix.get(prefix or "") or (
            self.locales[0] if len(self.locales) == 1 or rng.random() < 0.85 else self.locales[1]
        )
        zone = self.zones_by_prefix.get(prefix or "") or rng.choice(self.time_zones)
        return locale, zone


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

#: Mobile ranges checked against libphonenumber's metadata (tests/factories/test_countries.py).
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
