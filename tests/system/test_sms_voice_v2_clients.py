"""SMS and voice v2 with real clients against the real server: boto3 (through
``AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2``, as the ``pinpoint_server`` fixture sets it), the
AWS CLI (``aws pinpoint-sms-voice-v2 send-text-message``) and the AWS SDK for JavaScript v3
(``@aws-sdk/client-pinpoint-sms-voice-v2``, tests/system/js/sms-voice-v2-client.mjs)."""

from __future__ import annotations

import json
import shutil
import urllib.request
from pathlib import Path
from typing import Any

import boto3
import pytest

from tests.system.clients import JS_DIR, aws_executable, client_env, run

DEST = "+12065550123"


def node_script(url: str, scenario: str, env: dict[str, str]) -> Any:
    node = shutil.which("node")
    if node is None:
        pytest.fail("`node` is not on PATH: install Node.js 18 or newer", pytrace=False)
    if not (JS_DIR / "node_modules" / "@aws-sdk" / "client-pinpoint-sms-voice-v2").is_dir():
        pytest.fail(
            "tests/system/js/node_modules is missing: run `npm ci --prefix tests/system/js`",
            pytrace=False,
        )
    done = run([node, str(JS_DIR / "sms-voice-v2-client.mjs"), url, scenario], env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def cli(url: str, env: dict[str, str], *args: str) -> Any:
    return run([aws_executable(), "pinpoint-sms-voice-v2", *args, "--endpoint-url", url], env)


def control(url: str, method: str, route: str, payload: Any = None) -> Any:
    data = None if payload is None else json.dumps(payload).encode()
    request = urllib.request.Request(
        f"{url}/_aws/pinpoint/{route}",
        data=data,
        method=method,
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


def test_boto3_finds_the_server_through_the_fixtures_environment(pinpoint_server: Any) -> None:
    sms = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
    answer = sms.send_text_message(DestinationPhoneNumber=DEST, MessageBody="Hi")
    sent = pinpoint_server.sent.last
    assert (sent.message_id, sent.service) == (answer["MessageId"], "pinpoint-sms-voice-v2")
    assert pinpoint_server.calls.last.transport == "server"
    pinpoint_server.sms_voice_v2.opt_out(DEST)
    with pytest.raises(sms.exceptions.ConflictException) as info:
        sms.send_text_message(DestinationPhoneNumber=DEST, MessageBody="Hi")
    assert info.value.response["Reason"] == "DESTINATION_PHONE_NUMBER_OPTED_OUT"


def test_aws_cli_sends_and_reads_errors(pinpoint_server: Any, tmp_path: Path) -> None:
    env = client_env(tmp_path)
    done = cli(
        pinpoint_server.url,
        env,
        "send-text-message",
        "--destination-phone-number",
        DEST,
        "--message-body",
        "Hi from the CLI",
        "--message-type",
        "TRANSACTIONAL",
    )
    assert done.returncode == 0, done.stderr
    message_id = json.loads(done.stdout)["MessageId"]
    pinpoint_server.assert_sent(address=DEST, body="Hi from the CLI", count=1)
    assert pinpoint_server.sent.last.message_id == message_id
    assert pinpoint_server.calls.last.headers["User-Agent"].startswith("aws-cli/1.")

    done = cli(pinpoint_server.url, env, "put-opted-out-number", "--opt-out-list-name",
               "Default", "--opted-out-number", DEST)  # fmt: skip
    assert done.returncode == 0, done.stderr
    done = cli(pinpoint_server.url, env, "send-text-message", "--destination-phone-number", DEST,
               "--message-body", "again")  # fmt: skip
    assert done.returncode == 255  # AWS CLI v1: a service error
    assert "ConflictException" in done.stderr
    assert "opted out" in done.stderr


def test_javascript_sdk_sends_text_voice_and_media(pinpoint_server: Any, tmp_path: Path) -> None:
    ids = node_script(pinpoint_server.url, "send", client_env(tmp_path))
    by_operation = {s.operation: s for s in pinpoint_server.sent}
    assert ids == {
        "text": by_operation["SendTextMessage"].message_id,
        "voice": by_operation["SendVoiceMessage"].message_id,
        "media": by_operation["SendMediaMessage"].message_id,
    }
    assert by_operation["SendTextMessage"].context == {"order": "o-1"}
    assert by_operation["SendVoiceMessage"].details["voiceId"] == "JOANNA"
    assert by_operation["SendMediaMessage"].details["mediaUrls"] == [
        "s3://tickets-bucket/ticket.png"
    ]


def test_javascript_sdk_reads_the_reason_of_an_opt_out(
    pinpoint_server: Any, tmp_path: Path
) -> None:
    error = node_script(pinpoint_server.url, "opt-out", client_env(tmp_path))
    assert error["name"] == "ConflictException"
    assert (error["statusCode"], error["Reason"]) == (400, "DESTINATION_PHONE_NUMBER_OPTED_OUT")
    assert (error["ResourceType"], error["ResourceId"]) == ("opted-out-number", "+12065550199")


def test_javascript_sdk_reads_every_violation(pinpoint_server: Any, tmp_path: Path) -> None:
    error = node_script(pinpoint_server.url, "invalid", client_env(tmp_path))
    assert (error["name"], error["Reason"]) == ("ValidationException", "FIELD_VALIDATION_FAILED")
    assert error["Fields"] == [
        {"Name": "MessageType", "Message": "'PROMO' is not one of TRANSACTIONAL, PROMOTIONAL"}
    ]
    assert pinpoint_server.calls.last.violations


def test_the_inspection_api_registers_identities_and_opt_outs(pinpoint_server: Any) -> None:
    url = pinpoint_server.url
    number = {"phoneNumber": "+12065551234", "phoneNumberId": "phone-1"}
    made = control(url, "POST", "sms-voice-v2/identities", number)
    assert (made["kind"], made["phone_number_id"]) == ("phone-number", "phone-1")
    control(url, "POST", "sms-voice-v2/identities", {"senderId": "ACME", "isoCountryCode": "GB"})
    pool = {"poolId": "pool-1", "originationIdentities": ["phone-1"]}
    control(url, "POST", "sms-voice-v2/identities", pool)
    kinds = [i["kind"] for i in control(url, "GET", "sms-voice-v2/identities")["identities"]]
    assert kinds == ["phone-number", "sender-id", "pool"]
    control(url, "POST", "sms-voice-v2/opt-outs", {"phoneNumber": DEST})
    assert control(url, "GET", "sms-voice-v2/opt-outs")["optedOut"] == [DEST]
    control(url, "POST", "outcomes", {"status": "THROTTLED", "service": "pinpoint-sms-voice-v2"})
    fault = {"code": "ThrottlingException", "times": 1, "service": "pinpoint-sms-voice-v2"}
    control(url, "POST", "faults", fault)
    sms = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
    with pytest.raises(sms.exceptions.ResourceNotFoundException):
        sms.send_text_message(
            DestinationPhoneNumber="+12065550124", OriginationIdentity="x", MessageBody="Hi"
        )
    throttled, refused = pinpoint_server.calls[-2:]
    assert (throttled.error_code, throttled.rule) == (
        "ThrottlingException",
        "fail('ThrottlingException', times=1)",
    )
    assert (refused.error_code, refused.attempt) == ("ResourceNotFoundException", 2)
