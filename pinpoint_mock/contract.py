"""The SendUsersMessages contract: validate a request and explain every problem found.

``validate`` accepts the wire body (what goes over HTTP) or the SDK/CLI input shape
(``{"ApplicationId": ..., "SendUsersMessageRequest": ...}``), as a mapping or as JSON text, and
returns a :class:`Report` with *all* violations: errors (the service would answer 400) and
warnings (the service probably accepts it, but it is very likely a bug).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Literal

from . import sms
from ._validator import Compiler, Issue, PathT, short
from .errors import ContractError

Severity = Literal["error", "warning"]

#: Operation name -> (file stem, payload member of the SDK input shape).
OPERATIONS: dict[str, tuple[str, str | None]] = {
    "SendUsersMessages": ("send-users-messages", "SendUsersMessageRequest"),
    "SendMessages": ("send-messages", "MessageRequest"),
    "UpdateEndpoint": ("update-endpoint", "EndpointRequest"),
    "UpdateEndpointsBatch": ("update-endpoints-batch", "EndpointBatchRequest"),
}

_IDENT = re.compile(r"^[A-Za-z_][A-Za-z0-9_\-]*$")


def format_path(path: PathT) -> str:
    """Render a path: ``("Users", "u1", "Context")`` -> ``Users.u1.Context``.

    Map keys that are not plain names are quoted (``Users["a.b"]``); list indexes use ``[0]``.
    """
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _IDENT.match(part):
            out += f".{part}" if out else part
        else:
            out += f"[{json.dumps(part, ensure_ascii=False)}]"
    return out


@dataclass(frozen=True)
class Violation:
    """One problem in a request."""

    path: str
    """JSON path of the offending member, e.g. ``MessageConfiguration.SMSMessage.MessageType``."""
    rule: str
    """The rule broken: a JSON Schema keyword (``enum``, ``type``…) or a check's name."""
    value: str
    """The offending value, shortened for display."""
    detail: str
    """What is wrong, without the path."""
    severity: Severity = "error"

    @property
    def message(self) -> str:
        """The whole sentence: ``path: detail``."""
        return f"{self.path}: {self.detail}" if self.path else self.detail

    def __str__(self) -> str:
        return self.message

    def to_dict(self) -> dict[str, str]:
        return {
            "severity": self.severity,
            "path": self.path,
            "rule": self.rule,
            "value": self.value,
            "message": self.message,
        }


@dataclass(frozen=True)
class Report:
    """The verdict on one request: every error and warning found."""

    errors: tuple[Violation, ...] = ()
    warnings: tuple[Violation, ...] = ()

    @property
    def ok(self) -> bool:
        """True when the service would accept the request (warnings allowed)."""
        return not self.errors

    @property
    def violations(self) -> tuple[Violation, ...]:
        return self.errors + self.warnings

    def __iter__(self) -> Iterator[Violation]:
        return iter(self.violations)

    def __len__(self) -> int:
        return len(self.errors) + len(self.warnings)

    def raise_for_errors(self) -> None:
        """Raise :class:`ContractError` listing every error, if there is any."""
        if self.errors:
            raise ContractError(
                "invalid request:\n" + "\n".join(f"  {v.message}" for v in self.errors)
            )


# -- schema loading ---------------------------------------------------------------------------


@cache
def schema(name: str) -> dict[str, Any]:
    """A contract document from the package data, by file name (``error.json``…)."""
    from importlib.resources import files

    text = files("pinpoint_mock.contracts").joinpath(name).read_text(encoding="utf-8")
    document: dict[str, Any] = json.loads(text)
    return document


@cache
def _compiled(name: str) -> Compiler:
    return Compiler(schema(name))


def _issues_to_violations(
    issues: list[Issue], severity: Severity = "error"
) -> tuple[Violation, ...]:
    return tuple(
        Violation(format_path(i.path), i.rule, short(i.value), i.detail, severity) for i in issues
    )


# -- the public function ----------------------------------------------------------------------


#: The C scanner json.loads ends up in (attribute missing from typeshed's stub).
_scan: Callable[[str, int], tuple[Any, int]] = json.JSONDecoder().scan_once  # type: ignore[attr-defined]


