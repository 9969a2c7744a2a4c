"""Generated SendUsersMessages requests pass the contract, botocore's checks and the service."""

from __future__ import annotations

import json
import random
from collections import Counter
from typing import Any

import boto3
import pytest
from hypothesis import HealthCheck, given, settings

from pinpoint_mock import validate
from pinpoint_mock.errors import PinpointMockError
from pinpoint_mock.factories import (
    MAX_USERS_PER_REQUEST,
    REQUEST_CHANNELS,
    SCENARIOS,
    FakeUser,
    PinpointFactory,
    World,
)
from pinpoint_mock.strategies import realistic_requests

PUSH = ("APNS", "APNS_SANDBOX", "APNS_VOIP", "APNS_VOIP_SANDBOX", "GCM", "BAIDU", "ADM")
SIZES = (1, 1, 2, 3, 5, 8, 13, 20, 40, 100)


def _random_request(factory: PinpointFactory, pool: World, rng: random.Random) -> dict[str, Any]:
    size = rng.choice(SIZES)
    sample = rng.sample(pool, size)
    chosen: list[FakeUser | str] = list(sample)
    if rng.random() < 0.2:
        chosen = [user.user_id for user in sample]  # plain ids work too
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
    failures: list[tuple[int, list[str], list[str]]] = []
    seen: Counter[str] = Counter()
    texts: set[str] = set()
    for index in range(10_000):
        body = _random_request(factory, pool, rng)
        report = validate(body)
        if not report.ok or report.warnings:
            failures.append(
                (index, [e.message for e in report.errors], [w.message for w in report.warnings])
            )
        texts.add(json.dumps(body, sort_keys=True))
        seen.update(f"member:{m}" for m in body["MessageConfiguration"])
        seen[f"users:{len(body['Users'])}"] += 1
        users = body["Users"].values()
        seen.update(f"user:{key}" for cfg in users for key in cfg)
        seen.update(f"body:{key}" for key in body if key not in ("MessageConfiguration", "Users"))
    assert failures == []
    # the requests checked are varied: all different, every shape the factory makes
    assert len(texts) == 10_000
    members = {f"member:{m}" for m in ("SMSMessage", "EmailMessage", "VoiceMessage", "APNSMessage")}
    members |= {"member:GCMMessage", "member:DefaultPushNotificationMessage"}
    assert members <= set(seen)
    assert {f"users:{n}" for n in SIZES} <= set(seen)
    keys = {"Substitutions", "BodyOverride", "TitleOverride", "Context"}
    assert {f"user:{key}" for key in keys} <= set(seen)
    assert {"body:Context", "body:TraceId"} <= set(seen)


def test_an_invalid_request_would_fail_the_check_above() -> None:
    factory = PinpointFactory(seed="contract")
    body = factory.request(factory.users(2), channels=("SMS",))
    body["MessageConfiguration"]["SMSMessage"]["MessageType"] = "PROMO"
    assert not validate(body).ok


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
    assert MAX_USERS_PER_REQUEST == 100
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


def test_request_channels_default_to_the_users_channels() -> None:
    factory = PinpointFactory(seed=14)
    users = factory.users(3, channels=("EMAIL", "GCM", "CUSTOM"))
    assert set(factory.request(users)["MessageConfiguration"]) == {"EmailMessage", "GCMMessage"}
    plain_ids = factory.request(["u1", "u2"])  # no users to read channels from: SMS and EMAIL
    assert set(plain_ids["MessageConfiguration"]) == {"SMSMessage", "EmailMessage"}
    first_names = {cfg["Substitutions"]["FirstName"][0] for cfg in plain_ids["Users"].values()}
    assert all(first_names)  # a name is drawn for a plain id
    body = factory.request(users, context={"campaign": "spring"}, trace_id="t-1")
    assert body["Context"] == {"campaign": "spring"}
    assert body["TraceId"] == "t-1"
