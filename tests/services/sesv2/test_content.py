"""SES v2 content: template data read as the contract reads a body."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("data", ['{"name": NaN}', '{"name": "\\ud800"}', '{"n": 1e400}'])
def test_template_data_no_json_body_could_carry_is_a_rendering_failure(data: str) -> None:
    from pinpoint_mock.services.sesv2 import handlebars
    from pinpoint_mock.services.sesv2.content import Ready, render

    ready = Ready("Template", handlebars.parse("Hi {{name}}"), None, None)
    assert render(ready, '{"name": "Ana"}').subject == "Hi Ana"
    failed = render(ready, data)
    assert failed.subject is None
    assert failed[3] == "Template data is not valid JSON."