def parse_json(text: str | bytes) -> Any:
    """Parse JSON text, raising :class:`ContractError` naming line and column on failure."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ContractError(
                f"body is not UTF-8: invalid byte 0x{text[exc.start]:02x} at offset {exc.start}"
            ) from None
    try:
        document, end = _scan(text, 0)  # the C scanner: most bodies are one clean object
    except (StopIteration, ValueError, RecursionError):
        pass  # json.loads names the problem (or accepts leading whitespace)
    else:
        if end == len(text):
            return document
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ContractError(
            f"body is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    except RecursionError:
        raise ContractError("body is not valid JSON: nested too deeply") from None


def is_input_shape(request: Any, operation: str = "SendUsersMessages") -> bool:
    """True when ``request`` is the SDK/CLI input shape rather than the bare wire body."""
    payload = OPERATIONS[operation][1]
    return isinstance(request, Mapping) and payload in request


def validate(
    request: Mapping[str, Any] | str | bytes,
    operation: str = "SendUsersMessages",
    *,
    warnings: bool = True,
) -> Report:
    """Check a request against the contract of ``operation`` and return every violation.

    ``request`` is the wire body, or the SDK/CLI input shape ``{"ApplicationId": ...,
    "SendUsersMessageRequest": ...}`` (then paths start with ``SendUsersMessageRequest.``), as a
    mapping or JSON text.
    """
    if operation not in OPERATIONS:
        known = ", ".join(OPERATIONS)
        raise ValueError(f"operation {operation!r} has no request contract; known: {known}")
    document: Any = request
    if isinstance(request, (str, bytes)):
        try:
            document = parse_json(request)
        except ContractError as exc:
            return Report(errors=(Violation("", "json", "", str(exc)),))
    stem, payload_member = OPERATIONS[operation]
    prefix: PathT = ()
    body: Any = document
    if payload_member is not None and is_input_shape(document, operation):
        compiled = _compiled(f"{stem}.input.json")
        body = document[payload_member]
        prefix = (payload_member,)
    else:
        compiled = _compiled(f"{stem}.request.json")
    errors = _errors(compiled, document)
    found_warnings: tuple[Violation, ...] = ()
    if warnings and operation in ("SendUsersMessages", "SendMessages") and isinstance(body, dict):
        found_warnings = _issues_to_violations(_lint(body, prefix, operation), "warning")
    return Report(errors, found_warnings)


def check_body(body: dict[str, Any], operation: str) -> tuple[list[str], tuple[str, ...]]:
    """:func:`validate` for a parsed wire body, as the engine needs it: the error sentences
    (empty when the service would accept it) and the warning sentences. A wire body is never
    taken for the SDK input shape, whatever its members."""
    errors = [v.message for v in _errors(_request_contract(operation), body)]
    if operation not in ("SendUsersMessages", "SendMessages"):
        return errors, ()
    issues = _lint(body, (), operation)
    if not issues:
        return errors, ()
    return errors, tuple(v.message for v in _issues_to_violations(issues, "warning"))


def _errors(compiled: Compiler, document: Any) -> tuple[Violation, ...]:
    """Every violation of ``document`` (the fast check first: most documents are valid)."""
    if compiled.root_ok(document):
        return ()
    found: list[Issue] = []
    compiled.root_collect(document, (), found)
    return _issues_to_violations(found)


@cache
def _request_contract(operation: str) -> Compiler:
    return _compiled(f"{OPERATIONS[operation][0]}.request.json")


# -- warnings: likely bugs the service would accept ------------------------------------------

PUSH_MESSAGES = ("APNSMessage", "GCMMessage", "BaiduMessage", "ADMMessage")
ALL_MESSAGES = (
    "DefaultMessage",
    "DefaultPushNotificationMessage",
    *PUSH_MESSAGES,
    "EmailMessage",
    "SMSMessage",
    "VoiceMessage",
)
#: Variables the endpoint itself can fill at send time (so the contract cannot judge them).
ENDPOINT_VARIABLES = frozenset(
    {
        "Address",
        "Id",
        "ChannelType",
        "EndpointStatus",
        "OptOut",
        "EffectiveDate",
        "CreationDate",
        "CohortId",
        "RequestId",
        "ApplicationId",
    }
)
ENDPOINT_PREFIXES = ("Attributes.", "User.", "Demographic.", "Location.", "Metrics.")
VARIABLE = re.compile(r"\{\{\{?\s*([^{}]*?)\s*\}?\}\}")


def variables(text: str) -> list[str]:
    """The plain variable names used in a template text (helpers and blocks are skipped)."""
    names = []
    for token in VARIABLE.findall(text):
        if not token or token[0] in "#/!>^" or token == "else" or " " in token:
            continue
        names.append(token)
    return names


def endpoint_fillable(name: str) -> bool:
    return name in ENDPOINT_VARIABLES or name.startswith(ENDPOINT_PREFIXES)


_MESSAGE_KEYS = frozenset(ALL_MESSAGES)
_PUSH_KEYS = frozenset(("DefaultPushNotificationMessage", *PUSH_MESSAGES))


@lru_cache(maxsize=1024)
def _free_variables(text: str) -> tuple[str, ...]:
    """The distinct plain variables of ``text`` that no endpoint can fill, in order."""
    return tuple(name for name in dict.fromkeys(variables(text)) if not endpoint_fillable(name))


@lru_cache(maxsize=1024)
def _free_names(texts: tuple[str, ...]) -> tuple[str, ...]:
    """The distinct :func:`_free_variables` of ``texts``, in order."""
    return tuple(dict.fromkeys(name for text in texts for name in _free_variables(text)))


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


def _lint(body: Mapping[str, Any], prefix: PathT, operation: str) -> list[Issue]:
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
        for name in _free_names(tuple(found)):
            if name not in message_keys:
                missing = [who for who, subs in recipients if name not in subs]
                if missing or not recipients:
                    lacking[name] = missing
    if lacking:
        for key, sub_path, text in texts:
            for name in _free_variables(text):
                lacks = lacking.get(name)
                if lacks is not None:
                    out.append(_unresolved((*base, key, *sub_path), name, lacks))
    for path, cfg in overrides:
        for field in ("BodyOverride", "TitleOverride"):
            override = cfg.get(field)
            if isinstance(override, str):
                if "{{" in override:
                    for name in _free_variables(override):
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
