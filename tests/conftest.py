from __future__ import annotations

import os
from typing import Any

import pytest

# Never let a test reach real AWS: fake credentials and a fixed region for every client.
os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")
os.environ.pop("AWS_PROFILE", None)


@pytest.fixture
def client() -> Any:
    """A plain boto3 Pinpoint client, as production code would make one."""
    import boto3

    return boto3.client("pinpoint", region_name="us-east-1")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Long tests (marked ``slow``) start first, so that under xdist the short ones fill in
    beside them instead of one long test running alone at the end of the session."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)
