"""The command line's exit codes: 0 valid, 1 invalid, 2 usage error or unreadable input."""

from __future__ import annotations

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
