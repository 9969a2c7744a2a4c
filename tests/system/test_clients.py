"""Real clients against the real server: the AWS CLI, the AWS SDK for JavaScript v3, boto3, and
the `pinpoint-mock serve` command, each talking HTTP to a listening socket.

The commands mirror docs/clients/{cli,javascript,python}.md. The AWS CLI and Node dependencies
are installed by CI (`pip install -e '.[test]'`, `npm ci --prefix tests/system/js`); when they are
missing these tests fail, naming the command to run, rather than skip.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest

from pinpoint_mock import PinpointMock
from pinpoint_mock.server import PinpointServer
from tests.system.clients import BIN, JS_DIR, ROOT, aws_executable, client_env, run

APP = "611e3e3cdd47474c9c1399a505665b91"

# docs/clients/cli.md registers these two endpoints of user-1 with `aws pinpoint update-endpoint`.
CLI_ENDPOINTS = {
    "sms-1": {"ChannelType": "SMS", "Address": "+12065550123", "User": {"UserId": "user-1"}},
    "email-1": {"ChannelType": "EMAIL", "Address": "ana@example.com", "User": {"UserId": "user-1"}},
}
SMS_REQUEST = {"MessageConfiguration": {"SMSMessage": {"Body": "Hi"}}, "Users": {}}
# docs/clients/cli.md's request.json
REQUEST_JSON = """{
  "MessageConfiguration": {"SMSMessage": {"Body": "Hi"}},
  "Users": {"user-1": {}, "user-2": {}}
}
"""
INVALID_REQUEST = {
    "MessageConfiguration": {"SMSMessage": {"Body": "Hi", "MessageType": "PROMO"}},
    "Users": {"user-1": {}},
}


# -- helpers --------------------------------------------------------------------------------
def aws(url: str, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return run([aws_executable(), "pinpoint", *args, "--endpoint-url", url], env)


def node_script(url: str, scenario: str, env: dict[str, str]) -> Any:
    """Run tests/system/js/pinpoint-client.mjs; its stdout is one JSON document."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("`node` is not on PATH: install Node.js 18 or newer", pytrace=False)
    if not (JS_DIR / "node_modules" / "@aws-sdk" / "client-pinpoint").is_dir():
        pytest.fail(
            "tests/system/js/node_modules is missing: "
            "run `npm ci --prefix tests/system/js` (CI does it)",
            pytrace=False,
        )
    done = run([node, str(JS_DIR / "pinpoint-client.mjs"), url, scenario], env)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def statuses(result: dict[str, Any]) -> dict[str, dict[str, str]]:
    """SendUsersMessageResponse.Result as {user: {endpoint: DeliveryStatus}}."""
    return {
        user: {endpoint: entry["DeliveryStatus"] for endpoint, entry in endpoints.items()}
        for user, endpoints in result.items()
    }


def user_agent(call: Any) -> str:
    return next((v for k, v in call.headers.items() if k.lower() == "user-agent"), "")


def inspection_api(url: str, method: str, route: str, payload: Any = None) -> Any:
    """The inspection API, as docs/clients/cli.md calls it with curl."""
    data = None if payload is None else json.dumps(payload).encode()
    request = urllib.request.Request(
        f"{url}/_aws/pinpoint/{route}",
        data=data,
        method=method,
        headers={"Content-Type": "application/json"},  # the control API refuses other types
    )
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read())


# -- environment isolation --------------------------------------------------------------------
def test_client_subprocesses_get_fake_credentials_and_no_aws_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("AWS_PROFILE", "production")
    monkeypatch.setenv("AWS_SESSION_TOKEN", "a-real-token")
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAREALKEY")
    env = client_env(tmp_path)
    assert "AWS_PROFILE" not in env
    assert "AWS_SESSION_TOKEN" not in env
    assert env["AWS_ACCESS_KEY_ID"] == env["AWS_SECRET_ACCESS_KEY"] == "testing"
    assert env["AWS_DEFAULT_REGION"] == "us-east-1"
    for name in ("AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"):
        assert Path(env[name]).is_relative_to(tmp_path)
        assert not Path(env[name]).exists()
    assert not (Path(env["HOME"]) / ".aws").exists()


