"""Pinpoint message templates: versions and an explicitly active version, as the service keeps
them, so that sends naming a template in ``TemplateConfiguration`` render its text. The template
API (CreateSmsTemplate, UpdateTemplateActiveVersion, ListTemplates…) and the ``add_template``
helper are two doors to this one store.

The service's rules: a template's first version is its active version; an update overwrites
the latest version unless it asks for a new one; a new version becomes active only through
UpdateTemplateActiveVersion (``add_template`` asks for that at once: it is a shortcut for
create-or-update-as-new-version and activate). Without ``Version`` a send or a get uses the
active version. Version ids are "1", "2"… and never reused.

Modelled assumptions: the request's own channel message wins over the template field by field;
template ``DefaultSubstitutions`` are the lowest substitution level; once any template is
registered, a request naming an unknown one answers 404 NotFoundException.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Any

#: TemplateConfiguration member -> template type.
KINDS = {
    "SMSTemplate": "SMS",
    "EmailTemplate": "EMAIL",
    "PushTemplate": "PUSH",
    "VoiceTemplate": "VOICE",
}
#: The template types the store keeps.
TYPES = ("EMAIL", "PUSH", "SMS", "VOICE")


def now_iso() -> str:
    """ISO-8601 with milliseconds and a trailing Z, as the service writes dates."""
    stamp = datetime.now(timezone.utc)
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.") + f"{stamp.microsecond // 1000:03d}Z"


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
    request: Mapping[str, Any] = field(default_factory=dict)
    """Every member of the request that made this version, as the API was given it (the
    template API answers them back)."""
    creation_date: str = ""
    """When the template (its first version) was created, ISO-8601."""
    last_modified_date: str = ""
    """When this version was last written, ISO-8601."""


@dataclass
class _Template:
    versions: dict[str, MessageTemplate]
    active: str
    counter: int
    tags: dict[str, str]


class TemplateStore:
    """Templates by type and name, each with its versions and its active version. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.RLock()
        self._templates: dict[tuple[str, str], _Template] = {}

    # -- writing --
    def create(self, template: MessageTemplate, tags: Mapping[str, str] | None = None) -> bool:
        """Make a new template whose version "1" (active) is ``template``; False (nothing done)
        when a template of that type and name exists."""
        with self._lock:
            key = (template.kind, template.name)
            if key in self._templates:
                return False
            stamp = now_iso()
            first = replace(
                template,
                version="1",
                creation_date=template.creation_date or stamp,
                last_modified_date=template.last_modified_date or stamp,
            )
            self._templates[key] = _Template({"1": first}, "1", 1, dict(tags or {}))
            return True

    def write(
        self,
        template: MessageTemplate,
        *,
        new_version: bool = False,
        version: str | None = None,
        activate: bool = False,
    ) -> MessageTemplate | None:
        """Overwrite ``version`` (default: the latest) of an existing template with
        ``template``'s content, or add it as a new version; ``activate`` makes the version
        written the active one. None when the template or the version does not exist."""
        with self._lock:
            found = self._templates.get((template.kind, template.name))
            if found is None:
                return None
            if new_version:
                found.counter += 1
                version = str(found.counter)
            elif version is None:
                version = max(found.versions, key=int)
            elif version not in found.versions:
                return None
            stamp = now_iso()
            old = found.versions.get(version)
            written = replace(
                template,
                version=version,
                creation_date=old.creation_date if old else stamp,
                last_modified_date=stamp,
            )
            found.versions[version] = written
            if activate:
                found.active = version
            return written

    def add(self, template: MessageTemplate) -> MessageTemplate:
        """Create the template, or add ``template`` as its new version, and make it active
        (what the ``add_template`` helper does)."""
        with self._lock:
            if self.create(template):
                return self._templates[(template.kind, template.name)].versions["1"]
            written = self.write(template, new_version=True, activate=True)
            assert written is not None
            return written

    def activate(self, kind: str, name: str, version: str) -> bool:
        """Make ``version`` the active one; False when the template or version is unknown."""
        with self._lock:
            found = self._templates.get((kind, name))
            if found is None or version not in found.versions:
                return False
            found.active = version
            return True

    def delete(self, kind: str, name: str, version: str | None = None) -> str | None:
        """Delete a template (every version) or one version; None when done, else why not:
        ``"missing"`` (no such template or version) or ``"active"`` (the active version of a
        template that has others)."""
        with self._lock:
            found = self._templates.get((kind, name))
            if found is None or (version is not None and version not in found.versions):
                return "missing"
            if version is None or len(found.versions) == 1:
                del self._templates[(kind, name)]
                return None
            if version == found.active:
                return "active"
            del found.versions[version]
            return None

    # -- reading --
    def next_version(self, kind: str, name: str) -> str:
        """The version id the next new version of a template gets ("1" for a new template)."""
        with self._lock:
            found = self._templates.get((kind, name))
            return str(found.counter + 1) if found else "1"

    def get(self, kind: str, name: str, version: str | None = None) -> MessageTemplate | None:
        """A version of a template (its active version when ``version`` is None)."""
        with self._lock:
            found = self._templates.get((kind, name))
            if found is None:
                return None
            return found.versions.get(found.active if version is None else version)

    def versions(self, kind: str, name: str) -> list[MessageTemplate]:
        """Every version of a template, oldest first (empty when unknown)."""
        with self._lock:
            found = self._templates.get((kind, name))
            if found is None:
                return []
            return [found.versions[v] for v in sorted(found.versions, key=int)]

    def active_version(self, kind: str, name: str) -> str | None:
        with self._lock:
            found = self._templates.get((kind, name))
            return found.active if found else None

    def tags(self, kind: str, name: str) -> dict[str, str]:
        with self._lock:
            found = self._templates.get((kind, name))
            return dict(found.tags) if found else {}

    def templates(self) -> list[MessageTemplate]:
        """The active version of every template, by name then type."""
        with self._lock:
            items = sorted(self._templates.items(), key=lambda item: (item[0][1], item[0][0]))
            return [t.versions[t.active] for _, t in items]

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
        return bool(self._templates)

    def clear(self) -> None:
        with self._lock:
            self._templates.clear()
