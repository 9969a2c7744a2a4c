"""The validator's old home, kept so old imports keep working: it lives in
:mod:`pinpoint_mock.contract` now (:mod:`~pinpoint_mock.contract.compiler`,
:mod:`~pinpoint_mock.contract.values`)."""

from __future__ import annotations

from .contract.codegen import OkFn
from .contract.compiler import CollectFn, Compiler
from .contract.values import TYPE_NAMES, Issue, PathT, json_type_name, short

__all__ = [
    "TYPE_NAMES",
    "CollectFn",
    "Compiler",
    "Issue",
    "OkFn",
    "PathT",
    "json_type_name",
    "short",
]
