"""SendEmail and SendBulkEmail through the engine: answers, records, outcomes, limits."""

from __future__ import annotations

import base64
import json
from email.message import EmailMessage
from typing import Any

import pytest

from pinpoint_mock.engine import Engine
from pinpoint_mock.request import Request
from pinpoint_mock.script import Rule
from pinpoint_mock.services.sesv2 import SesState

SEND = "/v2/email/outbound-emails"
BULK = "/v2/email/outbound-bulk-emails"
SIMPLE = {"Simple": {"Subject": {"Data": "Hi"}, "Body": {"Text": {"Data": "hello"}}}}


def call(engine: Engine, path: str, body: dict[str, Any]) -> tuple[int, dict[str, str], Any]:
    response, _ = engine.handle(Request("POST", path, {}, json.dumps(body).encode(), "server"))
    return response.status, response.headers, json.loads(response.body)


def send(engine: Engine, to: list[str], content: dict | None = None, **extra: Any) -> tuple:
    body = {"FromEmailAddress": "me@example.com", "Destination": {"ToAddresses": to},
            "Content": content or SIMPLE, **extra}  # fmt: skip
    return call(engine, SEND, body)


def test_one_record_per_recipient_with_the_messages_details() -> None:
    engine = Engine(seed=1)
    body = {
        "FromEmailAddress": "Shop <shop@example.com>",
        "Destination": {
            "ToAddresses": ["Ana <ana@example.com>"],
            "CcAddresses": ["bo@example.com"],
            "BccAddresses": ["cy@example.com"],
        },
        "ReplyToAddresses": ["help@example.com"],
        "Content": {"Simple": {"Subject": {"Data": "Order"}, "Body": {
            "Text": {"Data": "shipped"}, "Html": {"Data": "<p>shipped</p>"}}}},
        "EmailTags": [{"Name": "campaign", "Value": "spring"}],
        "ConfigurationSetName": "events",
    }  # fmt: skip
    status, headers, payload = call(engine, SEND, body)
    assert status == 200
    assert headers["Content-Type"] == "application/json"
    sent = list(engine.log.sent)
    assert [s.address for s in sent] == ["ana@example.com", "bo@example.com", "cy@example.com"]
    assert {s.message_id for s in sent} == {payload["MessageId"]}
    first = sent[0]
    assert (first.service, first.operation, first.channel) == ("sesv2", "SendEmail", "EMAIL")
    assert (first.title, first.body, first.html) == ("Order", "shipped", "<p>shipped</p>")
    assert first.details["from"] == "Shop <shop@example.com>"
    assert first.details["bcc"] == ["cy@example.com"]
    assert [s.details["recipient_type"] for s in sent] == ["to", "cc", "bcc"]
    assert first.details["reply_to"] == ["help@example.com"]
    assert first.details["tags"] == {"campaign": "spring"}
    assert first.details["configuration_set"] == "events"
    events = first.details["events"]
    assert [e["eventType"] for e in events] == ["Send", "Delivery"]
    assert events[0]["mail"]["destination"] == [s.address for s in sent]
    assert events[0]["mail"]["tags"]["ses:configuration-set"] == ["events"]
    assert events[1]["delivery"]["recipients"] == ["ana@example.com"]


def test_raw_mime_is_read_for_subject_parts_attachments_and_recipients() -> None:
    message = EmailMessage()
    message["From"] = "shop@example.com"
    message["To"] = "Ana <ana@example.com>, bo@example.com"
    message["Subject"] = "Invoice"
    message.set_content("see attached")
    message.add_alternative("<p>see attached</p>", subtype="html")
    message.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="a.pdf")
    raw = base64.b64encode(message.as_bytes()).decode()
    status, _, _ = call(engine := Engine(seed=1), SEND, {"Content": {"Raw": {"Data": raw}}})
    assert status == 200
    sent = list(engine.log.sent)
    assert [s.address for s in sent] == ["ana@example.com", "bo@example.com"]
    assert (sent[0].title, sent[0].body.strip(), sent[0].html.strip()) == (
        "Invoice", "see attached", "<p>see attached</p>",
    )  # fmt: skip
    assert sent[0].details["attachments"][0] == {
        "filename": "a.pdf", "content_type": "application/pdf", "disposition": "attachment",
        "size": 8, "content_id": None,
    }  # fmt: skip
    assert "Subject: Invoice" in sent[0].raw_content


