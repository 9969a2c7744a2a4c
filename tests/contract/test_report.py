"""Report and Violation: what users read, and paths written as users read them."""

from __future__ import annotations

import pytest

from pinpoint_mock import ContractError, Report, Violation, validate
from pinpoint_mock.contract import format_path
from tests.contract.bodies import request


def test_raise_for_errors_lists_every_error() -> None:
    report = validate({"Users": {}, "MessageConfiguration": {"SMSMessage": {"MessageType": 1}}})
    with pytest.raises(ContractError) as info:
        report.raise_for_errors()
    assert "MessageConfiguration.SMSMessage.MessageType: 1 is an integer, expected a string" in str(
        info.value
    )


def test_paths_quote_unusual_keys() -> None:
    assert format_path(("Users", "a.b", "Context")) == 'Users["a.b"].Context'
    assert format_path(("Users", "", "Context")) == 'Users[""].Context'
    assert format_path(("SimpleEmail", "Headers", 0, "Name")) == "SimpleEmail.Headers[0].Name"
    report = validate(request(Users={"a b": {"BodyOverride": 5}}))
    assert [v.path for v in report.errors] == ['Users["a b"].BodyOverride']


def test_a_report_counts_and_lists_errors_then_warnings() -> None:
    error = Violation("Users", "required", "null", "is required but missing")
    warning = Violation("Users", "empty-users", "{}", "is empty", "warning")
    report = Report(errors=(error,), warnings=(warning,))
    assert not report.ok
    assert len(report) == 2
    assert list(report) == [error, warning] == list(report.violations)
    assert Report(warnings=(warning,)).ok
    assert str(error) == "Users: is required but missing"
    assert Violation("", "json", "", "body is not valid JSON").message == "body is not valid JSON"
    assert warning.to_dict() == {
        "severity": "warning",
        "path": "Users",
        "rule": "empty-users",
        "value": "{}",
        "message": "Users: is empty",
    }
