"""Nothing a test scripts reaches the next one: two tests in one file, for the ``pinpoint``
fixture (a new mock per test) and for ``pinpoint_server`` (one server per session, reset
between tests)."""

from __future__ import annotations

import pytest

pytest_plugins = ["pytester"]

SUITE = """
import boto3
import botocore.config
import pytest

NO_RETRIES = botocore.config.Config(retries={"mode": "standard", "total_max_attempts": 1})


def send(fake, users):
    client = boto3.client("pinpoint", region_name="us-east-1", config=NO_RETRIES)
    response = client.send_users_messages(
        ApplicationId=fake.application_id,
        SendUsersMessageRequest={
            "MessageConfiguration": {"SMSMessage": {"Body": "hi"}},
            "Users": {user: {} for user in users},
        },
    )
    result = response["SendUsersMessageResponse"]["Result"]
    return {user: [e["DeliveryStatus"] for e in result[user].values()] for user in users}


@pytest.mark.filterwarnings("ignore:scripted but never fired")  # left behind on purpose
def test_first_scripts_outcomes_faults_and_chaos(FIXTURE):
    fake = FIXTURE
    fake.add_endpoint(user_id="u1", channel="SMS", address="+12065550123")
    fake.add_endpoint(user_id="u2", channel="SMS", address="+12065550124")
    fake.outcome("PERMANENT_FAILURE", user="u1")  # forever
    fake.outcome("OPT_OUT", address="+12065550124", times=5)  # four left after one send
    fake.outcome("UNKNOWN_FAILURE", channel="SMS")  # forever, for everyone else
    fake.chaos({"THROTTLED": 1.0})
    assert send(fake, ["u1", "u2"]) == {"u1": ["PERMANENT_FAILURE"], "u2": ["OPT_OUT"]}
    fake.fail("InternalServerErrorException", times=1)
    with pytest.raises(Exception, match="InternalServerErrorException"):
        send(fake, ["u1"])
    fake.fail("ForbiddenException", times=3)  # left pending for whoever comes next
    fake.outcome("TEMPORARY_FAILURE", user="u3", times=2)  # never fires
    assert len(fake.unfired()) == 3


def test_second_sees_nothing_of_it(FIXTURE):
    fake = FIXTURE
    assert fake.endpoints() == [] and fake.unfired() == []
    assert list(fake.sent) == [] and list(fake.calls) == []
    for n in range(1, 5):
        fake.add_endpoint(user_id=f"u{n}", channel="SMS", address=f"+120655501{n + 20}")
    statuses = send(fake, ["u1", "u2", "u3", "u4"])  # a leaked fault would raise here
    assert statuses == {user: ["SUCCESSFUL"] for user in statuses}
    assert [(call.status, call.rule) for call in fake.calls] == [(200, None)]
    assert [sent.rule for sent in fake.sent] == [None] * 4
"""


@pytest.mark.parametrize("fixture", ["pinpoint", "pinpoint_server"])
def test_nothing_scripted_in_one_test_reaches_the_next(
    pytester: pytest.Pytester, fixture: str
) -> None:
    pytester.makepyfile(test_two=SUITE.replace("FIXTURE", fixture))
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:randomly")
    result.assert_outcomes(passed=2)
