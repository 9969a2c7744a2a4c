"""mock_pinpoint() end to end through real boto3: derived outcomes, rules, faults, records."""

from __future__ import annotations

import json
import warnings
from typing import Any

import boto3
import botocore.exceptions
import pytest

from pinpoint_mock import PinpointContractWarning, UnsupportedOperationError, mock_pinpoint
from pinpoint_mock.errors import PinpointMockError
from pinpoint_mock.mock import PinpointMock

APP = "611e3e3cdd47474c9c1399a505665b91"


def send(
    client: Any, users: dict[str, Any], config: dict[str, Any] | None = None, **extra: Any
) -> Any:
    request = {
        "MessageConfiguration": config or {"SMSMessage": {"Body": "Your reminder"}},
        "Users": users,
    }
    request.update(extra)
    response = client.send_users_messages(ApplicationId=APP, SendUsersMessageRequest=request)
    return response["SendUsersMessageResponse"]


@pytest.fixture
def pinpoint_mock() -> Any:
    with mock_pinpoint(seed=42) as mock:
        yield mock


def test_client_created_before_the_mock_is_served(client: Any) -> None:
    with mock_pinpoint() as pinpoint:
        pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
        result = send(client, {"u1": {}})
    entry = result["Result"]["u1"]["endpoint-1"]
    assert entry["DeliveryStatus"] == "SUCCESSFUL"
    assert entry["StatusMessage"] == f"MessageId: {entry['MessageId']}"
    assert len(entry["MessageId"]) == 40


def test_the_issue_example(pinpoint_mock: PinpointMock, client: Any) -> None:
    pinpoint = pinpoint_mock
    pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
    pinpoint.add_endpoint(user_id="u2", channel="EMAIL", address="ana@example.com", opt_out="ALL")
    pinpoint.outcome("THROTTLED", user="u1", times=1)
    first = send(client, {"u1": {}, "u2": {}})
    retry = [
        u
        for u, eps in first["Result"].items()
        if any(e["DeliveryStatus"] == "THROTTLED" for e in eps.values())
    ]
    send(client, {user: {} for user in retry})
    pinpoint.assert_sent(user="u1", channel="SMS", body_contains="reminder", count=2)
    assert pinpoint.sent[-1].delivery_status == "SUCCESSFUL"
    assert pinpoint.sent.filter(user_id="u2")[0].delivery_status == "OPT_OUT"


def test_records_carry_every_documented_field(pinpoint_mock: PinpointMock, client: Any) -> None:
    pinpoint_mock.add_endpoint(
        user_id="u1", channel="EMAIL", address="ana@example.com", endpoint_id="e-1"
    )
    send(
        client,
        {"u1": {"Substitutions": {"Name": ["Ana"]}, "Context": {"k": "user"}}},
        {
            "EmailMessage": {
                "SimpleEmail": {"Subject": {"Data": "Hi {{Name}}"}, "TextPart": {"Data": "Body"}}
            }
        },
        TraceId="trace-1",
        Context={"k": "request", "other": "x"},
    )
    (sent,) = pinpoint_mock.sent
    assert (sent.application_id, sent.user_id, sent.endpoint_id) == (APP, "u1", "e-1")
    assert (sent.channel, sent.address, sent.title, sent.body) == (
        "EMAIL",
        "ana@example.com",
        "Hi Ana",
        "Body",
    )
    assert sent.raw_content is None
    assert sent.substitutions == {"Name": ["Ana"]}
    assert sent.context == {"k": "user", "other": "x"}
    assert sent.trace_id == "trace-1"
    assert (sent.delivery_status, sent.status_code) == ("SUCCESSFUL", 200)
    assert sent.message_id is not None
    assert sent.message_id.endswith("-000000")
    (call,) = pinpoint_mock.calls
    assert call.operation == "SendUsersMessages"
    assert call.status == 200
    assert call.request["TraceId"] == "trace-1"
    assert call.response["Result"]["u1"]["e-1"]["MessageId"] == sent.message_id
    assert call.attempt == 1
    assert call.error_code is None
    assert call.method == "POST"
    assert call.path == f"/v1/apps/{APP}/users-messages"


