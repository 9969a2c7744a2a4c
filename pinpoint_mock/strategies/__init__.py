"""Hypothesis strategies derived from the SendUsersMessages contract (``pip install
'pinpoint-mock[hypothesis]'``).

    from hypothesis import given
    from pinpoint_mock import strategies as pst

    @given(pst.valid_requests())
    def test_accepts_every_valid_request(body): ...

    @given(pst.invalid_requests())
    def test_reports_the_violation(case):
        report = validate(case.body)
        assert (case.path, case.rule) in {(e.path, e.rule) for e in report.errors}

The shapes come from the contract's JSON Schema (``pinpoint_mock.contract.schema``), so they follow
the service model wherever it goes. An invalid request is a valid one changed by exactly one
deliberate mutation, and it announces the path (as :func:`pinpoint_mock.contract.format_path`
writes it) and the rule (``type``, ``enum``, ``required``, ``additionalProperties``,
``maxProperties``, ``maxItems``, ``pattern``, ``minimum``, ``maximum``) the validator must report.

One module per kind of request: :mod:`.valid`, :mod:`.invalid`, :mod:`.realistic` (through the
factories), over :mod:`.shapes` (the contract's shape as they walk it).
"""

from __future__ import annotations

from .invalid import RULES, InvalidRequest, invalid_requests
from .realistic import realistic_requests
from .shapes import REQUEST_SCHEMA
from .valid import from_schema, valid_requests

__all__ = [
    "REQUEST_SCHEMA",
    "RULES",
    "InvalidRequest",
    "from_schema",
    "invalid_requests",
    "realistic_requests",
    "valid_requests",
]
