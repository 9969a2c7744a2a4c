"""Endpoints per application and user, with the service's rules.

- a user id maps to the endpoints registered for it in that application, in registration order;
- at most 15 endpoints per user id: a 16th SMS, VOICE, EMAIL, CUSTOM or IN_APP endpoint is refused
  (BadRequestException); a 16th push endpoint, when the user already has a push endpoint, makes
  the push endpoint with the oldest EffectiveDate INACTIVE and takes it away from the user;
- endpoint ids are case-insensitive (the first spelling is kept);
- updating an endpoint with the Address of another endpoint makes the other one INACTIVE
  (``deactivate_same_address``, applied to API updates; test set-up may create both).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Any, TypeVar

from .errors import PinpointMockError, ServiceError
from .limits import MAX_ENDPOINTS_PER_USER
from .models import CHANNELS, PUSH_CHANNELS, Endpoint

_T = TypeVar("_T")


def _key(endpoint_id: str) -> str:
    """Endpoint ids are case-insensitive in the service: one key for every spelling."""
    return endpoint_id.lower()


@dataclass(frozen=True)
class Application:
    """A registered application (a Pinpoint project): what GetApp answers."""

    application_id: str
    name: str
    tags: Mapping[str, str]
    creation_date: str


def now_iso() -> str:
    """ISO-8601 with milliseconds and a trailing Z, as the service writes dates."""
    stamp = datetime.now(timezone.utc)
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.") + f"{stamp.microsecond // 1000:03d}Z"


class Directory:
    """The registered applications and endpoints. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._apps: dict[str, dict[str, Endpoint]] = {}
        self._users: dict[tuple[str, str], list[str]] = {}
        self._meta: dict[str, Application] = {}
        self._sequence = 0
        self._views: dict[tuple[str, str, bool, Callable[[list[Endpoint]], Any]], Any] = {}
        """What :meth:`user_view` made, by ``(application_id, user_id, active_only, make)``,
        forgotten on any change."""

    # -- applications --
    def create_app(
        self,
        application_id: str,
        name: str | None = None,
        tags: Mapping[str, str] | None = None,
    ) -> Application:
        """Register an application (its name defaults to its id); an existing one keeps its
        endpoints, and its name and tags when none are given."""
        with self._lock:
            self._apps.setdefault(application_id, {})
            known = self._meta.get(application_id)
            app = Application(
                application_id,
                name if name is not None else (known.name if known else application_id),
                dict(tags) if tags is not None else (dict(known.tags) if known else {}),
                known.creation_date if known else now_iso(),
            )
            self._meta[application_id] = app
            return app

    def has_app(self, application_id: str) -> bool:
        return application_id in self._apps

    def app(self, application_id: str) -> Application | None:
        """A known application (one that only has endpoints gets its id as its name)."""
        with self._lock:
            if application_id not in self._apps:
                return None
            return self._meta.get(application_id) or self.create_app(application_id)

    def delete_app(self, application_id: str) -> Application | None:
        """Forget an application and its endpoints; returns it (None when unknown)."""
        with self._lock:
            app = self.app(application_id)
            if app is None:
                return None
            self._changed()
            self._apps.pop(application_id, None)
            self._meta.pop(application_id, None)
            for key in [k for k in self._users if k[0] == application_id]:
                del self._users[key]
            return app

    @property
    def applications(self) -> list[str]:
        return list(self._apps)

    # -- endpoints --
    def add(
        self,
        *,
        application_id: str,
        user_id: str | None,
        channel: str,
        address: str,
        endpoint_id: str | None = None,
        opt_out: str = "NONE",
        status: str = "ACTIVE",
        attributes: Mapping[str, list[str]] | None = None,
        user_attributes: Mapping[str, list[str]] | None = None,
        **extra: Any,
    ) -> Endpoint:
        """Register an endpoint from a test's arguments, checked (:class:`PinpointMockError`
        naming the argument and its rule); its id is generated when not given."""
        channel = channel.upper()
        if channel not in CHANNELS:
            raise PinpointMockError(f"channel {channel!r} is not one of {', '.join(CHANNELS)}")
        if status not in ("ACTIVE", "INACTIVE"):
            raise PinpointMockError(f"status must be ACTIVE or INACTIVE, not {status!r}")
        if opt_out not in ("NONE", "ALL"):
            raise PinpointMockError(f"opt_out must be NONE or ALL, not {opt_out!r}")
        for name, mapping in (("attributes", attributes), ("user_attributes", user_attributes)):
            for key, values in (mapping or {}).items():
                if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                    raise PinpointMockError(
                        f"{name}[{key!r}] must be a list of strings, got {values!r}"
                    )
        endpoint = Endpoint(
            application_id=application_id,
            endpoint_id=endpoint_id or f"endpoint-{self.next_id()}",
            channel=channel,
            address=address,
            user_id=user_id,
            opt_out=opt_out,
            status=status,
            attributes=dict(attributes or {}),
            user_attributes=dict(user_attributes or {}),
            **extra,
        )
        return self.put(endpoint)

    def put(self, endpoint: Endpoint, *, deactivate_same_address: bool = False) -> Endpoint:
        """Create or replace an endpoint, applying the per-user limit. Returns what was stored."""
        if endpoint.channel not in CHANNELS:
            allowed = ", ".join(CHANNELS)
            raise ServiceError(
                "BadRequestException",
                f"ChannelType {endpoint.channel!r} is not one of {allowed}",
            )
        with self._lock:
            self._changed()
            app = self._apps.setdefault(endpoint.application_id, {})
            stamp = now_iso()
            previous = app.get(_key(endpoint.endpoint_id))
            endpoint = replace(
                endpoint,
                effective_date=endpoint.effective_date or stamp,
                creation_date=(previous.creation_date if previous else endpoint.creation_date)
                or stamp,
            )
            if previous is not None and previous.user_id != endpoint.user_id:
                self._unlink(previous)
            if endpoint.user_id is not None and (
                previous is None or previous.user_id != endpoint.user_id
            ):
                self._make_room(endpoint)
            if deactivate_same_address:
                for other in list(app.values()):
                    if (
                        _key(other.endpoint_id) != _key(endpoint.endpoint_id)
                        and other.address == endpoint.address
                    ):
                        app[_key(other.endpoint_id)] = replace(other, status="INACTIVE")
            if previous is not None:  # ids are case-insensitive: the first spelling stays
                endpoint = replace(endpoint, endpoint_id=previous.endpoint_id)
            app[_key(endpoint.endpoint_id)] = endpoint
            if endpoint.user_id is not None:
                ids = self._users.setdefault((endpoint.application_id, endpoint.user_id), [])
                if _key(endpoint.endpoint_id) not in ids:
                    ids.append(_key(endpoint.endpoint_id))
                self._sync_user_attributes(endpoint)
            return app[_key(endpoint.endpoint_id)]

    def _make_room(self, endpoint: Endpoint) -> None:
        assert endpoint.user_id is not None
        key = (endpoint.application_id, endpoint.user_id)
        app = self._apps[endpoint.application_id]
        ids = self._users.get(key, [])
        if len(ids) < MAX_ENDPOINTS_PER_USER:
            return
        pushes = [app[i] for i in ids if app[i].channel in PUSH_CHANNELS]
        if endpoint.channel in PUSH_CHANNELS and pushes:
            oldest = min(pushes, key=lambda e: e.effective_date)
            self._unlink(oldest)
            app[_key(oldest.endpoint_id)] = replace(oldest, status="INACTIVE", user_id=None)
            return
        raise ServiceError(
            "BadRequestException",
            f"Exceeded maximum endpoint per user count {MAX_ENDPOINTS_PER_USER}",
        )

    def _unlink(self, endpoint: Endpoint) -> None:
        if endpoint.user_id is None:
            return
        ids = self._users.get((endpoint.application_id, endpoint.user_id))
        if ids and _key(endpoint.endpoint_id) in ids:
            ids.remove(_key(endpoint.endpoint_id))

    def _sync_user_attributes(self, endpoint: Endpoint) -> None:
        """User attributes are kept in sync across every endpoint of the same user."""
        if not endpoint.user_attributes or endpoint.user_id is None:
            return
        app = self._apps[endpoint.application_id]
        for endpoint_id in self._users[(endpoint.application_id, endpoint.user_id)]:
            other = app[endpoint_id]
            if other.user_attributes != endpoint.user_attributes:
                app[endpoint_id] = replace(other, user_attributes=endpoint.user_attributes)

    def get(self, application_id: str, endpoint_id: str) -> Endpoint | None:
        return self._apps.get(application_id, {}).get(_key(endpoint_id))

    def for_user(
        self, application_id: str, user_id: str, *, active_only: bool = False
    ) -> list[Endpoint]:
        """The user's endpoints in registration order (only the ACTIVE ones if asked)."""
        with self._lock:
            app = self._apps.get(application_id)
            ids = self._users.get((application_id, user_id))
            if app is None or not ids:
                return []
            endpoints = [app[i] for i in ids]
            return [e for e in endpoints if e.active] if active_only else endpoints

    def user_view(
        self,
        application_id: str,
        user_id: str,
        make: Callable[[list[Endpoint]], _T],
        *,
        active_only: bool = True,
    ) -> _T:
        """``make(for_user(...))``, made once and shared until the directory changes (so
        ``make`` must depend on nothing but the endpoints, and its result must not be changed)."""
        key = (application_id, user_id, active_only, make)
        view = self._views.get(key, self)
        if view is self:
            with self._lock:
                view = self._views[key] = make(
                    self.for_user(application_id, user_id, active_only=active_only)
                )
        return view  # type: ignore[no-any-return]

    def _changed(self) -> None:
        self._views.clear()

    def delete(self, application_id: str, endpoint_id: str) -> Endpoint | None:
        with self._lock:
            self._changed()
            endpoint = self._apps.get(application_id, {}).pop(_key(endpoint_id), None)
            if endpoint is not None:
                self._unlink(endpoint)
            return endpoint

    def delete_user(self, application_id: str, user_id: str) -> list[Endpoint]:
        with self._lock:
            self._changed()
            removed = self.for_user(application_id, user_id)
            for endpoint in removed:
                self._apps[application_id].pop(_key(endpoint.endpoint_id), None)
            self._users.pop((application_id, user_id), None)
            return removed

    def endpoints(self, application_id: str | None = None) -> list[Endpoint]:
        with self._lock:
            apps: Iterable[Mapping[str, Endpoint]] = (
                self._apps.values()
                if application_id is None
                else [self._apps.get(application_id, {})]
            )
            return [e for app in apps for e in app.values()]

    def next_id(self) -> int:
        with self._lock:
            self._sequence += 1
            return self._sequence

    def clear(self) -> None:
        with self._lock:
            self._changed()
            self._apps.clear()
            self._meta.clear()
            self._users.clear()
            self._sequence = 0
