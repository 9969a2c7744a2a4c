"""E.164 checks and AWS's simulator destination numbers."""

from __future__ import annotations

import phonenumbers
import pytest

from pinpoint_mock.services.sms_voice_v2.numbers import (
    SIMULATOR_DESTINATIONS,
    check,
    simulator_destination,
)


def test_the_simulator_table_has_a_success_and_a_failure_number_for_25_countries() -> None:
    countries = {country for country, _ in SIMULATOR_DESTINATIONS.values()}
    assert len(countries) == 25
    for country in countries:
        outcomes = sorted(ok for c, ok in SIMULATOR_DESTINATIONS.values() if c == country)
        assert outcomes == [False, True], country
    assert simulator_destination("+14254147755") == ("US", True)
    assert simulator_destination("+14254147167") == ("US", False)
    assert simulator_destination("+447860019067") == ("GB", False)
    assert simulator_destination("+12065550123") is None


def test_simulator_numbers_are_in_their_country_code() -> None:
    for number, (country, _) in SIMULATOR_DESTINATIONS.items():
        code = phonenumbers.country_code_for_region(country)
        assert number.startswith(f"+{code}"), number
        assert check(number).problem is None


@pytest.mark.parametrize(
    ("number", "country"),
    [("+12065550123", "US"), ("+442071838750", "GB"), ("+61412345678", "AU")],
)
def test_valid_numbers_and_their_country(number: str, country: str) -> None:
    assert check(number).problem is None
    assert check(number).country == country


@pytest.mark.parametrize(
    ("number", "problem"),
    [
        ("12065550123", "E.164"),
        ("+0123", "E.164"),
        ("+1206555012a", "E.164"),
        ("+12065550123\n", "E.164"),
        ("+9995550100", "not a phone number"),
        ("+1206555", "not a valid phone number"),
    ],
)
def test_invalid_numbers_say_why(number: str, problem: str) -> None:
    found = check(number).problem
    assert found is not None
    assert problem in found
