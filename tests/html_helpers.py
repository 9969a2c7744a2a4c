"""Read HTML in tests with the standard library: every start tag with its attributes, and text."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Tag:
    name: str
    attrs: dict[str, str | None]

    @property
    def classes(self) -> list[str]:
        return (self.attrs.get("class") or "").split()


@dataclass
class Parsed:
    tags: list[Tag] = field(default_factory=list)
    text: str = ""

    def find(self, name: str | None = None, cls: str | None = None, **attrs: str) -> list[Tag]:
        """Tags with this name, CSS class and attribute values (``data_status=`` for
        ``data-status``)."""
        wanted = {k.replace("_", "-"): v for k, v in attrs.items()}
        return [
            t
            for t in self.tags
            if (name is None or t.name == name)
            and (cls is None or cls in t.classes)
            and all(t.attrs.get(k) == v for k, v in wanted.items())
        ]


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.result = Parsed()
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.result.tags.append(Tag(tag, dict(attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_data(self, data: str) -> None:
        self._text.append(data)


def parse(html: str) -> Parsed:
    parser = _Parser()
    parser.feed(html)
    parser.close()
    parser.result.text = " ".join(" ".join(parser._text).split())
    return parser.result
