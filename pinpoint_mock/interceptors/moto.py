"""moto side by side: while moto is active its backend is the registry of Pinpoint applications
(moto answers the app operations; applications it knows count as known to sends), and the
applications the mock creates are registered in moto's backend too (:class:`MotoApps`)."""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from ..directory import Application


def moto_application_check(application_id: str, headers: Mapping[str, str]) -> bool | None:
    """Inside an active moto ``mock_aws``, whether moto's Pinpoint backend knows the app."""
    backend = _moto_backend(headers)
    return None if backend is None else application_id in backend.apps


def moto_active() -> bool:
    """Whether a moto ``mock_aws`` is active (then moto's backend is the registry of Pinpoint
    applications, and moto answers the app operations)."""
    module = sys.modules.get("moto.core.models")
    return module is not None and bool(getattr(module.botocore_stubber, "enabled", False))


def _moto_backend(headers: Mapping[str, str]) -> Any:
    """moto's Pinpoint backend for the call's account and region, or None when moto is not
    active."""
    if not moto_active():
        return None
    module = sys.modules["moto.core.models"]
    from moto.pinpoint.models import pinpoint_backends

    auth = next((v for k, v in headers.items() if k.lower() == "authorization"), "")
    match = re.search(r"Credential=([^/]+)/\d{8}/([^/]+)/", auth)
    access_key, region = (match.group(1), match.group(2)) if match else ("", "us-east-1")
    account = (
        access_key
        if re.fullmatch(r"\d{12}", access_key)
        else os.environ.get("MOTO_ACCOUNT_ID", module.DEFAULT_ACCOUNT_ID)
    )
    return pinpoint_backends[account][region]


class MotoApps:
    """moto's applications kept in step with the mock's (an AppMirror): an application the mock
    creates is registered in moto's backend under the same id, so moto's own operations and
    :func:`moto_application_check` know it; one moto created is found by the mock."""

    def register(self, app: Application, arn: str, headers: Mapping[str, str]) -> None:
        backend = _moto_backend(headers)
        if backend is None:
            return
        from moto.pinpoint.models import App

        made = App(arn.split(":")[4], arn.split(":")[3], app.name)
        made.application_id, made.arn = app.application_id, arn
        backend.apps[app.application_id] = made
        if app.tags:
            backend.tag_resource(arn, dict(app.tags))

    def forget(self, application_id: str, headers: Mapping[str, str]) -> None:
        backend = _moto_backend(headers)
        if backend is not None:
            backend.apps.pop(application_id, None)

    def find(self, application_id: str, headers: Mapping[str, str]) -> Application | None:
        backend = _moto_backend(headers)
        made = backend.apps.get(application_id) if backend is not None else None
        return None if made is None else _application(backend, made)

    def listing(self, headers: Mapping[str, str]) -> list[Application]:
        backend = _moto_backend(headers)
        if backend is None:
            return []
        return [_application(backend, made) for made in backend.apps.values()]


def _application(backend: Any, made: Any) -> Application:
    created = datetime.fromtimestamp(float(made.created), timezone.utc)
    stamp = created.strftime("%Y-%m-%dT%H:%M:%S.") + f"{created.microsecond // 1000:03d}Z"
    tags = backend.list_tags_for_resource(made.arn).get("tags") or {}
    return Application(made.application_id, made.name, dict(tags), stamp)
