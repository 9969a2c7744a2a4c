"""The small HTML pieces every preview is made of: escaping, status classes, field lists.

Every function returns HTML text and escapes every value it is given.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from html import escape as html_escape
from typing import Any

#: Longest JSON shown for one request or response body (characters).
MAX_JSON_CHARS = 20_000


def escape(value: object) -> str:
    """``value`` as HTML text (quotes escaped too, so it is safe in attributes); None is empty."""
    if value is None:
        return ""
    return html_escape(value if isinstance(value, str) else str(value), quote=True)


def status_class(status: object) -> str:
    """The CSS class of a delivery status: ``status-successful``, ``status-opt-out``…"""
    slug = re.sub(r"[^a-z0-9]+", "-", str(status or "none").lower()).strip("-")
    return f"status-{slug or 'none'}"


def text(value: object, placeholder: str = "(no content)") -> str:
    """``value`` escaped, or ``placeholder`` marked as missing when there is no value."""
    if value is None or value == "":
        return f'<span class="none">{escape(placeholder)}</span>'
    return escape(value)


def span(cls: str, value: object, label: str) -> str:
    """``value`` in a span of class ``cls`` titled ``label``; nothing for None."""
    if value is None:
        return ""
    return f'<span class="{cls}" title="{label}">{escape(value)}</span>'


def meta(label: str, value: object) -> str:
    """A labelled value of a meta line; nothing for None or empty."""
    if value is None or value == "":
        return ""
    return f"<span><i>{escape(label)}</i> {escape(value)}</span>"


def count(n: int, one: str, many: str | None = None) -> str:
    """``1 call``, ``2 calls``, ``2 deliveries``."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


def json_text(value: Any) -> str:
    """``value`` as compact JSON (anything unknown as its ``str``)."""
    return json.dumps(value, ensure_ascii=False, sort_keys=False, default=str)


def shorten(text: str, limit: int = MAX_JSON_CHARS) -> str:
    """``text`` cut at ``limit`` characters, saying how many more there were."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}\n… ({len(text) - limit} more characters)"


def joined(value: object) -> str:
    """A list as ``a, b``; anything else as its ``str``."""
    if isinstance(value, list):
        return ", ".join(str(x) for x in value)
    return str(value)


def raw(message: Mapping[str, Any], label: str = "raw content") -> str:
    """A delivery's raw content, open under ``label``; nothing when it has none."""
    content = message.get("rawContent")
    if not content:
        return ""
    return (
        f'<details class="raw" open><summary>{escape(label)}</summary>'
        f"<pre>{escape(shorten(str(content)))}</pre></details>"
    )


def fields(values: Mapping[str, Any]) -> str:
    """The fields that have a value, as a definition list (non-strings as JSON)."""
    shown = {k: v for k, v in values.items() if v not in (None, "", [], {})}
    if not shown:
        return ""
    rows = "".join(
        f"<dt>{escape(k)}</dt><dd>{escape(v if isinstance(v, str) else json_text(v))}</dd>"
        for k, v in shown.items()
    )
    return f'<dl class="fields">{rows}</dl>'


def substitutions(message: Mapping[str, Any]) -> str:
    """A delivery's substitutions, folded; nothing when it has none."""
    subs = message.get("substitutions") or {}
    if not subs:
        return ""
    rows = "".join(f"<dt>{escape(k)}</dt><dd>{escape(joined(v))}</dd>" for k, v in subs.items())
    return (
        '<details class="subs"><summary>substitutions</summary>'
        f'<dl class="fields">{rows}</dl></details>'
    )
