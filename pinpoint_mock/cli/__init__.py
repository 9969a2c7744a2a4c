"""The ``pinpoint-mock`` command line.

    pinpoint-mock validate FILE... | -     check requests against the contract
    pinpoint-mock contracts build|check   regenerate / drift-check the JSON Schema contracts
    pinpoint-mock serve [--port N]        the standalone HTTP server, for any SDK or language
    pinpoint-mock fake users|endpoints|request --count N --seed S   generated data as JSON

Exit codes: 0 valid, 1 invalid, 2 usage error or unreadable input.

One module per command (``validate``, ``contracts``, ``serve``, ``fake``), each adding its own
options to the parser; ``parser`` holds :func:`main`, the console script ``pinpoint-mock``.
"""

from __future__ import annotations

from .contracts import cmd_contracts
from .exit_codes import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from .fake import FAKE_ID_STYLES, cmd_fake
from .parser import build_parser, main
from .serve import cmd_serve
from .validate import FileResult, check_file, cmd_validate

__all__ = [
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_USAGE",
    "FAKE_ID_STYLES",
    "FileResult",
    "build_parser",
    "check_file",
    "cmd_contracts",
    "cmd_fake",
    "cmd_serve",
    "cmd_validate",
    "main",
]
