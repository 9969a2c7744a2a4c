"""Request bodies shared by the contract's tests."""

from __future__ import annotations

from typing import Any


def request(**config: Any) -> dict[str, Any]:
    """A valid SendUsersMessages body: one SMS to one user, with ``config`` members on top."""
    body: dict[str, Any] = {
        "MessageConfiguration": {"SMSMessage": {"Body": "Hello", "MessageType": "TRANSACTIONAL"}},
        "Users": {"user-1": {}},
    }
    body.update(config)
    return body
