"""``pinpoint-mock fake users|endpoints|request``: generated data as JSON (needs Faker)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from ..errors import PinpointMockError
from .exit_codes import EXIT_OK

#: As ``pinpoint_mock.factories.USER_ID_STYLES`` (kept here so --help needs no Faker).
FAKE_ID_STYLES = ("uuid", "cognito", "integer")


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
        if count < 0:
            raise PinpointMockError(f"--count {count}: expected a count of {args.kind}")
        if args.kind == "users":
            world = factory.users(
                count, channels=channels, endpoints_per_user=args.endpoints_per_user, **options
            )
            endpoints = world.endpoints
            payload = world.to_dicts()
        else:
            endpoints = factory.endpoints(count, channels=channels, **options)
            payload = [factories.endpoint_to_dict(e) for e in endpoints]
        if args.batch:
            if len(endpoints) > 100:
                raise PinpointMockError(
                    f"--batch: {len(endpoints)} endpoints, UpdateEndpointsBatch takes at most 100"
                )
            payload = {
                "ApplicationId": factory.application_id,
                "EndpointBatchRequest": {
                    "Item": [factories.endpoint_batch_item(e) for e in endpoints]
                },
            }
    if args.seed is None:
        print(f"pinpoint-mock: generated with --seed {seed}", file=sys.stderr)
    out.write(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


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
