"""The message template API for SMS, email, push and voice templates: create, get, update (in
place or as a new version), delete (one version or all), UpdateTemplateActiveVersion,
ListTemplates and ListTemplateVersions, on the shared template store sends render from.

As the service documents it: a template name starts with a letter or digit and holds at most
128 letters, digits, ``_`` and ``-``; ``version`` names a version (without it a get reads the
active version, an update overwrites the latest, a delete removes every version);
``create-new-version=true`` saves an update as a new version and must not come with
``version``; a new version becomes active only through UpdateTemplateActiveVersion.

Modelled assumptions: creating a template that exists answers 400 BadRequestException
"Template already exists"; deleting the active version of a template that has other versions
answers 400; ListTemplates lists each template's active version, by name; ListTemplateVersions
lists oldest first; ``tags`` of an update are ignored (tags come with the creation).
"""

from __future__ import annotations

import json
import re
from typing import Any

from ...errors import ServiceError
from ...message_templates import TYPES, MessageTemplate
from ...request import Request
from ...wire import Route, json_response
from ..base import Answered, Core, Operation
from .body import read_body
from .queries import arn, drop_none, flag, page, query

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$")
#: Template type -> (the operations' infix, the path segment).
KINDS: dict[str, tuple[str, str]] = {
    "SMS": ("Sms", "sms"),
    "EMAIL": ("Email", "email"),
    "PUSH": ("Push", "push"),
    "VOICE": ("Voice", "voice"),
}
_PUSH_PLATFORMS = ("Default", "GCM", "APNS", "ADM", "Baidu")


def _name(route: Route) -> str:
    name = route.params["template_name"]
    if not _NAME.match(name):
        raise ServiceError(
            "BadRequestException",
            f"template-name: {name!r} must start with a letter or digit and hold at most 128 "
            "letters, digits, _ and -",
        )
    return name


def _kind(route: Route) -> str:
    kind = route.params["template_type"].upper()
    if kind not in TYPES:
        raise ServiceError(
            "BadRequestException",
            f"template-type: {route.params['template_type']!r} is not one of {', '.join(TYPES)}",
        )
    return kind


def _substitutions(text: Any) -> dict[str, str]:
    if text is None:
        return {}
    try:
        parsed = json.loads(text)
    except (TypeError, ValueError):
        parsed = None
    if not isinstance(parsed, dict):
        raise ServiceError(
            "BadRequestException", "DefaultSubstitutions: must be a JSON object as a string"
        )
    return {str(k): v if isinstance(v, str) else json.dumps(v) for k, v in parsed.items()}


def template_of(kind: str, name: str, body: dict[str, Any]) -> MessageTemplate:
    """The template a create or update request describes (version set by the store)."""
    title = text = html = None
    if kind in ("SMS", "VOICE"):
        text = body.get("Body")
    elif kind == "EMAIL":
        title, text, html = body.get("Subject"), body.get("TextPart"), body.get("HtmlPart")
    else:
        for platform in _PUSH_PLATFORMS:
            part = body.get(platform) or {}
            title = title if title is not None else part.get("Title")
            text = text if text is not None else part.get("Body")
    return MessageTemplate(
        kind=kind,
        name=name,
        version="",
        title=title,
        body=text,
        html=html,
        default_substitutions=_substitutions(body.get("DefaultSubstitutions")),
        request={k: v for k, v in body.items() if k != "tags"},
    )


def template_response(core: Core, template: MessageTemplate, request: Request) -> dict[str, Any]:
    """A version as the service's XTemplateResponse."""
    return {
        **template.request,
        "Arn": arn(request, f"templates/{template.name}/{template.kind}"),
        "CreationDate": template.creation_date,
        "LastModifiedDate": template.last_modified_date,
        "tags": core.templates.tags(template.kind, template.name),
        "TemplateName": template.name,
        "TemplateType": template.kind,
        "Version": template.version,
    }


def _accepted(status: int, request_id: str) -> Answered:
    return Answered(
        json_response(status, {"Message": "Accepted", "RequestID": request_id}, request_id)
    )


def _missing() -> ServiceError:
    return ServiceError("NotFoundException", "Resource not found")


