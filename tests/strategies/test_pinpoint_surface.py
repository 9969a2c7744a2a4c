"""Strategies for the Pinpoint surface: valid bodies pass the contract and the service, broken
ones break the contract once, where they say."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pinpoint_mock import contract
from pinpoint_mock.factories.pinpoint_surface import SURFACE_OPERATIONS
from pinpoint_mock.mock import PinpointMock
from pinpoint_mock.strategies.pinpoint_surface import (
    RULES,
    InvalidSurfaceBody,
    bodies,
    invalid_bodies,
    operations,
)
from tests.factories.surface_calls import call, error_of

MOCK = PinpointMock(seed=1)
FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.mark.parametrize("operation", SURFACE_OPERATIONS)
def test_valid_bodies_pass_the_contract_and_the_service(operation: str) -> None:
    @FAST
    @given(bodies(operation))
    def check(body: dict[str, Any]) -> None:
        assert contract.validate(body, operation, service="pinpoint").errors == ()
        MOCK.reset()
        answer = call(MOCK, operation, body)
        assert answer.status < 300, (body, answer.body)

    check()


@settings(max_examples=300, deadline=None)
@given(invalid_bodies())
def test_a_broken_body_is_reported_where_it_says(case: InvalidSurfaceBody) -> None:
    report = contract.validate(case.body, case.operation, service="pinpoint")
    found = {(e.path, e.rule) for e in report.errors}
    assert (case.path, case.rule) in found, str(case)
    assert {path for path, _ in found} == {case.path}, str(case)  # that one place only


@settings(max_examples=60, deadline=None)
@given(invalid_bodies())
def test_the_mock_refuses_a_broken_body_naming_its_path(case: InvalidSurfaceBody) -> None:
    MOCK.reset()
    answer = call(MOCK, case.operation, case.body)
    assert answer.status == 400
    code, message = error_of(answer)
    assert code == "BadRequestException"
    assert f"{case.path}: " in message


def test_every_rule_has_a_place_on_the_surface() -> None:
    seen: set[str] = set()

    @settings(max_examples=400, deadline=None)
    @given(invalid_bodies())
    def collect(case: InvalidSurfaceBody) -> None:
        seen.add(case.rule)

    collect()
    assert seen == set(RULES)


@settings(max_examples=50, deadline=None)
@given(invalid_bodies("CreatePushTemplate", rules=["enum"]))
def test_rules_and_operations_can_be_chosen(case: InvalidSurfaceBody) -> None:
    assert (case.operation, case.rule) == ("CreatePushTemplate", "enum")
    assert case.path.endswith(".Action")


@settings(max_examples=50, deadline=None)
@given(operations(["SendOTPMessage", "CreateApp"]))
def test_operations_pairs_each_body_with_its_operation(pair: tuple[str, dict[str, Any]]) -> None:
    operation, body = pair
    assert operation in ("SendOTPMessage", "CreateApp")
    assert contract.validate(body, operation, service="pinpoint").errors == ()


def test_wrong_arguments_are_named() -> None:
    with pytest.raises(ValueError, match="unknown rule"):
        invalid_bodies(rules=["pattern"])
    with pytest.raises(ValueError, match="no place for rule"):
        invalid_bodies("UpdateVoiceChannel", rules=["required"])
    with pytest.raises(ValueError, match="'GetApp' is not one of CreateApp"):
        st.one_of(bodies("GetApp"))
