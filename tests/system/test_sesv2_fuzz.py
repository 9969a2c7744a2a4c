"""Fuzzing SES v2: valid, mutated and garbage bodies on every SES v2 route, in process and
through the server. Every answer is a 200 or a modeled 4xx with SES's wire shape
(``x-amzn-ErrorType`` and ``{"message"}``): never a 500, a hang, or an exception escaping.
``PINPOINT_MOCK_FUZZ_EXAMPLES`` (the Pinpoint fuzz's count: 1,500 by default, 5,000 in CI) sets
the number of examples: a tenth of it in process, a fortieth through the server."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pinpoint_mock.engine import Engine, Request
from pinpoint_mock.mock import PinpointMock
from pinpoint_mock.server import PinpointServer
from pinpoint_mock.strategies import sesv2 as ses

EXAMPLES = int(os.environ.get("PINPOINT_MOCK_FUZZ_EXAMPLES", "1500")) // 10
"""A tenth of the Pinpoint fuzz's count per route (an SES body costs several times more)."""
ERROR_STATUS = {
    "BadRequestException": 400,
    "MessageRejected": 400,
    "NotFoundException": 404,
    "AlreadyExistsException": 400,
    "InvalidNextTokenException": 400,
    "MethodNotAllowedException": 405,
    "TooManyRequestsException": 429,
}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)  # fmt: skip


@st.composite
def bodies(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["send", "bulk", "invalid", "json", "bytes", "deep", "template"]))
    if kind == "send":
        return json.dumps(draw(ses.send_email_requests(stored=True))).encode()
    if kind == "bulk":
        return json.dumps(draw(ses.bulk_email_requests())).encode()
    if kind == "invalid":
        return json.dumps(draw(ses.invalid_send_email_requests()).body).encode()
    if kind == "json":
        return json.dumps(draw(json_values)).encode()
    if kind == "bytes":
        return draw(st.binary(max_size=200))
    if kind == "deep":
        return (draw(st.sampled_from(["[", '{"Content":', '{"a":['])) * 3000).encode()
    source = draw(st.text(max_size=60)) + draw(st.sampled_from(["{{", "{{#each x}}", "{{/if}}"]))
    return json.dumps({"TemplateName": draw(st.text(max_size=8)), "TemplateContent": {
        "Subject": source}, "TemplateData": source}).encode()  # fmt: skip


targets = st.sampled_from(
    [("POST", "/v2/email/outbound-emails")] * 4
    + [("POST", "/v2/email/outbound-bulk-emails")] * 2
    + [
        ("POST", "/v2/email/templates"),
        ("PUT", "/v2/email/templates/fuzz-template"),
        ("POST", "/v2/email/templates/fuzz-template/render"),
        ("GET", "/v2/email/templates?PageSize=abc"),
        ("GET", "/v2/email/templates/%ZZ"),
        ("PUT", "/v2/email/suppression/addresses"),
        ("GET", "/v2/email/suppression/addresses?Reason=X&StartDate=x"),
        ("DELETE", "/v2/email/suppression/addresses/nobody"),
        ("PATCH", "/v2/email/outbound-emails"),
    ]
)


def check(status: int, headers: dict[str, str], body: bytes) -> None:
    lowered = {k.lower(): v for k, v in headers.items()}
    assert lowered["content-type"] == "application/json"
    payload = json.loads(body)
    if status == 200:
        assert "x-amzn-errortype" not in lowered
        return
    code = lowered["x-amzn-errortype"]
    assert ERROR_STATUS.get(code) == status, (status, code, payload)
    assert isinstance(payload["message"], str)
    assert payload["message"]


def make_mock(seed: int) -> PinpointMock:
    mock = PinpointMock(seed=seed)
    mock.sesv2.create_template(ses.TEMPLATE_NAME, subject=ses.TEMPLATE_SUBJECT, text="x")
    mock.chaos({"THROTTLED": 0.1, "BOUNCE": 0.1}, seed=seed)
    return mock


@pytest.fixture(scope="module")
def engine() -> Engine:
    return make_mock(1).engine


@pytest.mark.slow
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(target=targets, body=bodies())
def test_in_process_ses_routes_never_break(
    engine: Engine, target: tuple[str, str], body: bytes
) -> None:
    method, path = target
    response, call = engine.handle(Request(method, path, {}, body, "fuzz", service="email"))
    check(response.status, response.headers, response.body)
    assert call.service == "sesv2"
    if len(engine.log.calls) > 2000:
        engine.log.clear()


@pytest.fixture(scope="module")
def server() -> Iterator[PinpointServer]:
    with PinpointServer(make_mock(2)) as running:
        yield running
        running.check()


@pytest.mark.slow
@settings(max_examples=EXAMPLES // 4, deadline=None, suppress_health_check=list(HealthCheck))
@given(target=targets, body=bodies())
def test_the_server_answers_every_ses_body(
    server: PinpointServer, target: tuple[str, str], body: bytes
) -> None:
    method, path = target
    request = urllib.request.Request(server.url + path, data=body, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status, headers, payload = response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        status, headers, payload = error.code, dict(error.headers), error.read()
    check(status, headers, payload)
