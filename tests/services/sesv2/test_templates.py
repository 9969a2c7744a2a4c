"""The email template operations through the engine."""

from __future__ import annotations

import json
from typing import Any

from pinpoint_mock.engine import Engine
from pinpoint_mock.request import Request

TEMPLATES = "/v2/email/templates"


def call(engine: Engine, method: str, path: str, body: Any = None) -> tuple[int, str | None, Any]:
    raw = b"" if body is None else json.dumps(body).encode()
    response, _ = engine.handle(Request(method, path, {}, raw, "server"))
    return response.status, response.headers.get("x-amzn-ErrorType"), json.loads(response.body)


def create(engine: Engine, name: str, **content: str) -> tuple[int, str | None, Any]:
    return call(engine, "POST", TEMPLATES, {"TemplateName": name, "TemplateContent": content})


def test_create_get_update_delete() -> None:
    engine = Engine()
    assert create(engine, "welcome", Subject="Hi {{name}}", Text="t") == (200, None, {})
    _status, _, payload = call(engine, "GET", f"{TEMPLATES}/welcome")
    assert payload == {"TemplateName": "welcome", "TemplateContent": {
        "Subject": "Hi {{name}}", "Text": "t"}, "Tags": []}  # fmt: skip
    update = {"TemplateContent": {"Subject": "Hello {{name}}", "Html": "<p>h</p>"}}
    assert call(engine, "PUT", f"{TEMPLATES}/welcome", update)[0] == 200
    content = call(engine, "GET", f"{TEMPLATES}/welcome")[2]["TemplateContent"]
    assert content == {"Subject": "Hello {{name}}", "Html": "<p>h</p>"}
    assert call(engine, "DELETE", f"{TEMPLATES}/welcome")[0] == 200
    assert call(engine, "GET", f"{TEMPLATES}/welcome")[:2] == (404, "NotFoundException")
    assert call(engine, "DELETE", f"{TEMPLATES}/welcome")[:2] == (404, "NotFoundException")


def test_a_second_template_of_the_same_name_already_exists() -> None:
    engine = Engine()
    create(engine, "t", Subject="s")
    assert create(engine, "t", Subject="s")[:2] == (400, "AlreadyExistsException")


def test_names_and_syntax_are_checked_at_creation() -> None:
    engine = Engine()
    status, code, payload = create(engine, "bad name", Subject="s")
    assert (status, code) == (400, "BadRequestException")
    assert "TemplateName" in payload["message"]
    status, code, payload = create(engine, "t", Subject="{{#if x}}")
    assert (status, code) == (400, "BadRequestException")
    assert "TemplateContent.Subject" in payload["message"]
    assert "never closed" in payload["message"]


def test_list_pages_with_next_token() -> None:
    engine = Engine()
    for n in range(5):
        create(engine, f"t{n}", Subject="s")
    first = call(engine, "GET", f"{TEMPLATES}?PageSize=2")[2]
    assert [t["TemplateName"] for t in first["TemplatesMetadata"]] == ["t0", "t1"]
    assert isinstance(first["TemplatesMetadata"][0]["CreatedTimestamp"], float)
    last = call(engine, "GET", f"{TEMPLATES}?PageSize=2&NextToken={first['NextToken']}")[2]
    assert [t["TemplateName"] for t in last["TemplatesMetadata"]] == ["t2", "t3"]
    assert call(engine, "GET", f"{TEMPLATES}?PageSize=101")[:2] == (400, "BadRequestException")
    assert call(engine, "GET", f"{TEMPLATES}?NextToken=zz")[:2] == (400, "BadRequestException")


def test_test_render_answers_the_full_mime_text_or_the_rendering_problem() -> None:
    engine = Engine(seed=1)
    create(engine, "t", Subject="Hi {{name}}", Text="Plain {{name}}", Html="<b>{{name}}</b>")
    data = {"TemplateData": json.dumps({"name": "Ana"})}
    status, _, payload = call(engine, "POST", f"{TEMPLATES}/t/render", data)
    assert status == 200
    rendered = payload["RenderedTemplate"]
    assert "Subject: Hi Ana" in rendered
    assert "multipart/alternative" in rendered
    assert "Plain Ana" in rendered
    assert "<b>Ana</b>" in rendered
    status, code, payload = call(engine, "POST", f"{TEMPLATES}/t/render", {"TemplateData": "{}"})
    assert (status, code) == (400, "BadRequestException")
    assert payload["message"] == "Attribute 'name' is not present in the rendering data."
    assert call(engine, "POST", f"{TEMPLATES}/nope/render", data)[:2] == (404, "NotFoundException")
