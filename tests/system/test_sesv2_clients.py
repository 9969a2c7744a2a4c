"""SES v2 with real clients: boto3 in process and against the server, the AWS CLI's
``aws sesv2 send-email``, and the AWS SDK for JavaScript v3 (``@aws-sdk/client-sesv2``)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import boto3
import pytest

from pinpoint_mock import mock_pinpoint
from tests.system.clients import JS_DIR, aws_executable, client_env, run

SIMPLE = {"Simple": {"Subject": {"Data": "Your order"}, "Body": {"Text": {"Data": "Shipped."}}}}


def aws(url: str, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return run([aws_executable(), "sesv2", *args, "--endpoint-url", url], env)


def node(url: str, scenario: str, env: dict[str, str]) -> Any:
    found = shutil.which("node")
    if found is None:
        pytest.fail("`node` is not on PATH: install Node.js 18 or newer", pytrace=False)
    if not (JS_DIR / "node_modules" / "@aws-sdk" / "client-sesv2").is_dir():
        pytest.fail("run `npm ci --prefix tests/system/js` (CI does it)", pytrace=False)
    done = run([found, str(JS_DIR / "sesv2-client.mjs"), url, scenario], env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


# -- boto3 in process ----------------------------------------------------------------------------
def test_boto3_in_process_send_email_template_and_bulk(pinpoint: Any) -> None:
    client = boto3.client("sesv2", region_name="eu-west-1")
    answer = client.send_email(
        FromEmailAddress="shop@example.com",
        Destination={"ToAddresses": ["ana@example.com"], "BccAddresses": ["audit@example.com"]},
        Content=SIMPLE,
        EmailTags=[{"Name": "campaign", "Value": "spring"}],
    )
    pinpoint.assert_sent(service="sesv2", to="ana@example.com", subject_contains="order", count=1)
    pinpoint.assert_sent(service="sesv2", to="audit@example.com", tags={"campaign": "spring"})
    assert {s.message_id for s in pinpoint.sent} == {answer["MessageId"]}
    assert pinpoint.sent[0].details["region"] == "eu-west-1"

    client.create_email_template(
        TemplateName="welcome",
        TemplateContent={"Subject": "Hi {{name}}", "Html": "<p>{{#if vip}}VIP{{/if}}</p>"},
    )
    rendered = client.test_render_email_template(
        TemplateName="welcome", TemplateData='{"name": "Ana", "vip": true}'
    )["RenderedTemplate"]
    assert "Subject: Hi Ana" in rendered
    assert "<p>VIP</p>" in rendered
    results = client.send_bulk_email(
        FromEmailAddress="shop@example.com",
        DefaultContent={"Template": {"TemplateName": "welcome", "TemplateData": '{"name": "x"}'}},
        BulkEmailEntries=[
            {"Destination": {"ToAddresses": [f"u{n}@example.com"]}} for n in range(3)
        ],
    )["BulkEmailEntryResults"]
    assert [r["Status"] for r in results] == ["SUCCESS"] * 3
    pinpoint.assert_sent(service="sesv2", operation="SendBulkEmail", subject="Hi x", count=3)


def test_boto3_raises_the_modeled_exceptions(pinpoint: Any) -> None:
    client = boto3.client("sesv2", region_name="us-east-1")
    pinpoint.sesv2.fail("MessageRejected")
    with pytest.raises(client.exceptions.MessageRejected, match="Email rejected"):
        client.send_email(
            FromEmailAddress="a@example.com", Destination={"ToAddresses": ["b@example.com"]},
            Content=SIMPLE,
        )  # fmt: skip
    with pytest.raises(client.exceptions.NotFoundException):
        client.get_email_template(TemplateName="missing")
    pinpoint.sesv2.sandbox()
    with pytest.raises(client.exceptions.MessageRejected, match=r"US-EAST-1: a@example\.com"):
        client.send_email(
            FromEmailAddress="a@example.com", Destination={"ToAddresses": ["b@example.com"]},
            Content=SIMPLE,
        )  # fmt: skip
    pinpoint.fail("TooManyRequestsException", service="sesv2", operation="SendEmail", times=9)
    pinpoint.sesv2.sandbox(False)
    with pytest.raises(client.exceptions.TooManyRequestsException):
        client.send_email(
            FromEmailAddress="a@example.com", Destination={"ToAddresses": ["b@example.com"]},
            Content=SIMPLE,
        )  # fmt: skip
    assert [c.attempt for c in pinpoint.calls if c.error_code == "TooManyRequestsException"][
        -2:
    ] == [2, 3]  # botocore's retries are real attempts


def test_boto3_raw_email_with_an_attachment(pinpoint: Any) -> None:
    message = EmailMessage()
    message["From"] = "Shop <shop@example.com>"
    message["To"] = "ana@example.com"
    message["Subject"] = "Invoice"
    message.set_content("Attached.")
    message.add_attachment(b"a,b\n1,2\n", maintype="text", subtype="csv", filename="i.csv")
    boto3.client("sesv2", region_name="us-east-1").send_email(
        Content={"Raw": {"Data": message.as_bytes()}}
    )
    sent = pinpoint.assert_sent(service="sesv2", to="ana@example.com", subject="Invoice")[0]
    assert sent.details["attachments"][0]["filename"] == "i.csv"
    assert sent.details["from"] == "shop@example.com"


# -- against the server ---------------------------------------------------------------------------
def test_boto3_against_the_server_via_aws_endpoint_url_sesv2(
    pinpoint_server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert os.environ["AWS_ENDPOINT_URL_SESV2"] == pinpoint_server.url  # set by the fixture
    monkeypatch.setattr(boto3, "DEFAULT_SESSION", None)
    client = boto3.client("sesv2", region_name="us-east-1")
    client.put_suppressed_destination(EmailAddress="gone@example.com", Reason="BOUNCE")
    client.send_email(
        FromEmailAddress="shop@example.com",
        Destination={"ToAddresses": ["gone@example.com", "ana@example.com"]},
        Content=SIMPLE,
    )
    pinpoint_server.assert_sent(to="gone@example.com", status="SUPPRESSED", event="Bounce")
    pinpoint_server.assert_sent(to="ana@example.com", status="SUCCESSFUL", event="Delivery")
    assert all(c.transport == "server" for c in pinpoint_server.calls)


def test_aws_cli_send_email(pinpoint_server: Any, tmp_path: Path) -> None:
    env = client_env(tmp_path, AWS_MAX_ATTEMPTS="1")
    done = aws(
        pinpoint_server.url, env, "send-email",
        "--from-email-address", "shop@example.com",
        "--destination", json.dumps({"ToAddresses": ["ana@example.com"]}),
        "--content", json.dumps(SIMPLE),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    message_id = json.loads(done.stdout)["MessageId"]
    pinpoint_server.assert_sent(service="sesv2", to="ana@example.com", message_id=message_id)
    raw = EmailMessage()
    raw["From"], raw["To"], raw["Subject"] = "shop@example.com", "bo@example.com", "Raw"
    raw.set_content("hi")
    # AWS CLI v1 takes a blob in JSON as the raw text (and base64-encodes it on the wire).
    content = json.dumps({"Raw": {"Data": raw.as_string()}})
    done = aws(pinpoint_server.url, env, "send-email", "--content", content)
    assert done.returncode == 0, done.stderr
    pinpoint_server.assert_sent(to="bo@example.com", subject="Raw")


def test_aws_cli_contract_error_exits_255_naming_the_path(
    pinpoint_server: Any, tmp_path: Path
) -> None:
    done = aws(
        pinpoint_server.url, client_env(tmp_path, AWS_MAX_ATTEMPTS="1"), "send-email",
        "--from-email-address", "shop@example.com",
        "--destination", json.dumps({"ToAddresses": ["ana@example.com"]}),
        "--content", json.dumps(SIMPLE),
        "--email-tags", json.dumps([{"Name": "bad tag", "Value": "v"}]),
    )  # fmt: skip
    assert done.returncode == 255
    assert "BadRequestException" in done.stderr
    assert "EmailTags[0].Name" in done.stderr


def test_js_sdk_send_template_and_bulk(pinpoint_server: Any, tmp_path: Path) -> None:
    env = client_env(tmp_path, AWS_MAX_ATTEMPTS="1")
    output = node(pinpoint_server.url, "send", env)
    assert output["statusCode"] == 200
    assert output["response"]["MessageId"]
    pinpoint_server.assert_sent(to="bo@example.com", tags={"campaign": "spring"})
    output = node(pinpoint_server.url, "template", env)
    results = output["response"]["BulkEmailEntryResults"]
    assert [r["Status"] for r in results] == ["SUCCESS", "SUCCESS"]
    pinpoint_server.assert_sent(to="ana@example.com", subject="Hi Ana", template="welcome")
    pinpoint_server.assert_sent(to="bounce@simulator.amazonses.com", status="BOUNCE")
    assert all("aws-sdk-js/3." in c.headers.get("user-agent", "") for c in pinpoint_server.calls)


def test_js_sdk_gets_the_modeled_errors(pinpoint_server: Any, tmp_path: Path) -> None:
    env = client_env(tmp_path, AWS_MAX_ATTEMPTS="1")
    pinpoint_server.sesv2.fail("MessageRejected", message="Blocked by policy")
    error = node(pinpoint_server.url, "rejected", env)
    assert error == {"name": "MessageRejected", "statusCode": 400, "message": "Blocked by policy"}
    error = node(pinpoint_server.url, "invalid", env)
    assert (error["name"], error["statusCode"]) == ("BadRequestException", 400)
    assert "EmailTags[0].Name" in error["message"]


def test_services_option_fails_closed_without_moto() -> None:
    with mock_pinpoint(services=["pinpoint"]):
        client = boto3.client("sesv2", region_name="us-east-1")
        with pytest.raises(Exception, match="not among this mock's services"):
            client.send_email(
                FromEmailAddress="a@example.com", Destination={"ToAddresses": ["b@example.com"]},
                Content=SIMPLE,
            )  # fmt: skip
