"""``pinpoint-mock fake users|endpoints|request``: generated data as JSON (needs Faker).

Users and endpoints are written one at a time as they are made (the same bytes as one
``json.dumps`` of the whole list), so the output starts at once and memory does not grow with
the output; only the factory's record of the ids and addresses it gave out (to keep them
unique) does, a few hundred bytes per user, hence at most :data:`MAX_FAKE_COUNT` of them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from typing import Any, TextIO

from ..errors import PinpointMockError
from ..limits import MAX_ENDPOINTS_PER_USER
from .exit_codes import EXIT_OK

#: As ``pinpoint_mock.factories.USER_ID_STYLES`` (kept here so --help needs no Faker).
FAKE_ID_STYLES = ("uuid", "cognito", "integer")
#: Most users or endpoints one ``fake users|endpoints`` prints (about a millisecond and half a
#: kilobyte of the factory's memory per user: a minute or two and under 100 MB at most).
MAX_FAKE_COUNT = 100_000
#: Most endpoints UpdateEndpointsBatch takes (``--batch``).
MAX_BATCH_ENDPOINTS = 100


def cmd_fake(args: argparse.Namespace, out: TextIO) -> int:
    try:
        from .. import factories
    except ImportError:
        raise PinpointMockError(
            "`pinpoint-mock fake` needs Faker: pip install 'pinpoint-mock[faker]'"
        ) from None

    for flag, rate in (
        ("--opt-out-rate", args.opt_out_rate),
        ("--inactive-rate", args.inactive_rate),
        ("--overrides", args.overrides),
    ):
        if not 0 <= rate <= 1:
            raise PinpointMockError(f"{flag} {rate}: expected a number from 0 to 1")
    seed = args.seed
    if seed is None:
        import random

        seed = str(random.SystemRandom().randrange(10**6))
    factory = factories.PinpointFactory(
        seed,
        countries=args.countries,
        id_style=args.id_style,
        application_id=args.application_id,
    )
    channels = args.channels or ["SMS", "EMAIL"]
    factories.parse_channels(channels)  # checked before anything is written, even for --count 0
    per_user = args.endpoints_per_user
    if per_user is not None and not 0 <= per_user <= MAX_ENDPOINTS_PER_USER:
        raise PinpointMockError(
            f"--endpoints-per-user {per_user}: expected 0 to {MAX_ENDPOINTS_PER_USER}"
        )
    options: dict[str, Any] = {
        "opt_out_rate": args.opt_out_rate,
        "inactive_rate": args.inactive_rate,
    }
    payload: Any
    if args.kind == "request":
        count = 3 if args.count is None else args.count
        if not 1 <= count <= factories.MAX_USERS_PER_REQUEST:
            raise PinpointMockError(
                f"--count {count}: a request takes 1 to {factories.MAX_USERS_PER_REQUEST} users"
            )
        wanted = factories.parse_channels(channels)
        users = factory.users(
            count,
            channels=[c for c in wanted if c != "PUSH"] or ["GCM"],
            endpoints_per_user=args.endpoints_per_user,
            **options,
        )
        payload = factory.cli_input(
            users,
            channels=wanted,
            substitutions=not args.no_substitutions,
            overrides=args.overrides,
            context=args.context,
            trace_id=args.trace_id,
        )
    else:
        count = 10 if args.count is None else args.count
        if not 0 <= count <= MAX_FAKE_COUNT:
            raise PinpointMockError(
                f"--count {count}: expected 0 to {MAX_FAKE_COUNT:,} {args.kind} (more would take "
                "minutes and hundreds of MB; run again with another --seed for more)"
            )
        wanted = factories.parse_channels(channels)
        each = 1 if args.kind == "endpoints" else len(wanted) if per_user is None else per_user
        if args.batch and count * each > MAX_BATCH_ENDPOINTS:  # said before making them
            raise PinpointMockError(
                f"--batch: {count * each} endpoints, UpdateEndpointsBatch takes at most "
                f"{MAX_BATCH_ENDPOINTS}"
            )
        if args.kind == "users":
            made_users = (
                factory.user(
                    channels=channels, endpoints_per_user=args.endpoints_per_user, **options
                )
                for _ in range(count)
            )
            if not args.batch:
                _announce(args.seed, seed)
                _write_list((user.to_dict() for user in made_users), out)
                return EXIT_OK
            endpoints = [endpoint for user in made_users for endpoint in user.endpoints]
        else:
            made = (factory.endpoint(wanted[i % len(wanted)], **options) for i in range(count))
            if not args.batch:
                _announce(args.seed, seed)
                _write_list((factories.endpoint_to_dict(e) for e in made), out)
                return EXIT_OK
            endpoints = list(made)
        payload = {
            "ApplicationId": factory.application_id,
            "EndpointBatchRequest": {"Item": [factories.endpoint_batch_item(e) for e in endpoints]},
        }
    _announce(args.seed, seed)
    out.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


def _announce(given: str | None, seed: str) -> None:
    if given is None:
        print(f"pinpoint-mock: generated with --seed {seed}", file=sys.stderr)


def _write_list(items: Iterable[Any], out: TextIO) -> None:
    """``json.dumps(list(items), indent=2)`` and a newline, written an item at a time."""
    opener = "[\n  "
    for item in items:
        out.write(opener + json.dumps(item, indent=2, ensure_ascii=False).replace("\n", "\n  "))
        opener = ",\n  "
    out.write("[]\n" if opener == "[\n  " else "\n]\n")


def add_parser(sub: Any) -> None:
    """The ``fake`` command and its options, on the subparsers ``sub``."""
    fake = sub.add_parser(
        "fake",
        help="print generated users, endpoints or a request as JSON (needs Faker)",
        description="Print believable, reproducible Pinpoint data as JSON: users (UserId, "
        "UserAttributes, Endpoints), endpoints (GetEndpoint's EndpointResponse), or a request "
        "ready for `aws pinpoint send-users-messages --cli-input-json`. The same --seed gives "
        "the same output everywhere.",
    )
    fake.add_argument("kind", choices=["users", "endpoints", "request"])
    fake.add_argument(
        "--count", type=int, help="users or endpoints (default 10); users in a request (default 3)"
    )
    fake.add_argument("--seed", help="seed (default: a random one, printed to stderr)")
    fake.add_argument(
        "--channels", nargs="+", metavar="CHANNEL", help="e.g. SMS EMAIL APNS (default SMS EMAIL)"
    )
    fake.add_argument("--endpoints-per-user", type=int, metavar="N")
    fake.add_argument("--opt-out-rate", type=float, default=0.0, metavar="RATE")
    fake.add_argument("--inactive-rate", type=float, default=0.0, metavar="RATE")
    fake.add_argument("--countries", nargs="+", metavar="CC", help="e.g. US GB (default: a mix)")
    fake.add_argument("--id-style", choices=FAKE_ID_STYLES, default="uuid")
    fake.add_argument("--application-id", metavar="ID")
    fake.add_argument(
        "--batch",
        action="store_true",
        help="users/endpoints: print the `aws pinpoint update-endpoints-batch --cli-input-json` "
        "shape instead (at most 100 endpoints)",
    )
    fake.add_argument(
        "--no-substitutions", action="store_true", help="request: no per-user Substitutions"
    )
    fake.add_argument(
        "--overrides", type=float, default=0.0, metavar="RATE", help="request: BodyOverride share"
    )
    fake.add_argument("--context", action="store_true", help="request: add Context maps")
    fake.add_argument("--trace-id", action="store_true", help="request: add a TraceId")
    fake.set_defaults(handler=cmd_fake)
