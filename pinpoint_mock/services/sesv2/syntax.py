"""The syntax of SES's Handlebars subset: a template's text parsed into nodes (text, values,
blocks, partials) in one pass, every value path resolved to a :class:`Ref` once, nesting
bounded. :mod:`.handlebars` compiles the nodes and renders them."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

MAX_DEPTH = 64
"""Deepest nesting of blocks (and partials within partials)."""

_BLOCKS = ("if", "unless", "each", "with")
_PARTIAL_NAME = re.compile(r"""^(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_.-]+))$""")
_PATH = re.compile(
    r"^(?:@root\.|(?:\.\./)*)?(?:@?[A-Za-z0-9_$-]+|this|\.)(?:[./][A-Za-z0-9_$-]+)*$"
)


class TemplateError(Exception):
    """A template SES would refuse (bad syntax, an unsupported feature)."""


class Ref(NamedTuple):
    """A value path, resolved once at parse time: how many contexts up (``../``), from the
    root (``@root.``), a data variable (``@index``…) or None, and the member names after."""

    up: int
    root: bool
    data: str | None
    parts: tuple[str, ...]


def ref(path: str) -> Ref:
    """The :class:`Ref` of a path already checked by the parser."""
    up, root = 0, path.startswith("@root.")
    if root:
        path = path[len("@root.") :]
    while path.startswith("../"):
        path, up = path[3:], up + 1
    parts = [p for p in path.replace("/", ".").split(".") if p]
    if parts[:1] == ["this"]:
        parts = parts[1:]
    data = None
    if parts and parts[0].startswith("@"):
        data, parts = parts[0][1:], parts[1:]
    return Ref(up, root, data, tuple(parts))


_NOWHERE = Ref(0, False, None, ())


@dataclass
class Block:
    """A block (``#if``, ``#unless``, ``#each``, ``#with``, or an ``#*inline`` partial's
    definition): its value, its body and its ``else`` nodes."""

    helper: str
    arg: str
    body: list[Any] = field(default_factory=list)
    otherwise: list[Any] = field(default_factory=list)
    in_else: bool = False
    chained: bool = False
    """An ``{{else if}}`` block: it ends with its parent's closing tag."""
    target: Ref = _NOWHERE

    @property
    def nodes(self) -> list[Any]:
        return self.otherwise if self.in_else else self.body


@dataclass(frozen=True)
class Var:
    """A value printed (``{{path}}``)."""

    path: str
    target: Ref


@dataclass(frozen=True)
class Partial:
    """An inline partial used (``{{> name}}``)."""

    name: str


@dataclass(frozen=True)
class Parsed:
    """A parsed template: its nodes and its inline partials."""

    nodes: tuple[Any, ...]
    """Text (``str``), :class:`Var`, :class:`Partial` and :class:`Block` nodes."""
    partials: Mapping[str, tuple[Any, ...]]
    advanced: bool
    """Whether it uses more than plain ``{{name}}`` substitutions."""


def parse(text: str) -> Parsed:
    """Parse ``text``; :class:`TemplateError` naming the problem and where it is."""
    root = Block("root", "")
    stack: list[Block] = [root]
    partials: dict[str, tuple[Any, ...]] = {}
    inline_names: list[str | None] = [None]
    advanced = False
    pos, strip_next = 0, False
    while True:
        start = text.find("{{", pos)
        chunk = text[pos:] if start < 0 else text[pos:start]
        if strip_next:
            chunk = chunk.lstrip()
        if start < 0:
            _text(stack[-1], chunk)
            break
        triple = text.startswith("{{{", start)
        if text.startswith("{{!--", start):
            closer = "--}}"
        elif triple:
            closer = "}}}"
        else:
            closer = "}}"
        end = text.find(closer, start + 2)
        if end < 0:
            raise TemplateError(f"unclosed '{{{{' at character {start}")
        inner = text[start + (3 if triple else 2) : end]
        pos = end + len(closer)
        if inner.startswith("~"):
            chunk, inner = chunk.rstrip(), inner[1:]
        strip_next = inner.endswith("~")
        if strip_next:
            inner = inner[:-1]
        _text(stack[-1], chunk)
        inner = inner.strip()
        if inner.startswith("!"):
            continue
        if not inner:
            raise TemplateError(f"empty expression at character {start}")
        head = inner[0]
        if head == "#":
            advanced = True
            if inner.startswith("#*inline"):
                name = _partial_name(inner[len("#*inline") :].strip(), start)
                block = Block("inline", name)
                inline_names.append(name)
            else:
                helper, _, arg = inner[1:].partition(" ")
                arg = _path(arg.strip(), start, helper)
                block = Block(helper, arg, target=ref(arg))
                inline_names.append(None)
            if len(stack) > MAX_DEPTH:
                raise TemplateError(f"blocks nested deeper than {MAX_DEPTH} levels")
            stack[-1].nodes.append(block)
            stack.append(block)
        elif head == "/":
            name = inner[1:].strip()
            while stack[-1].chained:
                stack.pop()
            block = stack[-1]
            if block is root or block.helper != name:
                expected = "no closing tag" if block is root else f"{{{{/{block.helper}}}}}"
                raise TemplateError(
                    f"{{{{/{name}}}}} at character {start} does not close an open block "
                    f"(expected {expected})"
                )
            stack.pop()
            inline_name = inline_names.pop()
            if inline_name is not None:
                partials[inline_name] = tuple(block.body)
        elif inner == "else" or inner == "^" or inner.startswith("else "):
            block = stack[-1]
            if block is root or block.in_else or block.helper == "inline":
                raise TemplateError(f"{{{{else}}}} at character {start} outside a block")
            block.in_else = True
            rest = inner[5:].strip() if inner.startswith("else ") else ""
            if rest:
                helper, _, arg = rest.partition(" ")
                if helper not in ("if", "unless"):
                    raise TemplateError(f"{{{{else {helper}}}}} is not supported")
                arg = _path(arg.strip(), start, helper)
                chained = Block(helper, arg, chained=True, target=ref(arg))
                block.otherwise.append(chained)
                stack.append(chained)
        elif head == ">":
            advanced = True
            stack[-1].nodes.append(Partial(_partial_name(inner[1:].strip(), start)))
        else:
            if " " in inner or "(" in inner:
                raise TemplateError(
                    f"helper call {{{{{inner}}}}} at character {start} is not supported"
                )
            path = _path(inner, start, None)
            target = ref(path)
            if target != (0, False, None, (path,)):
                advanced = True
            stack[-1].nodes.append(Var(path, target))
    while stack[-1].chained:
        stack.pop()
    if stack[-1] is not root:
        raise TemplateError(f"{{{{#{stack[-1].helper}}}}} is never closed")
    return Parsed(tuple(root.body), partials, advanced)


def _text(block: Block, chunk: str) -> None:
    if chunk:
        block.nodes.append(chunk)


def _path(text: str, at: int, helper: str | None) -> str:
    if helper is not None and helper not in _BLOCKS:
        raise TemplateError(f"block helper #{helper} at character {at} is not supported")
    if not _PATH.match(text):
        what = f"#{helper} needs one value" if helper and not text else f"'{text}'"
        raise TemplateError(f"{what} at character {at}: not a value path")
    return text


def _partial_name(text: str, at: int) -> str:
    match = _PARTIAL_NAME.match(text)
    if match is None:
        raise TemplateError(f"partial name {text!r} at character {at} is not supported")
    return next(g for g in match.groups() if g)
