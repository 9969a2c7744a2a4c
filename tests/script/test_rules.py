"""Scripted rules, faults and chaos: which rule decides a delivery, for how long, and what is
refused."""

from __future__ import annotations

import threading

import pytest

from pinpoint_mock.errors import PinpointMockError
from pinpoint_mock.script import Delivery, Rule, Script


def delivery(
    user: str = "u1", endpoint: str = "e1", channel: str = "SMS", address: str = "+12065550123"
) -> Delivery:
    return Delivery("app", user, endpoint, channel, address)


def test_default_is_successful() -> None:
    decision = Script().decide(delivery())
    assert (decision.status, decision.status_code, decision.rule) == ("SUCCESSFUL", 200, None)


def test_most_specific_rule_wins_and_records_its_label() -> None:
    script = Script()
    script.add_rule(Rule("THROTTLED", channel="SMS"))
    script.add_rule(Rule("PERMANENT_FAILURE", user="u1", status_code=410, status_message="gone"))
    script.add_rule(Rule("TEMPORARY_FAILURE", user="u2"))
    decision = script.decide(delivery())
    assert decision.status == "PERMANENT_FAILURE"
    assert (decision.status_code, decision.status_message) == (410, "gone")
    assert decision.rule == "outcome('PERMANENT_FAILURE', user='u1')"
    assert script.decide(delivery(user="u3")).status == "THROTTLED"


def test_endpoint_beats_address_beats_user_beats_channel() -> None:
    script = Script()
    script.add_rule(Rule("THROTTLED", endpoint="e1"))
    script.add_rule(Rule("OPT_OUT", address="+12065550123"))
    script.add_rule(Rule("UNKNOWN_FAILURE", user="u1", channel="SMS"))
    assert script.decide(delivery()).status == "THROTTLED"
    assert script.decide(delivery(endpoint="e2")).status == "OPT_OUT"
    assert script.decide(delivery(endpoint="e2", address="x")).status == "UNKNOWN_FAILURE"


def test_newest_rule_wins_a_tie() -> None:
    script = Script()
    script.add_rule(Rule("THROTTLED", user="u1"))
    script.add_rule(Rule("OPT_OUT", user="u1"))
    assert script.decide(delivery()).status == "OPT_OUT"


def test_times_limits_a_rule_then_falls_back() -> None:
    script = Script()
    script.add_rule(Rule("THROTTLED", user="u1", times=2))
    assert [script.decide(delivery()).status for _ in range(3)] == [
        "THROTTLED",
        "THROTTLED",
        "SUCCESSFUL",
    ]
    assert script.unfired() == []


def test_times_is_exact_under_concurrency() -> None:
    script = Script()
    script.add_rule(Rule("THROTTLED", times=50))
    results: list[str] = []
    lock = threading.Lock()

    def worker() -> None:
        for _ in range(100):
            status = script.decide(delivery()).status
            with lock:
                results.append(status)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results.count("THROTTLED") == 50


def test_predicate_rules() -> None:
    script = Script()
    script.add_rule(Rule("THROTTLED", predicate=lambda d: d.address.endswith("23")))
    assert script.decide(delivery()).status == "THROTTLED"
    assert script.decide(delivery(address="+1999")).status == "SUCCESSFUL"


def test_unfired_lists_rules_and_faults() -> None:
    script = Script()
    script.add_rule(Rule("THROTTLED", user="ghost"))
    script.add_fault("TooManyRequestsException", times=1, message=None, status=None, operation=None)
    assert script.unfired() == [
        "outcome('THROTTLED', user='ghost')",
        "fail('TooManyRequestsException', times=1)",
    ]


