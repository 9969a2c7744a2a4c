"""PhoneNumberValidate, with Google's libphonenumber (the ``phonenumbers`` package): the country,
the carrier and line type, the cleansed E.164 and national forms, the time zone.

The service looks numbers up in carrier databases; the fake knows what libphonenumber knows.
Modelled assumptions (each listed in the docs):

- line types map as MOBILE -> MOBILE (0), FIXED_LINE -> LANDLINE (1), VOIP -> VOIP (2), any
  other valid type -> OTHER (4); FIXED_LINE_OR_MOBILE (most North American numbers, where only
  a carrier lookup can tell) -> :data:`AMBIGUOUS_TYPE`, MOBILE unless changed; PREPAID (5) only
  through an override;
- ``City`` is libphonenumber's geographic description when it is finer than the country;
  ``County`` and ``ZipCode`` are never known;
- a number that is not valid (or not a phone number at all) is answered 200 with ``PhoneType``
  INVALID (3), the original number and, when its country code is known, the country fields; no
  cleansed forms.

A test can say what the service would answer for one number with :class:`PhoneOverrides`.
"""

from __future__ import annotations

import threading
from typing import Any

from ...errors import PinpointMockError, ServiceError
from ...request import Request
from ...wire import Route, json_response
from ..base import Answered, Core
from .body import read_body

MAX_NUMBER = 100
"""The longest PhoneNumber accepted (a modelled bound)."""
AMBIGUOUS_TYPE = "MOBILE"
"""What a number libphonenumber finds FIXED_LINE_OR_MOBILE is answered as."""
TYPE_CODES = {"MOBILE": 0, "LANDLINE": 1, "VOIP": 2, "INVALID": 3, "OTHER": 4, "PREPAID": 5}
_FIELDS = (
    "Carrier", "City", "CleansedPhoneNumberE164", "CleansedPhoneNumberNational", "Country",
    "CountryCodeIso2", "CountryCodeNumeric", "County", "OriginalCountryCodeIso2",
    "OriginalPhoneNumber", "PhoneType", "PhoneTypeCode", "Timezone", "ZipCode",
)  # fmt: skip


class PhoneOverrides:
    """NumberValidateResponse members a test fixed for a number (by its E.164 form, or the
    text sent when it has none). Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._by_number: dict[str, dict[str, Any]] = {}

    def set(self, number: str, fields: dict[str, Any]) -> None:
        unknown = sorted(set(fields) - set(_FIELDS))
        if unknown:
            raise PinpointMockError(
                f"phone number fields {unknown} are not NumberValidateResponse members: "
                + ", ".join(_FIELDS)
            )
        phone_type = fields.get("PhoneType")
        if phone_type is not None:
            if phone_type not in TYPE_CODES:
                raise PinpointMockError(
                    f"PhoneType {phone_type!r} is not one of {', '.join(TYPE_CODES)}"
                )
            fields = {"PhoneTypeCode": TYPE_CODES[phone_type], **fields}
        with self._lock:
            self._by_number.setdefault(number, {}).update(fields)

    def get(self, number: str) -> dict[str, Any]:
        return self._by_number.get(number, {})

    def clear(self) -> None:
        with self._lock:
            self._by_number.clear()


def validate_number(number: str, country: str | None = None) -> dict[str, Any]:
    """The NumberValidateResponse for ``number`` (read with ``country``'s conventions when it
    has no ``+`` prefix), as libphonenumber sees it."""
    try:
        import phonenumbers
        from phonenumbers import carrier, geocoder, timezone
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        raise PinpointMockError(
            "PhoneNumberValidate needs the phonenumbers package: pip install 'pinpoint-mock[phone]'"
        ) from exc
    out: dict[str, Any] = {"OriginalPhoneNumber": number}
    if country:
        out["OriginalCountryCodeIso2"] = country
    try:
        parsed = phonenumbers.parse(number, country.upper() if country else None)
    except phonenumbers.NumberParseException:
        return {**out, "PhoneType": "INVALID", "PhoneTypeCode": 3}
    region = phonenumbers.region_code_for_country_code(parsed.country_code or 0)
    if region and region != "ZZ":
        out["CountryCodeIso2"] = region
        out["CountryCodeNumeric"] = str(parsed.country_code)
        example = phonenumbers.example_number(region)
        name = geocoder.country_name_for_number(example, "en") if example else ""
        out["Country"] = name or region
    if not phonenumbers.is_valid_number(parsed):
        return {**out, "PhoneType": "INVALID", "PhoneTypeCode": 3}
    region = phonenumbers.region_code_for_number(parsed) or region
    out["CountryCodeIso2"] = region
    out["Country"] = geocoder.country_name_for_number(parsed, "en") or out.get("Country", region)
    out["CleansedPhoneNumberE164"] = phonenumbers.format_number(
        parsed, phonenumbers.PhoneNumberFormat.E164
    )
    out["CleansedPhoneNumberNational"] = phonenumbers.national_significant_number(parsed)
    kind = phonenumbers.number_type(parsed)
    kinds = phonenumbers.PhoneNumberType
    phone_type = {
        kinds.MOBILE: "MOBILE",
        kinds.FIXED_LINE: "LANDLINE",
        kinds.VOIP: "VOIP",
        kinds.FIXED_LINE_OR_MOBILE: AMBIGUOUS_TYPE,
    }.get(kind, "OTHER")
    out["PhoneType"], out["PhoneTypeCode"] = phone_type, TYPE_CODES[phone_type]
    name = carrier.name_for_number(parsed, "en")
    if name:
        out["Carrier"] = name
    place = geocoder.description_for_number(parsed, "en")
    if place and place != out["Country"]:
        out["City"] = place
    zones = [z for z in timezone.time_zones_for_number(parsed) if z != "Etc/Unknown"]
    if zones:
        out["Timezone"] = zones[0]
    return out


def phone_number_validate(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    body, warnings = read_body(request, "PhoneNumberValidate", validate=core.options.validate)
    number = body.get("PhoneNumber")
    if not isinstance(number, str) or not number.strip():
        raise ServiceError("BadRequestException", "PhoneNumber: is required and must not be empty")
    if len(number) > MAX_NUMBER:
        raise ServiceError(
            "BadRequestException",
            f"PhoneNumber: at most {MAX_NUMBER} characters, got {len(number)}",
        )
    country = body.get("IsoCountryCode") or None
    if country is not None and (len(country) != 2 or not country.isalpha()):
        raise ServiceError(
            "BadRequestException", f"IsoCountryCode: {country!r} is not an ISO 3166-1 alpha-2 code"
        )
    answer = validate_number(number, country)
    overrides = core.store(PhoneOverrides)
    answer.update(overrides.get(answer.get("CleansedPhoneNumberE164") or number))
    return Answered(json_response(200, answer, request_id), None, warnings)
