"""PinpointFactory: worlds of users, populate (into a directory), determinism, the fixtures."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import phonenumbers
import pytest
from faker import Faker

from pinpoint_mock import mock_pinpoint
from pinpoint_mock.directory import Directory
from pinpoint_mock.errors import PinpointMockError
from pinpoint_mock.factories import COUNTRIES, PinpointFactory, World, populate

PACKAGE = Path(__file__).resolve().parents[2] / "pinpoint_mock" / "factories"


# -- users and worlds ---------------------------------------------------------------------------


def test_a_world_of_users_is_believable_and_unique() -> None:
    factory = PinpointFactory(seed=7)
    world = factory.users(1000, channels=("SMS", "EMAIL", "APNS"))
    assert isinstance(world, World)
    assert len(world) == 1000
    assert world.seed == 7
    assert len(set(world.user_ids)) == 1000
    addresses = [e.address for e in world.endpoints]
    assert len(addresses) == 3000
    assert len(set(addresses)) == 3000
    countries = Counter(user.country for user in world)
    assert set(countries) == set(COUNTRIES)
    assert countries.most_common(1)[0][0] == "US"
    for user in world[:50]:
        assert user.channels == ("SMS", "EMAIL", "APNS")
        phone = phonenumbers.parse(user.address("SMS"))
        assert phonenumbers.region_code_for_number(phone) == user.country
        for endpoint in user.endpoints:
            assert endpoint.user_id == user.user_id
            assert endpoint.user_attributes == user.attributes
            assert endpoint.location == {"Country": user.country}
            assert endpoint.effective_date >= endpoint.creation_date
    us = next((user for user in world if user.address("SMS").startswith("+1206")), None)
    assert us is not None
    assert us.attributes["TimeZone"] == ["America/Los_Angeles"]  # Seattle's area code


def test_rates_endpoints_per_user_and_id_styles() -> None:
    factory = PinpointFactory(seed=8, id_style="integer", countries=["GB", "DE"])
    world = factory.users(
        400,
        channels="SMS,EMAIL,GCM",
        endpoints_per_user=(1, 5),
        opt_out_rate=0.1,
        inactive_rate=0.1,
    )
    counts = Counter(len(user.endpoints) for user in world)
    assert set(counts) == {1, 2, 3, 4, 5}
    endpoints = world.endpoints
    opted = sum(e.opted_out for e in endpoints) / len(endpoints)
    inactive = sum(not e.active for e in endpoints) / len(endpoints)
    assert 0.07 < opted < 0.13
    assert 0.07 < inactive < 0.13
    ids = [int(user_id) for user_id in world.user_ids]
    assert ids == sorted(ids)  # database keys: increasing
    assert {user.country for user in world} == {"GB", "DE"}
    reachable = world.having("SMS", reachable=True)
    assert all(user.endpoints_for("SMS") for user in reachable)
    assert all(
        any(e.active and not e.opted_out for e in user.endpoints_for("SMS")) for user in reachable
    )
    assert len(world.having(reachable=False)) > 0


# -- populate -----------------------------------------------------------------------------------


def test_populate_fills_the_directory_reproducibly() -> None:
    first = mock_pinpoint(seed=1)
    world = first.populate(users=200, channels=("SMS", "EMAIL", "APNS"), opt_out_rate=0.05)
    assert len(first.endpoints()) == 600
    user = world[0]
    assert first.endpoints(user.user_id) == list(user.endpoints)
    again = mock_pinpoint(seed=1).populate(
        users=200, channels=("SMS", "EMAIL", "APNS"), opt_out_rate=0.05
    )
    assert again.to_dicts() == world.to_dicts()
    # a second call on the same mock makes other users; an explicit seed is that seed
    assert not set(first.populate(users=5).user_ids) & set(world.user_ids)
    explicit = mock_pinpoint().populate(users=3, seed=7)
    assert explicit.to_dicts() == PinpointFactory(7).users(3).to_dicts()
    assert explicit.to_dicts() == mock_pinpoint().populate(users=3, seed="7").to_dicts()


def test_populate_refuses_bad_arguments_and_changes_nothing() -> None:
    mock = mock_pinpoint(seed=1)
    with pytest.raises(PinpointMockError, match="channel 'FAX'"):
        mock.populate(users=3, channels=("FAX",))
    with pytest.raises(PinpointMockError, match="users must be an integer >= 0"):
        mock.populate(users=-1)
    assert mock.endpoints() == []


def test_populate_needs_no_faker_import_in_the_core() -> None:
    code = (
        "import sys, pinpoint_mock, pinpoint_mock.mock, pinpoint_mock.cli, "
        "pinpoint_mock.contract, pinpoint_mock.engine\n"
        "print(sorted(m for m in ('faker', 'hypothesis') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_a_populated_world_is_served_through_boto3(client: Any) -> None:
    with mock_pinpoint(seed=3) as pinpoint:
        world = pinpoint.populate(users=100, channels=("SMS", "EMAIL"), opt_out_rate=0.2)
        kwargs = PinpointFactory(seed=3).cli_input(world, scenario="appointment-reminder")
        result = client.send_users_messages(**kwargs)["SendUsersMessageResponse"]["Result"]
    assert set(result) == set(world.user_ids)
    for user in world:
        for endpoint in user.endpoints:
            expected = "OPT_OUT" if endpoint.opted_out else "SUCCESSFUL"
            assert result[user.user_id][endpoint.endpoint_id]["DeliveryStatus"] == expected
    sms = pinpoint.sent.filter(channel="SMS", delivery_status="SUCCESSFUL")
    assert sms
    for message in sms:  # every variable filled from the user's Substitutions
        assert message.user_id is not None
        assert message.body is not None
        assert message.body.startswith(f"Hi {world.get(message.user_id).first_name}, reminder")


def test_populate_fills_a_directory_under_an_application() -> None:
    directory = Directory()
    factory = PinpointFactory(seed=4, application_id="f" * 32)
    world = factory.populate(directory, users=4, channels=("SMS",))
    assert world.application_id == "f" * 32
    assert directory.endpoints("f" * 32) == world.endpoints
    other = factory.populate(directory, users=2, application_id="a" * 32)
    assert directory.endpoints("a" * 32) == other.endpoints
    assert len(directory.endpoints("f" * 32)) == 4
    # the module-level function is what pinpoint.populate runs
    again = Directory()
    assert populate(again, 4, application_id="b" * 32, seed=4, channels=("SMS",)).user_ids == (
        world.user_ids
    )


def test_populate_takes_a_directory_not_a_mock() -> None:
    message = "populate fills a Directory, got PinpointMock; to fill a mock, call its own"
    with pytest.raises(PinpointMockError, match=message):
        PinpointFactory(seed=1).populate(mock_pinpoint(), users=1)  # type: ignore[arg-type]


def test_populate_uses_the_mocks_application_unless_told_otherwise() -> None:
    mock = mock_pinpoint(seed=2, application_id="c" * 32)
    world = mock.populate(users=3)
    assert {e.application_id for e in world.endpoints} == {"c" * 32}
    assert mock.endpoints() == world.endpoints
    elsewhere = mock.populate(users=2, application_id="d" * 32)
    assert mock.endpoints(application_id="d" * 32) == elsewhere.endpoints
    assert len(mock.endpoints()) == 6


def test_populated_endpoints_pass_what_add_endpoint_checks() -> None:
    """Generated endpoints are valid by construction: registered one by one through
    add_endpoint (which checks channel, status, opt-out and attributes), they are the same."""
    populated = mock_pinpoint(seed=5)
    world = populated.populate(
        users=60,
        channels=("SMS", "EMAIL", "APNS", "GCM", "VOICE", "CUSTOM", "IN_APP", "BAIDU", "ADM"),
        endpoints_per_user=(1, 15),
        opt_out_rate=0.3,
        inactive_rate=0.3,
    )
    added = mock_pinpoint()
    for e in world.endpoints:
        added.add_endpoint(
            user_id=e.user_id,
            channel=e.channel,
            address=e.address,
            endpoint_id=e.endpoint_id,
            opt_out=e.opt_out,
            status=e.status,
            attributes=e.attributes,
            user_attributes=e.user_attributes,
            demographic=e.demographic,
            location=e.location,
            effective_date=e.effective_date,
            creation_date=e.creation_date,
            cohort_id=e.cohort_id,
        )
    assert added.endpoints() == populated.endpoints() == world.endpoints
    assert {e.status for e in world.endpoints} == {"ACTIVE", "INACTIVE"}
    assert {e.opt_out for e in world.endpoints} == {"NONE", "ALL"}


def test_populate_avoids_the_addresses_already_registered() -> None:
    taken = PinpointFactory(seed=1).users(20).endpoints  # what seed 1 would draw
    mock = mock_pinpoint()
    for index, endpoint in enumerate(taken):
        mock.add_endpoint(
            user_id=f"old-{index}", channel=endpoint.channel, address=endpoint.address
        )
    world = mock.populate(users=20, seed=1)
    assert {e.address for e in world.endpoints}.isdisjoint(e.address for e in taken)
    assert len(mock.endpoints()) == 80


def test_the_factories_import_nothing_above_them() -> None:
    """The factories sit below the mock: they fill a directory and never import the mock, the
    engine, the server or the command line (not even for type checking)."""
    above = ("mock", "engine", "server", "cli", "interceptors", "plugins", "services")
    found = []
    for path in sorted(PACKAGE.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom):
                module = "." * node.level + (node.module or "")
                names = [module] + [f"{module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            else:
                continue
            for name in names:
                if name.startswith("pinpoint_mock."):
                    head = name.split(".")[1]
                elif name.startswith(".."):
                    head = name[2:].split(".")[0]
                else:
                    continue
                if head in above:
                    found.append(f"{path.name}: {name}")
    assert found == []


# -- determinism --------------------------------------------------------------------------------

SCRIPT = """
import json, sys
from pinpoint_mock import mock_pinpoint
from pinpoint_mock.factories import PinpointFactory, make_faker
seed = sys.argv[1]
factory = PinpointFactory(seed, countries=None)
world = factory.users(60, channels=("SMS", "EMAIL", "APNS", "GCM", "BAIDU", "ADM"),
                      opt_out_rate=0.1, inactive_rate=0.1, endpoints_per_user=(1, 4))