def test_a_stored_template_renders_per_message_and_bulk_entries_get_their_own_results() -> None:
    engine = Engine(seed=1)
    content = {"Subject": "Hi {{name}}", "Text": "{{#each items}}{{this}} {{/each}}"}
    created = call(
        engine, "/v2/email/templates", {"TemplateName": "welcome", "TemplateContent": content}
    )
    assert created[0] == 200
    entries = [
        {"Destination": {"ToAddresses": ["a@example.com"]}, "ReplacementEmailContent": {
            "ReplacementTemplate": {"ReplacementTemplateData": '{"name": "A", "items": [1]}'}}},
        {"Destination": {"ToAddresses": ["b@example.com"]}},
        {"Destination": {"ToAddresses": ["c@example.com"]}, "ReplacementEmailContent": {
            "ReplacementTemplate": {"ReplacementTemplateData": '{"items": []}'}}},
        {"Destination": {"ToAddresses": ["not-an-address"]}},
    ]  # fmt: skip
    body = {"FromEmailAddress": "me@example.com", "DefaultContent": {"Template": {
        "TemplateName": "welcome", "TemplateData": '{"name": "Friend", "items": [2, 3]}'}},
        "BulkEmailEntries": entries}  # fmt: skip
    status, _, payload = call(engine, BULK, body)
    assert status == 200
    results = payload["BulkEmailEntryResults"]
    assert [r["Status"] for r in results] == ["SUCCESS"] * 3 + ["INVALID_PARAMETER"]
    assert "BulkEmailEntries[3].Destination.ToAddresses[0]" in results[3]["Error"]
    sent = list(engine.log.sent)
    assert [(s.title, s.body) for s in sent[:2]] == [("Hi A", "1 "), ("Hi Friend", "2 3 ")]
    failed = sent[2]  # the data has no "name": accepted, then a Rendering Failure event
    assert failed.delivery_status == "PERMANENT_FAILURE"
    assert failed.details["events"][0]["eventType"] == "Rendering Failure"
    assert failed.details["events"][0]["failure"]["errorMessage"] == (
        "Attribute 'name' is not present in the rendering data."
    )
    assert [s.details["bulk_entry"] for s in sent] == [0, 1, 2]


def test_a_missing_stored_template_is_not_found() -> None:
    status, headers, payload = send(Engine(), ["a@example.com"], {"Template": {
        "TemplateName": "nope", "TemplateData": "{}"}})  # fmt: skip
    assert (status, headers["x-amzn-ErrorType"]) == (404, "NotFoundException")
    assert payload == {"message": "Template nope does not exist."}


def test_an_inline_template_refuses_advanced_features() -> None:
    engine = Engine()
    plain = {"Template": {"TemplateContent": {"Subject": "Hi {{n}}", "Text": "x"},
                          "TemplateData": '{"n": "Ana"}'}}  # fmt: skip
    assert send(engine, ["a@example.com"], plain)[0] == 200
    assert engine.log.sent[0].title == "Hi Ana"
    fancy = {"Template": {"TemplateContent": {"Subject": "{{#if n}}x{{/if}}"}}}
    status, _, payload = send(engine, ["a@example.com"], fancy)
    assert (status, payload["message"]) == (400, "Template contains unsupported operations.")


@pytest.mark.parametrize(
    ("word", "events", "bounce"),
    [
        ("BOUNCE", ["Send", "Bounce"], ("Permanent", "General")),
        ("SOFT_BOUNCE", ["Send", "DeliveryDelay", "Bounce"], ("Transient", "General")),
        ("COMPLAINT", ["Send", "Delivery", "Complaint"], None),
        ("SUPPRESSED", ["Send", "Bounce"], ("Permanent", "OnAccountSuppressionList")),
        ("REJECTED", ["Send", "Reject"], None),
        ("DELIVERY_DELAY", ["Send", "DeliveryDelay"], None),
        ("UNKNOWN_FAILURE", ["Send", "Bounce"], ("Undetermined", "Undetermined")),
    ],
)
def test_scripted_words_become_the_events_ses_publishes(
    word: str, events: list[str], bounce: tuple[str, str] | None
) -> None:
    engine = Engine(seed=1)
    engine.core.script.add_rule(Rule(word, address="a@example.com", service="sesv2"))
    assert send(engine, ["a@example.com", "b@example.com"])[0] == 200
    scripted, other = engine.log.sent
    assert scripted.delivery_status == word
    assert scripted.rule.startswith("outcome(")
    published = scripted.details["events"]
    assert [e["eventType"] for e in published] == events
    if bounce is not None:
        assert (
            published[-1]["bounce"]["bounceType"],
            published[-1]["bounce"]["bounceSubType"],
        ) == bounce
    assert other.delivery_status == "SUCCESSFUL"


