"""Hypothesis strategies from the contract: valid requests pass, every mutation is reported with
the path and rule it announced, and the engine answers both kinds correctly (fuzzing)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pinpoint_mock import strategies as pst
from pinpoint_mock.contract import validate
from pinpoint_mock.engine import Request
from pinpoint_mock.mock import PinpointMock
from pinpoint_mock.models import DELIVERY_STATUSES

APP = "611e3e3cdd47474c9c1399a505665b91"
FUZZ = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def announced(case: pst.InvalidRequest, operation: str = "SendUsersMessages") -> None:
    """The violation the mutation announced is reported, and nothing anywhere else."""
    report = validate(case.body, operation)
    found = {(error.path, error.rule) for error in report.errors}
    assert (case.path, case.rule) in found, f"{case}\nreported: {sorted(found)}"
    elsewhere = [error for error in report.errors if error.path != case.path]
    assert not elsewhere, f"{case}\nalso reported: {elsewhere}"


@settings(FUZZ, max_examples=200)
@given(pst.valid_requests())
def test_valid_requests_pass_the_contract(body: dict[str, Any]) -> None:
    report = validate(body)
    assert report.ok, report.errors


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


@settings(FUZZ, max_examples=50)
@given(pst.valid_requests(input_shape=True))
def test_valid_input_shape(document: dict[str, Any]) -> None:
    assert document["ApplicationId"] == APP
    assert validate(document).ok


@settings(FUZZ, max_examples=60)
@given(pst.from_schema("update-endpoint.request.json"))
def test_other_contracts_work_too(body: dict[str, Any]) -> None:
    assert validate(body, "UpdateEndpoint").ok


def test_unknown_rules_are_refused() -> None:
    with pytest.raises(ValueError, match="no place in the contract for rule"):
        pst.invalid_requests(rules=["minItems", "bogus"])


@settings(FUZZ, max_examples=20)
@given(pst.invalid_requests(rules=["enum"]))
def test_mutations_describe_themselves(case: pst.InvalidRequest) -> None:
    assert case.rule == "enum"
    assert "not one of" in case.mutation
    assert str(case).startswith(f"{case.path} [enum]: ")


# -- fuzzing the engine -------------------------------------------------------------------------


def _register(mock: PinpointMock, users: Any) -> None:
    """Give every user of the body an SMS, an EMAIL and a GCM endpoint."""
    for n, user_id in enumerate(users if isinstance(users, dict) else {}):
        mock.add_endpoint(user_id=user_id, channel="SMS", address=f"+1206200{n:04d}")
        mock.add_endpoint(user_id=user_id, channel="EMAIL", address=f"user{n}@example.com")
        mock.add_endpoint(user_id=user_id, channel="GCM", address=f"token-{n}")


def _post(mock: PinpointMock, body: Any) -> tuple[int, dict[str, str], Any]:
    raw = json.dumps(body).encode()
    response, _ = mock.engine.handle(
        Request("POST", f"/v1/apps/{APP}/users-messages", {}, raw, "test")
    )
    return response.status, dict(response.headers), json.loads(response.body)


@settings(FUZZ, max_examples=150)
@given(pst.valid_requests(max_users=4))
def test_engine_answers_every_valid_request(body: dict[str, Any]) -> None:
    mock = PinpointMock(seed=1)
    _register(mock, body["Users"])
    status, _, answer = _post(mock, body)
    assert status == 200, answer
    assert answer["ApplicationId"] == APP
    assert set(answer["Result"]) == set(body["Users"])
    for endpoints in answer["Result"].values():
        for result in endpoints.values():
            assert result["DeliveryStatus"] in DELIVERY_STATUSES
            assert isinstance(result["StatusCode"], int)


@settings(FUZZ, max_examples=150)
@given(pst.invalid_requests(max_users=4))
def test_engine_refuses_every_invalid_request_naming_the_path(case: pst.InvalidRequest) -> None:
    mock = PinpointMock(seed=1)
    _register(mock, case.body.get("Users"))
    status, headers, answer = _post(mock, case.body)
    assert status == 400, answer
    assert headers["x-amzn-ErrorType"] == "BadRequestException"
    assert case.path in answer["Message"]
    assert len(mock.sent) == 0


@settings(FUZZ, max_examples=60)
@given(pst.realistic_requests(max_users=5), st.integers(0, 3))
def test_engine_delivers_realistic_requests(body: dict[str, Any], seed: int) -> None:
    from pinpoint_mock.factories import PinpointFactory

    mock = PinpointMock(seed=seed)
    factory = PinpointFactory(seed)
    for user_id in body["Users"]:
        for channel in ("SMS", "EMAIL", "APNS"):
            mock.add_endpoint(
                user_id=user_id,
                channel=channel,
                address=factory.provider.endpoint_address(channel),
            )
    status, _, answer = _post(mock, body)
    assert status == 200, answer
    assert mock.sent
    assert all("{{" not in (message.body or "") for message in mock.sent)