# -- derived outcomes ---------------------------------------------------------------------------


def test_user_without_endpoints_gets_the_empty_key_entry(
    pinpoint_mock: PinpointMock, client: Any
) -> None:
    result = send(client, {"ghost": {}})
    assert result["Result"] == {
        "ghost": {
            "": {
                "Address": "",
                "DeliveryStatus": "PERMANENT_FAILURE",
                "StatusCode": 400,
                "StatusMessage": "No endpoints found for userId.",
            }
        }
    }
    assert pinpoint_mock.sent == []


def test_inactive_endpoints_are_skipped(pinpoint_mock: PinpointMock, client: Any) -> None:
    pinpoint_mock.add_endpoint(
        user_id="u1", channel="SMS", address="+12065550123", status="INACTIVE"
    )
    pinpoint_mock.add_endpoint(
        user_id="u2", channel="SMS", address="+12065550124", status="INACTIVE"
    )
    pinpoint_mock.add_endpoint(
        user_id="u2", channel="SMS", address="+12065550125", endpoint_id="live"
    )
    result = send(client, {"u1": {}, "u2": {}})
    assert list(result["Result"]["u1"]) == [""]
    assert list(result["Result"]["u2"]) == ["live"]


def test_inactive_endpoints_can_be_reported_instead(client: Any) -> None:
    with mock_pinpoint(skip_inactive=False) as pinpoint:
        pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+1206", status="INACTIVE")
        result = send(client, {"u1": {}})
    (entry,) = result["Result"]["u1"].values()
    assert (entry["DeliveryStatus"], entry["StatusMessage"]) == (
        "PERMANENT_FAILURE",
        "Endpoint is inactive",
    )


def test_opt_out_and_duplicate(pinpoint_mock: PinpointMock, client: Any) -> None:
    pinpoint_mock.add_endpoint(user_id="u1", channel="SMS", address="+12065550123", opt_out="ALL")
    pinpoint_mock.add_endpoint(user_id="u1", channel="EMAIL", address="Ana@Example.com")
    pinpoint_mock.add_endpoint(user_id="u2", channel="EMAIL", address="ana@example.com")
    result = send(client, {"u1": {}, "u2": {}}, {"DefaultMessage": {"Body": "hi"}})
    statuses = {
        (u, e["Address"]): (e["DeliveryStatus"], e["StatusCode"])
        for u, eps in result["Result"].items()
        for e in eps.values()
    }
    assert statuses == {
        ("u1", "+12065550123"): ("OPT_OUT", 400),
        ("u1", "Ana@Example.com"): ("SUCCESSFUL", 200),
        ("u2", "ana@example.com"): ("DUPLICATE", 400),
    }
    assert (
        result["Result"]["u1"]["endpoint-1"]["StatusMessage"]
        == "Destination phone number opted out"
    )
    assert [s.rule for s in pinpoint_mock.sent] == ["derived:opt-out", None, "derived:duplicate"]


def test_endpoint_without_content_fails_next_to_a_successful_one(
    pinpoint_mock: PinpointMock, client: Any
) -> None:
    pinpoint_mock.add_endpoint(user_id="u1", channel="APNS", address="a" * 64, endpoint_id="phone")
    pinpoint_mock.add_endpoint(
        user_id="u1", channel="EMAIL", address="ana@example.com", endpoint_id="mail"
    )
    result = send(client, {"u1": {}}, {"APNSMessage": {"Title": "T", "Body": "B"}})
    assert result["Result"]["u1"]["phone"]["DeliveryStatus"] == "SUCCESSFUL"
    assert result["Result"]["u1"]["mail"] == {
        "Address": "ana@example.com",
        "DeliveryStatus": "PERMANENT_FAILURE",
        "StatusCode": 400,
        "StatusMessage": "Either template or email message must be specified",
    }


