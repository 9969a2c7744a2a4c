"""End-of-support mode through pytest: the ini option, the marker overriding it, the report
listing every retired call per test, and the pinpoint_parity fixture."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

SUITE = """
import boto3, pytest
from botocore.exceptions import ClientError

APP = "611e3e3cdd47474c9c1399a505665b91"

def send(channel_type, address):
    client = boto3.client("pinpoint", region_name="us-east-1")
    return client.send_messages(ApplicationId=APP, MessageRequest={
        "Addresses": {address: {"ChannelType": channel_type}},
        "MessageConfiguration": {
            "SMSMessage": {"Body": "hi"},
            "EmailMessage": {"SimpleEmail": {"Subject": {"Data": "s"}, "TextPart": {"Data": "t"}}},
        },
    })

def test_old_code(pinpoint):
    client = boto3.client("pinpoint", region_name="us-east-1")
    with pytest.raises(ClientError, match="ForbiddenException"):
        client.get_user_endpoints(ApplicationId=APP, UserId="u1")
    with pytest.raises(ClientError, match="ForbiddenException"):
        send("EMAIL", "ana@example.com")

def test_new_code(pinpoint):
    send("SMS", "+12065550123")
    assert pinpoint.retired_calls == []

@pytest.mark.pinpoint(end_of_support=False)
def test_marker_turns_it_off(pinpoint):
    send("EMAIL", "ana@example.com")

def test_parity_fixture(pinpoint_parity):
    pinpoint_parity.setup(
        lambda mock: mock.add_endpoint(user_id="u", channel="SMS", address="+12065550123")
    )
    report = pinpoint_parity.compare(lambda run: send("SMS", "+12065550123"), lambda run: None)
    assert [(d.kind, d.recipient) for d in report.differences] == [("missing", "+12065550123")]
"""

CONFTEST = """
import os
os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
"""


def test_the_ini_option_the_marker_and_the_report(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(CONFTEST)
    pytester.makeini("[pytest]\npinpoint_end_of_support = true\n")
    pytester.makepyfile(test_suite=SUITE)
    result = pytester.runpytest("-p", "no:cacheprovider", "--pinpoint-report=report.html")
    result.assert_outcomes(passed=4)
    result.stdout.fnmatch_lines(
        [
            "*pinpoint-mock: 2 retired call(s)*",
            "test_suite.py::test_old_code: pinpoint GetUserEndpoints (end-of-support) "
            "-> 403 ForbiddenException",
            "test_suite.py::test_old_code: pinpoint SendMessages "
            "(end-of-support: SendMessages to an EMAIL address) -> 403 ForbiddenException",
        ]
    )
    assert "test_new_code:" not in result.stdout.str()
    assert "end-of-support" in (pytester.path / "report.html").read_text(encoding="utf-8")


def test_off_without_the_ini_option(pytester: pytest.Pytester) -> None:
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(
        test_off="""
import boto3
def test_endpoints_answer(pinpoint):
    client = boto3.client("pinpoint", region_name="us-east-1")
    pinpoint.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
    client.get_user_endpoints(ApplicationId=pinpoint.application_id, UserId="u1")
    assert not pinpoint.options.end_of_support
"""
    )
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)
