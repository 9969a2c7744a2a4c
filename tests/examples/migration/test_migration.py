"""The worked migration of docs/migration.md: one test module, run against the old Pinpoint code
and its rewrite; a parity test that passes for the faithful rewrite and fails, naming the
recipient and the field, for three deliberate regressions; and the old code refused by name in
end-of-support mode while the rewrite keeps working."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from botocore.exceptions import ClientError

from pinpoint_mock import PinpointMock, mock_pinpoint
from pinpoint_mock.parity import Parity, ParityError, Run, Users

from . import legacy, regressions, rewrite

ORDERS = {"ana": "A-1001", "bo": "B-2002", "cy": "C-3003"}


def world(pinpoint: PinpointMock) -> None:
    """Three users: Ana on SMS, email and push; Bo opted out of SMS and email; Cy on SMS, whose
    first text is throttled."""
    ana = {"FirstName": ["Ana"]}
    pinpoint.add_endpoint(user_id="ana", channel="SMS", address="+12065550123", user_attributes=ana)
    pinpoint.add_endpoint(
        user_id="ana", channel="EMAIL", address="ana@example.com", user_attributes=ana
    )
    pinpoint.add_endpoint(
        user_id="ana", channel="GCM", address="fcm-token-ana-0001", user_attributes=ana
    )
    bo = {"FirstName": ["Bo"]}
    pinpoint.add_endpoint(
        user_id="bo", channel="EMAIL", address="bo@example.com", opt_out="ALL", user_attributes=bo
    )
    pinpoint.add_endpoint(
        user_id="bo", channel="SMS", address="+12065550142", opt_out="ALL", user_attributes=bo
    )
    cy = {"FirstName": ["Cy"]}
    pinpoint.add_endpoint(user_id="cy", channel="SMS", address="+14255550199", user_attributes=cy)
    pinpoint.outcome("THROTTLED", address="+14255550199", times=1)


# -- one test module, both implementations ---------------------------------------------------

Notifier = Callable[[PinpointMock], Any]

IMPLEMENTATIONS: dict[str, Notifier] = {
    "pinpoint": lambda mock: legacy.ShippingNotifier(mock.application_id),
    "rewrite": lambda mock: rewrite.ShippingNotifier(Users(mock)),
}


@pytest.fixture(params=sorted(IMPLEMENTATIONS))
def notifier(request: pytest.FixtureRequest, pinpoint: PinpointMock) -> Any:
    world(pinpoint)
    return IMPLEMENTATIONS[request.param](pinpoint)


def test_every_address_gets_its_outcome(notifier: Any) -> None:
    assert notifier.notify(ORDERS) == {
        "ana": {
            "+12065550123": "SUCCESSFUL",
            "ana@example.com": "SUCCESSFUL",
            "fcm-token-ana-0001": "SUCCESSFUL",
        },
        "bo": {"bo@example.com": "OPT_OUT", "+12065550142": "OPT_OUT"},
        "cy": {"+14255550199": "SUCCESSFUL"},
    }


def test_the_text_names_the_order(notifier: Any, pinpoint: PinpointMock) -> None:
    notifier.notify(ORDERS)
    pinpoint.assert_sent(
        channel="SMS", address="+12065550123", body="Hi Ana, order A-1001 has shipped.", count=1
    )
    pinpoint.assert_sent(channel="SMS", address="+14255550199", status="THROTTLED", count=1)
    pinpoint.assert_not_sent(address="bo@example.com", status="SUCCESSFUL")


# -- parity: the same deliveries, or a table of what differs ---------------------------------


def old(run: Run) -> Any:
    return legacy.ShippingNotifier(run.mock.application_id).notify(ORDERS)


def new(kind: type[rewrite.ShippingNotifier]) -> Callable[[Run], Any]:
    return lambda run: kind(run.users).notify(ORDERS)


@pytest.fixture
def parity() -> Parity:
    return Parity(world, seed="migration")


def test_the_rewrite_reaches_the_same_people_with_the_same_messages(parity: Parity) -> None:
    report = parity.assert_same(old, new(rewrite.ShippingNotifier))
    assert len(report.first.deliveries) == 7  # Cy's text twice (throttled, then sent)
    assert report.first.value == report.second.value  # what each code returned agrees too
    assert "pinpoint:SendUsersMessages" in report.first.operations()
    assert report.second.operations() == [
        "pinpoint-sms-voice-v2:SendTextMessage",
        "sesv2:SendEmail",
        "pinpoint:SendMessages",
    ]


def test_a_dropped_recipient_fails_naming_the_recipient(parity: Parity) -> None:
    report = parity.compare(old, new(regressions.DroppedRecipient))
    [difference] = report.differences
    assert (difference.kind, difference.recipient, difference.user) == (
        "missing",
        "fcm-token-ana-0001",
        "ana",
    )
    with pytest.raises(ParityError) as failure:
        report.assert_same()
    assert "missing | GCM     | fcm-token-ana-0001" in str(failure.value)
    assert "(nothing sent)" in str(failure.value)


def test_a_lost_substitution_fails_naming_the_field(parity: Parity) -> None:
    report = parity.compare(old, new(regressions.LostSubstitution))
    assert {(d.kind, d.recipient, d.field) for d in report.differences} == {
        ("content", "+12065550123", "body"),
        ("content", "+14255550199", "body"),
    }
    ana = report.of(recipient="+12065550123")[0]
    assert (ana.first, ana.second) == (
        "Hi Ana, order A-1001 has shipped.",
        "Hi Ana, order {ordre} has shipped.",
    )
    with pytest.raises(ParityError, match=r"content \| SMS .*\+12065550123 .*\| ana .*\| body"):
        report.assert_same()


def test_an_ignored_opt_out_fails_naming_the_outcome(parity: Parity) -> None:
    report = parity.compare(old, new(regressions.OptOutIgnored))
    [difference] = report.differences  # SMS v2's opt-out list refused Bo's text anyway
    assert (difference.kind, difference.recipient, difference.user, difference.field) == (
        "outcome",
        "bo@example.com",
        "bo",
        "outcome",
    )
    assert (difference.first, difference.second) == ("OPT_OUT", "SUCCESSFUL")


# -- end of support: the old code is refused by name, the rewrite keeps working ---------------


@pytest.mark.pinpoint(end_of_support=True)
def test_end_of_support_refuses_the_old_code(pinpoint: PinpointMock) -> None:
    world(pinpoint)
    with pytest.raises(ClientError) as refused:
        legacy.ShippingNotifier(pinpoint.application_id).notify(ORDERS)
    error = refused.value.response["Error"]
    assert error["Code"] == "ForbiddenException"
    assert refused.value.operation_name == "SendUsersMessages"
    assert "end support for the Amazon Pinpoint engagement features" in error["Message"]
    assert [c.operation for c in pinpoint.retired_calls] == ["SendUsersMessages"]
    assert len(pinpoint.sent) == 0
    pinpoint.clear_outcomes()  # Cy's throttled text never went: nothing was sent at all


@pytest.mark.pinpoint(end_of_support=True)
def test_end_of_support_keeps_the_rewrite_working(pinpoint: PinpointMock) -> None:
    world(pinpoint)
    pinpoint.sms_voice_v2.opt_out("+12065550142")
    outcome = rewrite.ShippingNotifier(Users(pinpoint)).notify(ORDERS)
    assert outcome["ana"]["fcm-token-ana-0001"] == "SUCCESSFUL"  # SendMessages to a token
    assert not pinpoint.retired_calls


def test_parity_holds_with_the_rewrite_in_end_of_support_mode() -> None:
    parity = Parity(world, seed="migration")
    first = parity.run(old, "pinpoint")
    second = parity.run(
        new(rewrite.ShippingNotifier), "rewrite", mock_options={"end_of_support": True}
    )
    parity.report(first, second).assert_same()
    with pytest.raises(ClientError, match="SendUsersMessages"):
        parity.run(old, "pinpoint", mock_options={"end_of_support": True})


def test_mock_pinpoint_takes_the_switch() -> None:
    with mock_pinpoint(end_of_support=True) as pinpoint:
        assert pinpoint.options.end_of_support
