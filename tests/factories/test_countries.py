"""The country table: mobile ranges valid per libphonenumber, locales and time zones by prefix."""

from __future__ import annotations

import random
import re

import phonenumbers
import pytest

from pinpoint_mock.factories import COUNTRIES, make_faker
from pinpoint_mock.factories.countries import Country
from pinpoint_mock.script import simulated_status


@pytest.mark.parametrize("country", sorted(COUNTRIES))
def test_phone_numbers_are_valid_mobiles_of_their_country(country: str) -> None:
    fake = make_faker(seed=country)
    for _ in range(300):
        number = fake.e164_phone_number(country)
        assert re.fullmatch(r"\+[1-9]\d{7,14}", number), number  # E.164
        parsed = phonenumbers.parse(number)
        assert phonenumbers.is_valid_number(parsed), number
        assert phonenumbers.region_code_for_number(parsed) == country, number
        assert phonenumbers.number_type(parsed) in (
            phonenumbers.PhoneNumberType.MOBILE,
            phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
        ), number
        assert simulated_status("SMS", number) is None, number


def test_nanp_numbers_never_use_the_555_exchange() -> None:
    fake = make_faker(seed=1)
    exchanges = {fake.e164_phone_number("US")[5:8] for _ in range(3000)}
    assert "555" not in exchanges
    assert not any(e.endswith("11") for e in exchanges)
    assert len(exchanges) > 500  # still spread over the whole range


def test_a_number_keeps_its_prefix_and_its_length() -> None:
    rng = random.Random(5)
    for spec in COUNTRIES.values():
        for prefix in spec.prefixes[:5]:
            number = spec.mobile_number(rng, prefix)
            national = number.removeprefix("+" + spec.calling_code)
            assert national.startswith(prefix), (spec.code, number)
            assert len(national) == spec.length, (spec.code, number)


def test_geographic_prefixes_decide_the_zone_and_the_locale() -> None:
    rng = random.Random(6)
    us, ca, br = COUNTRIES["US"], COUNTRIES["CA"], COUNTRIES["BR"]
    assert us.locale_and_zone(rng, "206")[1] == "America/Los_Angeles"  # Seattle
    assert us.locale_and_zone(rng, "808")[1] == "Pacific/Honolulu"
    assert ca.locale_and_zone(rng, "514") == ("fr_CA", "America/Toronto")  # Montréal
    assert br.locale_and_zone(rng, "929")[1] == "America/Manaus"
    # no prefix: the zones and locales of the country, the first locale the most common
    draws = [us.locale_and_zone(rng, None) for _ in range(2000)]
    assert {zone for _, zone in draws} == set(us.time_zones)
    share = sum(locale == "en_US" for locale, _ in draws) / len(draws)
    assert 0.8 < share < 0.9


def test_every_country_is_consistent() -> None:
    for code, spec in COUNTRIES.items():
        assert isinstance(spec, Country)
        assert spec.code == code
        assert spec.prefixes
        assert spec.locales
        assert spec.time_zones
        assert spec.weight > 0
        assert set(spec.zones_by_prefix) <= set(spec.prefixes)
        assert set(spec.locales_by_prefix) <= set(spec.prefixes)
