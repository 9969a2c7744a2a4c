"""SesFactory: believable, reproducible SES v2 bodies that the fake accepts."""

from __future__ import annotations

import json

import pytest

from pinpoint_mock import contract
from pinpoint_mock.errors import PinpointMockError
from pinpoint_mock.factories.sesv2 import SesFactory
from pinpoint_mock.mock import PinpointMock


@pytest.mark.parametrize("content", ["simple", "raw", "template"])
def test_send_email_bodies_are_valid_and_accepted(content: str) -> None:
    factory = SesFactory(seed=7)
    mock = PinpointMock(seed=1)
    template = factory.template()
    mock.sesv2.create_template(
        template["TemplateName"],
        subject=template["TemplateContent"]["Subject"],
        text=template["TemplateContent"]["Text"],
        html=template["TemplateContent"]["Html"],
    )
    body = factory.send_email(to=2, cc=1, bcc=1, content=content)  # type: ignore[arg-type]
    assert contract.check_body(body, "SendEmail", "sesv2")[0] == []
    response = mock.serve("POST", "/v2/email/outbound-emails", {}, json.dumps(body).encode())
    assert response.status == 200, response.body
    assert len(mock.sent) == 4
    assert all(s.delivery_status == "SUCCESSFUL" for s in mock.sent)
    assert all("simulator" not in s.address and "+" not in s.address for s in mock.sent)


def test_the_same_seed_gives_the_same_bodies() -> None:
    assert SesFactory(seed=3).bulk_email(5) == SesFactory(seed=3).bulk_email(5)
    assert SesFactory(seed=3).send_email() != SesFactory(seed=4).send_email()


def test_bulk_bodies_are_accepted_entry_by_entry() -> None:
    factory = SesFactory(seed=7)
    mock = PinpointMock(seed=1)
    mock.sesv2.create_template("welcome", **{k.lower(): v for k, v in factory.template()[
        "TemplateContent"].items()})  # fmt: skip
    body = factory.bulk_email(50)
    response = mock.serve("POST", "/v2/email/outbound-bulk-emails", {}, json.dumps(body).encode())
    results = json.loads(response.body)["BulkEmailEntryResults"]
    assert [r["Status"] for r in results] == ["SUCCESS"] * 50


def test_limits_are_refused_with_the_rule() -> None:
    with pytest.raises(PinpointMockError, match="1 to 50 recipients"):
        SesFactory().send_email(to=51)
    with pytest.raises(PinpointMockError, match="1 to 50 entries"):
        SesFactory().bulk_email(0)
