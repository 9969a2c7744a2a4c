"""Fuzzing SMS and voice v2 through the mock's HTTP entry: every valid text is sent and
recorded once; every body broken by one mutation is refused with a ValidationException naming
the broken field and the reason, and nothing is delivered; arbitrary JSON never crashes it."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pinpoint_mock import mock_pinpoint
from pinpoint_mock.sms import analyse
from pinpoint_mock.strategies.sms_voice_v2 import (
    InvalidV2Request,
    invalid_text_requests,
    text_requests,
)

EXAMPLES = 300
TARGET = "PinpointSMSVoiceV2."
OPERATIONS = (
    "SendTextMessage",
    "SendMediaMessage",
    "SendVoiceMessage",
    "CreateOptOutList",
    "DescribeOptOutLists",
    "PutOptedOutNumber",
    "DescribeOptedOutNumbers",
    "DeleteOptedOutNumber",
    "DeleteOptOutList",
)


def post(mock: Any, operation: str, body: bytes) -> tuple[int, Any]:
    answer = mock.serve("POST", "/", {"X-Amz-Target": TARGET + operation}, body)
    return answer.status, json.loads(answer.body)


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(text_requests())
def test_every_valid_text_is_answered_and_recorded_once(body: dict[str, Any]) -> None:
    mock = mock_pinpoint(seed=1)
    status, answer = post(mock, "SendTextMessage", json.dumps(body).encode())
    assert status == 200, answer
    if body.get("DryRun"):
        assert len(mock.sent) == 0
        return
    (sent,) = mock.sent
    assert sent.message_id == answer["MessageId"]
    assert sent.body == body["MessageBody"]
    info = analyse(body["MessageBody"])
    assert (sent.message.sms_encoding, sent.message.sms_segments) == (info.encoding, info.segments)


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(invalid_text_requests())
def test_every_broken_text_is_refused_naming_field_and_reason(case: InvalidV2Request) -> None:
    mock = mock_pinpoint(seed=1)
    status, error = post(mock, "SendTextMessage", json.dumps(case.body).encode())
    assert (status, error["__type"], error["Reason"]) == (400, "ValidationException", case.reason)
    assert case.field in [field["Name"] for field in error["Fields"]]
    assert len(mock.sent) == 0


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.sampled_from(OPERATIONS), JSON | st.binary(max_size=64).map(lambda b: b.hex()))
def test_arbitrary_bodies_get_an_answer_of_the_service(operation: str, document: Any) -> None:
    mock = mock_pinpoint(seed=1)
    status, answer = post(mock, operation, json.dumps(document).encode())
    assert status in (200, 400), answer
    if status == 400:
        assert answer["__type"] in (
            "ValidationException",
            "ConflictException",
            "ResourceNotFoundException",
        )
        assert answer["Message"]