fake = make_faker(seed)
out = {
    "world": world.to_dicts(),
    "request": factory.cli_input(world[:30], context=True, trace_id=True, overrides=0.5),
    "faker": [fake.e164_phone_number(), fake.fcm_registration_token(), fake.name()],
    "populate": mock_pinpoint(seed=seed).populate(users=20).to_dicts(),
}
sys.stdout.write(json.dumps(out, ensure_ascii=False))
"""


def _generate(seed: str, hash_seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    return subprocess.run(
        [sys.executable, "-c", SCRIPT, seed], capture_output=True, check=True, env=env
    ).stdout


def test_same_seed_same_bytes_across_processes() -> None:
    first = _generate("7", "1")
    assert first == _generate("7", "2")
    assert first != _generate("8", "1")
    # and the same as in this process
    assert (
        json.loads(first)["world"]
        == PinpointFactory(7)
        .users(
            60,
            channels=("SMS", "EMAIL", "APNS", "GCM", "BAIDU", "ADM"),
            opt_out_rate=0.1,
            inactive_rate=0.1,
            endpoints_per_user=(1, 4),
        )
        .to_dicts()
    )


# -- fixtures -----------------------------------------------------------------------------------

pytest_plugins = ["pytester"]

INNER = """
import json, os, pathlib
import pytest