def test_bad_scripts_are_refused() -> None:
    script = Script()
    with pytest.raises(PinpointMockError, match="unknown delivery status 'SUCCESS'"):
        script.add_rule(Rule("SUCCESS"))
    with pytest.raises(PinpointMockError, match="times must be at least 1"):
        script.add_rule(Rule("THROTTLED", times=0))
    with pytest.raises(PinpointMockError, match="unknown error code 'Nope'"):
        script.add_fault("Nope", times=1, message=None, status=None, operation=None)
    with pytest.raises(PinpointMockError, match=r"add up to 1\.200"):
        script.chaos({"THROTTLED": 0.6, "OPT_OUT": 0.6}, seed=1)


def test_faults_cover_exactly_their_attempts() -> None:
    script = Script()
    script.add_fault("TooManyRequestsException", times=2, message=None, status=None, operation=None)
    first = script.take_fault("SendUsersMessages")
    assert first is not None
    assert (first.status, first.message) == (429, "Too many requests")
    assert script.take_fault("SendUsersMessages") is not None
    assert script.take_fault("SendUsersMessages") is None


def test_chaos_is_reproducible_from_its_seed() -> None:
    def run(seed: int) -> list[str]:
        script = Script(simulator=False)
        script.chaos({"THROTTLED": 0.3, "TEMPORARY_FAILURE": 0.2}, seed=seed)
        return [script.decide(delivery()).status for _ in range(200)]

    first = run(7)
    assert first == run(7)
    assert first != run(8)
    assert 30 < first.count("THROTTLED") < 90
    assert set(first) == {"THROTTLED", "TEMPORARY_FAILURE", "SUCCESSFUL"}


def test_simulator_decides_without_a_rule_and_can_be_switched_off() -> None:
    opted = delivery(address="+9995550105")
    decision = Script().decide(opted)
    assert (decision.status, decision.status_message) == (
        "OPT_OUT",
        "Destination phone number opted out",
    )
    assert decision.rule == "simulator:+9995550105"
    assert Script(simulator=False).decide(opted).status == "SUCCESSFUL"


@pytest.mark.parametrize(
    ("fields", "named"),
    [
        ({"status_code": "429"}, "status_code must be an HTTP status code"),
        ({"status_code": 200.0}, "status_code must be an HTTP status code"),
        ({"status_code": True}, "status_code must be an HTTP status code"),
        ({"status_code": 42}, "got 42"),
        ({"status_message": 3}, "status_message must be a string, got int"),
    ],
)
def test_rules_refuse_codes_and_messages_the_wire_cannot_carry(
    fields: dict[str, object], named: str
) -> None:
    with pytest.raises(PinpointMockError, match=named):
        Script().add_rule(Rule("THROTTLED", **fields))  # type: ignore[arg-type]


def test_rules_and_faults_can_be_limited_to_one_service() -> None:
    script = Script()
    script.add_rule(Rule("THROTTLED", service="sesv2"))
    pinpoint = Delivery("app", "u1", "e1", "SMS", "+12065550123")
    ses = Delivery("app", "u1", "e1", "EMAIL", "a@example.com", service="sesv2")
    assert script.decide(pinpoint).status == "SUCCESSFUL"
    assert script.decide(ses).status == "THROTTLED"
    script.add_fault("TooManyRequestsException", times=1, message=None, status=None,
                     operation=None, service="sesv2")  # fmt: skip
    assert script.take_fault("SendUsersMessages", "pinpoint") is None
    fault = script.take_fault("SendEmail", "sesv2")
    assert fault is not None
    assert fault.code == "TooManyRequestsException"


def test_a_fault_may_be_given_by_its_http_status() -> None:
    script = Script()
    fault = script.add_fault(429, times=1, message=None, status=None, operation=None)
    assert (fault.code, fault.status, fault.message) == (
        "TooManyRequestsException",
        429,
        "Too many requests",
    )
    assert script.add_fault(500, times=1, message=None, status=None, operation=None).code == (
        "InternalServerErrorException"
    )
    for wrong in (418, True, 429.0):
        with pytest.raises(PinpointMockError, match=r"HTTP status of one.*429 \(TooMany"):
            script.add_fault(wrong, times=1, message=None, status=None, operation=None)  # type: ignore[arg-type]
