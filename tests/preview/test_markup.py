"""The small pieces: escaping, status classes, shortened text, field lists."""

from __future__ import annotations

from pinpoint_mock.preview import markup
from tests.html_helpers import parse


def test_escape_quotes_and_empty_none() -> None:
    assert markup.escape(None) == ""
    assert markup.escape('<a href="x">\'') == "&lt;a href=&quot;x&quot;&gt;&#x27;"
    assert markup.escape(3) == "3"


def test_status_class_is_a_slug() -> None:
    assert markup.status_class("OPT_OUT") == "status-opt-out"
    assert markup.status_class("<x y>") == "status-x-y"
    assert markup.status_class(None) == "status-none"
    assert markup.status_class("__") == "status-none"


def test_shorten_says_how_much_was_cut() -> None:
    assert markup.shorten("abc", limit=3) == "abc"
    assert markup.shorten("abcdef", limit=4) == "abcd\n… (2 more characters)"


def test_fields_skip_empty_values_and_show_others_as_json() -> None:
    html = markup.fields({"A": "", "B": None, "C": [], "D": {"k": [1]}, "E": "<e>"})
    assert len(parse(html).find("dt")) == 2
    assert "<dt>D</dt>" in html
    assert "<dt>E</dt>" in html
    assert '{"k": [1]}' in parse(html).text
    assert "&lt;e&gt;" in html
    assert markup.fields({"A": None}) == ""


def test_missing_text_is_marked() -> None:
    assert markup.text("") == '<span class="none">(no content)</span>'
    assert markup.text(None, "(no title)") == '<span class="none">(no title)</span>'
    assert markup.text("<b>") == "&lt;b&gt;"


def test_count_and_joined() -> None:
    assert markup.count(1, "call") == "1 call"
    assert markup.count(2, "delivery", "deliveries") == "2 deliveries"
    assert markup.joined(["a", 1]) == "a, 1"
    assert markup.joined("x") == "x"
