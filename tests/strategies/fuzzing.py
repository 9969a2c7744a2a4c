"""What the strategies' tests share: Hypothesis settings, the check that a mutation is reported
where it says, and a mock to send drawn requests to."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, settings

from pinpoint_mock import strategies as pst
from pinpoint_mock.contract import validate
from pinpoint_mock.engine import Request
from pinpoint_mock.mock import PinpointMock

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


def register(mock: PinpointMock, users: Any) -> None:
    """Give every user of the body an SMS, an EMAIL and a GCM endpoint."""
    for n, user_id in enumerate(users if isinstance(users, dict) else {}):
        mock.add_endpoint(user_id=user_id, channel="SMS", address=f"+1206200{n:04d}")
        mock.add_endpoint(user_id=user_id, channel="EMAIL", address=f"user{n}@example.com")
        mock.add_endpoint(user_id=user_id, channel="GCM", address=f"token-{n}")


def post(mock: PinpointMock, body: Any) -> tuple[int, dict[str, str], Any]:
    raw = json.dumps(body).encode()
    response, _ = mock.engine.handle(
        Request("POST", f"/v1/apps/{APP}/users-messages", {}, raw, "test")
    )
    return response.status, dict(response.headers), json.loads(response.body)
