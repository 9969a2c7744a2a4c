"""The fake credentials and region a mock sets while it is active, when the environment has
none, so that boto3 can sign (nothing leaves the process); removed again when it stops."""

from __future__ import annotations

import os

FAKE_ENVIRONMENT = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
}


def set_fake_credentials() -> list[str]:
    """Set what :data:`FAKE_ENVIRONMENT` names and the environment lacks; returns the names
    set (for :func:`unset`)."""
    has_keys = "AWS_ACCESS_KEY_ID" in os.environ or "AWS_PROFILE" in os.environ
    added = []
    for name, value in FAKE_ENVIRONMENT.items():
        if name == "AWS_DEFAULT_REGION":
            if "AWS_DEFAULT_REGION" in os.environ or "AWS_REGION" in os.environ:
                continue
        elif has_keys:
            continue
        os.environ[name] = value
        added.append(name)
    return added


def unset(names: list[str]) -> None:
    for name in names:
        os.environ.pop(name, None)
