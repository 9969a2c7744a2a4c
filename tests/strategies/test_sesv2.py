"""SES v2 strategies: valid bodies pass the contract and the fake; each invalid one breaks the
contract exactly where and how it says."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings

from pinpoint_mock.contract import errors_of, request_contract
from pinpoint_mock.mock import PinpointMock
from pinpoint_mock.strategies import InvalidRequest
from pinpoint_mock.strategies import sesv2 as ses

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def accepted(mock: PinpointMock, path: str, body: dict) -> int:
    return mock.serve("POST", path, {}, json.dumps(body).encode()).status


@FAST
@given(ses.send_email_requests(stored=True))
def test_valid_send_email_bodies_are_accepted(body: dict) -> None:
    assert errors_of(request_contract("SendEmail", "sesv2"), body) == ()
    mock = PinpointMock(seed=1)
    mock.sesv2.create_template(ses.TEMPLATE_NAME, subject=ses.TEMPLATE_SUBJECT, text="x")
    assert accepted(mock, "/v2/email/outbound-emails", body) == 200


@FAST
@given(ses.bulk_email_requests())
def test_valid_bulk_bodies_are_accepted(body: dict) -> None:
    mock = PinpointMock(seed=1)
    mock.sesv2.create_template(ses.TEMPLATE_NAME, subject=ses.TEMPLATE_SUBJECT, text="x")
    response = mock.serve("POST", "/v2/email/outbound-bulk-emails", {}, json.dumps(body).encode())
    results = json.loads(response.body)["BulkEmailEntryResults"]
    assert {r["Status"] for r in results} == {"SUCCESS"}


@FAST
@given(ses.invalid_send_email_requests())
def test_each_broken_send_email_body_reports_its_path_and_rule(case: InvalidRequest) -> None:
    found = errors_of(request_contract("SendEmail", "sesv2"), case.body)
    assert (case.path, case.rule) in {(v.path, v.rule) for v in found}, str(case)


@FAST
@given(ses.invalid_bulk_email_requests())
def test_each_broken_bulk_body_reports_its_path_and_rule(case: InvalidRequest) -> None:
    found = errors_of(request_contract("SendBulkEmail", "sesv2"), case.body)
    assert (case.path, case.rule) in {(v.path, v.rule) for v in found}, str(case)
