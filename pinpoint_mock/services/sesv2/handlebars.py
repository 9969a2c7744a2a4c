"""The Handlebars subset SES renders templates with, in time linear in the template and the
output, with bounded nesting and output.

Modelled (SES developer guide, "advanced email personalization"): ``{{name}}``, nested
``{{a.b.c}}``, ``{{{name}}}`` (the same: SES never escapes HTML), ``this``/``.``, ``../``,
``@root``, ``@index``/``@key``/``@first``/``@last``; the block helpers ``#if``/``else``/
``else if``, ``#unless``, ``#each`` (arrays and objects, with ``else`` for empty ones),
``#with``; inline partials ``{{#*inline "name"}}...{{/inline}}`` used as ``{{> name}}``;
comments ``{{! }}``/``{{!-- --}}``; whitespace control ``{{~ ~}}``. Values print as JavaScript
prints them (``true``, ``3``, ``1.5``, lists joined by commas). A value that is absent from the
data fails the rendering ("Attribute 'x' is not present in the rendering data."), as SES's
Rendering Failure event says; ``#if`` on an absent value is simply false. Other helpers
(``lookup``, custom ones, sub-expressions) are refused with a clear error.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, NamedTuple

MAX_DEPTH = 64
"""Deepest nesting of blocks (and partials within partials)."""
MAX_OUTPUT = 40 * 1024 * 1024
"""Largest rendered text (SES's message size limit)."""

_BLOCKS = ("if", "unless", "each", "with")
_MISSING = object()
_PARTIAL_NAME = re.compile(r"""^(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_.-]+))$""")
_PATH = re.compile(
    r"^(?:@root\.|(?:\.\./)*)?(?:@?[A-Za-z0-9_$-]+|this|\.)(?:[./][A-Za-z0-9_$-]+)*$"
)


class TemplateError(Exception):
    """A template SES would refuse (bad syntax, an unsupported feature)."""


class MissingAttribute(TemplateError):
    """A value the template prints is absent from the data (a Rendering Failure)."""

    def __init__(self, name: str) -> None:
        super().__init__(f"Attribute '{name}' is not present in the rendering data.")
        self.name = name


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
class _Block:
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
class _Var:
    path: str
    target: Ref


@dataclass(frozen=True)
class _Partial:
    name: str


@dataclass(frozen=True)
class Template:
    """A parsed template: its nodes and its inline partials."""

    nodes: tuple[Any, ...]
    partials: Mapping[str, tuple[Any, ...]]
    advanced: bool
    """Whether it uses more than plain ``{{name}}`` substitutions."""

    @property
    def plain(self) -> bool:
        """Text and single-name ``{{name}}`` substitutions only."""
        return not self.advanced and not self.partials


def parse(text: str) -> Template:
    """Parse ``text``; :class:`TemplateError` naming the problem and where it is."""
    root = _Block("root", "")
    stack: list[_Block] = [root]
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
                block = _Block("inline", name)
                inline_names.append(name)
            else:
                helper, _, arg = inner[1:].partition(" ")
                arg = _path(arg.strip(), start, helper)
                block = _Block(helper, arg, target=ref(arg))
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
                chained = _Block(helper, arg, chained=True, target=ref(arg))
                block.otherwise.append(chained)
                stack.append(chained)
        elif head == ">":
            advanced = True
            stack[-1].nodes.append(_Partial(_partial_name(inner[1:].strip(), start)))
        else:
            if " " in inner or "(" in inner:
                raise TemplateError(
                    f"helper call {{{{{inner}}}}} at character {start} is not supported"
                )
            path = _path(inner, start, None)
            target = ref(path)
            if target != (0, False, None, (path,)):
                advanced = True
            stack[-1].nodes.append(_Var(path, target))
    while stack[-1].chained:
        stack.pop()
    if stack[-1] is not root:
        raise TemplateError(f"{{{{#{stack[-1].helper}}}}} is never closed")
    return Template(tuple(root.body), partials, advanced)


def _text(block: _Block, chunk: str) -> None:
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


def render(template: Template, data: Mapping[str, Any]) -> str:
    """The text of ``template`` for ``data``; :class:`MissingAttribute` for an absent value,
    :class:`TemplateError` for a partial that does not exist or an output over the limit."""
    if template.plain:  # text and {{name}}s only: the common case, without a renderer
        out = []
        for node in template.nodes:
            if node.__class__ is str:
                out.append(node)
            else:
                value = data.get(node.path, _MISSING)
                if value is _MISSING:
                    raise MissingAttribute(node.path)
                out.append(value if value.__class__ is str else text_of(value))
        return "".join(out)
    renderer = _Renderer(template.partials, data)
    renderer.nodes(template.nodes, [data], {}, 0)
    return "".join(renderer.out)


class _Renderer:
    def __init__(self, partials: Mapping[str, tuple[Any, ...]], root: Any) -> None:
        self.partials, self.root = partials, root
        self.out: list[str] = []
        self.size = 0

    def nodes(self, nodes: Any, stack: list[Any], data: dict[str, Any], depth: int) -> None:
        """Render ``nodes`` with ``stack`` (the contexts, innermost last; restored on return)."""
        if depth > MAX_DEPTH:
            raise TemplateError(f"partials and blocks nested deeper than {MAX_DEPTH} levels")
        out = self.out
        for node in nodes:
            if node.__class__ is str:
                out.append(node)
                self.size += len(node)
            elif node.__class__ is _Var:
                value = self.value(node.target, stack, data)
                if value is _MISSING:
                    raise MissingAttribute(node.path)
                text = value if value.__class__ is str else text_of(value)
                out.append(text)
                self.size += len(text)
            elif node.__class__ is _Partial:
                found = self.partials.get(node.name)
                if found is None:
                    raise TemplateError(f"The partial {node.name} could not be found")
                self.nodes(found, stack, data, depth + 1)
            elif node.helper != "inline":
                self.block(node, stack, data, depth + 1)
        if self.size > MAX_OUTPUT:
            raise TemplateError(f"the rendered text is larger than {MAX_OUTPUT} characters")

    def block(self, block: _Block, stack: list[Any], data: dict[str, Any], depth: int) -> None:
        value = self.value(block.target, stack, data)
        helper = block.helper
        if helper in ("if", "unless"):
            chosen = truthy(value) != (helper == "unless")
            self.nodes(block.body if chosen else block.otherwise, stack, data, depth)
        elif helper == "with":
            if truthy(value):
                stack.append(value)
                try:
                    self.nodes(block.body, stack, data, depth)
                finally:
                    stack.pop()
            else:
                self.nodes(block.otherwise, stack, data, depth)
        else:  # each
            if isinstance(value, list):
                items: Any = enumerate(value)
                count = len(value)
            elif isinstance(value, dict):
                items, count = value.items(), len(value)
            else:
                items, count = (), 0
            if not count:
                self.nodes(block.otherwise, stack, data, depth)
                return
            last, body = count - 1, block.body
            stack.append(None)
            try:
                for index, (key, item) in enumerate(items):
                    stack[-1] = item
                    frame = {"index": index, "key": key, "first": index == 0, "last": index == last}
                    self.nodes(body, stack, frame, depth)
            finally:
                stack.pop()

    def value(self, target: Ref, stack: list[Any], data: dict[str, Any]) -> Any:
        if target.root:
            current: Any = self.root
        elif target.data is not None:
            current = data.get(target.data, _MISSING)
        else:
            current = stack[max(len(stack) - 1 - target.up, 0)]
        for part in target.parts:
            if isinstance(current, dict):
                current = current.get(part, _MISSING)
            elif isinstance(current, list) and part.isdigit() and int(part) < len(current):
                current = current[int(part)]
            else:
                return _MISSING
        return current


def truthy(value: Any) -> bool:
    """Handlebars' ``#if``: false for absent, null, false, "", 0 and empty lists."""
    if value is _MISSING or value is None or value is False:
        return False
    if isinstance(value, (str, list)):
        return len(value) > 0
    if isinstance(value, (int, float)):
        return value != 0
    return True


def text_of(value: Any) -> str:
    """A value as Handlebars prints it (JavaScript's string conversion)."""
    if isinstance(value, str):
        return value
    if value is None or value is _MISSING:
        return ""
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return ",".join(text_of(item) for item in value)
    return "[object Object]"
