"""Factories: the Faker provider's values, worlds, populate, request factories, determinism."""

from __future__ import annotations

import base64
import json
import os
import random
import re
import subprocess
import sys
import time
from collections import Counter
from typing import Any

import boto3
import phonenumbers
import pytest
from faker import Faker
from hypothesis import HealthCheck, given, settings

from pinpoint_mock import mock_pinpoint, validate
from pinpoint_mock._validator import Compiler
from pinpoint_mock.contract import schema
from pinpoint_mock.errors import PinpointMockError
from pinpoint_mock.factories import (
    COUNTRIES,
    REQUEST_CHANNELS,
    SCENARIOS,
    FakeUser,
    PinpointFactory,
    PinpointProvider,
    World,
    endpoint_batch_item,
    endpoint_to_dict,
    make_faker,
)
from pinpoint_mock.models import CHANNELS
from pinpoint_mock.script import simulated_status
from pinpoint_mock.strategies import realistic_requests

APP = "611e3e3cdd47474c9c1399a505665b91"
PUSH = ("APNS", "APNS_SANDBOX", "APNS_VOIP", "APNS_VOIP_SANDBOX", "GCM", "BAIDU", "ADM")
FCM = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{10}:APA91b[A-Za-z0-9_-]+$")
UUID4 = r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"


# -- the Faker provider -------------------------------------------------------------------------


def test_provider_is_added_the_conventional_way() -> None:
    fake = Faker()
    fake.add_provider(PinpointProvider)
    fake.seed_instance(11)
    first = [fake.e164_phone_number(), fake.apns_device_token(), fake.pinpoint_user_id()]
    fake.seed_instance(11)
    assert [fake.e164_phone_number(), fake.apns_device_token(), fake.pinpoint_user_id()] == first
    # unique proxies work with it, as with Faker's own providers
    tokens = {fake.unique.apns_device_token() for _ in range(50)}
    assert len(tokens) == 50


@pytest.mark.parametrize("country", sorted(COUNTRIES))
def test_phone_numbers_are_valid_mobiles_of_their_country(country: str) -> None:
    fake = make_faker(seed=country)
    for _ in range(300):
        number = fake.e164_phone_number(country)
        assert re.fullmatch(r"\+[1-9]\d{7,14}", number), number  # E.164
        parsed = phonenumbers.parse(number)
        assert phonenumbers.is_valid_number(parsed), number
        assert phonenumbers.region_code_for_number(parsed) == country, number
        assert phonenumbers.number_type(parsed) in (
            phonenumbers.PhoneNumberType.MOBILE,
            phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
        ), number
        assert simulated_status("SMS", number) is None, number


def test_nanp_numbers_never_use_the_555_exchange() -> None:
    fake = make_faker(seed=1)
    exchanges = {fake.e164_phone_number("US")[5:8] for _ in range(3000)}
    assert "555" not in exchanges
    assert not any(e.endswith("11") for e in exchanges)
    assert len(exchanges) > 500  # still spread over the whole range


def test_push_tokens_and_ids_have_their_real_shapes() -> None:
    fake = make_faker(seed=2)
    for _ in range(200):
        assert re.fullmatch(r"[0-9a-f]{64}", fake.apns_device_token())
        token = fake.fcm_registration_token()
        assert FCM.match(token), token
        assert len(token) in (152, 163)
        baidu = fake.baidu_channel_id()
        assert baidu.isdigit()
        assert 18 <= len(baidu) <= 19
        assert int(baidu) < 2**63
        adm = fake.adm_registration_id()
        assert adm.startswith("amzn1.adm-registration.v3.")
        base64.b64decode(adm.removeprefix("amzn1.adm-registration.v3."), validate=True)
        assert re.fullmatch(r"[0-9a-f]{32}", fake.pinpoint_application_id())
        assert re.fullmatch(UUID4, fake.pinpoint_endpoint_id())
    assert re.fullmatch(UUID4, fake.pinpoint_user_id("uuid"))
    assert re.fullmatch(r"[a-z]{2}-[a-z]+-\d:" + UUID4, fake.pinpoint_user_id("cognito"))
    assert fake.pinpoint_user_id("integer").isdigit()
    with pytest.raises(PinpointMockError, match="id_style 'email' is not one of uuid"):
        fake.pinpoint_user_id("email")


def test_addresses_never_hit_the_simulator() -> None:
    fake = make_faker(seed=3)
    for channel in CHANNELS:
        for _ in range(100):
            assert simulated_status(channel, fake.endpoint_address(channel)) is None
    for _ in range(500):
        email = fake.endpoint_email()
        assert "+" not in email
        assert re.fullmatch(r"[a-z0-9._]+@[a-z.]+\.(com|org|net)", email)
    assert fake.endpoint_email("Zoë", "O'Brien-Müller").split("@")[0].startswith(("z", "o"))


def test_attributes_and_states() -> None:
    fake = make_faker(seed=4)
    attributes = fake.user_attributes("FR")
    assert set(attributes) == {"FirstName", "LastName", "Locale", "TimeZone"}
    assert attributes["Locale"] == ["fr_FR"]
    assert attributes["TimeZone"] == ["Europe/Paris"]
    assert all(isinstance(v, list) for v in fake.endpoint_attributes("EMAIL").values())
    demographic = fake.endpoint_demographic("APNS", "en_GB", "Europe/London")
    assert demographic["Platform"] == "ios"
    assert demographic["Timezone"] == "Europe/London"
    opt_outs = Counter(fake.endpoint_opt_out(0.2) for _ in range(4000))
    assert 0.17 < opt_outs["ALL"] / 4000 < 0.23
    assert {fake.endpoint_status(0.0) for _ in range(100)} == {"ACTIVE"}
    assert {fake.endpoint_status(1.0) for _ in range(100)} == {"INACTIVE"}
    with pytest.raises(PinpointMockError, match="opt_out_rate must be a number from 0 to 1"):
        fake.endpoint_opt_out(1.5)


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


