"""valid_requests() and from_schema(): whatever they draw, the contract and the engine accept."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings

from pinpoint_mock import strategies as pst
from pinpoint_mock.contract import validate
from pinpoint_mock.mock import PinpointMock
from pinpoint_mock.models import DELIVERY_STATUSES
from tests.strategies.fuzzing import APP, FUZZ, post, register


@settings(FUZZ, max_examples=200)
@given(pst.valid_requests())
def test_valid_requests_pass_the_contract(body: dict[str, Any]) -> None:
    report = validate(body)
    assert report.ok, report.errors


@settings(FUZZ, max_examples=50)
@given(pst.valid_requests(input_shape=True))
def test_valid_input_shape(document: dict[str, Any]) -> None:
    assert document["ApplicationId"] == APP
    assert validate(document).ok


@settings(FUZZ, max_examples=60)
@given(pst.from_schema("update-endpoint.request.json"))
def test_other_contracts_work_too(body: dict[str, Any]) -> None:
    assert validate(body, "UpdateEndpoint").ok


@settings(FUZZ, max_examples=150)
@given(pst.valid_requests(max_users=4))
def test_engine_answers_every_valid_request(body: dict[str, Any]) -> None:
    mock = PinpointMock(seed=1)
    register(mock, body["Users"])
    status, _, answer = post(mock, body)
    assert status == 200, answer
    assert answer["ApplicationId"] == APP
    assert set(answer["Result"]) == set(body["Users"])
    for endpoints in answer["Result"].values():
        for result in endpoints.values():
            assert result["DeliveryStatus"] in DELIVERY_STATUSES
            assert isinstance(result["StatusCode"], int)
