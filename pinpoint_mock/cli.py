"""The ``pinpoint-mock`` command line.

    pinpoint-mock validate FILE... | -     check requests against the contract
    pinpoint-mock contracts build|check   regenerate / drift-check the JSON Schema contracts
    pinpoint-mock fake users|endpoints|request --count N --seed S   generated data as JSON

Exit codes: 0 valid, 1 invalid, 2 usage error or unreadable input.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from .errors import ContractError, PinpointMockError
from .limits import MAX_PAYLOAD_BYTES

#: The service refuses API payloads over 7 MB (413 PayloadTooLargeException).

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2


@dataclass
class FileResult:
    name: str
    errors: list[dict[str, str]] = field(default_factory=list)
    warnings: list[dict[str, str]] = field(default_factory=list)
    problem: str | None = None
    """Why the input could not be read at all (exit code 2)."""

    def code(self, strict: bool) -> int:
        if self.problem is not None:
            return EXIT_USAGE
        if self.errors or (strict and self.warnings):
            return EXIT_INVALID
        return EXIT_OK

    def to_dict(self, strict: bool) -> dict[str, Any]:
        return {
            "file": self.name,
            "valid": self.code(strict) == EXIT_OK,
            "problem": self.problem,
            "errors": self.errors,
            "warnings": self.warnings,
        }


def _read(name: str, stdin: Any) -> bytes:
    if name == "-":
        data: bytes = stdin.buffer.read(MAX_PAYLOAD_BYTES + 1)
        return data
    with open(name, "rb") as handle:
        return handle.read(MAX_PAYLOAD_BYTES + 1)


def check_file(name: str, operation: str, stdin: Any) -> FileResult:
    from .contract import parse_json, validate

    result = FileResult("<stdin>" if name == "-" else name)
    try:
        raw = _read(name, stdin)
    except OSError as exc:
        result.problem = f"cannot read: {exc.strerror or exc}"
        return result
    if len(raw) > MAX_PAYLOAD_BYTES:
        result.errors.append(
            {
                "severity": "error",
                "path": "",
                "rule": "payload-size",
                "value": f">{MAX_PAYLOAD_BYTES} bytes",
                "message": f"request is larger than the service's 7 MB payload limit "
                f"({MAX_PAYLOAD_BYTES} bytes; the service answers 413 PayloadTooLargeException)",
            }
        )
        return result
    try:
        document = parse_json(raw)
    except ContractError as exc:
        result.problem = str(exc)
        return result
    if not isinstance(document, dict):
        from ._validator import json_type_name

        result.errors.append(
            {
                "severity": "error",
                "path": "",
                "rule": "type",
                "value": json_type_name(document),
                "message": f"the request is {json_type_name(document)}, expected a JSON object",
            }
        )
        return result
    report = validate(document, operation)
    result.errors = [v.to_dict() for v in report.errors]
    result.warnings = [v.to_dict() for v in report.warnings]
    return result


def _print_human(results: list[FileResult], strict: bool, out: TextIO) -> None:
    for result in results:
        code = result.code(strict)
        if result.problem is not None:
            print(f"{result.name}: unreadable: {result.problem}", file=out)
            continue
        if not result.errors and not result.warnings:
            print(f"{result.name}: valid", file=out)
            continue
        verdict = "valid with warnings" if code == EXIT_OK else "invalid"
        print(f"{result.name}: {verdict}", file=out)
        for item in result.errors + result.warnings:
            print(f"  {item['severity']:<7}  {item['message']}  [{item['rule']}]", file=out)
    print(_summary(results, strict), file=out)


def _summary(results: list[FileResult], strict: bool) -> str:
    valid = sum(1 for r in results if r.code(strict) == EXIT_OK)
    unreadable = sum(1 for r in results if r.problem is not None)
    invalid = len(results) - valid - unreadable
    errors = sum(len(r.errors) for r in results)
    warnings = sum(len(r.warnings) for r in results)
    files = "file" if len(results) == 1 else "files"
    parts = [f"{valid} valid", f"{invalid} invalid"]
    if unreadable:
        parts.append(f"{unreadable} unreadable")
    return (
        f"{len(results)} {files} checked: {', '.join(parts)} "
        f"({errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)})"
    )


def cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    results = [check_file(name, args.operation, sys.stdin) for name in args.files]
    if args.json:
        payload = {
            "files": [r.to_dict(args.strict) for r in results],
            "summary": _summary(results, args.strict),
        }
        print(json.dumps(payload, indent=2, ensure_ascii=False), file=out)
    else:
        _print_human(results, args.strict, out)
    return max(r.code(args.strict) for r in results)


def cmd_contracts(args: argparse.Namespace, out: TextIO) -> int:
    from . import schemagen

    directory = Path(args.dir) if args.dir else schemagen.contracts_dir()
    if args.action == "build":
        for name in schemagen.write(directory):
            print(f"wrote {directory / name}", file=out)
        return EXIT_OK
    difference = schemagen.diff(directory)
    if difference:
        out.write(difference)
        print(
            f"contracts in {directory} differ from botocore {schemagen.botocore_version()}; "
            "run `pinpoint-mock contracts build` to regenerate them",
            file=out,
        )
        return EXIT_INVALID
    print(f"contracts match botocore {schemagen.botocore_version()}", file=out)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace, out: TextIO) -> int:
    import signal
    import threading

    from .mock import PinpointMock
    from .server import PinpointServer

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
    mock = PinpointMock(seed=args.seed)
    if args.populate:
        mock.populate(users=args.populate, seed=args.seed)
    try:
        server = PinpointServer(
            mock,
            host=args.host,
            port=args.port,
            require_signature=args.require_signature,
            credentials=credentials,
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


#: As ``pinpoint_mock.factories.USER_ID_STYLES`` (kept here so --help needs no Faker).
FAKE_ID_STYLES = ("uuid", "cognito", "integer")


def cmd_fake(args: argparse.Namespace, out: TextIO) -> int:
    try:
        from . import factories
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


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="pinpoint-mock",
        description="A contract-tested fake of Amazon Pinpoint SendUsersMessages.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    validate = sub.add_parser(
        "validate",
        help="check request files against the contract",
        description="Check SendUsersMessages requests (wire body or --cli-input-json shape). "
        "Exit 0 valid, 1 invalid, 2 usage error or unreadable input.",
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="JSON files, or - for stdin")
    validate.add_argument("--json", action="store_true", help="machine-readable output")
    validate.add_argument("--strict", action="store_true", help="fail on warnings too")
    validate.add_argument(
        "--operation",
        default="SendUsersMessages",
        choices=["SendUsersMessages", "SendMessages", "UpdateEndpoint", "UpdateEndpointsBatch"],
        help="which request contract to apply (default: SendUsersMessages)",
    )
    validate.set_defaults(handler=cmd_validate)

    contracts = sub.add_parser("contracts", help="regenerate or drift-check the contracts")
    contracts.add_argument("action", choices=["build", "check"])
    contracts.add_argument("--dir", help="contracts directory (default: the installed package's)")
    contracts.set_defaults(handler=cmd_contracts)

    from .server.app import DEFAULT_PORT

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
    serve.add_argument("--verbose", action="store_true", help="log every request to stderr")
    serve.set_defaults(handler=cmd_serve)

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
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    stream = out if out is not None else sys.stdout
    try:
        code: int = args.handler(args, stream)
    except PinpointMockError as exc:
        print(f"pinpoint-mock: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # pragma: no cover - e.g. piped into head
        return EXIT_OK
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