def _operations(kind: str) -> dict[str, Operation]:
    infix = KINDS[kind][0]
    create_name, update_name = f"Create{infix}Template", f"Update{infix}Template"

    def create(
        core: Core, route: Route, request: Request, request_id: str, call_index: int
    ) -> Answered:
        body, warnings = read_body(request, create_name, validate=core.options.validate)
        name = _name(route)
        if not core.templates.create(template_of(kind, name, body), body.get("tags")):
            raise ServiceError("BadRequestException", "Template already exists")
        payload = {
            "Arn": arn(request, f"templates/{name}/{kind}"),
            "Message": "Created",
            "RequestID": request_id,
        }
        return Answered(json_response(201, payload, request_id), None, warnings)

    def get(
        core: Core, route: Route, request: Request, request_id: str, call_index: int
    ) -> Answered:
        found = core.templates.get(kind, _name(route), query(request).get("version"))
        if found is None:
            raise _missing()
        return Answered(json_response(200, template_response(core, found, request), request_id))

    def update(
        core: Core, route: Route, request: Request, request_id: str, call_index: int
    ) -> Answered:
        body, warnings = read_body(request, update_name, validate=core.options.validate)
        params = query(request)
        new_version = flag(params.get("create-new-version"), "create-new-version")
        version = params.get("version")
        if new_version and version is not None:
            raise ServiceError(
                "BadRequestException", "version: must not be given with create-new-version=true"
            )
        written = core.templates.write(
            template_of(kind, _name(route), body), new_version=new_version, version=version
        )
        if written is None:
            raise _missing()
        return Answered(_accepted(202, request_id).response, None, warnings)

    def delete(
        core: Core, route: Route, request: Request, request_id: str, call_index: int
    ) -> Answered:
        why = core.templates.delete(kind, _name(route), query(request).get("version"))
        if why == "missing":
            raise _missing()
        if why == "active":
            raise ServiceError(
                "BadRequestException",
                "version: the active version cannot be deleted; activate another version first",
            )
        return _accepted(202, request_id)

    return {
        create_name: create,
        f"Get{infix}Template": get,
        update_name: update,
        f"Delete{infix}Template": delete,
    }


def update_template_active_version(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    body, warnings = read_body(
        request, "UpdateTemplateActiveVersion", validate=core.options.validate
    )
    version = body.get("Version")
    if not isinstance(version, str) or not version:
        raise ServiceError("BadRequestException", "Version: is required")
    if not core.templates.activate(_kind(route), _name(route), version):
        raise _missing()
    response = json_response(200, {"Message": "Accepted", "RequestID": request_id}, request_id)
    return Answered(response, None, warnings)


def _summary(template: MessageTemplate) -> dict[str, Any]:
    return drop_none(
        {
            "CreationDate": template.creation_date,
            "DefaultSubstitutions": template.request.get("DefaultSubstitutions"),
            "LastModifiedDate": template.last_modified_date,
            "TemplateDescription": template.request.get("TemplateDescription"),
            "TemplateName": template.name,
            "TemplateType": template.kind,
            "Version": template.version,
        }
    )


def list_templates(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    params = query(request)
    prefix = params.get("prefix") or ""
    wanted = params.get("template-type")
    if wanted is not None and wanted.upper() not in TYPES:
        raise ServiceError(
            "BadRequestException", f"template-type: {wanted!r} is not one of {', '.join(TYPES)}"
        )
    found = [
        t
        for t in core.templates.templates()
        if t.name.startswith(prefix) and (wanted is None or t.kind == wanted.upper())
    ]
    items, token = page(found, params.get("page-size"), params.get("next-token"))
    payload: dict[str, Any] = {
        "Item": [
            {
                **_summary(t),
                "Arn": arn(request, f"templates/{t.name}/{t.kind}"),
                "tags": core.templates.tags(t.kind, t.name),
            }
            for t in items
        ]
    }
    if token is not None:
        payload["NextToken"] = token
    return Answered(json_response(200, payload, request_id))


def list_template_versions(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    params = query(request)
    versions = core.templates.versions(_kind(route), _name(route))
    if not versions:
        raise _missing()
    items, token = page(versions, params.get("page-size"), params.get("next-token"))
    payload: dict[str, Any] = {"Item": [_summary(t) for t in items], "RequestID": request_id}
    if token is not None:
        payload["NextToken"] = token
    return Answered(json_response(200, payload, request_id))


#: Every template operation by name.
OPERATIONS: dict[str, Operation] = {
    name: operation for kind in KINDS for name, operation in _operations(kind).items()
}
OPERATIONS.update(
    {
        "UpdateTemplateActiveVersion": update_template_active_version,
        "ListTemplates": list_templates,
        "ListTemplateVersions": list_template_versions,
    }
)

_T = r"/v1/templates/(?P<template_name>[^/]+)"
#: (method, path pattern, operation) of every template operation.
ROUTES: tuple[tuple[str, str, str], ...] = (
    *(
        (method, f"{_T}/{segment}", f"{verb}{infix}Template")
        for infix, segment in KINDS.values()
        for method, verb in (
            ("POST", "Create"),
            ("GET", "Get"),
            ("PUT", "Update"),
            ("DELETE", "Delete"),
        )
    ),
    ("PUT", _T + r"/(?P<template_type>[^/]+)/active-version", "UpdateTemplateActiveVersion"),
    ("GET", _T + r"/(?P<template_type>[^/]+)/versions", "ListTemplateVersions"),
    ("GET", r"/v1/templates", "ListTemplates"),
)
