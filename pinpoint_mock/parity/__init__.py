"""Migrate with proof: one scenario, the old Pinpoint code and its rewrite, the same deliveries.

:class:`Parity` builds one world (users, addresses, templates, scripted outcomes) on a fresh mock
for each of two runs, hands each run's code the mock and the user -> address map
(:class:`Users`), normalizes what each run sent (:class:`Delivery`: recipient, channel, rendered
subject/body/HTML, outcome in the shared vocabulary) and reports what differs
(:class:`ParityReport`: missing, extra, content, outcome, naming the recipient and the field).
docs/migration.md walks through a migration with it.
"""

from __future__ import annotations

from .deliveries import CONTENT_FIELDS, FIELDS, Delivery, normalize, recipient
from .diff import Difference, compare, table
from .outcomes import EQUIVALENT, NOTHING_SENT, OPTED_OUT, normalized
from .run import Parity, ParityError, ParityReport, Run, RunResult
from .users import Address, Users

__all__ = [
    "CONTENT_FIELDS",
    "EQUIVALENT",
    "FIELDS",
    "NOTHING_SENT",
    "OPTED_OUT",
    "Address",
    "Delivery",
    "Difference",
    "Parity",
    "ParityError",
    "ParityReport",
    "Run",
    "RunResult",
    "Users",
    "compare",
    "normalize",
    "normalized",
    "recipient",
    "table",
]
