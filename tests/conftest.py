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
