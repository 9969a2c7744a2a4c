"""``pinpoint-mock fake users|endpoints|request``: JSON for teams in any language."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import boto3
import pytest

from pinpoint_mock.cli import FAKE_ID_STYLES, main
from pinpoint_mock.contract import Compiler, schema, validate
from pinpoint_mock.factories import USER_ID_STYLES, PinpointFactory


def fake(*argv: str) -> Any:
    out = io.StringIO()
    assert main(["fake", *argv], out=out) == 0
    return json.loads(out.getvalue())


def run(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pinpoint_mock", "fake", *argv],
        capture_output=True,
        text=True,
        check=False,
    )


def test_users_are_the_factory_users_of_the_same_seed() -> None:
    users = fake("users", "--count", "3", "--seed", "7", "--channels", "SMS", "EMAIL")
    expected = PinpointFactory(7).users(3, channels=("SMS", "EMAIL")).to_dicts()
    assert users == expected
    assert [e["ChannelType"] for e in users[0]["Endpoints"]] == ["SMS", "EMAIL"]
    assert set(users[0]["UserAttributes"]) == {"FirstName", "LastName", "Locale", "TimeZone"}


def test_endpoints_have_the_get_endpoint_shape() -> None:
    endpoints = fake(
        "endpoints", "--count", "6", "--seed", "1", "--channels", "GCM,APNS", "--countries", "JP"
    )
    assert [e["ChannelType"] for e in endpoints] == ["GCM", "APNS"] * 3
    response = Compiler(schema("get-endpoint.response.json"))
    assert all(response.root_ok(endpoint) for endpoint in endpoints)
    assert all(e["Location"] == {"Country": "JP"} for e in endpoints)


def test_batch_is_ready_for_update_endpoints_batch() -> None:
    document = fake("users", "--count", "4", "--seed", "3", "--batch", "--id-style", "integer")
    assert set(document) == {"ApplicationId", "EndpointBatchRequest"}
    assert len(document["EndpointBatchRequest"]["Item"]) == 8
    assert validate(document, "UpdateEndpointsBatch").ok


def test_request_is_ready_for_cli_input_json() -> None:
    document = fake(
        "request",
        "--count",
        "4",
        "--seed",
        "2",
        "--channels",
        "SMS",
        "EMAIL",
        "APNS",
        "--context",
        "--trace-id",
        "--overrides",
        "0.5",
    )
    assert set(document) == {"ApplicationId", "SendUsersMessageRequest"}
    body = document["SendUsersMessageRequest"]
    assert set(body["MessageConfiguration"]) == {"SMSMessage", "EmailMessage", "APNSMessage"}
    assert len(body["Users"]) == 4
    assert "TraceId" in body
    assert "Context" in body
    report = validate(document)
    assert report.ok
    assert not report.warnings
    from botocore.validate import validate_parameters

    model = boto3.client("pinpoint", region_name="us-east-1").meta.service_model
    validate_parameters(document, model.operation_model("SendUsersMessages").input_shape)


def test_same_seed_same_bytes_in_two_processes() -> None:
    args = ("request", "--count", "5", "--seed", "42", "--channels", "SMS", "GCM", "--context")
    first, second = run(*args), run(*args)
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    assert first.stderr == ""
    assert run(*args[:-2], "43", "--channels", "SMS").stdout != first.stdout


def test_without_a_seed_the_seed_is_printed_for_replay() -> None:
    first = run("users", "--count", "2")
    assert first.returncode == 0
    seed = first.stderr.strip().rsplit(" ", 1)[-1]
    assert first.stderr.startswith("pinpoint-mock: generated with --seed ")
    assert run("users", "--count", "2", "--seed", seed).stdout == first.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["users", "--channels", "FAX"], "channel 'FAX' is not one of PUSH, GCM"),
        (["request", "--count", "101"], "--count 101: a request takes 1 to 100 users"),
        (["request", "--count", "0"], "--count 0: a request takes 1 to 100 users"),
        (["users", "--count", "-1"], "--count -1: expected 0 to 100,000 users"),
        (["users", "--count", "10000000"], "--count 10000000: expected 0 to 100,000 users"),
        (["endpoints", "--count", "100001"], "--count 100001: expected 0 to 100,000 endpoints"),
        (["users", "--count", "51", "--batch"], "--batch: 102 endpoints, UpdateEndpointsBatch"),
        (["users", "--count", "0", "--channels", "FAX"], "channel 'FAX' is not one of"),
        (["users", "--count", "0", "--endpoints-per-user", "99"], "--endpoints-per-user 99"),
        (["users", "--opt-out-rate", "2"], "--opt-out-rate 2.0: expected a number from 0 to 1"),
        (["users", "--countries", "XX"], "country 'XX' is not one of US, CA"),
        (["endpoints", "--count", "101", "--batch"], "--batch: 101 endpoints, Update"),
        (["request", "--channels", "CUSTOM"], "no direct message for channel CUSTOM"),
        (["users", "--endpoints-per-user", "16"], "--endpoints-per-user 16: expected 0 to 15"),
    ],
)
def test_bad_arguments_exit_two_with_a_clear_message(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = io.StringIO()
    assert main(["fake", *args, "--seed", "1"], out=out) == 2
    assert out.getvalue() == ""
    err = capsys.readouterr().err
    assert err.startswith("pinpoint-mock: error: ")
    assert message in err


def test_console_script_usage_errors_have_no_traceback() -> None:
    for args in (["people"], ["users", "--count", "many"], ["users", "--id-style", "email"]):
        result = run(*args)
        assert result.returncode == 2
        assert "usage: pinpoint-mock fake" in result.stderr
        assert "Traceback" not in result.stderr
    result = run("users", "--channels", "FAX", "--seed", "1")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def test_id_styles_match_the_factory() -> None:
    assert FAKE_ID_STYLES == USER_ID_STYLES


def _aws() -> str:
    beside = Path(sys.executable).parent / "aws"
    found = str(beside) if beside.exists() else shutil.which("aws")
    if found is None:
        pytest.skip("the AWS CLI is not installed")
    return found


def test_the_aws_cli_sends_a_generated_request_to_a_populated_server(
    pinpoint_server: Any, tmp_path: Path
) -> None:
    # The same seed makes the same users in the server and in the generated request.
    world = pinpoint_server.populate(users=3, channels=("SMS", "EMAIL"), seed=7)
    out = io.StringIO()
    main(["fake", "request", "--count", "3", "--seed", "7"], out=out)
    request = tmp_path / "request.json"
    request.write_text(out.getvalue())
    result = subprocess.run(
        [
            _aws(),
            "pinpoint",
            "send-users-messages",
            "--cli-input-json",
            f"file://{request}",
            "--endpoint-url",
            pinpoint_server.url,
            "--region",
            "us-east-1",
            "--output",
            "json",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)["SendUsersMessageResponse"]["Result"]
    assert set(answer) == set(world.user_ids)
    statuses = {r["DeliveryStatus"] for user in answer.values() for r in user.values()}
    assert statuses == {"SUCCESSFUL"}
    assert len(pinpoint_server.sent) == 6


def test_without_faker_fake_says_how_to_install_it() -> None:
    code = (
        "import sys\n"
        "sys.modules['faker'] = None\n"  # as if Faker were not installed
        "from pinpoint_mock.cli import main\n"
        "sys.exit(main(['fake', 'users', '--seed', '1']))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (
        "pinpoint-mock: error: `pinpoint-mock fake` needs Faker: "
        "pip install 'pinpoint-mock[faker]'\n"
    )


@pytest.mark.parametrize("kind", ["users", "endpoints"])
def test_output_is_the_whole_list_as_json_dumps_writes_it(kind: str) -> None:
    for count in ("0", "1", "4"):
        out = io.StringIO()
        assert main(["fake", kind, "--count", count, "--seed", "5"], out=out) == 0
        expected = json.loads(out.getvalue())
        assert out.getvalue() == json.dumps(expected, indent=2, ensure_ascii=False) + "\n"
        assert len(expected) == int(count)
    factory = PinpointFactory(5)
    made = factory.users(4) if kind == "users" else factory.endpoints(4)
    assert len(fake(kind, "--count", "4", "--seed", "5")) == len(made)


def test_users_are_written_as_they_are_made(monkeypatch: pytest.MonkeyPatch) -> None:
    """10,000,000 users were built in memory (1.7 GB, no output after a minute): now the first
    user is on the stream before the second is made, so memory does not grow with the output."""
    made: list[int] = []
    original = PinpointFactory.user

    def counting(self: PinpointFactory, **kwargs: Any) -> Any:
        made.append(1)
        return original(self, **kwargs)

    monkeypatch.setattr(PinpointFactory, "user", counting)

    class Stop(Exception):
        pass

    class FirstWriteStops(io.StringIO):
        def write(self, text: str) -> int:
            raise Stop(len(made))

    with pytest.raises(Stop) as stopped:
        main(["fake", "users", "--count", "100000", "--seed", "1"], out=FirstWriteStops())
    assert stopped.value.args == (1,)