# -- the AWS CLI --------------------------------------------------------------------------------
def test_aws_cli_registers_endpoints_and_sends(pinpoint_server: Any, tmp_path: Path) -> None:
    env = client_env(tmp_path)
    for endpoint_id, request in CLI_ENDPOINTS.items():
        done = aws(
            pinpoint_server.url,
            env,
            "update-endpoint",
            "--application-id",
            APP,
            "--endpoint-id",
            endpoint_id,
            "--endpoint-request",
            json.dumps(request),
        )
        assert done.returncode == 0, done.stderr
        assert json.loads(done.stdout)["MessageBody"]["Message"] == "Accepted"

    done = aws(
        pinpoint_server.url,
        env,
        "send-users-messages",
        "--cli-input-json",
        "file://docs/examples/send-users-messages.json",
    )
    assert done.returncode == 0, done.stderr
    response = json.loads(done.stdout)["SendUsersMessageResponse"]
    assert response["ApplicationId"] == APP
    assert statuses(response["Result"]) == {
        "user-1": {"sms-1": "SUCCESSFUL", "email-1": "SUCCESSFUL"},
        "user-2": {"": "PERMANENT_FAILURE"},  # no endpoints registered for user-2
    }
    assert response["Result"]["user-2"][""]["StatusMessage"] == "No endpoints found for userId."

    # What the server saw: three calls from the AWS CLI itself, two rendered deliveries.
    calls = pinpoint_server.calls
    assert [c.operation for c in calls] == ["UpdateEndpoint", "UpdateEndpoint", "SendUsersMessages"]
    assert all(user_agent(c).startswith("aws-cli/1.") for c in calls), user_agent(calls[0])
    assert {c.transport for c in calls} == {"server"}
    pinpoint_server.assert_sent(
        user="user-1", channel="SMS", body="Hi Ana, your appointment is tomorrow at 10:00."
    )
    pinpoint_server.assert_sent(user="user-1", channel="EMAIL", title="Reminder for Ana")
    assert pinpoint_server.sent.last.trace_id == "reminders-2026-11-25"

    # The inspection API (docs: curl "$URL/_aws/pinpoint/messages?userId=user-1&channel=SMS").
    answer = inspection_api(pinpoint_server.url, "GET", "messages?userId=user-1&channel=SMS")
    assert [(m["endpointId"], m["body"], m["deliveryStatus"]) for m in answer["messages"]] == [
        ("sms-1", "Hi Ana, your appointment is tomorrow at 10:00.", "SUCCESSFUL")
    ]


def test_aws_cli_invalid_request_exits_255_naming_the_path(
    pinpoint_server: Any, tmp_path: Path
) -> None:
    request = tmp_path / "invalid.json"
    request.write_text(json.dumps(INVALID_REQUEST))
    done = aws(
        pinpoint_server.url,
        client_env(tmp_path),
        "send-users-messages",
        "--application-id",
        APP,
        "--send-users-message-request",
        f"file://{request}",
    )
    assert done.returncode == 255, done.stdout
    assert done.stdout == ""
    assert "An error occurred (BadRequestException) when calling the SendUsersMessages" in (
        done.stderr
    )
    assert "MessageConfiguration.SMSMessage.MessageType: 'PROMO' is not one of" in done.stderr
    assert pinpoint_server.calls.last.status == 400  # the server refused it, not the CLI
    assert pinpoint_server.sent == []


