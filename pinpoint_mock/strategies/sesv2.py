"""Hypothesis strategies for SES v2: SendEmail and SendBulkEmail bodies the fake accepts (the
contract and SES's own rules: one content kind, 1 to 50 recipients, valid addresses, tag names),
and bodies broken by exactly one mutation that announce the path and rule the contract reports.

    from pinpoint_mock.strategies import sesv2 as ses

    @given(ses.send_email_requests())
    def test_sends(body): ...

    @given(ses.invalid_send_email_requests())
    def test_refused(case):
        found = errors_of(request_contract("SendEmail", "sesv2"), case.body)
        assert (case.path, case.rule) in {(v.path, v.rule) for v in found}

Templates named by :data:`TEMPLATE_NAME` must exist (``pinpoint.sesv2.create_template``) for
bodies with ``stored=True``.
"""

from __future__ import annotations

import base64
import copy
import json
from collections.abc import Callable
from email.message import EmailMessage
from typing import Any

from hypothesis import strategies as st

from ..contract import PathT, format_path
from .invalid import InvalidRequest

TEMPLATE_NAME = "fuzz-template"
TEMPLATE_SUBJECT = "Hi {{name}}"
"""What :data:`TEMPLATE_NAME` must hold for the bodies' template data to render."""

_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40)
_LOCAL = st.from_regex(r"[a-z][a-z0-9._-]{0,10}", fullmatch=True)
_DOMAIN = st.from_regex(r"[a-z][a-z0-9-]{0,8}\.(com|org|net|io)", fullmatch=True)
ADDRESSES = st.builds(lambda local, domain: f"{local}@{domain}", _LOCAL, _DOMAIN)
"""Ordinary addresses (never a simulator address nor a ``+tag``)."""
_TAG = st.from_regex(r"[A-Za-z0-9_-]{1,20}", fullmatch=True)
TAGS = st.lists(st.fixed_dictionaries({"Name": _TAG, "Value": _TAG}), max_size=3)


