"""Hypothesis strategies for the rest of the Pinpoint surface (``pip install
'pinpoint-mock[hypothesis]'``): valid wire bodies of CreateApp, the Update*Channel operations,
PhoneNumberValidate, SendOTPMessage, VerifyOTPMessage and the template API (which the contract and
the service's own checks accept), and bodies broken by exactly one mutation that announce the path
(as :func:`pinpoint_mock.contract.format_path` writes it) and the contract rule the validator
reports there, as :mod:`.invalid` does for SendUsersMessages.

    @given(surface.bodies("SendOTPMessage"))
    def test_every_valid_otp_request_is_sent(body): ...

    @given(surface.invalid_bodies())
    def test_every_violation_is_named(case):
        report = validate(case.body, case.operation)
        assert (case.path, case.rule) in {(e.path, e.rule) for e in report.errors}

The mutations walk each operation's contract (``shape``), so they follow the service model.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from hypothesis import strategies as st

from ..contract import PathT, format_path
from ..contract.schemas import SERVICES
from ..factories.pinpoint_surface import CHANNEL_OPERATIONS, SURFACE_OPERATIONS, TEMPLATE_OPERATIONS
from ..services.pinpoint.apps import MAX_NAME
from ..services.pinpoint.otp import MAX_BRAND, RANGES
from .invalid import Plan, mutate, plans_for
from .shapes import shape
from .sms_voice_v2 import DESTINATIONS

#: The contract rules an invalid body can break, one per body.
RULES = ("type", "required", "additionalProperties", "enum", "minimum", "maximum")

_WORD = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9 _.-]{0,19}", fullmatch=True).filter(
    lambda t: t.strip() == t
)
_LETTERS = st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"))
_TEXT = st.text(_LETTERS, max_size=60)
_TAGS = st.dictionaries(st.from_regex(r"[a-z][a-z0-9-]{0,9}", fullmatch=True), _WORD, max_size=3)
_SECRET = st.from_regex(r"[A-Za-z0-9+/]{8,40}", fullmatch=True)
_SUBSTITUTIONS = st.dictionaries(
    st.sampled_from(("User.UserAttributes.FirstName", "Attributes.Order", "Name")),
    _WORD,
    max_size=3,
).map(json.dumps)


def _channel(platform: str) -> st.SearchStrategy[dict[str, Any]]:
    required: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {"Enabled": st.booleans()}
    if platform == "SMS":
        optional |= {"SenderId": _WORD, "ShortCode": st.from_regex(r"\d{5,6}", fullmatch=True)}
    elif platform == "EMAIL":
        domain = st.sampled_from(("example.com", "shop.example", "mail.example.org"))
        required = {
            "FromAddress": domain.map(lambda d: f"no-reply@{d}"),
            "Identity": domain.map(lambda d: f"arn:aws:ses:us-east-1:123456789012:identity/{d}"),
        }
        optional |= {"ConfigurationSet": _WORD}
    elif platform.startswith("APNS"):
        optional |= {
            "BundleId": st.just("com.example.app"),
            "TeamId": st.from_regex(r"[A-Z0-9]{10}", fullmatch=True),
            "TokenKey": _SECRET,
            "TokenKeyId": st.from_regex(r"[A-Z0-9]{10}", fullmatch=True),
            "Certificate": _SECRET,
            "PrivateKey": _SECRET,
            "DefaultAuthenticationMethod": st.sampled_from(("TOKEN", "CERTIFICATE")),
        }
    elif platform == "GCM":
        optional |= {
            "ApiKey": _SECRET,
            "ServiceJson": st.just('{"type": "service_account"}'),
            "DefaultAuthenticationMethod": st.sampled_from(("KEY", "TOKEN")),
        }
    elif platform == "BAIDU":
        required = {"ApiKey": _SECRET, "SecretKey": _SECRET}
    elif platform == "ADM":
        required = {"ClientId": _SECRET, "ClientSecret": _SECRET}
    return st.fixed_dictionaries(required, optional=optional)


def _push_part(android: bool) -> st.SearchStrategy[dict[str, Any]]:
    optional: dict[str, st.SearchStrategy[Any]] = {
        "Title": _TEXT,
        "Body": _TEXT,
        "Action": st.sampled_from(("OPEN_APP", "DEEP_LINK", "URL")),
        "Url": st.just("https://example.com/o/1"),
        "Sound": st.just("default"),
    }
    if android:
        optional["ImageUrl"] = st.just("https://example.com/i.png")
    return st.fixed_dictionaries({}, optional=optional)


def _template(kind: str) -> st.SearchStrategy[dict[str, Any]]:
    optional: dict[str, st.SearchStrategy[Any]] = {
        "DefaultSubstitutions": _SUBSTITUTIONS,
        "TemplateDescription": _TEXT,
        "tags": _TAGS,
    }
    if kind in ("SMS", "VOICE"):
        optional["Body"] = _TEXT
    if kind == "VOICE":
        optional |= {
            "LanguageCode": st.sampled_from(("en-US", "de-DE")),
            "VoiceId": st.sampled_from(("Joanna", "Hans")),
        }
    elif kind == "EMAIL":
        header = st.fixed_dictionaries({"Name": st.just("X-Campaign"), "Value": _WORD})
        optional |= {
            "Subject": _TEXT,
            "TextPart": _TEXT,
            "HtmlPart": _TEXT.map(lambda t: f"<p>{t}</p>"),
            "Headers": st.lists(header, max_size=2),
        }
    elif kind == "PUSH":
        optional |= {
            "Default": _push_part(False),
            "APNS": _push_part(False),
            "GCM": _push_part(True),
        }
    return st.fixed_dictionaries({}, optional=optional)


def _otp() -> st.SearchStrategy[dict[str, Any]]:
    required = {
        "BrandName": st.text(_LETTERS, min_size=1, max_size=MAX_BRAND),
        "Channel": st.just("SMS"),
        "DestinationIdentity": st.sampled_from(DESTINATIONS),
        "OriginationIdentity": st.sampled_from(DESTINATIONS),
        "ReferenceId": _WORD,
    }
    optional: dict[str, st.SearchStrategy[Any]] = {
        name: st.integers(low, high) for name, (low, high) in RANGES.items()
    }
    optional["Language"] = st.sampled_from(("en-US", "fr-FR"))
    return st.fixed_dictionaries(required, optional=optional)


def _valid(operation: str) -> st.SearchStrategy[dict[str, Any]]:
    for platform, name in CHANNEL_OPERATIONS.items():
        if name == operation:
            return _channel(platform)
    for (kind, _), name in TEMPLATE_OPERATIONS.items():
        if name == operation:
            return _template(kind)
    if operation == "CreateApp":
        names = st.text(_LETTERS, min_size=1, max_size=MAX_NAME).filter(lambda t: t.strip() != "")
        return st.fixed_dictionaries({"Name": names}, optional={"tags": _TAGS})
    if operation == "PhoneNumberValidate":
        return st.fixed_dictionaries(
            {"PhoneNumber": st.sampled_from(DESTINATIONS)},
            optional={"IsoCountryCode": st.sampled_from(("US", "GB", "DE"))},
        )
    if operation == "SendOTPMessage":
        return _otp()
    if operation == "VerifyOTPMessage":
        return st.fixed_dictionaries(
            {
                "ReferenceId": _WORD,
                "DestinationIdentity": st.sampled_from(DESTINATIONS),
                "Otp": st.from_regex(r"\d{5,8}", fullmatch=True),
            }
        )
    if operation == "UpdateTemplateActiveVersion":
        return st.fixed_dictionaries({"Version": st.integers(1, 5).map(str)})
    raise ValueError(f"operation {operation!r} is not one of {', '.join(SURFACE_OPERATIONS)}")


def bodies(operation: str) -> st.SearchStrategy[dict[str, Any]]:
    """Valid wire bodies of ``operation`` (one of
    :data:`~pinpoint_mock.factories.pinpoint_surface.SURFACE_OPERATIONS`)."""
    return _valid(operation)


def operations(only: Iterable[str] | None = None) -> st.SearchStrategy[tuple[str, dict[str, Any]]]:
    """``(operation, body)`` pairs over the surface (or the operations of ``only``)."""
    chosen = list(SURFACE_OPERATIONS if only is None else only)
    return st.one_of([st.tuples(st.just(op), _valid(op)) for op in chosen])


@dataclass(frozen=True)
class InvalidSurfaceBody:
    """A body broken by one mutation, and the violation the contract must report."""

    operation: str
    body: dict[str, Any]
    path: str
    """Where the violation is, as ``Violation.path`` writes it."""
    rule: str
    """The rule broken, as ``Violation.rule`` names it."""
    parts: PathT = field(repr=False)
    mutation: str = ""

    def __str__(self) -> str:
        return f"{self.operation} {self.path or '<root>'} [{self.rule}]: {self.mutation}"


def _document(operation: str) -> str:
    stem, _ = SERVICES["pinpoint"][1][operation]
    return f"{stem}.request.json"


def _plans(operation: str, rules: set[str]) -> list[Plan]:
    """Every place of ``rules`` the contract of ``operation`` has."""
    found = plans_for(_document(operation))
    return [plan for rule in RULES if rule in rules for plan in found.get(rule, ())]


def _mutate(
    operation: str, doc: dict[str, Any], plan: Plan, draw: st.DrawFn
) -> tuple[list[str | int], str]:
    """Break ``doc`` by ``plan`` (the SDK input's member names are never added as unknown ones;
    an entry made in an empty map is called ``team``); returns the violation's path and a
    description."""
    _, payload = SERVICES["pinpoint"][1][operation]
    reserved = frozenset({"ApplicationId"} | ({payload} if payload else set()))
    return mutate(
        shape(_document(operation)), doc, plan, draw,
        reserved=reserved, new_key=lambda path: st.just("team"),
    )  # fmt: skip


def invalid_bodies(
    operation: str | None = None, *, rules: Iterable[str] | None = None
) -> st.SearchStrategy[InvalidSurfaceBody]:
    """Valid bodies of ``operation`` (any of the surface when None) broken by one deliberate
    mutation of one of ``rules`` (default: every rule its contract has a place for, equally
    often). A wrong type where an enum belongs is reported as both ``type`` and ``enum``."""
    chosen_rules = set(RULES if rules is None else rules)
    unknown = chosen_rules - set(RULES)
    if unknown:
        raise ValueError(f"unknown rule(s) {', '.join(sorted(unknown))}; known: {', '.join(RULES)}")
    ops = [operation] if operation is not None else list(SURFACE_OPERATIONS)
    plans = {op: _plans(op, chosen_rules) for op in ops}
    ops = [op for op in ops if plans[op]]
    if not ops:
        raise ValueError(
            f"no place for rule(s) {', '.join(sorted(chosen_rules))} in {operation or 'any'}"
        )

    by_rule = {r: [op for op in ops if any(p.rule == r for p in plans[op])] for r in RULES}
    present = [r for r in RULES if by_rule[r]]

    @st.composite
    def build(draw: st.DrawFn) -> InvalidSurfaceBody:
        rule = draw(st.sampled_from(present))  # each rule equally often
        op = draw(st.sampled_from(by_rule[rule]))
        body = copy.deepcopy(draw(_valid(op)))
        plan = draw(st.sampled_from([p for p in plans[op] if p.rule == rule]))
        path, description = _mutate(op, body, plan, draw)
        parts: PathT = tuple(path)
        return InvalidSurfaceBody(op, body, format_path(parts), rule, parts, description)

    return build()
