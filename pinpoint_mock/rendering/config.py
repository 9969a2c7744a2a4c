"""Reading a request's ``MessageConfiguration``: its levels, fields, substitutions and template.

Helpers that take what a level of the request gives (empty strings and non-mappings count as
absent), and the fields each channel reports.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from ..models import CHANNEL_TEMPLATE

EMPTY: Mapping[str, Any] = MappingProxyType({})

PUSH_FIELDS = frozenset({
    "Action", "Url", "Data", "SilentPush", "Badge", "Sound", "ImageUrl", "ImageIconUrl",
    "SmallImageIconUrl", "IconReference", "MediaUrl", "Category", "ThreadId", "TimeToLive",
    "Priority", "CollapseId", "CollapseKey", "APNSPushType", "ConsolidationKey", "ExpiresAfter",
    "MD5", "RestrictedPackageName", "PreferredAuthenticationMethod",
})  # fmt: skip
VARIABLE_PUSH_FIELDS = frozenset(
    {"Url", "ImageUrl", "ImageIconUrl", "SmallImageIconUrl", "MediaUrl"}
)
"""Push fields whose ``{{variables}}`` are filled like the title's and body's (a modelled
assumption: the links and images a notification opens or shows); the others are sent as given."""
OTHER_FIELDS = {
    "SMS": frozenset({"MessageType", "OriginationNumber", "SenderId", "Keyword", "EntityId",
                      "TemplateId", "MediaUrl"}),
    "VOICE": frozenset({"LanguageCode", "VoiceId", "OriginationNumber"}),
    "EMAIL": frozenset({"FromAddress", "ReplyToAddresses", "FeedbackForwardingAddress"}),
}  # fmt: skip


def as_mapping(value: Any) -> Mapping[str, Any]:
    if value.__class__ is dict:  # what JSON gives: no abstract-class check needed
        return value
    if value is None:
        return EMPTY
    return value if isinstance(value, Mapping) else EMPTY


def first_text(*values: Any) -> str | None:
    """The first non-empty string among ``values``."""
    for value in values:
        if value and isinstance(value, str):
            return value
    return None


def simple_part(simple: Mapping[str, Any], name: str) -> Any:
    return as_mapping(simple.get(name)).get("Data")


def pick(names: frozenset[str], *sources: Mapping[str, Any]) -> dict[str, Any]:
    """Fields named in ``names`` from ``sources``, later sources winning field by field."""
    return {k: v for source in sources for k, v in source.items() if v is not None and k in names}


def merge_substitutions(*sources: Mapping[str, Any]) -> dict[str, list[str]]:
    merged: dict[str, list[str]] = {}
    for source in sources:
        substitutions = source.get("Substitutions")
        if substitutions:
            merged.update(substitutions)
    return merged


def template_ref(channel: str, template: Mapping[str, Any] | None) -> str | None:
    entry = as_mapping(template.get(CHANNEL_TEMPLATE[channel])) if template else EMPTY
    name, version = first_text(entry.get("Name")), first_text(entry.get("Version"))
    if name is None:
        return None
    return f"{name}:{version}" if version else name
