"""JSON values as the checks see them: types, their names in sentences, short renderings."""

from __future__ import annotations

from typing import Any

import pytest

from pinpoint_mock.contract.values import (
    TYPE_CHECKS,
    TYPE_NAMES,
    in_set,
    is_integer,
    is_number,
    json_type_name,
    short,
)


@pytest.mark.parametrize(
    ("value", "name"),
    [
        (None, "null"),
        (True, "a boolean"),
        (3, "an integer"),
        (1.5, "a number"),
        ("x", "a string"),
        ({}, "an object"),
        ([], "a list"),
        (b"x", "bytes"),
    ],
)
def test_json_type_names(value: Any, name: str) -> None:
    assert json_type_name(value) == name


def test_booleans_are_not_numbers_and_integral_floats_are_integers() -> None:
    assert not is_integer(True)
    assert not is_number(False)
    assert is_integer(2.0)
    assert not is_integer(2.5)
    assert is_number(2.5)
    assert is_number(7)
    assert set(TYPE_CHECKS) == set(TYPE_NAMES)
    assert TYPE_CHECKS["integer"](3)
    assert not TYPE_CHECKS["string"](3)


def test_membership_of_unhashable_values_is_false() -> None:
    assert in_set("A", frozenset({"A"}))
    assert not in_set(["A"], frozenset({"A"}))


def test_short_renderings() -> None:
    assert short({"a": 1}) == "{…} (1 keys)"
    assert short({}) == "{}"
    assert short([1, 2]) == "[…] (2 items)"
    assert short(None) == "null"
    assert short(False) == "false"
    text = short("x" * 500)
    assert len(text) == 60
    assert text.endswith("…")


def test_short_names_an_integer_too_long_to_print() -> None:
    from pinpoint_mock.contract.values import short

    assert short(10**5000) == f"<{(10**5000).bit_length()}-bit integer>"
    assert short(12) == "12"
