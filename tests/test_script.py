from __future__ import annotations

import re
import threading
import uuid as uuid_module
from concurrent.futures import ThreadPoolExecutor

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pinpoint_mock.errors import PinpointMockError
from pinpoint_mock.models import DELIVERY_STATUSES, LEGACY_STATUSES
from pinpoint_mock.script import (
    SIMULATOR_MARKERS,
    Delivery,
    Ids,
    Rule,
    Script,
    check_status,
    simulated_status,
)


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


@pytest.mark.parametrize(
    ("channel", "address", "status"),
    [
        ("EMAIL", "ana+throttled@example.com", "THROTTLED"),
        ("EMAIL", "ana+temporary-failure@example.com", "TEMPORARY_FAILURE"),
        ("EMAIL", "ana+permanent-failure@example.com", "PERMANENT_FAILURE"),
        ("EMAIL", "ana+unknown-failure@example.com", "UNKNOWN_FAILURE"),
        ("EMAIL", "ana+opt-out@example.com", "OPT_OUT"),
        ("EMAIL", "ana+news@example.com", None),
        ("EMAIL", "ana@example.com", None),
        ("SMS", "+12065550100", "SUCCESSFUL"),
        ("SMS", "+12065550101", "THROTTLED"),
        ("SMS", "+14255550102", "TEMPORARY_FAILURE"),
        ("SMS", "+12065550103", "PERMANENT_FAILURE"),
        ("VOICE", "+12065550104", "UNKNOWN_FAILURE"),
        ("SMS", "+12065550105", "OPT_OUT"),
        ("SMS", "+12065550199", None),
        ("SMS", "+442065550101", None),
        ("APNS", "throttled-abc123", "THROTTLED"),
        ("GCM", "permanent-failure-xyz", "PERMANENT_FAILURE"),
        ("GCM", "abc-throttled", None),
    ],
)
def test_simulator_addresses(channel: str, address: str, status: str | None) -> None:
    assert simulated_status(channel, address) == status


def test_simulator_decides_without_a_rule_and_can_be_switched_off() -> None:
    opted = delivery(address="+12065550105")
    decision = Script().decide(opted)
    assert (decision.status, decision.status_message) == (
        "OPT_OUT",
        "Destination phone number opted out",
    )
    assert decision.rule == "simulator:+12065550105"
    assert Script(simulator=False).decide(opted).status == "SUCCESSFUL"


def test_ids_are_deterministic_and_shaped_like_the_service() -> None:
    a, b = Ids(3), Ids(3)
    assert [a.uuid() for _ in range(3)] == [b.uuid() for _ in range(3)]
    sms = a.message_id("SMS")
    assert len(sms) == 40
    assert sms.isalnum()
    assert sms == sms.lower()
    assert a.message_id("EMAIL").endswith("-000000")
    uuid = a.uuid()
    assert [len(p) for p in uuid.split("-")] == [8, 4, 4, 4, 12]
    assert uuid[14] == "4"


def test_every_id_is_well_formed_and_unique_across_pools() -> None:
    ids = Ids(7)
    made = {"uuid": [ids.uuid() for _ in range(300)]}
    made["email"] = [ids.message_id("EMAIL") for _ in range(300)]
    made["push"] = [ids.message_id("GCM") for _ in range(300)]
    made["sms"] = [ids.message_id("VOICE") for _ in range(300)]
    for text in made["uuid"] + made["push"] + [e[17:53] for e in made["email"]]:
        parsed = uuid_module.UUID(text)
        assert (str(parsed), parsed.version, parsed.variant) == (text, 4, uuid_module.RFC_4122)
    assert all(len(e) == 60 and e[16] == "-" for e in made["email"])
    assert all(len(s) == 40 and s.isalnum() and s == s.lower() for s in made["sms"])
    everything = [i for kind in made.values() for i in kind]
    assert len(set(everything)) == len(everything)


def test_ids_handed_out_under_threads_are_never_shared() -> None:
    ids = Ids(1)
    with ThreadPoolExecutor(8) as pool:
        made = list(pool.map(lambda _: ids.uuid(), range(2_000)))
    assert len(set(made)) == 2_000


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


@pytest.mark.parametrize(
    ("channel", "address"),
    [
        ("EMAIL", "ana+throttled@example.com"),
        ("EMAIL", "Ana+Opt-Out@example.com"),
        ("SMS", "+12065550101"),
        ("VOICE", "+12065550105"),
        ("APNS", "permanent-failure-abc"),
        ("GCM", "unknown-failure-1"),
        ("BAIDU", "throttled-1"),
    ],
)
def test_every_simulator_address_holds_its_channel_marker(channel: str, address: str) -> None:
    assert simulated_status(channel, address) is not None
    assert SIMULATOR_MARKERS[channel] in address
    assert Script().simulator_marker(channel) == SIMULATOR_MARKERS[channel]
    assert Script(simulator=False).simulator_marker(channel) is None


@settings(max_examples=300)
@given(st.sampled_from(sorted(SIMULATOR_MARKERS)), st.text(alphabet="+-@.abc15023ort", max_size=20))
def test_an_address_without_the_marker_is_never_simulated(channel: str, address: str) -> None:
    if SIMULATOR_MARKERS[channel] not in address:
        assert simulated_status(channel, address) is None


def test_statuses_and_ids_are_plain_text_in_json() -> None:
    """The engine writes statuses and message ids into JSON without escaping them."""
    ids = Ids(3)
    plain = re.compile(r"^[A-Za-z0-9_-]+$")
    for status in (*DELIVERY_STATUSES, *LEGACY_STATUSES):
        assert plain.match(check_status(status))
    for channel in ("SMS", "VOICE", "EMAIL", "APNS", "GCM", "BAIDU", "ADM", "CUSTOM"):
        assert plain.match(ids.message_id(channel))
