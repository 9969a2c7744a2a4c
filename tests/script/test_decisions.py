"""The outcome vocabulary: statuses the engine writes into JSON as they are."""

from __future__ import annotations

import re

from pinpoint_mock.models import DELIVERY_STATUSES, LEGACY_STATUSES
from pinpoint_mock.script import check_status


def test_statuses_are_plain_text_in_json() -> None:
    """The engine writes statuses into JSON without escaping them (message ids: test_ids.py)."""
    plain = re.compile(r"^[A-Za-z0-9_-]+$")
    for status in (*DELIVERY_STATUSES, *LEGACY_STATUSES):
        assert plain.match(check_status(status))
