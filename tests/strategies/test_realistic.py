"""realistic_requests(): believable requests the engine delivers with every variable filled."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from pinpoint_mock import strategies as pst
from pinpoint_mock.mock import PinpointMock
from tests.strategies.fuzzing import FUZZ, post


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
    status, _, answer = post(mock, body)
    assert status == 200, answer
    assert mock.sent
    assert all("{{" not in (message.body or "") for message in mock.sent)
