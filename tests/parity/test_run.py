"""Two runs of one world: set-up per run, opt-outs in each service's terms, options checked."""

from __future__ import annotations

import contextlib

import boto3
import pytest

from pinpoint_mock import PinpointMock
from pinpoint_mock.errors import PinpointMockError
from pinpoint_mock.parity import Parity, ParityError, Run


def world(mock: PinpointMock) -> None:
    mock.add_endpoint(user_id="u1", channel="SMS", address="+12065550123", opt_out="ALL")
    mock.add_endpoint(user_id="u1", channel="EMAIL", address="ana@example.com", opt_out="ALL")


def text(run: Run) -> None:
    sms = boto3.client("pinpoint-sms-voice-v2", region_name="us-east-1")
    with contextlib.suppress(sms.exceptions.ConflictException):
        sms.send_text_message(DestinationPhoneNumber="+12065550123", MessageBody="hi")


def mail(run: Run) -> None:
    boto3.client("sesv2", region_name="us-east-1").send_email(
        FromEmailAddress="shop@example.com",
        Destination={"ToAddresses": ["ana@example.com"]},
        Content={"Simple": {"Subject": {"Data": "s"}, "Body": {"Text": {"Data": "t"}}}},
    )


def test_opted_out_numbers_are_on_sms_v2s_list_by_default() -> None:
    result = Parity(world).run(text, "rewrite")
    assert result.deliveries == ()  # refused by the opt-out list: nothing was delivered
    [call] = result.calls
    assert (call.status, call.error_code) == (400, "ConflictException")
    [delivery] = Parity(world, sms_opt_outs="store").run(text, "r").deliveries
    assert (delivery.outcome, delivery.user, delivery.service) == (
        "SUCCESSFUL",
        "u1",
        "pinpoint-sms-voice-v2",
    )


def test_opted_out_email_is_the_codes_job_unless_on_the_suppression_list() -> None:
    assert Parity(world).run(mail, "r").deliveries[0].outcome == "SUCCESSFUL"
    suppressed = Parity(world, email_opt_outs="suppression-list").run(mail, "r")
    assert suppressed.deliveries[0].outcome == "OPT_OUT"  # SES's SUPPRESSED, in shared terms


def test_each_run_gets_a_fresh_world_and_its_value_is_kept() -> None:
    parity = Parity(world, seed=3)
    steps: list[int] = []
    parity.setup(lambda mock: steps.append(len(mock.endpoints())))
    report = parity.compare(lambda run: run.users.ids(), lambda run: run.name)
    assert steps == [2, 2]
    assert (report.first.value, report.second.value) == (["u1"], "rewrite")
    assert report.same
    assert bool(report)
    assert str(report) == "parity: pinpoint and rewrite agree (0 vs 0 deliveries)"


def test_a_difference_fails_assert_same_with_the_table() -> None:
    with pytest.raises(ParityError, match=r"1 difference\(s\) between old and new"):
        Parity(world).assert_same(lambda run: None, mail, names=("old", "new"))


def test_an_exception_in_the_code_propagates_and_the_mock_stops() -> None:
    parity = Parity(world)
    seen: list[PinpointMock] = []

    def broken(run: Run) -> None:
        seen.append(run.mock)
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError, match="boom"):
        parity.run(broken, "r")
    assert not seen[0].active


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"sms_opt_outs": "list"}, "sms_opt_outs must be 'opt-out-list' or 'store'"),
        ({"email_opt_outs": "yes"}, "email_opt_outs must be 'store' or 'suppression-list'"),
        ({"fields": "body"}, "fields must list some of subject, body, html, outcome"),
        ({"mock_options": {"seed": 1}}, "give the seed as Parity"),
    ],
)
def test_bad_options_are_refused_by_name(options: dict[str, object], message: str) -> None:
    with pytest.raises(PinpointMockError, match=message):
        Parity(**options)  # type: ignore[arg-type]


def test_names_must_differ() -> None:
    with pytest.raises(PinpointMockError, match="two different names"):
        Parity().compare(lambda run: None, lambda run: None, names=("a", "a"))