@pytest.mark.parametrize(
    ("word", "status", "code", "entry"),
    [
        ("THROTTLED", 429, "TooManyRequestsException", "ACCOUNT_THROTTLED"),
        ("MESSAGE_REJECTED", 400, "MessageRejected", "MESSAGE_REJECTED"),
    ],
)
def test_synchronous_words_refuse_the_call_or_the_bulk_entry(
    word: str, status: int, code: str, entry: str
) -> None:
    engine = Engine(seed=1)
    engine.core.script.add_rule(Rule(word, address="a@example.com", service="sesv2"))
    answered, headers, _ = send(engine, ["a@example.com", "b@example.com"])
    assert (answered, headers["x-amzn-ErrorType"]) == (status, code)
    assert [(s.delivery_status, s.message_id, s.details["events"]) for s in engine.log.sent] == [
        (word, None, [])
    ] * 2
    engine.core.store(SesState).templates.clear()
    call(engine, "/v2/email/templates", {"TemplateName": "t", "TemplateContent": {"Subject": "s"}})
    body = {
        "FromEmailAddress": "me@example.com",
        "DefaultContent": {"Template": {"TemplateName": "t"}},
        "BulkEmailEntries": [
            {"Destination": {"ToAddresses": [a]}} for a in ("a@example.com", "b@example.com")
        ],
    }
    results = call(engine, BULK, body)[2]["BulkEmailEntryResults"]
    assert [r["Status"] for r in results] == [entry, "SUCCESS"]
    assert "MessageId" not in results[0]
    assert results[0]["Error"]


def test_the_account_suppression_list_and_the_simulator_decide_without_a_script() -> None:
    engine = Engine(seed=1)
    engine.core.store(SesState).suppress("Listed@Example.com", "BOUNCE")
    to = ["listed@example.com", "bounce+x@simulator.amazonses.com", "ooto@simulator.amazonses.com",
          "suppressionlist@simulator.amazonses.com", "ana+throttled@example.com"]  # fmt: skip
    assert send(engine, to[:4])[0] == 200
    words = [(s.delivery_status, s.rule) for s in engine.log.sent]
    assert words == [
        ("SUPPRESSED", "suppression-list"),
        ("BOUNCE", "simulator:bounce+x@simulator.amazonses.com"),
        ("SUCCESSFUL", "simulator:ooto@simulator.amazonses.com"),
        ("SUPPRESSED", "simulator:suppressionlist@simulator.amazonses.com"),
    ]
    assert engine.log.sent[2].details["auto_reply"] is True
    assert engine.log.sent[3].details["events"][1]["bounce"]["bounceSubType"] == "Suppressed"
    assert send(engine, to[4:])[0] == 429  # the shared +tag simulator speaks SES's terms too


def test_a_rule_wins_over_the_suppression_list_and_the_simulator() -> None:
    engine = Engine(seed=1)
    engine.core.script.add_rule(Rule("SUCCESSFUL", address="bounce@simulator.amazonses.com"))
    send(engine, ["bounce@simulator.amazonses.com"])
    assert engine.log.sent[0].delivery_status == "SUCCESSFUL"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            {"Destination": {"ToAddresses": ["a@example.com"]}, "Content": {}},
            "exactly one of Simple, Raw or Template",
        ),
        ({"Destination": {}, "Content": SIMPLE}, "needs at least one recipient"),
        (
            {"Destination": {"ToAddresses": ["x"]}, "Content": SIMPLE},
            "ToAddresses[0]: 'x' is not a valid",
        ),
        (
            {
                "Destination": {
                    "ToAddresses": [f"a{n}@example.com" for n in range(30)],
                    "CcAddresses": [f"c{n}@example.com" for n in range(21)],
                },
                "Content": SIMPLE,
            },
            "Recipient count exceeds 50",
        ),
    ],
)
def test_bad_sends_are_400_naming_the_field(body: dict, message: str) -> None:
    status, headers, payload = call(Engine(), SEND, {"FromEmailAddress": "me@example.com", **body})
    assert (status, headers["x-amzn-ErrorType"]) == (400, "BadRequestException")
    assert message in payload["message"]


def test_contract_errors_list_every_violation_with_its_path() -> None:
    body = {"Content": {"Simple": {"Subject": {"Data": 3}, "Body": {}, "Bogus": 1}},
            "EmailTags": [{"Name": "bad tag", "Value": "v"}]}  # fmt: skip
    status, headers, payload = call(Engine(), SEND, body)
    assert (status, headers["x-amzn-ErrorType"]) == (400, "BadRequestException")
    for path in ("Content.Simple.Subject.Data", "Content.Simple.Bogus", "EmailTags[0].Name"):
        assert path in payload["message"]


def test_the_sandbox_refuses_unverified_identities_with_ses_message() -> None:
    engine = Engine()
    state = engine.core.store(SesState)
    state.sandbox = True
    state.identities.update({"example.com"})
    assert send(engine, ["a@example.com", "success@simulator.amazonses.com"])[0] == 200
    status, headers, payload = send(engine, ["x@other.org", "y@other.org"])
    assert (status, headers["x-amzn-ErrorType"]) == (400, "MessageRejected")
    assert payload["message"] == (
        "Email address is not verified. The following identities failed the check in region "
        "US-EAST-1: x@other.org, y@other.org"
    )