def test_aws_cli_shows_scripted_outcomes(pinpoint_server: Any, tmp_path: Path) -> None:
    pinpoint_server.add_endpoint(
        user_id="user-1", channel="SMS", address="+12065550123", endpoint_id="sms-1"
    )
    throttled = pinpoint_server.outcome("THROTTLED", user="user-1")
    # docs/clients/cli.md does the same over HTTP: an endpoint and an outcome for user-2.
    inspection_api(
        pinpoint_server.url,
        "POST",
        "endpoints",
        {"userId": "user-2", "channel": "SMS", "address": "+12065550124", "endpointId": "sms-2"},
    )
    posted = inspection_api(
        pinpoint_server.url, "POST", "outcomes", {"status": "TEMPORARY_FAILURE", "user": "user-2"}
    )
    request = tmp_path / "request.json"
    request.write_text(REQUEST_JSON)

    done = aws(
        pinpoint_server.url,
        client_env(tmp_path),
        "send-users-messages",
        "--application-id",
        APP,
        "--send-users-message-request",
        f"file://{request}",
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)["SendUsersMessageResponse"]["Result"]
    assert statuses(result) == {
        "user-1": {"sms-1": "THROTTLED"},
        "user-2": {"sms-2": "TEMPORARY_FAILURE"},
    }
    assert result["user-1"]["sms-1"]["StatusCode"] == 429
    assert [s.rule for s in pinpoint_server.sent] == [throttled.label, posted["rule"]]


# -- the AWS SDK for JavaScript v3 -------------------------------------------------------------
def test_js_sdk_registers_endpoints_and_sends(pinpoint_server: Any, tmp_path: Path) -> None:
    output = node_script(pinpoint_server.url, "send", client_env(tmp_path))
    assert output["statusCode"] == 200
    assert output["response"]["ApplicationId"] == APP
    assert statuses(output["response"]["Result"]) == {
        "user-1": {"sms-1": "SUCCESSFUL", "email-1": "SUCCESSFUL"}
    }
    sms = output["response"]["Result"]["user-1"]["sms-1"]
    assert sms["StatusMessage"] == f"MessageId: {sms['MessageId']}"

    assert {(e.endpoint_id, e.channel) for e in pinpoint_server.endpoints(user_id="user-1")} == {
        ("sms-1", "SMS"),
        ("email-1", "EMAIL"),
    }
    calls = pinpoint_server.calls
    assert [c.operation for c in calls] == ["UpdateEndpoint", "UpdateEndpoint", "SendUsersMessages"]
    assert all("aws-sdk-js/3." in user_agent(c) for c in calls), user_agent(calls[0])
    assert [c.status for c in calls] == [202, 202, 200]  # UpdateEndpoint answers 202 Accepted
    pinpoint_server.assert_sent(
        user="user-1", channel="SMS", body="Hi Ana, your code is 1234", count=1
    )
    pinpoint_server.assert_sent(user="user-1", channel="EMAIL", title="Your code", count=1)
    assert pinpoint_server.sent.filter(channel="SMS").last.message_id == sms["MessageId"]


def test_js_sdk_sees_scripted_outcomes(pinpoint_server: Any, tmp_path: Path) -> None:
    pinpoint_server.outcome("THROTTLED", user="user-1", channel="SMS")
    output = node_script(pinpoint_server.url, "send", client_env(tmp_path))
    assert statuses(output["response"]["Result"]) == {
        "user-1": {"sms-1": "THROTTLED", "email-1": "SUCCESSFUL"}
    }
    assert output["response"]["Result"]["user-1"]["sms-1"]["StatusCode"] == 429


def test_js_sdk_invalid_request_is_a_bad_request(pinpoint_server: Any, tmp_path: Path) -> None:
    error = node_script(pinpoint_server.url, "invalid", client_env(tmp_path))
    assert error["name"] == "BadRequestException"
    assert error["statusCode"] == 400
    assert "MessageConfiguration.SMSMessage.MessageType" in error["message"]
    call = pinpoint_server.calls.last
    assert (call.operation, call.status, call.error_code) == (
        "SendUsersMessages",
        400,
        "BadRequestException",
    )
    assert pinpoint_server.sent == []


