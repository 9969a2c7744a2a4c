"""Compiled texts: the generated filler agrees with Text.fill wherever it answers."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from pinpoint_mock.templates import compile_filler, compile_text

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
