"""The outcome script: what happens to each delivery, and to whole calls.

:mod:`.decisions` holds the vocabulary (a :class:`Delivery` and the :class:`Decision` made about
it), :mod:`.rules` the scripted rules, faults and chaos profile of one mock (:class:`Script`), and
:mod:`.simulator` the addresses that ask for a status by their shape. :class:`Ids` (request and
message ids) lives in :mod:`pinpoint_mock.ids` and is re-exported here for older imports.
"""

from __future__ import annotations

from ..ids import Ids
from .decisions import STATUS_DEFAULTS, SUCCESS, Decision, Delivery, check_status
from .rules import Fault, Rule, Script
from .simulator import (
    SIMULATOR_MARKERS,
    SMS_OPT_OUT_MESSAGE,
    simulated_decision,
    simulated_status,
)

__all__ = [
    "SIMULATOR_MARKERS",
    "SMS_OPT_OUT_MESSAGE",
    "STATUS_DEFAULTS",
    "SUCCESS",
    "Decision",
    "Delivery",
    "Fault",
    "Ids",
    "Rule",
    "Script",
    "check_status",
    "simulated_decision",
    "simulated_status",
]
