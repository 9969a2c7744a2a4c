"""The server under test: a seeded mock behind a running server; errors inside it fail the test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from pinpoint_mock.mock import PinpointMock
from pinpoint_mock.server import PinpointServer


@pytest.fixture
def server() -> Iterator[PinpointServer]:
    with PinpointServer(PinpointMock(seed=1)) as running:
        yield running
        running.check()
