"""moto side by side: Pinpoint applications that moto's backend knows count as known."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping


def moto_application_check(application_id: str, headers: Mapping[str, str]) -> bool | None:
    """Inside an active moto ``mock_aws``, whether moto's Pinpoint backend knows the app."""
    module = sys.modules.get("moto.core.models")
    if module is None or not getattr(module.botocore_stubber, "enabled", False):
        return None
    from moto.pinpoint.models import pinpoint_backends

    auth = next((v for k, v in headers.items() if k.lower() == "authorization"), "")
    match = re.search(r"Credential=([^/]+)/\d{8}/([^/]+)/", auth)
    access_key, region = (match.group(1), match.group(2)) if match else ("", "us-east-1")
    account = (
        access_key
        if re.fullmatch(r"\d{12}", access_key)
        else os.environ.get("MOTO_ACCOUNT_ID", module.DEFAULT_ACCOUNT_ID)
    )
    return application_id in pinpoint_backends[account][region].apps
