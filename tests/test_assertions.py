from __future__ import annotations

import pytest

from pinpoint_mock.assertions import check_not_sent, check_sent, table
from pinpoint_mock.models import RenderedMessage
from pinpoint_mock.recording import SentMessage


def sent(
    user: str, channel: str = "SMS", body: str = "hello", status: str = "SUCCESSFUL"
) -> SentMessage:
    return SentMessage(
        application_id="app",
        user_id=user,
        endpoint_id=f"e-{user}",
        channel=channel,
        address="+12065550123",
        delivery_status=status,
        status_code=200,
        status_message="",
        message_id=None,
        message=RenderedMessage(channel, body=body, substitutions={"Name": ["Ana"]}),
        context={"k": "v"},
    )


RECORDS = [sent("u1"), sent("u2", "EMAIL", "Your reminder"), sent("u1", status="THROTTLED")]


def test_check_sent_returns_matches() -> None:
    assert check_sent(RECORDS, None, user="u1") == [RECORDS[0], RECORDS[2]]
    assert check_sent(RECORDS, 1, user="u1", status="THROTTLED") == [RECORDS[2]]
    assert check_sent(RECORDS, 1, substitutions={"Name": ["Ana"]}, channel="EMAIL")
    assert check_sent(RECORDS, 3, context={"k": "v"})
    assert check_sent(RECORDS, 2, where=lambda s: s.channel == "SMS")


def test_failure_shows_expectation_table_and_closest() -> None:
    with pytest.raises(AssertionError) as info:
        check_sent(RECORDS, None, user="u2", channel="SMS")
    text = str(info.value)
    assert text.startswith(
        "expected at least one delivery matching user='u2', channel='SMS', found 0."
    )
    assert "Sent (3):" in text
    assert "#  user  endpoint  channel  address       status      title/body" in text
    assert "Closest candidates:\n  #1 u1/e-u1 (SMS) differs in: user" in text
    assert "#2 u2/e-u2 (EMAIL) differs in: channel" in text


def test_count_mismatch() -> None:
    with pytest.raises(
        AssertionError, match="expected exactly 1 deliveries matching user='u1', found 2"
    ):
        check_sent(RECORDS, 1, user="u1")


def test_check_not_sent() -> None:
    check_not_sent(RECORDS, user="u3")
    with pytest.raises(
        AssertionError, match="expected no delivery matching channel='EMAIL', found 1"
    ):
        check_not_sent(RECORDS, channel="EMAIL")


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(TypeError, match="unknown assertion field 'usr'"):
        check_sent(RECORDS, None, usr="u1")


def test_empty_table() -> None:
    assert table([]) == "  (nothing was sent)"


def test_multi_line_bodies_stay_on_one_table_line() -> None:
    """A body with line breaks, tabs or control characters must not break the table's rows."""
    records = [
        sent("u1", body="Hi Ana,\nyour code is 1234.\r\nSee you\tsoon"),
        sent("u2\nx", "EMAIL", "bell\x07"),
    ]
    with pytest.raises(AssertionError) as info:
        check_sent(records, None, user="u3")
    lines = str(info.value).splitlines()
    (header,) = [line for line in lines if line.lstrip().startswith("#  user")]
    rows = [line for line in lines if line.startswith(("  1 ", "  2 "))]
    assert len(rows) == 2, lines
    assert "Hi Ana,⏎your code is 1234.⏎See you soon" in rows[0]
    assert "u2⏎x" in rows[1]
    assert "bell\\x07" in rows[1]
    # The columns line up: every status starts where the header's does.
    assert all(row.index("SUCCESSFUL") == header.index("status") for row in rows)
    assert "#2 u2⏎x/e-u2⏎x (EMAIL) differs in: user" in str(info.value)
