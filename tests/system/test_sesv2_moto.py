"""SES v2 inside moto's mock_aws, in either order of entry: the operations pinpoint-mock serves
are ours, moto keeps the rest (identities, configuration sets, SES v1); ``services=`` leaves
SES v2 to moto altogether."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any

import boto3
import pytest
from moto import mock_aws

from pinpoint_mock import mock_pinpoint
from pinpoint_mock.mock import PinpointMock

SIMPLE = {"Simple": {"Subject": {"Data": "Hi"}, "Body": {"Text": {"Data": "hello"}}}}


@contextmanager
def ours_then_moto(services: Sequence[str] | None = None) -> Iterator[PinpointMock]:
    with mock_pinpoint(services=services) as pinpoint, mock_aws():
        yield pinpoint


@contextmanager
def moto_then_ours(services: Sequence[str] | None = None) -> Iterator[PinpointMock]:
    with mock_aws(), mock_pinpoint(services=services) as pinpoint:
        yield pinpoint


ORDERS: list[Callable[..., AbstractContextManager[PinpointMock]]] = [ours_then_moto, moto_then_ours]


@pytest.mark.parametrize("order", ORDERS, ids=lambda f: f.__name__)
def test_sends_are_ours_identities_and_ses_v1_are_motos(order: Any) -> None:
    with order() as pinpoint:
        client = boto3.client("sesv2", region_name="us-east-1")
        client.create_email_identity(EmailIdentity="shop@example.com")  # moto's
        identities = client.list_email_identities()["EmailIdentities"]
        assert [i["IdentityName"] for i in identities] == ["shop@example.com"]
        client.create_email_template(
            TemplateName="t", TemplateContent={"Subject": "Hi {{n}}", "Text": "x"}
        )  # ours: moto has no SES v2 templates
        answer = client.send_email(
            FromEmailAddress="shop@example.com",
            Destination={"ToAddresses": ["ana@example.com"]},
            Content={"Template": {"TemplateName": "t", "TemplateData": '{"n": "Ana"}'}},
        )
        pinpoint.assert_sent(service="sesv2", subject="Hi Ana", message_id=answer["MessageId"])
        v1 = boto3.client("ses", region_name="us-east-1")  # the same `email` host, moto's
        v1.verify_email_identity(EmailAddress="ops@example.com")
        assert "ops@example.com" in v1.list_identities()["Identities"]
        assert [c.operation for c in pinpoint.calls] == ["CreateEmailTemplate", "SendEmail"]


@pytest.mark.parametrize("order", ORDERS, ids=lambda f: f.__name__)
def test_services_leaves_ses_v2_to_moto(order: Any) -> None:
    with order(services=["pinpoint"]) as pinpoint:
        client = boto3.client("sesv2", region_name="us-east-1")
        client.create_email_identity(EmailIdentity="shop@example.com")
        answer = client.send_email(
            FromEmailAddress="shop@example.com",
            Destination={"ToAddresses": ["ana@example.com"]},
            Content=SIMPLE,
        )
        assert answer["MessageId"]  # moto answered
        assert list(pinpoint.sent) == []
        assert list(pinpoint.calls) == []
