"""Comparing two runs: each kind of difference, named by recipient and field, and the table."""

from __future__ import annotations

import pytest

from pinpoint_mock.parity import Delivery, compare, table


def d(recipient: str, outcome: str = "SUCCESSFUL", body: str = "hi", **more: str) -> Delivery:
    channel = more.pop("channel", "SMS")
    return Delivery(
        recipient=recipient,
        channel=channel,
        outcome=outcome,
        subject=more.get("subject"),
        body=body,
        html=more.get("html"),
        user=more.get("user"),
    )


def test_the_same_deliveries_agree() -> None:
    assert compare([d("+1"), d("+2")], [d("+2"), d("+1")]) == []


def test_missing_and_extra_name_the_recipient() -> None:
    found = compare([d("+1", user="u1")], [d("+2", outcome="THROTTLED")])
    assert [(x.kind, x.recipient, x.user, x.first, x.second) for x in found] == [
        ("missing", "+1", "u1", "SUCCESSFUL", "(nothing sent)"),
        ("extra", "+2", None, "(nothing sent)", "THROTTLED"),
    ]


def test_an_opt_out_matches_a_recipient_the_code_skipped_unless_told_not_to() -> None:
    assert compare([d("+1", outcome="OPT_OUT")], []) == []
    [found] = compare([d("+1", outcome="OPT_OUT")], [], skipped_matches_opt_out=False)
    assert found.kind == "missing"


def test_outcomes_compare_in_order() -> None:
    [found] = compare([d("+1", "THROTTLED"), d("+1", "SUCCESSFUL")], [d("+1", "SUCCESSFUL")])
    assert (found.kind, found.field, found.first, found.second) == (
        "outcome",
        "outcome",
        "THROTTLED, SUCCESSFUL",
        "SUCCESSFUL",
    )


def test_content_differences_name_the_field() -> None:
    first = [d("a@x", channel="EMAIL", subject="S", body="b", html="<p>1</p>")]
    second = [d("a@x", channel="EMAIL", subject="S", body="b", html="<p>2</p>")]
    [found] = compare(first, second)
    assert (found.kind, found.channel, found.field) == ("content", "EMAIL", "html")
    assert compare(first, second, fields=("subject", "body", "outcome")) == []
    with pytest.raises(ValueError, match="unknown \\['title'\\]"):
        compare(first, second, fields=("title",))


def test_content_of_opted_out_recipients_is_not_compared() -> None:
    assert compare([d("+1", "OPT_OUT", body="a")], [d("+1", "OPT_OUT", body="b")]) == []


def test_the_table_shows_where_a_long_text_differs() -> None:
    long_a = "x" * 200 + "Ana" + "y" * 50
    long_b = "x" * 200 + "Bob" + "y" * 50
    text = table(compare([d("+1", body=long_a, user="u1")], [d("+1", body=long_b)]), ("old", "new"))
    header, rule, row = text.splitlines()
    assert header.split(" | ")[-2:] == ["old".ljust(48), "new"]
    assert set(rule) <= {"-", "+"}
    assert "content | SMS     | +1        | u1   | body" in row
    assert "Ana" in row
    assert "Bob" in row
    assert "…" in row