# -- boto3 against the server --------------------------------------------------------------------
@pytest.fixture
def isolated_boto3(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """boto3's default session made afresh from the client environment (no ~/.aws)."""
    for name, value in client_env(tmp_path).items():
        if name.startswith("AWS_"):
            monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    monkeypatch.delenv("AWS_SESSION_TOKEN", raising=False)
    monkeypatch.setattr(boto3, "DEFAULT_SESSION", None)


@pytest.mark.usefixtures("isolated_boto3")
@pytest.mark.parametrize("configured_by", ["endpoint_url", "AWS_ENDPOINT_URL_PINPOINT"])
def test_boto3_against_the_server(pinpoint_server: Any, configured_by: str) -> None:
    assert os.environ["AWS_ENDPOINT_URL_PINPOINT"] == pinpoint_server.url  # set by the fixture
    if configured_by == "endpoint_url":
        client = boto3.client("pinpoint", endpoint_url=pinpoint_server.url)
    else:
        client = boto3.client("pinpoint")  # as production code makes it
    assert client.meta.endpoint_url == pinpoint_server.url

    client.update_endpoint(
        ApplicationId=APP, EndpointId="sms-1", EndpointRequest=CLI_ENDPOINTS["sms-1"]
    )
    response = client.send_users_messages(
        ApplicationId=APP, SendUsersMessageRequest={**SMS_REQUEST, "Users": {"user-1": {}}}
    )
    result = response["SendUsersMessageResponse"]["Result"]
    assert statuses(result) == {"user-1": {"sms-1": "SUCCESSFUL"}}

    with pytest.raises(client.exceptions.BadRequestException) as raised:
        client.send_users_messages(ApplicationId=APP, SendUsersMessageRequest=INVALID_REQUEST)
    assert raised.value.response["ResponseMetadata"]["HTTPStatusCode"] == 400
    assert "MessageConfiguration.SMSMessage.MessageType" in str(raised.value)

    assert [(c.operation, c.status, c.transport) for c in pinpoint_server.calls] == [
        ("UpdateEndpoint", 202, "server"),
        ("SendUsersMessages", 200, "server"),
        ("SendUsersMessages", 400, "server"),
    ]
    assert all(user_agent(c).startswith("Boto3/") for c in pinpoint_server.calls)
    pinpoint_server.assert_sent(user="user-1", channel="SMS", address="+12065550123", count=1)


# docs/clients/python.md, "In process": the `pinpoint` fixture, no server, no socket.
def test_boto3_in_process(pinpoint: Any) -> None:
    pinpoint.add_endpoint(user_id="user-1", channel="SMS", address="+12065550123")
    client = boto3.client("pinpoint", region_name="us-east-1")
    response = client.send_users_messages(
        ApplicationId=pinpoint.application_id,
        SendUsersMessageRequest={
            "MessageConfiguration": {"SMSMessage": {"Body": "Hi {{FirstName}}"}},
            "Users": {"user-1": {"Substitutions": {"FirstName": ["Ana"]}}},
        },
    )
    [entry] = response["SendUsersMessageResponse"]["Result"]["user-1"].values()
    assert entry["DeliveryStatus"] == "SUCCESSFUL"
    pinpoint.assert_sent(user="user-1", channel="SMS", body="Hi Ana")


# docs/clients/python.md, "Without pytest": a server of its own.
@pytest.mark.usefixtures("isolated_boto3")
def test_boto3_with_a_server_of_its_own() -> None:
    with PinpointServer(PinpointMock()) as server:
        server.mock.add_endpoint(user_id="user-1", channel="EMAIL", address="ana@example.com")
        client = boto3.client("pinpoint", region_name="us-east-1", endpoint_url=server.url)
        response = client.send_users_messages(
            ApplicationId=server.mock.application_id,
            SendUsersMessageRequest={
                "MessageConfiguration": {
                    "EmailMessage": {
                        "SimpleEmail": {
                            "Subject": {"Data": "Hello"},
                            "TextPart": {"Data": "Hi Ana"},
                        }
                    }
                },
                "Users": {"user-1": {}},
            },
        )
        assert server.mock.sent.last.title == "Hello"
    [entry] = response["SendUsersMessageResponse"]["Result"]["user-1"].values()
    assert entry["DeliveryStatus"] == "SUCCESSFUL"


# -- `pinpoint-mock serve` in a subprocess ------------------------------------------------------
LISTENING = re.compile(r"pinpoint-mock listening on http://127\.0\.0\.1:(\d+)\n")


def serve_command(*args: str) -> list[str]:
    script = BIN / "pinpoint-mock"
    base = [str(script)] if script.is_file() else [sys.executable, "-m", "pinpoint_mock"]
    return [*base, "serve", *args]


def first_line(process: subprocess.Popen[str], timeout: float = 15.0) -> str:
    assert process.stdout is not None
    stdout = process.stdout
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.append(stdout.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    if not lines:
        process.kill()
        pytest.fail(f"`pinpoint-mock serve` printed nothing within {timeout}s", pytrace=False)
    return lines[0]


@pytest.fixture
def serve(tmp_path: Path) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        serve_command("--port", "0"),
        env=client_env(tmp_path),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=10)


def stopped_by(process: subprocess.Popen[str], signum: int) -> tuple[int, str]:
    process.send_signal(signum)
    try:
        _, stderr = process.communicate(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        pytest.fail(f"`pinpoint-mock serve` still running 5s after {signal.Signals(signum).name}")
    return process.returncode, stderr


@pytest.mark.usefixtures("isolated_boto3")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT], ids=["SIGTERM", "SIGINT"])
def test_serve_answers_boto3_and_stops_cleanly(
    serve: subprocess.Popen[str], signum: signal.Signals
) -> None:
    line = first_line(serve)
    match = LISTENING.fullmatch(line)
    assert match, f"first stdout line: {line!r}"
    assert 0 < int(match[1]) < 65536
    url = line.split()[-1]

    client = boto3.client("pinpoint", endpoint_url=url)
    client.update_endpoint(
        ApplicationId=APP, EndpointId="sms-1", EndpointRequest=CLI_ENDPOINTS["sms-1"]
    )
    response = client.send_users_messages(
        ApplicationId=APP, SendUsersMessageRequest={**SMS_REQUEST, "Users": {"user-1": {}}}
    )
    result = response["SendUsersMessageResponse"]["Result"]
    assert statuses(result) == {"user-1": {"sms-1": "SUCCESSFUL"}}
    messages = inspection_api(url, "GET", "messages")["messages"]
    assert [(m["userId"], m["body"]) for m in messages] == [("user-1", "Hi")]

    code, stderr = stopped_by(serve, signum)
    assert code == 0, stderr
    assert "Traceback" not in stderr
    assert stderr.strip().splitlines()[-1] == "pinpoint-mock stopped"


def test_serve_stops_on_a_signal_right_after_the_listening_line(
    serve: subprocess.Popen[str],
) -> None:
    # A supervisor may stop the server as soon as it has read the line.
    assert LISTENING.fullmatch(first_line(serve))
    code, stderr = stopped_by(serve, signal.SIGTERM)
    assert code == 0, stderr


def test_serve_on_a_port_in_use_exits_2(pinpoint_server: Any, tmp_path: Path) -> None:
    port = pinpoint_server.server.port  # the fixture's server is listening there
    done = run(serve_command("--port", str(port)), client_env(tmp_path))
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr == (
        f"pinpoint-mock: error: cannot listen on 127.0.0.1:{port}: Address already in use\n"
    )
