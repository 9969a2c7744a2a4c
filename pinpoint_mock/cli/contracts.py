"""``pinpoint-mock contracts build|check``: regenerate / drift-check the JSON Schema contracts."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from .exit_codes import EXIT_INVALID, EXIT_OK


def cmd_contracts(args: argparse.Namespace, out: TextIO) -> int:
    from .. import schemagen

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


def add_parser(sub: Any) -> None:
    """The ``contracts`` command and its options, on the subparsers ``sub``."""
    contracts = sub.add_parser("contracts", help="regenerate or drift-check the contracts")
    contracts.add_argument("action", choices=["build", "check"])
    contracts.add_argument("--dir", help="contracts directory (default: the installed package's)")
    contracts.set_defaults(handler=cmd_contracts)
