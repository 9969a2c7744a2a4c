"""{{variables}}: which names a text uses, and which ones the endpoint fills at send time."""

from __future__ import annotations

from pinpoint_mock.contract import VARIABLE, endpoint_fillable, free_variables, variables


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
