"""``pinpoint-mock validate FILE... | -``: check requests against the contract.

Whatever the input, the command answers with a verdict per file and an exit code, never a
traceback: an unreadable input (no such file, a directory, not UTF-8, not JSON) is exit 2 with
the reason; a value the service cannot hold (a lone surrogate, a number of more than 4,300
digits, NaN) is an error naming the member (exit 1), as the service's 400 would; file names
that are not valid text are shown with escapes.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from typing import Any, TextIO

from ..contract.schemas import request_operations
from ..errors import ContractError
from ..limits import MAX_PAYLOAD_BYTES
from .exit_codes import EXIT_INVALID, EXIT_OK, EXIT_USAGE

#: The request contracts ``--operation`` can apply (every service's, Pinpoint's first).
OPERATIONS = tuple(dict.fromkeys(operation for _, operation in request_operations()))
SERVICES = tuple(dict.fromkeys(service for service, _ in request_operations()))


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
        buffer = getattr(stdin, "buffer", None)
        if buffer is None:
            raise OSError("standard input is closed or not a byte stream")
        data: bytes = buffer.read(MAX_PAYLOAD_BYTES + 1)
        return data
    with open(name, "rb") as handle:
        return handle.read(MAX_PAYLOAD_BYTES + 1)


def check_file(name: str, operation: str, stdin: Any, service: str | None = None) -> FileResult:
    result = FileResult("<stdin>" if name == "-" else printable(name))
    try:
        _check(name, operation, stdin, result, service)
    except RecursionError:
        result.problem = "nested too deeply to check"
    except Exception as exc:  # a bug of ours: reported as one, never as a traceback
        result.problem = (
            f"internal error of pinpoint-mock ({type(exc).__name__}: {printable(str(exc))}); "
            "please report it with this file"
        )
    return result


def printable(text: str) -> str:
    """``text`` with what cannot be encoded (an undecodable file name's escapes) escaped."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _check(
    name: str, operation: str, stdin: Any, result: FileResult, service: str | None = None
) -> None:
    from ..contract import ValueRejected, parse_json, validate

    try:
        raw = _read(name, stdin)
    except (OSError, ValueError) as exc:  # ValueError: reading a closed stream
        result.problem = f"cannot read: {printable(getattr(exc, 'strerror', None) or str(exc))}"
        return
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
        return
    try:
        document = parse_json(raw)
    except ValueRejected as exc:
        result.errors.append(exc.violation.to_dict())
        return
    except ContractError as exc:
        result.problem = str(exc)
        return
    if not isinstance(document, dict):
        from ..contract import json_type_name

        result.errors.append(
            {
                "severity": "error",
                "path": "",
                "rule": "type",
                "value": json_type_name(document),
                "message": f"the request is {json_type_name(document)}, expected a JSON object",
            }
        )
        return
    report = validate(document, operation, service=service)
    result.errors = [v.to_dict() for v in report.errors]
    result.warnings = [v.to_dict() for v in report.warnings]


def _print_human(results: list[FileResult], strict: bool, out: TextIO) -> None:
    for result in results:
        code = result.code(strict)
        if result.problem is not None:
            _emit(f"{result.name}: unreadable: {result.problem}", out)
            continue
        if not result.errors and not result.warnings:
            _emit(f"{result.name}: valid", out)
            continue
        verdict = "valid with warnings" if code == EXIT_OK else "invalid"
        _emit(f"{result.name}: {verdict}", out)
        for item in result.errors + result.warnings:
            _emit(f"  {item['severity']:<7}  {item['message']}  [{item['rule']}]", out)
    _emit(_summary(results, strict), out)


def _emit(text: str, out: TextIO) -> None:
    """Print ``text``; what the stream's encoding cannot show (``PYTHONIOENCODING=ascii``) is
    escaped rather than raised."""
    try:
        print(text, file=out)
    except UnicodeEncodeError:
        encoding = getattr(out, "encoding", None) or "ascii"
        print(text.encode(encoding, "backslashreplace").decode(encoding), file=out)


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
    from ..contract import service_of

    try:
        service_of(args.operation, args.service)
    except ValueError as exc:
        print(f"pinpoint-mock validate: {exc}", file=sys.stderr)
        return EXIT_USAGE
    results = [check_file(name, args.operation, sys.stdin, args.service) for name in args.files]
    if args.json:
        payload = {
            "files": [r.to_dict(args.strict) for r in results],
            "summary": _summary(results, args.strict),
        }
        _emit(json.dumps(payload, indent=2, ensure_ascii=False), out)
    else:
        _print_human(results, args.strict, out)
    return max(r.code(args.strict) for r in results)


def add_parser(sub: Any) -> None:
    """The ``validate`` command and its options, on the subparsers ``sub``."""
    validate = sub.add_parser(
        "validate",
        help="check request files against the contract",
        description="Check request bodies against a contract (SendUsersMessages by default; "
        "Pinpoint's wire body or --cli-input-json shape, SES v2 and SMS and voice v2 bodies). "
        "Exit 0 valid, 1 invalid, 2 usage error or unreadable input.",
    )
    validate.add_argument("files", nargs="+", metavar="FILE", help="JSON files, or - for stdin")
    validate.add_argument("--json", action="store_true", help="machine-readable output")
    validate.add_argument("--strict", action="store_true", help="fail on warnings too")
    validate.add_argument(
        "--operation",
        default="SendUsersMessages",
        choices=list(OPERATIONS),
        metavar="OPERATION",
        help="which request contract to apply (default: SendUsersMessages; any operation with a "
        f"request body: {', '.join(OPERATIONS)})",
    )
    validate.add_argument(
        "--service",
        choices=list(SERVICES),
        help="the service whose operation it is, when two share a name (default: the first "
        "that has it, Pinpoint first)",
    )
    validate.set_defaults(handler=cmd_validate)