def test_sms_over_the_limit_fails_permanently(pinpoint_mock: PinpointMock, client: Any) -> None:
    pinpoint_mock.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
    with pytest.warns(PinpointContractWarning, match="sms-too-long|1601 GSM-7"):
        result = send(client, {"u1": {}}, {"SMSMessage": {"Body": "x" * 1601}})
    entry = result["Result"]["u1"]["endpoint-1"]
    assert (entry["DeliveryStatus"], entry["StatusMessage"]) == (
        "PERMANENT_FAILURE",
        "Invalid Message",
    )


# -- scripted outcomes ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "code"),
    [
        ("SUCCESSFUL", 200),
        ("THROTTLED", 429),
        ("TEMPORARY_FAILURE", 503),
        ("PERMANENT_FAILURE", 400),
        ("UNKNOWN_FAILURE", 500),
        ("OPT_OUT", 400),
        ("DUPLICATE", 400),
    ],
)
def test_every_status_can_be_scripted(
    pinpoint_mock: PinpointMock, client: Any, status: str, code: int
) -> None:
    pinpoint_mock.add_endpoint(user_id="u1", channel="GCM", address="token")
    pinpoint_mock.outcome(status, channel="gcm")
    result = send(client, {"u1": {}}, {"GCMMessage": {"Body": "b"}})
    entry = result["Result"]["u1"]["endpoint-1"]
    assert (entry["DeliveryStatus"], entry["StatusCode"]) == (status, code)
    assert ("MessageId" in entry) is (status == "SUCCESSFUL")


def test_rule_lifetimes_and_custom_codes(pinpoint_mock: PinpointMock, client: Any) -> None:
    pinpoint_mock.add_endpoint(user_id="u1", channel="APNS", address="tok", endpoint_id="e1")
    pinpoint_mock.outcome(
        "PERMANENT_FAILURE", endpoint="e1", times=2, status_code=410, status_message="Unregistered"
    )
    config = {"APNSMessage": {"Body": "b"}}
    statuses = [send(client, {"u1": {}}, config)["Result"]["u1"]["e1"] for _ in range(3)]
    assert [(s["DeliveryStatus"], s["StatusCode"]) for s in statuses] == [
        ("PERMANENT_FAILURE", 410),
        ("PERMANENT_FAILURE", 410),
        ("SUCCESSFUL", 200),
    ]
    assert statuses[0]["StatusMessage"] == "Unregistered"
    forever = pinpoint_mock.outcome("THROTTLED", address="tok")
    for _ in range(3):
        send(client, {"u1": {}}, config)
    assert forever.fired == 3


def test_predicate_rule(pinpoint_mock: PinpointMock, client: Any) -> None:
    pinpoint_mock.add_endpoint(user_id="u1", channel="SMS", address="+4915112345678")
    pinpoint_mock.add_endpoint(user_id="u2", channel="SMS", address="+12065550123")
    pinpoint_mock.outcome("PERMANENT_FAILURE", where=lambda d: d.address.startswith("+49"))
    send(client, {"u1": {}, "u2": {}})
    assert [s.delivery_status for s in pinpoint_mock.sent] == ["PERMANENT_FAILURE", "SUCCESSFUL"]


def test_chaos_is_seeded(client: Any) -> None:
    def run(seed: int) -> list[str]:
        with mock_pinpoint(seed=seed, simulator=False) as pinpoint:
            for i in range(30):
                pinpoint.add_endpoint(user_id=f"u{i}", channel="SMS", address=f"+1206555{i:04d}")
            pinpoint.chaos({"THROTTLED": 0.3, "TEMPORARY_FAILURE": 0.1})
            send(client, {f"u{i}": {} for i in range(30)})
            return [s.delivery_status for s in pinpoint.sent]

    first = run(5)
    assert first == run(5)
    assert "THROTTLED" in first
    assert "SUCCESSFUL" in first
    assert first != run(6)


