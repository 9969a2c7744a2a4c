"""A boto3 client of SMS and voice v2 and a started mock, for the service's tests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from pinpoint_mock import mock_pinpoint
from pinpoint_mock.mock import PinpointMock


@pytest.fixture
def sms() -> Any:
    import boto3

    return boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")


@pytest.fixture
def mock() -> Iterator[PinpointMock]:
    with mock_pinpoint(seed=1) as started:
        yield started
