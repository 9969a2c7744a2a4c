"""The JSON Schema subset: refs name $defs entries; other keywords are refused when compiled."""

from __future__ import annotations

import pytest

from pinpoint_mock.contract import Compiler
from pinpoint_mock.contract.keywords import SUPPORTED_KEYWORDS, def_name


def test_refs_name_a_defs_entry() -> None:
    assert def_name("#/$defs/SMSMessage") == "SMSMessage"
    with pytest.raises(ValueError, match="unsupported \\$ref"):
        def_name("other.json#/SMSMessage")


def test_a_keyword_outside_the_subset_is_refused_at_compile_time() -> None:
    assert "oneOf" not in SUPPORTED_KEYWORDS
    with pytest.raises(ValueError, match="unsupported JSON Schema keywords: \\['oneOf'\\]"):
        Compiler({"type": "object", "properties": {"a": {"oneOf": []}}})
