"""moto side by side: while moto is active its backend is the registry of Pinpoint applications
(moto answers the app operations; applications it knows count as known to sends), and every
application the mock knows is registered in moto's backend too (:class:`MotoApps`): the default
application id, one given to ``create_app``, ``add_endpoint(application_id=...)`` or
``populate(application_id=...)``, in either order of entering the two mocks and in every account
and region a call names.

moto resets its backends when ``mock_aws`` starts, so applications are registered lazily: each
backend receives the mock's applications the first time a call reaches it (a send's application
check, or an app operation moto is about to answer). An application registered once and then
deleted through moto stays deleted (until ``pinpoint.create_app(id)`` registers it again).
"""

from __future__ import annotations

import os
import re
import sys
import threading
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from ..directory import Application, Directory


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
    """moto's applications kept in step with the mock's (an AppMirror): the applications of
    ``directory`` (when given) are registered in each moto backend a call reaches, under the
    same ids, so sends, moto's own operations and :func:`moto_application_check` know them; an
    application moto created is found by the mock."""

    def __init__(self, directory: Directory | None = None) -> None:
        self._directory = directory
        self._lock = threading.Lock()
        self._mirrored: dict[int, tuple[Any, set[str]]] = {}
        """By backend: its ``apps`` dict (a reset makes a new one) and the ids already
        registered there (or found there), which are not registered again."""

    def check(self, application_id: str, headers: Mapping[str, str]) -> bool | None:
        """The application check of sends: None when moto is not active, else whether moto's
        backend for the call knows the application once the mock's applications are in it."""
        backend = _moto_backend(headers)
        if backend is None:
            return None
        self._sync(backend)
        return application_id in backend.apps

    def sync(self, headers: Mapping[str, str]) -> None:
        """Register the mock's applications in moto's backend for the call (before moto answers
        an app operation); nothing while moto is not active."""
        backend = _moto_backend(headers)
        if backend is not None:
            self._sync(backend)

    def renew(self, application_id: str) -> None:
        """``application_id`` was registered with the mock (again): register it in every moto
        backend at the next call, even one that deleted it, and now in the default one."""
        with self._lock:
            for _, ids in self._mirrored.values():
                ids.discard(application_id)
        self.sync({})

    def _sync(self, backend: Any) -> None:
        if self._directory is None:
            return
        with self._lock:
            apps, ids = self._mirrored.get(id(backend), (None, set()))
            if apps is not backend.apps:  # first time here, or moto reset the backend
                ids = set()
                self._mirrored[id(backend)] = (backend.apps, ids)
            for application_id in self._directory.applications:
                if application_id in ids:
                    continue
                ids.add(application_id)
                app = self._directory.app(application_id)
                if app is not None and application_id not in backend.apps:
                    self._register(backend, app, _arn(backend, application_id))

    def register(self, app: Application, arn: str, headers: Mapping[str, str]) -> None:
        backend = _moto_backend(headers)
        if backend is None:
            return
        with self._lock:
            self._register(backend, app, arn)
            apps, ids = self._mirrored.get(id(backend), (None, set()))
            if apps is backend.apps:
                ids.add(app.application_id)

    @staticmethod
    def _register(backend: Any, app: Application, arn: str) -> None:
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


def _arn(backend: Any, application_id: str) -> str:
    from moto.utilities.utils import get_partition

    region, account = backend.region_name, backend.account_id
    return f"arn:{get_partition(region)}:mobiletargeting:{region}:{account}:apps/{application_id}"


def _application(backend: Any, made: Any) -> Application:
    created = datetime.fromtimestamp(float(made.created), timezone.utc)
    stamp = created.strftime("%Y-%m-%dT%H:%M:%S.") + f"{created.microsecond // 1000:03d}Z"
    tags = backend.list_tags_for_resource(made.arn).get("tags") or {}
    return Application(made.application_id, made.name, dict(tags), stamp)