def dump(name, data):
    out = pathlib.Path(os.environ["PINPOINT_FAKE_OUT"]) / f"{name}.json"
    out.write_text(json.dumps(data, ensure_ascii=False))

def test_factory(pinpoint_factory):
    world = pinpoint_factory.users(5, channels=("SMS", "APNS"))
    dump("factory", [world.to_dicts(), pinpoint_factory.request(world)])

def test_faker(pinpoint_faker):
    dump("faker", [pinpoint_faker.e164_phone_number(), pinpoint_faker.name(),
                   pinpoint_faker.apns_device_token()])

def test_populate(pinpoint):
    dump("populate", pinpoint.populate(users=5).to_dicts())

@pytest.mark.parametrize("n", range(4))
def test_each(pinpoint_factory, n):
    dump(f"each{n}", pinpoint_factory.user().to_dict())

@pytest.mark.pinpoint(seed=3)
def test_marker_one(pinpoint_faker):
    dump("marker_one", pinpoint_faker.pinpoint_user_id())

@pytest.mark.pinpoint(seed=3)
def test_marker_two(pinpoint_faker):
    dump("marker_two", pinpoint_faker.pinpoint_user_id())
"""


def _run_inner(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch, name: str, *args: str
) -> dict[str, str]:
    out = pytester.path / name
    out.mkdir()
    monkeypatch.setenv("PINPOINT_FAKE_OUT", str(out))
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", *args)
    result.assert_outcomes(passed=9)
    return {path.stem: path.read_text() for path in sorted(out.iterdir())}


@pytest.mark.slow
def test_fixtures_are_seeded_per_test_and_agree_under_xdist(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytester.makepyfile(test_inner=INNER)
    plain = _run_inner(pytester, monkeypatch, "plain", "--pinpoint-seed=5")
    xdist = _run_inner(pytester, monkeypatch, "xdist", "--pinpoint-seed=5", "-n", "2")
    other = _run_inner(pytester, monkeypatch, "other", "--pinpoint-seed=6")
    assert len(plain) == 9
    assert plain == xdist
    assert all(plain[k] != other[k] for k in plain if not k.startswith("marker"))
    assert len({plain[f"each{n}"] for n in range(4)}) == 4  # each test its own seed
    assert plain["marker_one"] == plain["marker_two"] == other["marker_one"]


def test_failing_test_prints_the_seed_and_replay_command(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        """
        def test_fails(pinpoint_faker):
            assert pinpoint_faker.e164_phone_number("US") == "nope"
        """
    )
    result = pytester.runpytest("--pinpoint-seed=9")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*seed 9; replay with: pytest '*::test_fails' --pinpoint-seed=9*"])


def test_factory_fixture_is_bound_to_this_test(
    pinpoint_factory: PinpointFactory, pinpoint_faker: Faker, request: pytest.FixtureRequest
) -> None:
    assert isinstance(pinpoint_factory.seed, str)
    assert pinpoint_factory.seed.endswith(f":{request.node.nodeid}:factory")
    assert pinpoint_faker is pinpoint_factory.faker
    assert re.fullmatch(r"[0-9a-f]{64}", pinpoint_faker.apns_device_token())
