"""The contract documents: loaded from the package data (``contracts/*.json``) and compiled once
per process."""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from .compiler import Compiler

#: Pinpoint's operations with a request body: name -> (file stem, payload member of the SDK
#: input shape).
OPERATIONS: dict[str, tuple[str, str | None]] = {
    "SendUsersMessages": ("send-users-messages", "SendUsersMessageRequest"),
    "SendMessages": ("send-messages", "MessageRequest"),
    "UpdateEndpoint": ("update-endpoint", "EndpointRequest"),
    "UpdateEndpointsBatch": ("update-endpoints-batch", "EndpointBatchRequest"),
    # The rest of the surface sending code calls: apps, channels, OTP, phone, templates.
    "CreateApp": ("create-app", "CreateApplicationRequest"),
    "PhoneNumberValidate": ("phone-number-validate", "NumberValidateRequest"),
    "SendOTPMessage": ("send-otp-message", "SendOTPMessageRequestParameters"),
    "VerifyOTPMessage": ("verify-otp-message", "VerifyOTPMessageRequestParameters"),
    "UpdateTemplateActiveVersion": (
        "update-template-active-version",
        "TemplateActiveVersionRequest",
    ),
    **{
        f"Update{infix}Channel": (f"update-{stem}-channel", f"{member}ChannelRequest")
        for infix, stem, member in (
            ("Sms", "sms", "SMS"),
            ("Email", "email", "Email"),
            ("Voice", "voice", "Voice"),
            ("Apns", "apns", "APNS"),
            ("ApnsSandbox", "apns-sandbox", "APNSSandbox"),
            ("ApnsVoip", "apns-voip", "APNSVoip"),
            ("ApnsVoipSandbox", "apns-voip-sandbox", "APNSVoipSandbox"),
            ("Gcm", "gcm", "GCM"),
            ("Baidu", "baidu", "Baidu"),
            ("Adm", "adm", "ADM"),
        )
    },
    **{
        f"{verb}{infix}Template": (f"{verb.lower()}-{infix.lower()}-template", member)
        for infix, member in (
            ("Sms", "SMSTemplateRequest"),
            ("Email", "EmailTemplateRequest"),
            ("Push", "PushNotificationTemplateRequest"),
            ("Voice", "VoiceTemplateRequest"),
        )
        for verb in ("Create", "Update")
    },
}

#: Every service's contracts: service -> (folder under ``contracts/``, its operations as in
#: :data:`OPERATIONS`). A service whose body is its whole input (no payload member) names None.
SERVICES: dict[str, tuple[str, dict[str, tuple[str, str | None]]]] = {
    "pinpoint": ("", OPERATIONS),
    "sesv2": (
        "sesv2",
        {
            "SendEmail": ("send-email", None),
            "SendBulkEmail": ("send-bulk-email", None),
            "CreateEmailTemplate": ("create-email-template", None),
            "GetEmailTemplate": ("get-email-template", None),
            "UpdateEmailTemplate": ("update-email-template", None),
            "DeleteEmailTemplate": ("delete-email-template", None),
            "ListEmailTemplates": ("list-email-templates", None),
            "TestRenderEmailTemplate": ("test-render-email-template", None),
            "PutSuppressedDestination": ("put-suppressed-destination", None),
            "GetSuppressedDestination": ("get-suppressed-destination", None),
            "DeleteSuppressedDestination": ("delete-suppressed-destination", None),
            "ListSuppressedDestinations": ("list-suppressed-destinations", None),
        },
    ),
    "pinpoint-sms-voice-v2": (
        "sms-voice-v2",
        {
            "SendTextMessage": ("send-text-message", None),
            "SendMediaMessage": ("send-media-message", None),
            "SendVoiceMessage": ("send-voice-message", None),
            "CreateOptOutList": ("create-opt-out-list", None),
            "DescribeOptOutLists": ("describe-opt-out-lists", None),
            "PutOptedOutNumber": ("put-opted-out-number", None),
            "DescribeOptedOutNumbers": ("describe-opted-out-numbers", None),
            "DeleteOptedOutNumber": ("delete-opted-out-number", None),
            "DeleteOptOutList": ("delete-opt-out-list", None),
        },
    ),
}


def contract_file(operation: str, kind: str, service: str = "pinpoint") -> str:
    """The file name of ``operation``'s ``kind`` contract (``request``, ``input``,
    ``response``) in ``service``; KeyError when it has none."""
    folder, operations = SERVICES[service]
    name = f"{operations[operation][0]}.{kind}.json"
    return f"{folder}/{name}" if folder else name


@cache
def schema(name: str) -> dict[str, Any]:
    """A contract document from the package data, by file name (``error.json``…)."""
    from importlib.resources import files

    text = files("pinpoint_mock.contracts").joinpath(*name.split("/")).read_text(encoding="utf-8")
    document: dict[str, Any] = json.loads(text)
    return document


@cache
def compiled(name: str) -> Compiler:
    """The compiled validator of a contract document, by file name (made once per process)."""
    return Compiler(schema(name))


@cache
def request_contract(operation: str, service: str = "pinpoint") -> Compiler:
    """The compiled contract of ``operation``'s wire body (its ``.request.json``)."""
    return compiled(contract_file(operation, "request", service))


@cache
def has_request_contract(operation: str, service: str = "pinpoint") -> bool:
    """Whether ``operation`` of ``service`` has a body to check (a ``.request.json``)."""
    from importlib.resources import files

    try:
        name = contract_file(operation, "request", service)
    except KeyError:
        return False
    return files("pinpoint_mock.contracts").joinpath(*name.split("/")).is_file()


def request_operations() -> list[tuple[str, str]]:
    """Every (service, operation) whose body has a contract, Pinpoint's first."""
    return [
        (service, operation)
        for service, (_, operations) in SERVICES.items()
        for operation in operations
        if has_request_contract(operation, service)
    ]