def test_timeout_only_on_request_and_flagged(pinpoint_mock: PinpointMock, client: Any) -> None:
    pinpoint_mock.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
    pinpoint_mock.outcome("TIMEOUT", user="u1")
    with pytest.warns(PinpointContractWarning, match="outside the SDK's DeliveryStatus enum"):
        result = send(client, {"u1": {}})
    assert result["Result"]["u1"]["endpoint-1"]["DeliveryStatus"] == "TIMEOUT"


def test_simulator_addresses_work_without_a_script(
    pinpoint_mock: PinpointMock, client: Any
) -> None:
    pinpoint_mock.add_endpoint(user_id="u1", channel="EMAIL", address="ana+throttled@example.com")
    pinpoint_mock.add_endpoint(user_id="u1", channel="SMS", address="+9995550103")
    pinpoint_mock.add_endpoint(user_id="u1", channel="GCM", address="opt-out-token")
    send(client, {"u1": {}}, {"DefaultMessage": {"Body": "hi"}, "GCMMessage": {"Body": "hi"}})
    assert [s.delivery_status for s in pinpoint_mock.sent] == [
        "THROTTLED",
        "PERMANENT_FAILURE",
        "OPT_OUT",
    ]


def test_simulator_can_be_switched_off(client: Any) -> None:
    with mock_pinpoint(simulator=False) as pinpoint:
        pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+9995550101")
        send(client, {"u1": {}})
        assert pinpoint.sent[0].delivery_status == "SUCCESSFUL"


# -- whole-call faults through real boto3 -------------------------------------------------------

FAULTS = [
    ("BadRequestException", 400),
    ("ForbiddenException", 403),
    ("NotFoundException", 404),
    ("PayloadTooLargeException", 413),
    ("TooManyRequestsException", 429),
    ("InternalServerErrorException", 500),
]


@pytest.mark.parametrize(("code", "status"), FAULTS)
def test_whole_call_faults_are_the_modeled_exceptions(
    pinpoint_mock: PinpointMock, code: str, status: int
) -> None:
    client = boto3.client(
        "pinpoint",
        region_name="us-east-1",
        config=botocore.config.Config(retries={"mode": "legacy", "total_max_attempts": 1}),
    )
    pinpoint_mock.fail(code, message="scripted")
    with pytest.raises(getattr(client.exceptions, code)) as info:
        send(client, {"u1": {}})
    error = info.value.response
    assert error["Error"] == {"Code": code, "Message": "scripted"}
    assert error["ResponseMetadata"]["HTTPStatusCode"] == status
    assert error["RequestID"] == error["ResponseMetadata"]["RequestId"]
    (call,) = pinpoint_mock.calls
    assert (call.status, call.error_code, call.rule) == (status, code, f"fail({code!r}, times=1)")
    assert pinpoint_mock.sent == []


@pytest.mark.parametrize(("code", "status"), FAULTS)
def test_a_fault_may_be_given_by_its_http_status(
    pinpoint_mock: PinpointMock, code: str, status: int
) -> None:
    client = boto3.client(
        "pinpoint",
        region_name="us-east-1",
        config=botocore.config.Config(retries={"mode": "legacy", "total_max_attempts": 1}),
    )
    pinpoint_mock.fail(status)
    with pytest.raises(getattr(client.exceptions, code)) as info:
        send(client, {"u1": {}})
    assert info.value.response["ResponseMetadata"]["HTTPStatusCode"] == status
    with pytest.raises(PinpointMockError, match=r"fail\(\) takes an error code or the HTTP status"):
        pinpoint_mock.fail(418)


