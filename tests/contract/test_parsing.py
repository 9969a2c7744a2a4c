"""A body read as JSON: every input is a document or a ContractError, and the values the service
cannot hold (lone surrogates, numbers past 4,300 digits or a double's range, NaN) name their
member."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pinpoint_mock.contract import MAX_NUMBER_DIGITS, ValueRejected, parse_json, validate
from pinpoint_mock.errors import ContractError


def rejected(text: str | bytes) -> ValueRejected:
    with pytest.raises(ValueRejected) as caught:
        parse_json(text)
    str(caught.value).encode("utf-8")  # the message can go on the wire
    return caught.value


@pytest.mark.parametrize(
    ("body", "path"),
    [
        (b'{"Body": "\\ud800"}', "Body"),
        (b'{"a": {"b": ["x", "\\udfff tail"]}}', "a.b[1]"),
        (b'{"a": "\\uDBFF\\u0041"}', "a"),  # a high surrogate followed by no low one
        (b'{"Users": {"\\ud800": {}}}', 'Users["\\ud800"]'),  # a key
        (b'["ok", "\\ud83d"]', "[1]"),
    ],
)
def test_a_lone_surrogate_is_rejected_naming_its_member(body: bytes, path: str) -> None:
    violation = rejected(body).violation
    assert (violation.path, violation.rule) == (path, "unicode")
    assert "lone surrogate" in violation.detail


def test_surrogate_pairs_and_escaped_backslashes_are_ordinary_text() -> None:
    assert parse_json(json.dumps({"a": "\U0001f600 é"}).encode()) == {"a": "\U0001f600 é"}
    assert parse_json(b'{"a": "\\\\ud800"}') == {"a": "\\ud800"}  # the six characters
    assert parse_json(b'{"a": "\\\\\\ud83d\\ude00"}') == {"a": "\\\U0001f600"}


def test_a_str_with_a_raw_surrogate_is_rejected() -> None:
    assert rejected('{"a": "\ud800"}').violation.path == "a"


def test_a_number_past_the_digit_limit_is_rejected_naming_its_member() -> None:
    digits = "7" * (MAX_NUMBER_DIGITS + 1)
    violation = rejected(f'{{"Users": {{"u": {{"Count": -{digits}}}}}}}'.encode()).violation
    assert (violation.path, violation.rule) == ("Users.u.Count", "number-size")
    assert f"{MAX_NUMBER_DIGITS + 1} digits" in violation.detail
    assert len(violation.value) <= 40
    assert parse_json(f'{{"n": {"7" * MAX_NUMBER_DIGITS}}}'.encode())["n"] % 10 == 7


@pytest.mark.parametrize(
    ("body", "path", "rule"),
    [
        (b'{"Metrics": {"m": 1e400}}', "Metrics.m", "number-range"),
        (b'{"a": [-1e999]}', "a[0]", "number-range"),
        (b'{"a": NaN}', "a", "json"),
        (b'{"a": [1, Infinity]}', "a[1]", "json"),
        (b"-Infinity", "the body", "json"),
    ],
)
def test_numbers_json_cannot_carry_are_rejected(body: bytes, path: str, rule: str) -> None:
    violation = rejected(body).violation
    assert (violation.path, violation.rule) == (path, rule)


def test_validate_reports_them_as_errors_not_exceptions() -> None:
    report = validate('{"Users": {"\\ud800": {}}, "MessageConfiguration": {}}')
    assert [(v.path, v.rule) for v in report.errors] == [('Users["\\ud800"]', "unicode")]
    report = validate(b'{"MessageConfiguration": {}, "Users": {}, "X": ' + b"9" * 5000 + b"}")
    assert [(v.path, v.rule) for v in report.errors] == [("X", "number-size")]


json_text = st.lists(
    st.sampled_from(
        ['{"a":', "[", "]", "}", ",", '"', "\\ud800", "\\udc00", "\\\\", "1", "9" * 4301, "e999",
         "-", ".5", "NaN", "Infinity", "true", "null", " ", '"x"', ":", "\\u00e9", "é"]
    ),
    max_size=12,
).map("".join)  # fmt: skip


@settings(max_examples=3000)
@given(st.one_of(json_text, st.text(max_size=12)), st.booleans())
def test_any_text_is_a_document_or_a_contract_error(text: str, as_bytes: bool) -> None:
    body: str | bytes = text.encode("utf-8", "surrogatepass") if as_bytes else text
    try:
        document = parse_json(body)
    except ContractError as exc:
        str(exc).encode("utf-8")
    else:
        json.dumps(document, allow_nan=False).encode("utf-8")  # the service can hold it
        assert document == json.loads(text)


@pytest.mark.parametrize(
    ("document", "path", "rule"),
    [
        ({"Users": {None: {}}, "MessageConfiguration": {}}, "Users.None", "type"),
        ({"Users": {(1,): {}}}, 'Users["(1,)"]', "type"),
        ({"Users": {"u": {"Substitutions": {"a": [10**5000]}}}}, "Users.u.Substitutions.a[0]",
         "number-size"),
        ({"TraceId": "\ud800"}, "TraceId", "unicode"),
        ({"Users": {"\udcff": {}}}, 'Users["\\udcff"]', "unicode"),
        ({"Context": {"a": float("nan")}}, "Context.a", "number-range"),
        ({"Context": {"a": [float("-inf")]}}, "Context.a[0]", "number-range"),
    ],
)  # fmt: skip
def test_validate_names_what_no_json_body_could_carry_in_a_python_mapping(
    document: dict[str, object], path: str, rule: str
) -> None:
    """Each raised TypeError, ValueError or UnicodeEncodeError from validate() before."""
    report = validate(document)
    assert [(v.path, v.rule) for v in report.errors] == [(path, rule)]
    report.errors[0].message.encode("utf-8")
    json.dumps(report.errors[0].to_dict()).encode("utf-8")


leaves = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=4),
    st.builds(lambda: 10**5000), st.just("\ud800"), st.builds(object), st.tuples(st.integers()),
    st.frozensets(st.integers(), max_size=2), st.binary(max_size=2),
)  # fmt: skip
keys = st.one_of(st.text(max_size=4), st.integers(), st.none(), st.just("\udfff"))
members = st.sampled_from(
    ["Users", "MessageConfiguration", "SMSMessage", "Body", "Substitutions", "u", "Context",
     "TemplateConfiguration", "Addresses", "Item", "Attributes", "EmailMessage", "BodyOverride"]
)  # fmt: skip
python_values = st.recursive(
    leaves,
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(keys, inner, max_size=3)
        | st.dictionaries(members, inner, max_size=4)
    ),
    max_leaves=15,
)


@settings(max_examples=1500)
@given(
    python_values,
    st.sampled_from(
        ["SendUsersMessages", "SendMessages", "UpdateEndpoint", "UpdateEndpointsBatch"]
    ),
)
def test_validate_answers_any_python_value_with_a_report(document: object, operation: str) -> None:
    report = validate(document, operation)  # type: ignore[arg-type]
    for violation in report:
        json.dumps(violation.to_dict(), ensure_ascii=False).encode("utf-8")
