"""``pinpoint-mock serve``: the standalone HTTP server, for any SDK or language."""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from ..errors import PinpointMockError
from .exit_codes import EXIT_OK

#: What ``serve`` keeps by default (like Mailpit's --max): a long-running server stays flat.
DEFAULT_MAX_DELIVERIES = 10_000
DEFAULT_MAX_CALLS = 1_000


def cmd_serve(args: argparse.Namespace, out: TextIO) -> int:
    import signal
    import threading

    from ..mock import PinpointMock
    from ..server import PinpointServer
    from ..server.protocol import Limits

    credentials = {}
    for item in args.credentials or ["testing:testing"]:
        key, sep, secret = item.partition(":")
        if not sep or not key or not secret:
            raise PinpointMockError(f"--credentials {item!r}: expected KEY:SECRET")
        credentials[key] = secret
    if args.port < 0 or args.port > 65535:
        raise PinpointMockError(f"--port {args.port}: expected 0 to 65535")
    if args.populate < 0:
        raise PinpointMockError(f"--populate {args.populate}: expected a count of users")
    for flag, value in (
        ("--max-calls", args.max_calls),
        ("--max-deliveries", args.max_deliveries),
        ("--max-connections", args.max_connections),
    ):
        if not 1 <= value <= 10_000_000:
            raise PinpointMockError(f"{flag} {value}: expected a count from 1 to 10000000")
    if not 0 <= args.workers <= 256:
        raise PinpointMockError(f"--workers {args.workers}: expected 0 to 256")
    mock = PinpointMock(seed=args.seed, end_of_support=args.end_of_support)
    if args.populate:
        mock.populate(users=args.populate, seed=args.seed)
    try:
        server = PinpointServer(
            mock,
            host=args.host,
            port=args.port,
            require_signature=args.require_signature,
            credentials=credentials,
            region=args.region,
            allowed_hosts=args.allowed_host or (),
            max_calls=args.max_calls,
            max_deliveries=args.max_deliveries,
            limits=Limits(max_connections=args.max_connections),
            workers=args.workers,
            verbose=args.verbose,
        )
    except OSError as exc:
        raise PinpointMockError(
            f"cannot listen on {args.host}:{args.port}: {exc.strerror}"
        ) from None

    def stop(signum: int, frame: object) -> None:
        threading.Thread(target=server.stop, daemon=True).start()

    # Handlers first: a supervisor may signal as soon as it reads the "listening" line.
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f"pinpoint-mock listening on {server.url}", file=out, flush=True)
    server.serve_forever()
    print("pinpoint-mock stopped", file=sys.stderr, flush=True)
    return EXIT_OK


def add_parser(sub: Any) -> None:
    """The ``serve`` command and its options, on the subparsers ``sub``."""
    from ..limits import DEFAULT_PORT

    serve = sub.add_parser(
        "serve",
        help="run the standalone HTTP server for any SDK or language",
        description="Serve the Pinpoint API and the inspection API (/_aws/pinpoint/) on loopback. "
        "Point an SDK at it with --endpoint-url / AWS_ENDPOINT_URL_PINPOINT.",
    )
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    serve.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0 = free)"
    )
    serve.add_argument("--seed", help="seed for ids and chaos")
    serve.add_argument(
        "--populate", type=int, default=0, metavar="N", help="start with N Faker users"
    )
    serve.add_argument(
        "--require-signature",
        action="store_true",
        help="answer 403 to unsigned requests and verify SigV4 against --credentials",
    )
    serve.add_argument(
        "--credentials",
        action="append",
        metavar="KEY:SECRET",
        help="access key and secret accepted with --require-signature (default testing:testing)",
    )
    serve.add_argument(
        "--region",
        default="us-east-1",
        help="the region signatures must be scoped to with --require-signature (default us-east-1)",
    )
    serve.add_argument(
        "--allowed-host",
        action="append",
        metavar="NAME",
        help="a Host name the control API answers besides loopback and the bound address "
        "(repeatable; '*' for any), e.g. a docker-compose service name",
    )
    serve.add_argument(
        "--max-deliveries",
        type=int,
        default=DEFAULT_MAX_DELIVERIES,
        metavar="N",
        help=f"deliveries kept; older ones are dropped and counted in /_aws/pinpoint/health "
        f"(default {DEFAULT_MAX_DELIVERIES})",
    )
    serve.add_argument(
        "--max-calls",
        type=int,
        default=DEFAULT_MAX_CALLS,
        metavar="N",
        help=f"calls kept, with their bodies (default {DEFAULT_MAX_CALLS})",
    )
    serve.add_argument(
        "--max-connections",
        type=int,
        default=256,
        metavar="N",
        help="open connections; a new one closes the longest idle one (default 256)",
    )
    serve.add_argument(
        "--workers",
        type=int,
        default=8,
        metavar="N",
        help="threads answering requests (default 8; 0 answers in the event loop's thread)",
    )
    serve.add_argument(
        "--end-of-support",
        action="store_true",
        help="refuse the Pinpoint operations AWS retired on 2026-10-30 (403 ForbiddenException)",
    )
    serve.add_argument("--verbose", action="store_true", help="log every request to stderr")
    serve.set_defaults(handler=cmd_serve)