@pytest.fixture
def sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every real ``time.sleep`` of the test, recorded instead of slept.

    botocore's retry loop sleeps through ``time.sleep`` (the mock wraps the module it reads it
    from, so what the mock does not take for itself lands here)."""
    import time

    slept: list[float] = []
    monkeypatch.setattr(time, "sleep", slept.append)
    return slept


@pytest.mark.parametrize(("mode", "attempts"), [("legacy", 5), ("standard", 3)])
def test_retried_attempts_are_recorded_and_never_slept(
    mode: str, attempts: int, sleeps: list[float]
) -> None:
    client = boto3.client(
        "pinpoint", region_name="us-east-1", config=botocore.config.Config(retries={"mode": mode})
    )
    with mock_pinpoint() as pinpoint:
        pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
        pinpoint.fail("TooManyRequestsException", times=attempts - 1)
        result = send(client, {"u1": {}})
    assert result["Result"]["u1"]["endpoint-1"]["DeliveryStatus"] == "SUCCESSFUL"
    calls = pinpoint.calls
    assert [c.status for c in calls] == [429] * (attempts - 1) + [200]
    assert [c.attempt for c in calls] == list(range(1, attempts + 1))
    assert len({c.invocation_id for c in calls}) == 1
    assert calls[0].backoff == 0
    assert all(c.backoff > 0 for c in calls[1:])  # the back-off botocore asked for, recorded
    assert sleeps == []  # ... and never slept
    assert len(pinpoint.sent) == 1


def test_fault_exhausting_retries_raises(pinpoint_mock: PinpointMock) -> None:
    client = boto3.client(
        "pinpoint",
        region_name="us-east-1",
        config=botocore.config.Config(retries={"mode": "standard"}),
    )
    pinpoint_mock.fail("InternalServerErrorException", times=10)
    with pytest.raises(
        client.exceptions.InternalServerErrorException, match="reached max retries: 2"
    ):
        send(client, {"u1": {}})
    assert len(pinpoint_mock.calls) == 3


def test_contract_errors_are_400_listing_every_violation(
    pinpoint_mock: PinpointMock, client: Any
) -> None:
    with pytest.raises(client.exceptions.BadRequestException) as info:
        send(client, {f"u{i}": {} for i in range(101)}, {"SMSMessage": {"MessageType": "PROMO"}})
    message = info.value.response["Error"]["Message"]
    assert "MessageConfiguration.SMSMessage.MessageType: 'PROMO' is not one of" in message
    assert "Users: has 101 entries, at most 100 allowed" in message
    (call,) = pinpoint_mock.calls
    assert call.error_code == "BadRequestException"
    assert len(call.violations) == 2


def test_contract_warnings_become_python_warnings(pinpoint_mock: PinpointMock, client: Any) -> None:
    pinpoint_mock.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
    with pytest.warns(PinpointContractWarning, match=r"\{\{Name\}\} has no value"):
        send(client, {"u1": {}}, {"SMSMessage": {"Body": "Hi {{Name}}"}})
    assert pinpoint_mock.calls[0].warnings
    assert pinpoint_mock.sent[0].body == "Hi "


def test_validation_can_be_switched_off(client: Any) -> None:
    with mock_pinpoint(validate=False) as pinpoint:
        pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
        send(client, {"u1": {}}, {"SMSMessage": {"Body": "x", "MessageType": "PROMO"}})
        assert pinpoint.sent[0].delivery_status == "SUCCESSFUL"


def test_unimplemented_operation_fails_closed_naming_it(
    pinpoint_mock: PinpointMock, client: Any
) -> None:
    with pytest.raises(
        UnsupportedOperationError, match="operation CreateCampaign; nothing was sent to AWS"
    ):
        client.create_campaign(ApplicationId=APP, WriteCampaignRequest={"Name": "x"})


def test_strict_applications_answer_404(client: Any) -> None:
    with mock_pinpoint(strict_applications=True) as pinpoint:
        with pytest.raises(client.exceptions.NotFoundException, match="Resource not found"):
            client.send_users_messages(
                ApplicationId="unknown",
                SendUsersMessageRequest={"MessageConfiguration": {}, "Users": {"u": {}}},
            )
        pinpoint.create_app("unknown")
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PinpointContractWarning)
            client.send_users_messages(
                ApplicationId="unknown",
                SendUsersMessageRequest={"MessageConfiguration": {}, "Users": {"u": {}}},
            )


def test_other_services_pass_through_untouched(
    pinpoint_mock: PinpointMock, sleeps: list[float]
) -> None:
    # Nothing listens on port 9: botocore's own connection retries run, back-off included.
    s3 = boto3.client("s3", region_name="us-east-1", endpoint_url="http://127.0.0.1:9")
    with pytest.raises(botocore.exceptions.EndpointConnectionError):
        s3.list_buckets()
    assert pinpoint_mock.calls == []
    assert sleeps  # botocore slept between its S3 attempts: the mock took none of them over
    assert all(seconds > 0 for seconds in sleeps)


def test_nothing_is_patched_outside_the_mock() -> None:
    import botocore.endpoint

    original = botocore.endpoint.Endpoint._send
    with mock_pinpoint():
        assert botocore.endpoint.Endpoint._send is not original
        with mock_pinpoint():
            pass
        assert botocore.endpoint.Endpoint._send is not original
    assert botocore.endpoint.Endpoint._send is original


def test_innermost_mock_answers(client: Any) -> None:
    with mock_pinpoint() as outer:
        with mock_pinpoint() as inner:
            send(client, {"u": {}})
        assert (len(outer.calls), len(inner.calls)) == (0, 1)


def test_decorator_form(client: Any) -> None:
    mock = mock_pinpoint()

    @mock
    def run(pinpoint: PinpointMock) -> int:
        pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
        send(client, {"u1": {}})
        return len(pinpoint.sent)

    assert run() == 1


def test_assert_not_sent_fails_on_a_matching_delivery(
    pinpoint_mock: PinpointMock, client: Any
) -> None:
    pinpoint_mock.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
    pinpoint_mock.add_endpoint(user_id="u2", channel="EMAIL", address="bo@example.com")
    send(client, {"u1": {}}, {"DefaultMessage": {"Body": "Your reminder"}})
    pinpoint_mock.assert_not_sent(user="u2")  # nothing went to u2: passes
    pinpoint_mock.assert_not_sent(user="u1", channel="EMAIL")
    with pytest.raises(AssertionError) as info:
        pinpoint_mock.assert_not_sent(user="u1", body_contains="reminder")
    message = str(info.value)
    assert message.startswith("expected no delivery matching "), message
    assert "user='u1'" in message
    assert "found 1" in message
    assert "+12065550123" in message  # the table of what matched


def test_reset_forgets_everything(pinpoint_mock: PinpointMock, client: Any) -> None:
    pinpoint_mock.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
    pinpoint_mock.outcome("THROTTLED")
    send(client, {"u1": {}})
    pinpoint_mock.reset()
    assert (pinpoint_mock.sent, pinpoint_mock.calls, pinpoint_mock.endpoints()) == ([], [], [])
    assert pinpoint_mock.unfired() == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"channel": "FAX"}, "channel 'FAX' is not one of"),
        ({"status": "DISABLED"}, "status must be ACTIVE or INACTIVE"),
        ({"opt_out": "YES"}, "opt_out must be NONE or ALL"),
        ({"attributes": {"Plan": "gold"}}, r"attributes\['Plan'\] must be a list of strings"),
    ],
)
def test_bad_set_up_is_a_clear_error(
    pinpoint_mock: PinpointMock, kwargs: dict[str, Any], message: str
) -> None:
    base = {"user_id": "u1", "channel": "SMS", "address": "+1"}
    base.update(kwargs)
    with pytest.raises(PinpointMockError, match=message):
        pinpoint_mock.add_endpoint(**base)
    assert pinpoint_mock.endpoints() == []


def test_sixteenth_endpoint_is_refused(pinpoint_mock: PinpointMock) -> None:
    for i in range(15):
        pinpoint_mock.add_endpoint(user_id="u1", channel="SMS", address=f"+1{i}")
    with pytest.raises(PinpointMockError, match="Exceeded maximum endpoint per user count 15"):
        pinpoint_mock.add_endpoint(user_id="u1", channel="EMAIL", address="x@example.com")


def test_records_serialise(pinpoint_mock: PinpointMock, client: Any) -> None:
    pinpoint_mock.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
    send(client, {"u1": {}})
    assert json.loads(json.dumps(pinpoint_mock.sent[0].to_dict()))["smsEncoding"] == "GSM-7"
    assert json.loads(json.dumps(pinpoint_mock.calls[0].to_dict()))["status"] == 200


def test_fake_credentials_only_when_none_are_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    for name in (
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_DEFAULT_REGION",
        "AWS_REGION",
        "AWS_PROFILE",
    ):
        monkeypatch.delenv(name, raising=False)
    with mock_pinpoint() as pinpoint:
        assert os.environ["AWS_ACCESS_KEY_ID"] == "testing"
        client = boto3.client("pinpoint")  # no credentials, no region configured: still works
        send(client, {"u1": {}})
        assert len(pinpoint.calls) == 1
    assert "AWS_ACCESS_KEY_ID" not in os.environ
    assert "AWS_DEFAULT_REGION" not in os.environ
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "mine")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "secret")
    with mock_pinpoint():
        assert os.environ["AWS_ACCESS_KEY_ID"] == "mine"
    assert os.environ["AWS_ACCESS_KEY_ID"] == "mine"


DECORATOR = mock_pinpoint(seed="decorated")


@DECORATOR
def test_a_decorated_test_gets_its_own_mock_not_the_fixture(pinpoint: PinpointMock) -> None:
    assert pinpoint is DECORATOR  # pytest did not pass its `pinpoint` fixture in its place
    pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
    send(boto3.client("pinpoint", region_name="us-east-1"), {"u1": {}})
    pinpoint.assert_sent(count=1, user="u1")


CLASS_MOCK = mock_pinpoint(seed="decorated-class")


@CLASS_MOCK
class TestADecoratedClass:
    """Collected by pytest (the class stays a class); each test from a fresh mock."""

    def test_first(self, pinpoint: PinpointMock) -> None:
        self.send_one(pinpoint)

    def test_second(self, pinpoint: PinpointMock) -> None:
        self.send_one(pinpoint)

    @staticmethod
    def send_one(pinpoint: PinpointMock) -> None:
        assert pinpoint is CLASS_MOCK
        pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
        send(boto3.client("pinpoint", region_name="us-east-1"), {"u1": {}})
        pinpoint.assert_sent(count=1)  # what the other test sent is forgotten


def test_the_decorated_class_is_a_class_with_its_tests() -> None:
    assert isinstance(TestADecoratedClass, type)
    assert [name for name in vars(TestADecoratedClass) if name.startswith("test_")] == [
        "test_first",
        "test_second",
    ]


def test_mock_pinpoint_shows_exactly_the_options_of_pinpoint_mock() -> None:
    import inspect

    from pinpoint_mock.mock import PinpointMock as Mock
    from pinpoint_mock.mock import mock_pinpoint as factory

    def options(function: object) -> list[tuple[str, object]]:
        parameters = inspect.signature(function).parameters.values()  # type: ignore[arg-type]
        return [(p.name, p.default) for p in parameters if p.name != "self"]

    assert options(factory) == options(Mock.__init__)
    made = factory(seed=3, sms_max_gsm7=1600, end_of_support=True)
    assert (made.seed, made.options.sms_max_gsm7, made.options.end_of_support) == (3, 1600, True)