@st.composite
def destinations(draw: st.DrawFn, max_recipients: int = 6) -> dict[str, list[str]]:
    """To, Cc and Bcc with 1 to ``max_recipients`` addresses in all (at least one To)."""
    to = draw(st.lists(ADDRESSES, min_size=1, max_size=max(1, max_recipients // 2)))
    room = max_recipients - len(to)
    cc = draw(st.lists(ADDRESSES, max_size=room // 2))
    bcc = draw(st.lists(ADDRESSES, max_size=room - len(cc)))
    made = {"ToAddresses": to}
    if cc:
        made["CcAddresses"] = cc
    if bcc:
        made["BccAddresses"] = bcc
    return made


def _raw(subject: str, text: str) -> str:
    message = EmailMessage()
    message["From"] = "sender@example.com"
    message["To"] = "ana@example.com"
    message["Subject"] = subject.replace("\n", " ").replace("\r", " ")
    message.set_content(text or "-")
    return base64.b64encode(message.as_bytes()).decode()


def _simple_content(subject: str, text: str | None, html: str | None) -> dict[str, Any]:
    body: dict[str, Any] = {}
    if text is not None:
        body["Text"] = {"Data": text}
    if html is not None or text is None:
        body["Html"] = {"Data": html or ""}
    return {"Simple": {"Subject": {"Data": subject}, "Body": body}}


def _raw_content(subject: str, text: str) -> dict[str, Any]:
    return {"Raw": {"Data": _raw(subject, text)}}


def _inline_content(data: str) -> dict[str, Any]:
    content = {"Subject": TEMPLATE_SUBJECT, "Text": "x"}
    return {"Template": {"TemplateContent": content, "TemplateData": data}}


def _stored_content(data: str) -> dict[str, Any]:
    return {"Template": {"TemplateName": TEMPLATE_NAME, "TemplateData": data}}


def _data(name: str) -> str:
    return json.dumps({"name": name})


def contents(*, stored: bool = False) -> st.SearchStrategy[dict[str, Any]]:
    """A SendEmail ``Content``: Simple, Raw, or an inline (or, with ``stored``, a stored)
    template with data for it."""
    data = st.builds(_data, _TEXT)
    options: list[st.SearchStrategy[dict[str, Any]]] = [
        st.builds(_simple_content, _TEXT, st.none() | _TEXT, st.none() | _TEXT),
        st.builds(_raw_content, _TEXT, _TEXT),
        st.builds(_inline_content, data),
    ]
    if stored:
        options.append(st.builds(_stored_content, data))
    return st.one_of(options)


@st.composite
def send_email_requests(
    draw: st.DrawFn, *, stored: bool = False, max_recipients: int = 6
) -> dict[str, Any]:
    """SendEmail wire bodies the fake accepts."""
    body: dict[str, Any] = {
        "FromEmailAddress": draw(ADDRESSES),
        "Destination": draw(destinations(max_recipients)),
        "Content": draw(contents(stored=stored)),
    }
    tags = draw(TAGS)
    if tags:
        body["EmailTags"] = tags
    if draw(st.booleans()):
        body["ReplyToAddresses"] = draw(st.lists(ADDRESSES, min_size=1, max_size=2))
    if draw(st.booleans()):
        body["ConfigurationSetName"] = draw(_TAG)
    return body


@st.composite
def bulk_email_requests(draw: st.DrawFn, *, max_entries: int = 5) -> dict[str, Any]:
    """SendBulkEmail wire bodies (over the stored :data:`TEMPLATE_NAME`)."""
    entries = []
    for _ in range(draw(st.integers(1, max_entries))):
        entry: dict[str, Any] = {"Destination": draw(destinations(3))}
        if draw(st.booleans()):
            data = json.dumps({"name": draw(_TEXT)})
            entry["ReplacementEmailContent"] = {
                "ReplacementTemplate": {"ReplacementTemplateData": data}
            }
        tags = draw(TAGS)
        if tags:
            entry["ReplacementTags"] = tags
        entries.append(entry)
    return {
        "FromEmailAddress": draw(ADDRESSES),
        "DefaultContent": {"Template": {"TemplateName": TEMPLATE_NAME,
                                        "TemplateData": json.dumps({"name": "friend"})}},
        "BulkEmailEntries": entries,
    }  # fmt: skip


Mutation = Callable[[dict[str, Any]], tuple[PathT, str, str]]


def _simple(body: dict[str, Any]) -> dict[str, Any]:
    body["Content"] = {"Simple": {"Subject": {"Data": "s"}, "Body": {"Text": {"Data": "t"}}}}
    simple: dict[str, Any] = body["Content"]["Simple"]
    return simple


def _m_type(body: dict[str, Any]) -> tuple[PathT, str, str]:
    _simple(body)["Subject"]["Data"] = 7
    return ("Content", "Simple", "Subject", "Data"), "type", "set 7 where a string belongs"


def _m_unknown(body: dict[str, Any]) -> tuple[PathT, str, str]:
    _simple(body)["Bogus"] = 1
    return ("Content", "Simple", "Bogus"), "additionalProperties", "added unknown member 'Bogus'"


def _m_required(body: dict[str, Any]) -> tuple[PathT, str, str]:
    del _simple(body)["Subject"]
    return ("Content", "Simple", "Subject"), "required", "removed required member 'Subject'"


def _m_tag(body: dict[str, Any]) -> tuple[PathT, str, str]:
    body["EmailTags"] = [{"Name": "bad tag", "Value": "v"}]
    return ("EmailTags", 0, "Name"), "pattern", "a tag name with a space"


def _m_recipients(body: dict[str, Any]) -> tuple[PathT, str, str]:
    body["Destination"] = {"ToAddresses": [f"u{n}@example.com" for n in range(51)]}
    return ("Destination", "ToAddresses"), "maxItems", "51 To addresses, at most 50"


def _m_enum(body: dict[str, Any]) -> tuple[PathT, str, str]:
    attachment = {"RawContent": "aGk=", "FileName": "a.txt", "ContentDisposition": "INLINED"}
    _simple(body)["Attachments"] = [attachment]
    path: PathT = ("Content", "Simple", "Attachments", 0, "ContentDisposition")
    return path, "enum", "set 'INLINED', not ATTACHMENT or INLINE"


def _m_base64(body: dict[str, Any]) -> tuple[PathT, str, str]:
    body["Content"] = {"Raw": {"Data": "not base64!"}}
    return ("Content", "Raw", "Data"), "pattern", "Raw data that is not base64"


MUTATIONS: tuple[Mutation, ...] = (
    _m_type, _m_unknown, _m_required, _m_tag, _m_recipients, _m_enum, _m_base64,
)  # fmt: skip
"""The one-mutation breaks of a SendEmail body, each announcing its path and rule."""


@st.composite
def invalid_send_email_requests(draw: st.DrawFn) -> InvalidRequest:
    """SendEmail bodies broken by one mutation (``body``, ``path``, ``rule``)."""
    body = copy.deepcopy(draw(send_email_requests()))
    parts, rule, description = draw(st.sampled_from(MUTATIONS))(body)
    return InvalidRequest(body, format_path(parts), rule, parts, description)


@st.composite
def invalid_bulk_email_requests(draw: st.DrawFn) -> InvalidRequest:
    """SendBulkEmail bodies broken by one mutation: too many or no entries, an entry without
    its Destination."""
    body = copy.deepcopy(draw(bulk_email_requests()))
    kind = draw(st.sampled_from(("maxItems", "minItems", "required")))
    entries = body["BulkEmailEntries"]
    parts: PathT
    if kind == "maxItems":
        body["BulkEmailEntries"] = [copy.deepcopy(entries[0]) for _ in range(51)]
        parts, description = ("BulkEmailEntries",), "51 entries, at most 50"
    elif kind == "minItems":
        body["BulkEmailEntries"] = []
        parts, description = ("BulkEmailEntries",), "no entries, at least 1"
    else:
        del entries[0]["Destination"]
        parts = ("BulkEmailEntries", 0, "Destination")
        description = "removed required member 'Destination'"
    return InvalidRequest(body, format_path(parts), kind, parts, description)
