"""invalid_requests(): every mutation is reported with the path and rule it announced, and the
engine refuses it naming the path (fuzzing)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings

from pinpoint_mock import strategies as pst
from pinpoint_mock.mock import PinpointMock
from tests.strategies.fuzzing import FUZZ, announced, post, register


@settings(FUZZ, max_examples=500)
@given(pst.invalid_requests())
def test_every_invalid_request_fails_with_the_path_it_announced(
    case: pst.InvalidRequest,
) -> None:
    announced(case)


@pytest.mark.parametrize(
    "rule",
    [
        "type",
        "enum",
        "required",
        "additionalProperties",
        "maxProperties",
        "maxItems",
        "pattern",
        "minimum",
        "maximum",
    ],
)
def test_each_rule_is_reachable_and_reported(rule: str) -> None:
    seen: list[pst.InvalidRequest] = []

    @settings(FUZZ, max_examples=25, database=None)
    @given(pst.invalid_requests(rules=[rule]))
    def check(case: pst.InvalidRequest) -> None:
        assert case.rule == rule
        announced(case)
        seen.append(case)

    check()
    assert seen


@settings(FUZZ, max_examples=100)
@given(pst.invalid_requests(input_shape=True))
def test_input_shape_paths_start_with_the_payload_member(case: pst.InvalidRequest) -> None:
    assert case.path.startswith("SendUsersMessageRequest")
    assert case.parts[0] == "SendUsersMessageRequest"
    announced(case)


def test_unknown_rules_are_refused() -> None:
    with pytest.raises(ValueError, match="no place in the contract for rule"):
        pst.invalid_requests(rules=["minItems", "bogus"])


@settings(FUZZ, max_examples=20)
@given(pst.invalid_requests(rules=["enum"]))
def test_mutations_describe_themselves(case: pst.InvalidRequest) -> None:
    assert case.rule == "enum"
    assert "not one of" in case.mutation
    assert str(case).startswith(f"{case.path} [enum]: ")


@settings(FUZZ, max_examples=150)
@given(pst.invalid_requests(max_users=4))
def test_engine_refuses_every_invalid_request_naming_the_path(case: pst.InvalidRequest) -> None:
    mock = PinpointMock(seed=1)
    register(mock, case.body.get("Users"))
    status, headers, answer = post(mock, case.body)
    assert status == 400, answer
    assert headers["x-amzn-ErrorType"] == "BadRequestException"
    assert case.path in answer["Message"]
    assert len(mock.sent) == 0
