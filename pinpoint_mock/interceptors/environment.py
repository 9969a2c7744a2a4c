"""The fake credentials and region a mock sets while it is active, when the environment has
none, so that boto3 can sign (nothing leaves the process); removed again when it stops, and
boto3's default session put back as the mock found it (:class:`DefaultSession`)."""

from __future__ import annotations

import os
import sys
from typing import Any

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


class DefaultSession:
    """boto3's default session (``boto3.DEFAULT_SESSION``), as a mock found it: put back when the
    mock stops, so nothing made while it was active (a session, or the fake credentials it
    resolved) outlives it."""

    def __init__(self) -> None:
        self._boto3 = "boto3" in sys.modules
        self._session = getattr(sys.modules.get("boto3"), "DEFAULT_SESSION", None)
        self._resolved = _resolved(self._session)

    def restore(self) -> None:
        boto3: Any = sys.modules.get("boto3")
        if boto3 is None:
            return
        if not self._boto3 or boto3.DEFAULT_SESSION is not self._session:
            boto3.DEFAULT_SESSION = self._session
        elif self._session is not None and not self._resolved and _resolved(self._session):
            # The session the mock found resolved its credentials while the mock was active:
            # they may be the fake ones; let it resolve them again.
            self._session._session._credentials = None


def _resolved(session: Any) -> bool:
    """Whether a boto3 session has resolved (and cached) its credentials."""
    inner = getattr(session, "_session", None)
    return getattr(inner, "_credentials", None) is not None
