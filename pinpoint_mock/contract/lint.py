"""Warnings: requests the service would accept that are very likely bugs (no recipients, an
empty message, a ``{{variable}}`` nothing fills, a URL action without a URL, an SMS too long)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .. import sms
from .values import Issue, PathT
from .variables import free_names, free_variables

PUSH_MESSAGES = ("APNSMessage", "GCMMessage", "BaiduMessage", "ADMMessage")
ALL_MESSAGES = (
    "DefaultMessage",
    "DefaultPushNotificationMessage",
    *PUSH_MESSAGES,
    "EmailMessage",
    "SMSMessage",
    "VoiceMessage",
)
_MESSAGE_KEYS = frozenset(ALL_MESSAGES)
_PUSH_KEYS = frozenset(("DefaultPushNotificationMessage", *PUSH_MESSAGES))


def _has_sub(container: Any, name: str) -> bool:
    if container.__class__ is not dict:
        return False
    subs = container.get("Substitutions")
    return subs.__class__ is dict and name in subs


_EMAIL_PARTS: tuple[tuple[str, ...], ...] = (
    ("SimpleEmail", "Subject", "Data"),
    ("SimpleEmail", "TextPart", "Data"),
    ("SimpleEmail", "HtmlPart", "Data"),
)


def lint(body: Mapping[str, Any], prefix: PathT, operation: str) -> list[Issue]:
    """The likely bugs in a SendUsersMessages or SendMessages wire ``body`` (paths start with
    ``prefix``). Only what could trip a check is looked at: most bodies cost one pass."""
    out: list[Issue] = []
    config = body.get("MessageConfiguration")
    config = config if isinstance(config, dict) else None
    # recipient key -> (group name, per-recipient configuration)
    groups: list[tuple[str, dict[str, Any]]] = []
    if operation == "SendUsersMessages":
        users = body.get("Users")
        if isinstance(users, dict):
            if not users:
                out.append(Issue((*prefix, "Users"), "empty-users", users, _EMPTY_USERS))
            groups.append(("Users", users))
    else:
        for key in ("Addresses", "Endpoints"):
            group = body.get(key)
            if isinstance(group, dict):
                groups.append((key, group))
        if not any(group for _, group in groups):
            out.append(Issue(prefix, "no-recipients", None, _NO_RECIPIENTS))
    if config is None:
        return out
    if not config and "TemplateConfiguration" not in body:
        out.append(
            Issue((*prefix, "MessageConfiguration"), "empty-message", config, _EMPTY_MESSAGE)
        )
    # One pass over the channel messages: their texts with {{, their Substitutions keys.
    messages: dict[str, dict[str, Any]] = {}
    message_keys: set[str] = set()
    texts: list[tuple[str, tuple[str, ...], str]] = []
    # Whether the checks for URL actions and long SMS bodies have anything to look at.
    url_action = long_body = False
    for key, message in config.items():
        if message.__class__ is not dict or key not in _MESSAGE_KEYS:
            continue
        messages[key] = message
        subs = message.get("Substitutions")
        if subs.__class__ is dict:
            message_keys.update(subs)
        text = message.get("Body")
        if text.__class__ is str:
            if "{{" in text:
                texts.append((key, ("Body",), text))
            if len(text) > sms.MAX_UCS2_CHARS:
                long_body = True
        if message.get("Action") == "URL":
            url_action = True
        text = message.get("Title")
        if text.__class__ is str and "{{" in text:
            texts.append((key, ("Title",), text))
        simple = message.get("SimpleEmail")
        if simple.__class__ is dict:
            for sub_path in _EMAIL_PARTS:
                data = simple.get(sub_path[1])
                text = data.get("Data") if data.__class__ is dict else None
                if text.__class__ is str and "{{" in text:
                    texts.append((key, sub_path, text))
    base = (*prefix, "MessageConfiguration")
    # The recipients' configurations, once: those with their own texts, and each one's
    # Substitutions (for the variables the messages leave open).
    overrides: list[tuple[PathT, dict[str, Any]]] = []
    recipients: list[tuple[str, Any]] = []
    for name, group in groups:
        for key, cfg in group.items():
            subs = _NO_SUBS
            if cfg.__class__ is dict:
                if "BodyOverride" in cfg or "TitleOverride" in cfg:
                    overrides.append(((*prefix, name, key), cfg))
                subs = cfg.get("Substitutions")
                if subs.__class__ is not dict:
                    subs = _NO_SUBS
            recipients.append((key, subs))

    # {{variables}} no substitution can fill: the recipients are scanned once per name, and
    # the texts again only when a name lacks a value somewhere.
    lacking: dict[str, list[str]] = {}
    if texts:
        found = []  # a loop: before Python 3.12 a comprehension is a function call
        for _, _, text in texts:
            found.append(text)
        for name in free_names(tuple(found)):
            if name not in message_keys:
                missing = [who for who, subs in recipients if name not in subs]
                if missing or not recipients:
                    lacking[name] = missing
    if lacking:
        for key, sub_path, text in texts:
            for name in free_variables(text):
                lacks = lacking.get(name)
                if lacks is not None:
                    out.append(_unresolved((*base, key, *sub_path), name, lacks))
    for path, cfg in overrides:
        for field in ("BodyOverride", "TitleOverride"):
            override = cfg.get(field)
            if isinstance(override, str):
                if "{{" in override:
                    for name in free_variables(override):
                        if name not in message_keys and not _has_sub(cfg, name):
                            out.append(_unresolved((*path, field), name, [str(path[-1])]))
                if len(override) > sms.MAX_UCS2_CHARS:
                    long_body = True

    # Action URL without a Url
    if url_action and not _PUSH_KEYS.isdisjoint(messages):
        default_push = messages.get("DefaultPushNotificationMessage", {})
        for key in ("DefaultPushNotificationMessage", *PUSH_MESSAGES):
            push = messages.get(key)
            if push is None or push.get("Action") != "URL":
                continue
            if not push.get("Url") and not default_push.get("Url"):
                out.append(Issue((*base, key, "Action"), "url-action-without-url", "URL", _NO_URL))

    # SMS bodies over the service's length limit
    sms_message = messages.get("SMSMessage")
    if sms_message is not None and long_body:
        candidates: list[tuple[PathT, Any]] = []
        if "Body" in sms_message:
            candidates.append(((*base, "SMSMessage", "Body"), sms_message["Body"]))
        elif "DefaultMessage" in messages:
            candidates.append(
                ((*base, "DefaultMessage", "Body"), messages["DefaultMessage"].get("Body"))
            )
        candidates += [
            ((*path, "BodyOverride"), cfg.get("BodyOverride")) for path, cfg in overrides
        ]
        for path, text in candidates:
            if isinstance(text, str) and len(text) > sms.MAX_UCS2_CHARS:
                info = sms.analyse(text)
                if info.too_long:
                    out.append(
                        Issue(
                            path,
                            "sms-too-long",
                            text,
                            f"SMS body has {info.characters} {info.encoding} characters; the "
                            f'service refuses more than {info.limit} ("Invalid Message")',
                        )
                    )
    return out


_NO_SUBS: dict[str, Any] = {}


def _unresolved(path: PathT, name: str, missing: list[str]) -> Issue:
    who = f" or for {_list_some(missing)}" if missing else ""
    return Issue(
        path,
        "unresolved-variable",
        "{{" + name + "}}",
        f"{{{{{name}}}}} has no value: no Substitutions entry {name!r} in the message"
        f"{who}, and it is not an endpoint or user attribute (it renders empty)",
    )


def _list_some(items: list[str], limit: int = 3) -> str:
    shown = ", ".join(repr(i) for i in items[:limit])
    more = len(items) - limit
    noun = "user" if len(items) == 1 else "users"
    return f"{noun} {shown}" + (f" and {more} more" if more > 0 else "")


_EMPTY_USERS = "is empty: the request sends nothing (the service would answer with an empty Result)"
_NO_RECIPIENTS = "has no Addresses and no Endpoints: the request sends nothing"
_EMPTY_MESSAGE = (
    "is empty and there is no TemplateConfiguration: every endpoint would get PERMANENT_FAILURE"
)
_NO_URL = "is URL but no Url is given (here or in DefaultPushNotificationMessage)"
