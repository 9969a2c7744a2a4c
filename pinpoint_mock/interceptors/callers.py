"""Where a warning about a call belongs: the first frame outside pinpoint-mock and the HTTP
stacks it rides on (boto3, botocore, requests…), i.e. the line of the test, or of the code
under test, that made the call, rather than a library file."""

from __future__ import annotations

import sys

#: Top-level packages whose frames a warning skips.
LIBRARIES = frozenset(
    {
        "pinpoint_mock",
        "boto3",
        "botocore",
        "aioboto3",
        "aiobotocore",
        "aiohttp",
        "s3transfer",
        "requests",
        "urllib3",
        "responses",
        "moto",
    }
)


def stacklevel() -> int:
    """The ``stacklevel`` for a ``warnings.warn`` made by the function calling this one, so
    that the warning names the first frame outside :data:`LIBRARIES`."""
    frame = sys._getframe(1)  # the function that warns: stacklevel 1
    level = 1
    while frame is not None:
        module = frame.f_globals.get("__name__", "")
        if module.partition(".")[0] not in LIBRARIES:
            return level
        frame = frame.f_back  # type: ignore[assignment]
        level += 1
    return 1