def test_user_lookups_explain_what_is_missing() -> None:
    world = PinpointFactory(seed=9).users(2, channels=("EMAIL",))
    user = world[0]
    assert isinstance(user, FakeUser)
    assert world.get(user.user_id) is user
    assert isinstance(world[:1], World)
    assert world[:1].seed == 9
    with pytest.raises(PinpointMockError, match=r"has no SMS endpoint \(channels: EMAIL\)"):
        user.address("SMS")
    with pytest.raises(PinpointMockError, match="no user 'ghost' in this world of 2 users"):
        world.get("ghost")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"channels": ("SMS", "FAX")}, "channel 'FAX' is not one of PUSH, GCM"),
        ({"channels": ()}, "channels must name at least one channel"),
        ({"endpoints_per_user": 16}, "endpoints_per_user must be at most 15"),
        ({"endpoints_per_user": (3, 1)}, "endpoints_per_user must be an integer >= 3"),
        ({"opt_out_rate": -0.1}, "opt_out_rate must be a number from 0 to 1"),
        ({"country": "XX"}, "country 'XX' is not one of US, CA"),
    ],
)
def test_bad_arguments_get_clear_errors(kwargs: dict[str, Any], message: str) -> None:
    with pytest.raises(PinpointMockError, match=re.escape(message)):
        PinpointFactory(seed=1).users(2, **kwargs)


def test_endpoint_json_follows_the_service_shapes() -> None:
    response = Compiler(schema("get-endpoint.response.json"))
    batch = Compiler(schema("update-endpoints-batch.request.json"))
    factory = PinpointFactory(seed=10)
    endpoints = factory.endpoints(40, channels=CHANNELS, opt_out_rate=0.5)
    assert [e.channel for e in endpoints[: len(CHANNELS)]] == list(CHANNELS)
    for endpoint in endpoints:
        assert response.root_ok(endpoint_to_dict(endpoint)), endpoint_to_dict(endpoint)
    assert batch.root_ok({"Item": [endpoint_batch_item(e) for e in endpoints]})


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
        assert message.body.startswith(f"Hi {world.get(message.user_id).first_name}, reminder")


# -- requests -----------------------------------------------------------------------------------


def _random_request(factory: PinpointFactory, pool: World, rng: random.Random) -> dict[str, Any]:
    size = rng.choice((1, 1, 2, 3, 5, 8, 13, 20, 40, 100))
    chosen: list[FakeUser | str] = list(rng.sample(pool, size))
    if rng.random() < 0.2:
        chosen = [user.user_id for user in chosen]  # plain ids work too
    channels = None if rng.random() < 0.3 else rng.sample(REQUEST_CHANNELS, rng.randint(1, 5))
    return factory.request(
        chosen,
        channels=channels,
        scenario=rng.choice((None, *SCENARIOS)),
        substitutions=rng.random() < 0.7,
        overrides=rng.choice((0.0, 0.2, 1.0)),
        context=rng.choice((False, True, {"campaign": "spring"})),
        trace_id=rng.choice((False, True, "trace-1")),
    )


def test_ten_thousand_generated_requests_pass_the_contract() -> None:
    factory = PinpointFactory(seed="contract", id_style="cognito")
    pool = factory.users(300, channels=("SMS", "EMAIL", "VOICE", *PUSH), endpoints_per_user=(0, 4))
    rng = random.Random(0)
    checked = users = 0
    start = time.perf_counter()
    for _ in range(10_000):
        body = _random_request(factory, pool, rng)
        report = validate(body)
        assert report.ok, report.errors
        assert not report.warnings, report.warnings
        checked += 1
        users += len(body["Users"])
    elapsed = time.perf_counter() - start
    assert checked == 10_000
    print(f"10,000 requests ({users} users) generated and checked in {elapsed:.2f} s")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(realistic_requests(max_users=8))
def test_property_every_realistic_request_passes_the_contract(body: dict[str, Any]) -> None:
    report = validate(body)
    assert report.ok, report.errors
    assert not report.warnings, report.warnings


def test_requests_are_accepted_by_botocore_and_split_past_100() -> None:
    from botocore.validate import validate_parameters

    factory = PinpointFactory(seed=12)
    world = factory.users(250, channels=("SMS", "APNS", "GCM"))
    model = boto3.client("pinpoint", region_name="us-east-1").meta.service_model
    shape = model.operation_model("SendUsersMessages").input_shape
    validate_parameters(factory.cli_input(world[:100], context=True, trace_id=True), shape)
    batches = factory.requests(world, overrides=0.5)
    assert [len(b["Users"]) for b in batches] == [100, 100, 50]
    with pytest.raises(PinpointMockError, match="at most 100 users, got 250"):
        factory.request(world)
    with pytest.raises(PinpointMockError, match="no direct message for channel CUSTOM"):
        factory.request(world[:1], channels=("CUSTOM",))
    with pytest.raises(PinpointMockError, match="a request needs at least one user"):
        factory.request([])
    with pytest.raises(PinpointMockError, match="scenario 'nope' is not one of"):
        factory.request(world[:1], scenario="nope")


def test_request_without_substitutions_uses_user_attributes() -> None:
    factory = PinpointFactory(seed=13)
    users = factory.users(2, channels=("SMS",))
    body = factory.request(users, scenario="order-shipped", substitutions=False)
    sms = body["MessageConfiguration"]["SMSMessage"]
    assert sms["Body"].startswith("{{User.UserAttributes.FirstName}}, your order #")
    assert "Substitutions" not in sms
    assert body["Users"] == {u.user_id: {} for u in users}


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
