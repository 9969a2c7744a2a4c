"""What believable test data costs: a 1,000-user world, 10,000 requests, the `fake` command.

    python -m benchmarks.bench_factories            # full run
    python -m benchmarks.bench_factories --quick    # fewer rounds, for CI smoke runs

Target (issue 4): generating a 1,000-user world takes well under a second. Candidates for one
world of 1,000 users x 3 endpoints (SMS, EMAIL, APNS; 5% opted out), each into a fresh mock, run
interleaved by :func:`benchmarks.harness.compare`:

* ``populate``: ``mock.populate(users=1000, channels=("SMS", "EMAIL", "APNS"), opt_out_rate=0.05,
  seed=7)``: names, E.164 numbers valid for their country, emails, APNs tokens, attributes,
  demographics, dates, all unique, registered in the directory.
* ``floor``: 3,000 ``add_endpoint`` calls with addresses made by string formatting: what
  registering the same endpoints costs without making them believable.
* ``plain faker``: the same world written the obvious way with Faker's own providers
  (``fake.first_name()``, ``fake.phone_number()``, ``fake.email()``, ``fake.uuid4()``,
  ``fake.sha256()``…) and ``add_endpoint``: what a team would write by hand.

Also printed: the first ``populate`` in a fresh process (imports Faker and the name data), 10,000
generated requests each checked by ``validate`` (the property the tests prove), and the wall time
of ``pinpoint-mock fake users --count 1000``. Nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from typing import Any

from benchmarks.harness import compare, fmt

CHANNELS = ("SMS", "EMAIL", "APNS")
USERS = 1000
TARGET = 1.0  # seconds, "well under"
FAKE_USERS = (sys.executable, "-m", "pinpoint_mock", "fake", "users")


def populate_world() -> Any:
    from pinpoint_mock import mock_pinpoint

    return mock_pinpoint(seed=1).populate(users=USERS, channels=CHANNELS, opt_out_rate=0.05, seed=7)


def floor_world() -> Any:
    from pinpoint_mock import mock_pinpoint

    mock = mock_pinpoint(seed=1)
    for n in range(USERS):
        user = f"user-{n}"
        mock.add_endpoint(user_id=user, channel="SMS", address=f"+1206{n:07d}")
        mock.add_endpoint(user_id=user, channel="EMAIL", address=f"{user}@example.com")
        mock.add_endpoint(user_id=user, channel="APNS", address=f"{n:064x}")
    return mock


def plain_faker_world() -> Any:
    from faker import Faker

    from pinpoint_mock import mock_pinpoint

    fake = Faker()
    fake.seed_instance(7)
    mock = mock_pinpoint(seed=1)
    for _ in range(USERS):
        user = fake.uuid4()
        attributes = {"FirstName": [fake.first_name()], "LastName": [fake.last_name()]}
        for channel, address in (
            ("SMS", fake.phone_number()),
            ("EMAIL", fake.email()),
            ("APNS", fake.sha256()),
        ):
            mock.add_endpoint(
                user_id=user,
                channel=channel,
                address=address,
                opt_out="ALL" if fake.random.random() < 0.05 else "NONE",
                user_attributes=attributes,
            )
    return mock


def cold_populate(runs: int) -> float:
    code = (
        "import time; t = time.perf_counter(); "
        "from pinpoint_mock import mock_pinpoint; "
        f"mock_pinpoint(seed=1).populate(users={USERS}, channels={CHANNELS!r}, "
        "opt_out_rate=0.05, seed=7); print(time.perf_counter() - t)"
    )
    samples = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        samples.append(float(done.stdout))
    return statistics.median(samples)


def cli_wall(runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            [*FAKE_USERS, "--count", str(USERS), "--seed", "7", "--channels", *CHANNELS],
            capture_output=True,
            check=True,
        )
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def ten_thousand_requests() -> tuple[float, int]:
    import random

    from pinpoint_mock.contract import validate
    from pinpoint_mock.factories import REQUEST_CHANNELS, PinpointFactory

    factory = PinpointFactory(seed="bench")
    pool = factory.users(300, channels=("SMS", "EMAIL", "APNS", "GCM"))
    rng = random.Random(0)
    start = time.perf_counter()
    users = 0
    for _ in range(10_000):
        chosen = rng.sample(pool, rng.choice((1, 2, 5, 10, 20, 50, 100)))
        body = factory.request(
            chosen,
            channels=rng.sample(REQUEST_CHANNELS, rng.randint(1, 4)),
            overrides=0.2,
            context=rng.random() < 0.5,
        )
        report = validate(body)
        assert report.ok, report.errors
        assert not report.warnings, report.warnings
        users += len(chosen)
    return time.perf_counter() - start, users


def main(argv: list[str] | None = None) -> dict[str, float]:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.bench_factories")
    parser.add_argument("--quick", action="store_true", help="fewer rounds, for CI smoke runs")
    options = parser.parse_args(argv)
    rounds, runs = (3, 2) if options.quick else (9, 5)

    from importlib import metadata

    print(
        f"pinpoint-mock factories (python {sys.version.split()[0]}, "
        f"faker {metadata.version('faker')})"
    )
    world = populate_world()
    assert len(world) == USERS
    assert len(world.endpoints) == USERS * len(CHANNELS)
    medians = compare(
        {"populate": populate_world, "floor": floor_world, "plain faker": plain_faker_world},
        rounds=rounds,
        budget=0.01,
    )
    met = "met" if medians["populate"] < TARGET else "NOT MET"
    print(f"1. one world of {USERS} users x {len(CHANNELS)} endpoints, into a fresh mock")
    print(f"    populate (believable, unique)   {fmt(medians['populate']):>10}")
    print(f"      target < {TARGET:.0f} s                        {met}")
    print(f"    floor (formatted addresses)     {fmt(medians['floor']):>10}")
    print(f"    plain Faker providers           {fmt(medians['plain faker']):>10}")
    print(f"    populate/floor                  {medians['populate'] / medians['floor']:>9.2f}x")
    print(
        f"    populate/plain faker            {medians['populate'] / medians['plain faker']:>9.2f}x"
    )
    cold = cold_populate(runs)
    print(f"    first populate in a new process {fmt(cold):>10}   (imports Faker, name data)")
    elapsed, users = ten_thousand_requests()
    print(
        f"2. 10,000 generated requests ({users} users) made and validated: {fmt(elapsed)} "
        f"({fmt(elapsed / 10_000)} each)"
    )
    wall = cli_wall(runs)
    print(f"3. `pinpoint-mock fake users --count {USERS}` wall time: {fmt(wall)}")
    return {**medians, "cold": cold, "requests": elapsed, "cli": wall}


if __name__ == "__main__":
    main()
