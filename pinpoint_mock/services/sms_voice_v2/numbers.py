"""Phone numbers as the service reads them: E.164 (checked with the ``phonenumbers`` library when
it is installed, ``pip install 'pinpoint-mock[phone]'``), their country, and AWS's own SMS
simulator destination numbers.

The simulator numbers are AWS's, from "Simulator phone numbers in AWS End User Messaging SMS"
(https://docs.aws.amazon.com/sms-voice/latest/userguide/test-phone-numbers.html): per country,
one number whose messages succeed and one whose messages fail. Messages to them never reach a
carrier; an origination simulator number (type SIMULATOR, US only) may send only to the
destination simulator numbers of its own country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

#: The model's pattern for a phone number (``PhoneNumber``), anchored as the service matches it.
MODEL_PATTERN = re.compile(r"\+?[1-9][0-9]{1,18}")

#: AWS's destination simulator numbers: number -> (ISO country, succeeds).
SIMULATOR_DESTINATIONS: dict[str, tuple[str, bool]] = {
    "+61455944038": ("AU", True),
    "+61455944039": ("AU", False),
    "+43676800442031": ("AT", True),
    "+43676800442032": ("AT", False),
    "+32460213922": ("BE", True),
    "+32460213923": ("BE", False),
    "+56229140630": ("CL", True),
    "+56229140631": ("CL", False),
    "+420790542286": ("CZ", True),
    "+420790542287": ("CZ", False),
    "+4525919410": ("DK", True),
    "+4525919215": ("DK", False),
    "+37282720792": ("EE", True),
    "+37282720793": ("EE", False),
    "+3584573979110": ("FI", True),
    "+3584573979111": ("FI", False),
    "+33755512501": ("FR", True),
    "+33755512502": ("FR", False),
    "+85257048426": ("HK", True),
    "+85257048854": ("HK", False),
    "+36707178770": ("HU", True),
    "+36707178772": ("HU", False),
    "+394390009172": ("IT", True),
    "+394390009174": ("IT", False),
    "+447937404990": ("JE", True),
    "+447937404992": ("JE", False),
    "+352691385880": ("LU", True),
    "+352691385882": ("LU", False),
    "+3197008100148": ("NL", True),
    "+3197008100150": ("NL", False),
    "+4759449384": ("NO", True),
    "+4759449387": ("NO", False),
    "+48732141440": ("PL", True),
    "+48732141442": ("PL", False),
    "+351927946948": ("PT", True),
    "+351927946950": ("PT", False),
    "+40783900330": ("RO", True),
    "+40783900332": ("RO", False),
    "+34683783440": ("ES", True),
    "+34683783442": ("ES", False),
    "+46790645100": ("SE", True),
    "+46790645102": ("SE", False),
    "+41798075872": ("CH", True),
    "+41798075874": ("CH", False),
    "+886903444630": ("TW", True),
    "+886903444632": ("TW", False),
    "+447860019066": ("GB", True),
    "+447860019067": ("GB", False),
    "+14254147755": ("US", True),
    "+14254147167": ("US", False),
}


@dataclass(frozen=True)
class Checked:
    """A destination number as the service sees it."""

    number: str
    country: str | None
    """ISO 3166 code of the number's country (None when it cannot be told)."""
    problem: str | None
    """Why the number is not a valid E.164 number, or None."""


def _phonenumbers() -> Any:
    try:
        import phonenumbers
    except ImportError:  # pragma: no cover - the phone extra is not installed
        return None
    return phonenumbers


@lru_cache(maxsize=4096)
def check(number: str) -> Checked:
    """``number`` checked as E.164: a leading ``+``, a country code and a number valid for that
    country (``phonenumbers``), or only the model's shape when that library is missing.
    AWS's simulator numbers are always valid."""
    simulated = SIMULATOR_DESTINATIONS.get(number)
    if simulated is not None:
        return Checked(number, simulated[0], None)
    if not number.startswith("+"):
        return Checked(number, None, "must be in E.164 format, starting with + and a country code")
    if not MODEL_PATTERN.fullmatch(number):
        return Checked(number, None, "must be + and 2 to 19 digits, the first not 0 (E.164)")
    library = _phonenumbers()
    if library is None:  # pragma: no cover - the phone extra is not installed
        return Checked(number, None, None)
    try:
        parsed = library.parse(number, None)
    except library.NumberParseException as exc:
        return Checked(number, None, f"is not a phone number ({exc})")
    country = library.region_code_for_number(parsed)
    if not library.is_valid_number(parsed):
        return Checked(number, country, "is not a valid phone number for its country code")
    return Checked(number, country, None)


def simulator_destination(number: str) -> tuple[str, bool] | None:
    """``(country, succeeds)`` for one of AWS's destination simulator numbers, else None."""
    return SIMULATOR_DESTINATIONS.get(number)