def test_a_message_over_the_size_limit_is_rejected() -> None:
    big = "A" * (40 * 1024 * 1024 + 4)
    status, headers, payload = send(Engine(), ["a@example.com"], {"Raw": {"Data": big}})
    assert (status, headers["x-amzn-ErrorType"]) == (400, "MessageRejected")
    assert "41943040" in payload["message"]


def test_bulk_needs_one_to_fifty_entries() -> None:
    body = {
        "FromEmailAddress": "me@example.com",
        "DefaultContent": {"Template": {"TemplateName": "t"}},
        "BulkEmailEntries": [],
    }
    status, _, payload = call(Engine(), BULK, body)
    assert status == 400
    assert "BulkEmailEntries" in payload["message"]


def _bulk_records(*, scripted: bool) -> list[tuple[Any, ...]]:
    engine = Engine(seed=1)
    content = {"Subject": "Hi {{name}}", "Text": "{{#each items}}{{@index}}={{this}} {{/each}}"}
    call(engine, "/v2/email/templates", {"TemplateName": "t", "TemplateContent": content})
    if scripted:  # a rule may read the subject: each entry is rendered when it is sent
        engine.core.script.add_rule(Rule("BOUNCE", address="nobody@example.com", service="sesv2"))
    datas = ['{"name": "A", "items": ["x", "y"]}', None, "not json", '{"items": []}']
    entries = [
        {"Destination": {"ToAddresses": [f"r{n}@example.com"]}, **({} if data is None else {
            "ReplacementEmailContent": {"ReplacementTemplate": {"ReplacementTemplateData": data}}
        })}
        for n, data in enumerate(datas)
    ]  # fmt: skip
    default = {"Template": {"TemplateName": "t", "TemplateData": '{"name": "D", "items": [1]}'}}
    body = {
        "FromEmailAddress": "me@example.com",
        "BulkEmailEntries": entries,
        "DefaultContent": default,
    }
    assert call(engine, BULK, body)[0] == 200
    changed = {"TemplateContent": {"Subject": "Changed", "Text": "changed"}}
    response, _ = engine.handle(
        Request("PUT", "/v2/email/templates/t", {}, json.dumps(changed).encode(), "server")
    )
    assert response.status == 200
    return [
        (s.address, s.title, s.body, s.delivery_status, s.details["template_data"])
        for s in engine.log.sent  # first read after the template changed
    ]


def test_bulk_records_show_the_texts_of_send_time_whenever_they_are_rendered() -> None:
    expected = [
        ("r0@example.com", "Hi A", "0=x 1=y ", "SUCCESSFUL", {"name": "A", "items": ["x", "y"]}),
        ("r1@example.com", "Hi D", "0=1 ", "SUCCESSFUL", {"name": "D", "items": [1]}),
        ("r2@example.com", None, None, "PERMANENT_FAILURE", None),
        ("r3@example.com", None, None, "PERMANENT_FAILURE", {"items": []}),
    ]
    assert _bulk_records(scripted=False) == expected
    assert _bulk_records(scripted=True) == expected


def test_a_changed_template_renders_its_new_text() -> None:
    engine = Engine(seed=1)
    template = {"TemplateName": "t", "TemplateContent": {"Subject": "One {{n}}", "Text": "x"}}
    call(engine, "/v2/email/templates", template)
    content = {"Template": {"TemplateName": "t", "TemplateData": '{"n": 1}'}}
    send(engine, ["a@example.com"], content)
    changed = {"TemplateContent": {"Subject": "Two {{n}}", "Text": "x"}}
    engine.handle(Request("PUT", "/v2/email/templates/t", {}, json.dumps(changed).encode(), "s"))
    send(engine, ["a@example.com"], content)
    assert [s.title for s in engine.log.sent] == ["One 1", "Two 1"]


def test_a_display_name_is_taken_off_as_parseaddr_does() -> None:
    engine = Engine(seed=1)
    to = ["Ana Lima <ana@example.com>", "<bo@example.com>", '"Cy, Jr." <cy@example.com>']
    body = {"FromEmailAddress": "Shop-1 <shop@example.com>", "Destination": {"ToAddresses": to},
            "Content": SIMPLE}  # fmt: skip
    assert call(engine, SEND, body)[0] == 200
    sent = list(engine.log.sent)
    assert [s.address for s in sent] == ["ana@example.com", "bo@example.com", "cy@example.com"]
    assert sent[0].details["from"] == "Shop-1 <shop@example.com>"
