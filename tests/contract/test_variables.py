"""{{variables}}: which names a text uses, and which ones the endpoint fills at send time."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from pinpoint_mock.contract import (
    VARIABLE,
    endpoint_fillable,
    free_names,
    free_variables,
    variables,
)
from pinpoint_mock.contract.variables import tokens


def test_helpers_and_blocks_are_not_variables() -> None:
    text = "{{#if X}}a{{else}}b{{/if}} {{capitalize Name}} {{{Raw}}} {{ Y }}"
    assert variables(text) == ["Raw", "Y"]


def test_endpoint_and_user_attributes_are_filled_at_send_time() -> None:
    assert endpoint_fillable("Address")
    assert endpoint_fillable("Attributes.Plan")
    assert endpoint_fillable("User.UserAttributes.FirstName")
    assert not endpoint_fillable("Name")
    assert not endpoint_fillable("Attributes")  # the prefix alone is not an attribute


def test_free_variables_are_distinct_in_order_and_need_a_value() -> None:
    text = "{{B}} {{Attributes.X}} {{A}} {{B}} {{Address}}"
    assert free_variables(text) == ("B", "A")
    assert VARIABLE.findall("{{{ Raw }}}") == ["Raw"]


#: The pattern before issue 14: right, but catastrophic on ``{{`` + many spaces.
OLD_VARIABLE = re.compile(r"\{\{\{?\s*([^{}]*?)\s*\}?\}\}")


@settings(max_examples=2000)
@given(st.text(alphabet="{} a\t\n\u00a0.#", max_size=24))
def test_the_linear_patterns_find_what_the_old_pattern_found(text: str) -> None:
    expected = [(m.span(), m.group(1)) for m in OLD_VARIABLE.finditer(text)]
    assert [(m.span(), m.group(1) or "") for m in VARIABLE.finditer(text)] == expected
    assert [((start, end), token) for start, end, token in tokens(text)] == expected
    assert variables(text) == [
        token
        for _, token in expected
        if token and token[0] not in "#/!>^" and token != "else" and " " not in token
    ]


def test_pathological_texts_scan_in_linear_time() -> None:
    """``{{ `` + 1,500 spaces + ``a`` took 9 s with the old pattern; 100,000 would take hours.
    These finish at once (or the run hangs): benchmarks/bench_scaling.py measures the slope."""
    assert VARIABLE.findall("{{ " + " " * 100_000 + "a") == []
    assert variables("{{a" + " " * 100_000 + "b") == []
    assert variables("{{" * 100_000 + " x }}") == ["x"]
    assert free_variables("{{ " + " " * 100_000 + "Name }}") == ("Name",)
    assert free_names(("{{A}}" * 20_000, "{{B}}")) == ("A", "B")
