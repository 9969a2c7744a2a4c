"""Compiled texts: ``{{variables}}`` as a rendered message fills them (endpoint values,
multi-value substitutions, helpers, blocks), and the generated filler agrees with Text.fill
wherever it answers."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pinpoint_mock.contract.variables import CACHED_TEXT_CHARS
from pinpoint_mock.rendering import render
from pinpoint_mock.templates import (
    INDEXED,
    MAX_FILLER_VARIABLES,
    MAX_INDEX_DIGITS,
    compile_filler,
    compile_text,
    split_index,
)
from tests.rendering.helpers import endpoint, simple_email, sms_body

NAMES = ("Name", "Code", "first name", "A.B")
literals = st.text(alphabet="ab {}'\"\\\n", max_size=6).filter(lambda t: "{{" not in t)
texts = st.lists(
    st.one_of(literals, st.sampled_from(NAMES).map(lambda n: "{{" + n + "}}")), max_size=5
).map("".join)
values = st.one_of(
    st.lists(st.text(max_size=4), min_size=1, max_size=2),
    st.just([]),
    st.text(max_size=3),
    st.none(),
    st.lists(st.integers(), min_size=1, max_size=1),
)


@settings(max_examples=400)
@given(
    st.tuples(texts, texts, st.one_of(st.none(), texts)),
    st.dictionaries(st.sampled_from(NAMES), values),
)
def test_filler_agrees_with_the_reference_fill(sources: Any, substitutions: dict[str, Any]) -> None:
    compiled = [None if s is None else compile_text(s) for s in sources]
    filler = compile_filler(*compiled)
    assert filler is not None  # plain variables only: always compiled
    answer = filler(substitutions)
    unresolved: dict[str, None] = {}
    expected = tuple(
        None if text is None else text.fill(substitutions, None, False, unresolved)
        for text in compiled
    )
    if answer is not None:
        assert answer == expected
        assert not unresolved
    else:  # only when a value is not a list whose first item is a string
        used = {v.name for text in compiled if text is not None for v in text.variables}
        assert any(
            not (isinstance(substitutions.get(n), list) and substitutions.get(n))
            or not isinstance(substitutions[n][0], str)
            for n in used
        )


def test_texts_the_filler_cannot_serve_are_left_to_the_general_path() -> None:
    for source in ("{{Address}}", "{{Attributes.Plan}}", "{{upper Name}}", "{{Name.[1]}}"):
        assert compile_filler(compile_text(source), None, None) is None
    filler = compile_filler(compile_text("plain"), None, compile_text("{{#if x}}y{{/if}}"))
    assert filler is not None
    assert filler({}) == ("plain", None, "y")


# -- variables, as a rendered message fills them ------------------------------------------------


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("Attributes.Color", "red"),
        ("User.UserAttributes.FirstName", "ana"),
        ("User.UserId", "user-1"),
        ("Address", "+15550100"),
        ("Id", "ep-1"),
        ("ChannelType", "SMS"),
        ("EndpointStatus", "ACTIVE"),
        ("OptOut", "NONE"),
        ("Demographic.Platform", "ios"),
        ("Location.City", "Paris"),
        ("Location.Latitude", "48.85"),
        ("Metrics.Score", "4.5"),
    ],
)
def test_endpoint_variables(variable: str, value: str) -> None:
    rendered = sms_body("<{{" + variable + "}}>")
    assert rendered.body == f"<{value}>"
    assert rendered.unresolved == ()


def test_substitutions_win_over_endpoint_values() -> None:
    rendered = sms_body("{{Address}}", {"Substitutions": {"Address": ["elsewhere"]}})
    assert rendered.body == "elsewhere"


@pytest.mark.parametrize(
    "variable", ["Attributes.Nope", "User.UserAttributes.Nope", "Demographic.Nope", "Nope"]
)
def test_unknown_endpoint_values_are_unresolved(variable: str) -> None:
    rendered = sms_body("a{{" + variable + "}}b")
    assert rendered.body == "ab"
    assert rendered.unresolved == (variable,)


def test_bare_address_has_no_endpoint_variables() -> None:
    config = {"SMSMessage": {"Body": "{{Address}} {{Attributes.Color}} {{Code}}"}}
    rendered = render("SMS", config, {"Substitutions": {"Code": ["42"]}}, None)
    assert rendered.body == "  42"
    assert rendered.unresolved == ("Address", "Attributes.Color")


def test_variable_spacing_and_triple_braces() -> None:
    rendered = sms_body(
        "{{ Name }}|{{Name}}|{{{Name}}}|{{  Name}}", {"Substitutions": {"Name": ["x"]}}
    )
    assert rendered.body == "x|x|x|x"


def test_unresolved_in_order_without_duplicates_across_fields() -> None:
    config = {"APNSMessage": {"Title": "{{B}} {{A}}", "Body": "{{A}} {{C}} {{B}} {{Known}}"}}
    user = {"Substitutions": {"Known": ["k"]}}
    rendered = render("APNS", config, user, endpoint("APNS"))
    assert (rendered.title, rendered.body) == (" ", "   k")
    assert rendered.unresolved == ("B", "A", "C")


def test_unresolved_in_email_parts_order() -> None:
    config = {
        "EmailMessage": {
            "SimpleEmail": simple_email(Subject="{{S}}", TextPart="{{T}}", HtmlPart="{{H}}")
        }
    }
    assert render("EMAIL", config, None, endpoint("EMAIL")).unresolved == ("S", "T", "H")


def test_a_body_that_renders_empty_still_counts_as_content() -> None:
    rendered = sms_body("{{Nothing}}")
    assert rendered.body == ""
    assert rendered.missing is None
    assert rendered.sms_encoding is None


def test_empty_substitution_list_is_unresolved() -> None:
    rendered = sms_body("[{{A}}][{{Attributes.Empty}}]", {"Substitutions": {"A": []}})
    assert rendered.body == "[][]"
    assert rendered.unresolved == ("A", "Attributes.Empty")


@pytest.mark.parametrize(
    ("multi_value", "expected"), [("first", "a|red"), ("join", "a, b|red, blue")]
)
def test_multi_value(multi_value: str, expected: str) -> None:
    user = {"Substitutions": {"L": ["a", "b"]}}
    assert sms_body("{{L}}|{{Attributes.Color}}", user, multi_value=multi_value).body == expected


def test_multi_value_default_is_first() -> None:
    assert sms_body("{{User.UserAttributes.Pets}}").body == "cat"


def test_indexed_values() -> None:
    rendered = sms_body("{{User.UserAttributes.Pets.[1]}} {{Attributes.Color.[5]}}")
    assert rendered.body == "dog "
    assert rendered.unresolved == ("Attributes.Color.[5]",)


def test_unknown_multi_value_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="multi_value"):
        sms_body("x", multi_value="last")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{{upper Name}}", "ANA MARIA"),
        ("{{lower Shout}}", "loud"),
        ("{{capitalize Name}}", "Ana Maria"),
        ("{{capitalizeFirst Name}}", "Ana maria"),
        ("{{abbreviate Name 3}}", "ana maria"),
        ('{{upper "literal"}}', "LITERAL"),
        ("{{ upper  Name }}", "ANA MARIA"),
        ("{{upper Attributes.Color}}", "RED"),
        ('{{now format="YYYY"}}', ""),
    ],
)
def test_helpers(text: str, expected: str) -> None:
    user = {"Substitutions": {"Name": ["ana maria"], "Shout": ["LOUD"]}}
    rendered = sms_body(text, user)
    assert rendered.body == expected
    assert rendered.unresolved == ()


def test_helper_with_unresolved_argument() -> None:
    rendered = sms_body("[{{upper Missing}}]")
    assert rendered.body == "[]"
    assert rendered.unresolved == ("Missing",)


def test_blocks_render_empty_and_are_not_unresolved() -> None:
    text = (
        "{{#if User.UserAttributes.FirstName}}yes{{else}}no{{/if}}"
        "{{! comment }}{{#each L}}{{this}}{{/each}}{{else if X}}"
    )
    rendered = sms_body(text)
    assert rendered.body == "yesno"
    assert rendered.unresolved == ()


def test_text_without_variables_is_returned_as_is() -> None:
    body = "no variables here, just {braces}"
    assert sms_body(body).body is body


# -- bounds: any text compiles and fills, in time linear in its length --------------------------


def test_thousands_of_variables_compile_and_fill_without_recursion() -> None:
    source = "".join(f"{{{{k{i}}}}}" for i in range(3000))  # 26 KB: RecursionError before
    text = compile_text(source)
    assert len(text.variables) == 3000
    assert compile_filler(text, None, None) is None  # past MAX_FILLER_VARIABLES: Text.fill
    unresolved: dict[str, None] = {}
    subs = {f"k{i}": [str(i % 10)] for i in range(3000)}
    assert text.fill(subs, None, False, unresolved) == "".join(str(i % 10) for i in range(3000))
    assert not unresolved
    assert sms_body(source).body == ""


def test_the_filler_serves_texts_up_to_its_bound_and_agrees() -> None:
    source = "".join(f"{{{{k{i}}}}}-" for i in range(MAX_FILLER_VARIABLES))
    filler = compile_filler(compile_text(source), None, None)
    assert filler is not None
    subs = {f"k{i}": [f"v{i}"] for i in range(MAX_FILLER_VARIABLES)}
    assert filler(subs) == ("".join(f"v{i}-" for i in range(MAX_FILLER_VARIABLES)), None, None)


def test_an_index_of_any_length_selects_nothing_instead_of_raising() -> None:
    huge = "1" * 5000  # int() refuses more than 4,300 digits
    rendered = sms_body(f"[{{{{User.UserAttributes.Pets.[{huge}]}}}}]")
    assert rendered.body == "[]"
    assert rendered.unresolved == (f"User.UserAttributes.Pets.[{huge}]",)
    assert split_index("Pets.[0000000000000001]") == ("Pets", 1)  # leading zeros are no length
    assert split_index(f"Pets.[{huge}]") == ("Pets", 10**MAX_INDEX_DIGITS)


@settings(max_examples=300)
@given(st.text(alphabet="a.[]0\u0661\n", max_size=12).map(lambda t: t + "]"))
def test_split_index_reads_what_the_indexed_pattern_matches(token: str) -> None:
    matched = INDEXED.match(token)
    assert split_index(token) == (
        (matched.group(1), int(matched.group(2))) if matched else (token, None)
    )


def test_pathological_texts_compile_in_linear_time() -> None:
    """Each took seconds to hours with the old ``\\s*([^{}]*?)\\s*`` pattern (``{{ `` + 1,500
    spaces + ``a`` took 9-36 s): these finish at once, or the run hangs."""
    for source in ("{{ " + " " * 200_000 + "a", "{{a" + " " * 200_000 + "b", "{{" * 100_000):
        assert compile_text(source).constant == source  # no variable: the text as it is
    closed = compile_text("{{ a" * 50_000 + "}}")
    assert [v.token for v in closed.variables] == ["a"]
    assert closed.fill({"a": ["!"]}, None, False, {}) == "{{ a" * 49_999 + "!"
    assert [v.token for v in compile_text("{{ " + " " * 100_000 + "a }}").variables] == ["a"]


def test_long_texts_are_compiled_but_not_cached() -> None:
    short = "Hi {{Name}}"
    assert compile_text(short) is compile_text(short)
    long = "x" * CACHED_TEXT_CHARS + "{{Name}}"
    assert compile_text(long) is not compile_text(long)
    assert [v.name for v in compile_text(long).variables] == ["Name"]
