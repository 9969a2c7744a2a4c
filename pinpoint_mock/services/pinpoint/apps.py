"""CreateApp, GetApp, GetApps and DeleteApp, on the applications of the shared directory (the
same applications sends check and endpoints live in).

Another registry of applications (moto's, while a moto mock is active) can be kept in step
through :class:`AppMirror`: an application created here is registered there too, so moto's own
Pinpoint operations and its application check know it; one moto created is found here. (While
moto is active, botocore's app calls are moto's to answer: the mock leaves them to it; calls
that reach the mock another way, the server or ``requests``, still keep both in step.)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from ...directory import Application
from ...errors import ServiceError
from ...request import Request
from ...wire import Route, json_response
from ..base import Answered, Core
from .body import read_body
from .queries import arn, page, query

APP_OPERATIONS = frozenset({"CreateApp", "GetApp", "GetApps", "DeleteApp"})
MAX_NAME = 64
"""The longest application name accepted (a modelled bound: the model states none; the console
refuses longer names)."""


class AppMirror(Protocol):
    """Another registry of applications to keep in step (each method does nothing, or answers
    None/empty, while that registry is not active)."""

    def register(self, app: Application, arn: str, headers: Mapping[str, str]) -> None: ...

    def forget(self, application_id: str, headers: Mapping[str, str]) -> None: ...

    def find(self, application_id: str, headers: Mapping[str, str]) -> Application | None: ...

    def listing(self, headers: Mapping[str, str]) -> list[Application]: ...


class Mirrors:
    """Where the mock plugs another registry in (wiring, not state: reset keeps it)."""

    def __init__(self) -> None:
        self.apps: AppMirror | None = None

    def clear(self) -> None:
        pass


def application_response(app: Application, request: Request) -> dict[str, Any]:
    """An application as the service's ApplicationResponse."""
    return {
        "Arn": arn(request, f"apps/{app.application_id}"),
        "CreationDate": app.creation_date,
        "Id": app.application_id,
        "Name": app.name,
        "tags": dict(app.tags),
    }


def _find(core: Core, application_id: str, request: Request) -> Application:
    app = core.directory.app(application_id)
    mirror = core.store(Mirrors).apps
    if app is None and mirror is not None:
        app = mirror.find(application_id, request.headers)
    if app is None:
        raise ServiceError("NotFoundException", "Resource not found")
    return app


def create_app(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    body, warnings = read_body(request, "CreateApp", validate=core.options.validate)
    name = body.get("Name")
    if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME:
        raise ServiceError(
            "BadRequestException", f"Name: must be 1 to {MAX_NAME} characters, got {name!r}"
        )
    tags = body.get("tags") or {}
    application_id = core.ids.uuid().replace("-", "")
    app = core.directory.create_app(application_id, name, tags)
    mirror = core.store(Mirrors).apps
    if mirror is not None:
        mirror.register(app, arn(request, f"apps/{application_id}"), request.headers)
    return Answered(
        json_response(201, application_response(app, request), request_id), None, warnings
    )


def get_app(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    app = _find(core, route.params["application_id"], request)
    return Answered(json_response(200, application_response(app, request), request_id))


def get_apps(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    params = query(request)
    apps = [a for a in map(core.directory.app, core.directory.applications) if a is not None]
    mirror = core.store(Mirrors).apps
    if mirror is not None:
        ours = {a.application_id for a in apps}
        apps += [a for a in mirror.listing(request.headers) if a.application_id not in ours]
    items, token = page(apps, params.get("page-size"), params.get("token"))
    payload: dict[str, Any] = {"Item": [application_response(a, request) for a in items]}
    if token is not None:
        payload["NextToken"] = token
    return Answered(json_response(200, payload, request_id))


def delete_app(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    application_id = route.params["application_id"]
    app = _find(core, application_id, request)
    core.directory.delete_app(application_id)
    mirror = core.store(Mirrors).apps
    if mirror is not None:
        mirror.forget(application_id, request.headers)
    return Answered(json_response(200, application_response(app, request), request_id))
