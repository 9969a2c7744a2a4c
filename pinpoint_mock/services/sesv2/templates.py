"""SES v2 email templates: CreateEmailTemplate, GetEmailTemplate, UpdateEmailTemplate,
DeleteEmailTemplate, ListEmailTemplates and TestRenderEmailTemplate, kept in
:class:`~.state.SesState`."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from ...errors import ServiceError
from ...request import Request
from ...wire import Route
from ..base import Answered, Core
from . import handlebars, mime
from .body import answer, bad, page_size, query, read_body
from .content import MAX_TEMPLATE_DATA, Ready, render
from .state import MAX_TEMPLATES, SesState, StoredTemplate

MAX_TEMPLATE_BYTES = 500 * 1024
"""A stored template's size (SES quotas)."""
_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def make_template(
    name: str, content: Mapping[str, Any], tags: tuple[tuple[str, str], ...] = ()
) -> StoredTemplate:
    """A stored template from a TemplateContent, checked: its name, its size, its syntax."""
    if not _NAME.match(name):
        raise bad("TemplateName", "must be 1 to 64 letters, digits, underscores or dashes")
    texts = {k: content.get(k) for k in ("Subject", "Text", "Html")}
    size = sum(len(v.encode()) for v in texts.values() if v)
    if size > MAX_TEMPLATE_BYTES:
        raise bad(
            "TemplateContent", f"is {size} bytes; a template holds at most {MAX_TEMPLATE_BYTES}"
        )
    for key, text in texts.items():
        if text is not None:
            try:
                handlebars.parse(text)
            except handlebars.TemplateError as exc:
                raise bad(f"TemplateContent.{key}", f"is not a valid template: {exc}") from None
    return StoredTemplate(name, texts["Subject"], texts["Text"], texts["Html"], tags)


def add_template(state: SesState, template: StoredTemplate) -> None:
    """Store a new template; AlreadyExistsException or LimitExceededException as SES says."""
    with state.lock:
        if template.name in state.templates:
            raise ServiceError(
                "AlreadyExistsException", f"Template {template.name} already exists."
            )
        if len(state.templates) >= MAX_TEMPLATES:
            raise ServiceError(
                "LimitExceededException", f"The account holds {MAX_TEMPLATES} templates already."
            )
        state.templates[template.name] = template


def _found(state: SesState, route: Route) -> StoredTemplate:
    name = route.params["TemplateName"]
    found = state.template(name)
    if found is None:
        raise ServiceError("NotFoundException", f"Template {name} does not exist.")
    return found


def create_email_template(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    state = core.store(SesState)
    body = read_body(request, "CreateEmailTemplate", validate=core.options.validate)
    tags = tuple((str(t["Key"]), str(t["Value"])) for t in body.get("Tags") or [])
    template = make_template(
        str(body.get("TemplateName", "")), body.get("TemplateContent") or {}, tags
    )
    add_template(state, template)
    return Answered(answer({}, request_id))


def get_email_template(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    found = _found(core.store(SesState), route)
    content = {
        key: value
        for key, value in (("Subject", found.subject), ("Text", found.text), ("Html", found.html))
        if value is not None
    }
    payload = {
        "TemplateName": found.name,
        "TemplateContent": content,
        "Tags": [{"Key": k, "Value": v} for k, v in found.tags],
    }
    return Answered(answer(payload, request_id))


def update_email_template(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    state = core.store(SesState)
    body = read_body(request, "UpdateEmailTemplate", validate=core.options.validate)
    old = _found(state, route)
    new = make_template(old.name, body.get("TemplateContent") or {}, old.tags)
    with state.lock:
        state.templates[old.name] = StoredTemplate(
            new.name, new.subject, new.text, new.html, old.tags, old.created
        )
    return Answered(answer({}, request_id))


def delete_email_template(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    state = core.store(SesState)
    found = _found(state, route)
    with state.lock:
        state.templates.pop(found.name, None)
    return Answered(answer({}, request_id))


def list_email_templates(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    state = core.store(SesState)
    params = query(request)
    size = page_size(params, default=10, maximum=100)
    start = _token(params.get("NextToken"))
    with state.lock:
        names = list(state.templates.values())
    page = names[start : start + size]
    payload: dict[str, Any] = {
        "TemplatesMetadata": [
            {"TemplateName": t.name, "CreatedTimestamp": t.created.timestamp()} for t in page
        ]
    }
    if start + size < len(names):
        payload["NextToken"] = str(start + size)
    return Answered(answer(payload, request_id))


def _token(token: str | None) -> int:
    if token is None:
        return 0
    if not token.isdigit() or len(token) > 9:
        raise bad("NextToken", "is not a token this operation gave")
    return int(token)


def test_render_email_template(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    state = core.store(SesState)
    body = read_body(request, "TestRenderEmailTemplate", validate=core.options.validate)
    found = _found(state, route)
    data = body.get("TemplateData") or ""
    if len(data) > MAX_TEMPLATE_DATA:
        raise bad("TemplateData", f"is longer than {MAX_TEMPLATE_DATA} characters")
    parsed = [
        None if t is None else handlebars.parse(t) for t in (found.subject, found.text, found.html)
    ]
    ready = Ready("Template", parsed[0], parsed[1], parsed[2], template=found.name)
    rendering = render(ready, data or "{}")
    if rendering.failure is not None:
        raise ServiceError("BadRequestException", rendering.failure)
    text = mime.rendered(
        rendering.subject, rendering.text, rendering.html, core.ids.message_id("EMAIL")
    )
    return Answered(answer({"RenderedTemplate": text}, request_id))
