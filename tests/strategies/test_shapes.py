"""The contract's shape as the strategies walk it: sites reach every member, minimal values are
valid."""

from __future__ import annotations

from pinpoint_mock.contract import validate
from pinpoint_mock.strategies.shapes import REQUEST_SCHEMA, Slot, shape


def test_the_smallest_valid_request_is_valid() -> None:
    walked = shape(REQUEST_SCHEMA)
    smallest = walked.minimal(walked.document)
    assert smallest == {"MessageConfiguration": {}, "Users": {}}
    assert validate(smallest, warnings=False).ok


def test_sites_reach_nested_members_through_map_entries() -> None:
    steps = {site.steps for site in shape(REQUEST_SCHEMA).sites()}
    assert ("Users",) in steps
    assert ("Users", Slot.KEY, "Substitutions", Slot.KEY) in steps
    assert ("MessageConfiguration", "SMSMessage", "MessageType") in steps
    assert () in steps  # the document itself


def test_resolve_keeps_sibling_keywords_over_the_target() -> None:
    walked = shape(REQUEST_SCHEMA)
    users = walked.resolve(walked.resolve(walked.document)["properties"]["Users"])
    assert users["type"] == "object"
    assert users["maxProperties"] == 100  # the overlay's limit, written next to the $ref
