"""The compiled fast path agrees with jsonschema, the reference, on every verdict."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest

from pinpoint_mock.contract import Compiler, Issue, compiled, schema
from tests.corpus import Corpus

CONTRACTS = [
    "send-users-messages.request.json",
    "send-users-messages.input.json",
    "send-users-messages.response.json",
    "send-messages.request.json",
    "update-endpoints-batch.request.json",
    "get-user-endpoints.response.json",
    "error.json",
]


def reference_issues(validator: Any, doc: Any) -> set[tuple[Any, ...]]:
    """jsonschema's errors, normalised to (path, rule) the way our validator reports them."""
    found: set[tuple[Any, ...]] = set()
    for error in validator.iter_errors(doc):
        path = tuple(error.absolute_path)
        if error.validator == "required":
            for name in error.validator_value:
                if name not in error.instance:
                    found.add(((*path, name), "required"))
        elif error.validator == "additionalProperties":
            allowed = set(error.schema.get("properties", {}))
            for key in error.instance:
                if key not in allowed:
                    found.add(((*path, key), "additionalProperties"))
        else:
            found.add((path, error.validator))
    return found


def our_issues(made: Compiler, doc: Any) -> set[tuple[Any, ...]]:
    issues: list[Issue] = []
    made.root_collect(doc, (), issues)
    return {(issue.path, issue.rule) for issue in issues}


@pytest.mark.parametrize("name", CONTRACTS)
def test_fast_path_and_collector_agree_with_jsonschema(name: str) -> None:
    reference = jsonschema.Draft202012Validator(schema(name))
    made = compiled(name)
    corpus = Corpus(name, seed=len(name))
    verdicts = {True: 0, False: 0}
    for i in range(1500):
        doc = corpus.valid() if i % 3 == 0 else corpus.mutated()
        expected = reference_issues(reference, doc)
        assert made.root_ok(doc) is (not expected), (doc, expected)
        assert our_issues(made, doc) == expected, doc
        verdicts[not expected] += 1
    # The corpus really exercises both verdicts.
    assert verdicts[True] > 300
    assert verdicts[False] > 300


def test_generated_source_is_kept_for_debugging() -> None:
    made = compiled("send-users-messages.request.json")
    assert "def ok_SendUsersMessageRequest(x):" in made.source


def test_unsupported_keywords_refuse_to_compile() -> None:
    with pytest.raises(ValueError, match="oneOf"):
        Compiler({"oneOf": [{"type": "string"}]})


@pytest.mark.parametrize(
    ("node", "good", "bad"),
    [
        ({"type": "integer", "maximum": 10}, 10, 11),
        ({"type": "integer"}, 3.0, 3.5),
        ({"type": "integer"}, 3, True),
        ({"type": "number", "minimum": 0}, 0.5, -0.5),
        ({"type": "array", "minItems": 1}, [1], []),
        ({"type": "object", "minProperties": 1}, {"a": 1}, {}),
        ({"enum": ["A"]}, "A", ["A"]),
        ({"type": "string", "pattern": "^a"}, "ab", "ba"),
    ],
)
def test_keywords_outside_the_corpus(node: dict[str, Any], good: Any, bad: Any) -> None:
    made = Compiler(node)
    reference = jsonschema.Draft202012Validator(node)
    assert made.root_ok(good)
    assert reference.is_valid(good)
    assert not made.root_ok(bad)
    assert not reference.is_valid(bad)
    assert our_issues(made, bad) == reference_issues(reference, bad)
