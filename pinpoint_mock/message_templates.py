"""Message templates a test registers, so that sends naming them in ``TemplateConfiguration``
render their text (the service's CreateSmsTemplate, CreateEmailTemplate… are set-up here).

Modelled assumptions: the newest version of a template is its active version (used when the
request gives no ``Version``); the request's own channel message wins over the template field by
field; template ``DefaultSubstitutions`` are the lowest substitution level. Once any template is
registered, a request naming an unknown one answers 404 NotFoundException.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

#: TemplateConfiguration member -> template type.
KINDS = {
    "SMSTemplate": "SMS",
    "EmailTemplate": "EMAIL",
    "PushTemplate": "PUSH",
    "VoiceTemplate": "VOICE",
}


@dataclass(frozen=True)
class MessageTemplate:
    kind: str
    """SMS, EMAIL, PUSH or VOICE."""
    name: str
    version: str
    title: str | None = None
    """The push title or the email subject."""
    body: str | None = None
    """The SMS, voice or push body, or the email's text part."""
    html: str | None = None
    """The email's HTML part."""
    default_substitutions: Mapping[str, str] = field(default_factory=dict)


class TemplateStore:
    """Registered templates by type, name and version. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._versions: dict[tuple[str, str], list[MessageTemplate]] = {}

    def add(self, template: MessageTemplate) -> MessageTemplate:
        with self._lock:
            self._versions.setdefault((template.kind, template.name), []).append(template)
        return template

    def next_version(self, kind: str, name: str) -> str:
        with self._lock:
            return str(len(self._versions.get((kind, name), [])) + 1)

    def get(self, kind: str, name: str, version: str | None = None) -> MessageTemplate | None:
        with self._lock:
            versions = self._versions.get((kind, name))
        if not versions:
            return None
        if version is None:
            return versions[-1]
        return next((t for t in versions if t.version == version), None)

    def lookup(
        self, member: str, configuration: Mapping[str, Any] | None
    ) -> MessageTemplate | None:
        """The template a ``TemplateConfiguration`` names for one member (``SMSTemplate``…)."""
        entry = (configuration or {}).get(member) or {}
        name = entry.get("Name")
        if not name or member not in KINDS:
            return None
        return self.get(KINDS[member], name, entry.get("Version"))

    def missing(self, configuration: Mapping[str, Any] | None) -> list[str]:
        """Templates a ``TemplateConfiguration`` names that are not registered."""
        out = []
        for member, kind in KINDS.items():
            entry = (configuration or {}).get(member) or {}
            if entry.get("Name") and self.lookup(member, configuration) is None:
                version = f" version {entry['Version']}" if entry.get("Version") else ""
                out.append(f"{kind} template {entry['Name']!r}{version}")
        return out

    def __bool__(self) -> bool:
        return bool(self._versions)

    def clear(self) -> None:
        with self._lock:
            self._versions.clear()
