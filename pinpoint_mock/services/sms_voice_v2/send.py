"""SendTextMessage, SendMediaMessage and SendVoiceMessage: checked as the service checks them,
decided by the shared script, answered with a MessageId or refused with an exception and its
reason, and recorded as one :class:`~pinpoint_mock.recording.SentMessage` each (a dry run is
checked but neither decided nor recorded as a delivery)."""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from ...models import Channel, RenderedMessage, frozen
from ...recording import SentMessage
from ...request import Request
from ...script import STATUS_DEFAULTS, Decision, Delivery
from ...sms import MAX_GSM7_CHARS, analyse
from ...wire import Route
from ..base import Answered, Core
from .body import SERVICE, read_body
from .errors import V2Error, json_answer
from .numbers import check, simulator_destination
from .origination import origin_for
from .outcomes import refusal
from .state import SmsVoiceState

MAX_GSM7_UNITS = MAX_GSM7_CHARS  # 1,530
"""The longest GSM-7 text (septets; extension characters count two) the service sends: "SMS
character limits", https://docs.aws.amazon.com/sms-voice/latest/userguide/sms-limitations-character.html
(the model still allows 1,600 characters)."""
MAX_UCS2_UNITS = 630
"""The longest UCS-2 text (UTF-16 code units), from the same page."""
MAX_VOICE_TEXT = 3000
"""The longest TEXT voice message; SSML may take the model's 6,000."""

SIMULATOR_FAILURE_EVENT = "TEXT_CARRIER_UNREACHABLE"
"""The event recorded for a send to a failure simulator number (the documentation says only
that it generates a failure event: a modelled assumption)."""

#: Request members recorded in a delivery's details, by their details key.
_DETAILS = {
    "MessageType": "messageType",
    "Keyword": "keyword",
    "MaxPrice": "maxPrice",
    "MaxPricePerMinute": "maxPricePerMinute",
    "MediaUrls": "mediaUrls",
    "VoiceId": "voiceId",
    "DestinationCountryParameters": "destinationCountryParameters",
    "ProtectConfigurationId": "protectConfigurationId",
    "MessageFeedbackEnabled": "messageFeedbackEnabled",
}
_KIND = {"SendTextMessage": "text", "SendMediaMessage": "media", "SendVoiceMessage": "voice"}


def _invalid(name: str, message: str, reason: str = "INVALID_PARAMETER") -> V2Error:
    return V2Error(
        "ValidationException", f"{name}: {message}", reason=reason, fields=((name, message),)
    )


def _price(limit: object, price: Decimal, name: str) -> None:
    if isinstance(limit, str) and Decimal(limit) < price:
        raise V2Error(
            "ValidationException",
            f"The message would cost {price} USD, more than {name} {limit}",
            reason="PRICE_OVER_THRESHOLD",
            fields=((name, f"is lower than the price {price}"),),
        )


def _content(kind: str, body: Mapping[str, Any], state: SmsVoiceState) -> dict[str, Any]:
    """The message's text facts, after the service's content checks."""
    text = body.get("MessageBody")
    if kind == "media":
        if text is None and not body.get("MediaUrls"):
            raise _invalid(
                "MessageBody", "is required when no MediaUrls are given", "MISSING_PARAMETER"
            )
        _price(body.get("MaxPrice"), state.price_per_mms, "MaxPrice")
        return {"body": text, "encoding": None, "segments": None}
    if text is None:
        raise _invalid("MessageBody", "is required", "MISSING_PARAMETER")
    if kind == "voice":
        text_type = body.get("MessageBodyTextType", "TEXT")
        if text_type == "TEXT" and len(text) > MAX_VOICE_TEXT:
            raise _invalid(
                "MessageBody",
                f"a TEXT voice message has at most {MAX_VOICE_TEXT} characters, got {len(text)}",
                "MAXIMUM_SIZE_EXCEEDED",
            )
        if text_type == "SSML":
            try:
                root = ElementTree.fromstring(text)
            except ElementTree.ParseError as exc:
                raise _invalid("MessageBody", f"is not well-formed SSML ({exc})") from None
            if root.tag.rsplit("}", 1)[-1] != "speak":
                raise _invalid("MessageBody", "SSML must have a <speak> root element")
        _price(body.get("MaxPricePerMinute"), state.price_per_minute, "MaxPricePerMinute")
        return {"body": text, "encoding": None, "segments": None, "text_type": text_type}
    info = analyse(text)
    limit = MAX_GSM7_UNITS if info.encoding == "GSM-7" else MAX_UCS2_UNITS
    if info.units > limit:
        raise _invalid(
            "MessageBody",
            f"a {info.encoding} message has at most {limit} characters, got {info.units}",
            "MAXIMUM_SIZE_EXCEEDED",
        )
    _price(body.get("MaxPrice"), state.price_per_part * info.segments, "MaxPrice")
    return {"body": text, "encoding": info.encoding, "segments": info.segments}


_SENT = Decision("SUCCESSFUL", 200, "", None)


def _decide(core: Core, make: Callable[[], Delivery], dest: str) -> tuple[Decision, str | None]:
    """The scripted decision, else AWS's simulator numbers, else success; and the later event
    a simulator failure number produces (``make`` builds the delivery rules look at)."""
    script = core.script
    decision = script.decide(make()) if script.scripted else None
    if decision is not None and decision.rule is not None:
        return decision, None
    simulated = simulator_destination(dest)
    if simulated is None:
        return decision or _SENT, None
    if simulated[1]:
        return Decision("SUCCESSFUL", 200, "", f"simulator:{dest}"), None
    message = f"Accepted; the simulator reports {SIMULATOR_FAILURE_EVENT}"
    failed = Decision("PERMANENT_FAILURE", 200, message, f"simulator:{dest}")
    return failed, SIMULATOR_FAILURE_EVENT


def send(core: Core, route: Route, request: Request, request_id: str, call_index: int) -> Answered:
    """One of the three sends (the route names which)."""
    operation = route.operation
    kind = _KIND[operation]
    state = core.store(SmsVoiceState)
    body = read_body(request, operation, validate=core.options.validate)
    dest = body.get("DestinationPhoneNumber")
    if not isinstance(dest, str):
        raise _invalid("DestinationPhoneNumber", "is required", "MISSING_PARAMETER")
    checked = check(dest)
    if checked.problem is not None:
        raise _invalid("DestinationPhoneNumber", f"{dest!r} {checked.problem}")
    message_type = body.get("MessageType") if kind == "text" else None
    origin = origin_for(
        state, body.get("OriginationIdentity"), kind, message_type, dest, checked.country
    )
    content = _content(kind, body, state)
    if state.opted_out(origin.opt_out_list, dest):
        raise V2Error(
            "ConflictException",
            f"The destination phone number {dest} is opted out of the opt-out list "
            f"{origin.opt_out_list}",
            reason="DESTINATION_PHONE_NUMBER_OPTED_OUT",
            resource_type="opted-out-number",
            resource_id=dest,
        )
    if body.get("DryRun") is True:
        return Answered(json_answer({"MessageId": core.ids.uuid()}, request_id))
    channel: Channel = "VOICE" if kind == "voice" else "SMS"
    where = (origin.name, origin.pool.pool_id if origin.pool is not None else None,
             origin.opt_out_list, checked.country)  # fmt: skip
    details = _details(body, kind, content, where) if core.script.scripted else None
    decision, event = _decide(
        core,
        lambda: Delivery(
            application_id="",
            user_id=None,
            endpoint_id=None,
            channel=channel,
            address=dest,
            operation=operation,
            attributes=details or {},
            service=SERVICE,
        ),
        dest,
    )
    refused = None
    # A failure simulator number is accepted: its failure is a later event.
    if decision.status != "SUCCESSFUL" and event is None:
        given = decision.status_message
        if given == STATUS_DEFAULTS.get(decision.status, (0, ""))[1]:
            given = ""  # the word's Pinpoint wording: the service's own message instead
        refused = refusal(decision.status, dest, given or None)
    message_id = None if refused is not None else core.ids.uuid()
    kept = _Kept(
        (body, kind, channel, content, where, details, event, decision, refused, message_id,
         request_id, call_index, request.attempt, operation),
    )  # fmt: skip
    if refused is not None:
        return Answered(refused.response(request_id), kept)
    return Answered(json_answer({"MessageId": message_id}, request_id), kept)


def _details(
    body: Mapping[str, Any],
    kind: str,
    content: Mapping[str, Any],
    where: tuple[str | None, ...],
) -> dict[str, Any]:
    """A delivery's details (what rules may match on, and the record shows); ``where``: the
    origin's name, its pool, its opt-out list and the destination's country."""
    name, pool, opt_out_list, country = where
    details: dict[str, Any] = {
        "originationIdentity": body.get("OriginationIdentity"),
        "sentFrom": name,
        "pool": pool,
        "optOutList": opt_out_list,
        "destinationCountry": country,
        "configurationSetName": body.get("ConfigurationSetName"),
        "timeToLive": body.get("TimeToLive", 259200),
    }
    for member, value in body.items():
        key = _DETAILS.get(member)
        if key is not None:
            details[key] = value
    if kind == "voice":
        details["messageBodyTextType"] = content["text_type"]
        details.setdefault("voiceId", "MATTHEW")
    if kind == "media":
        details["mms"] = True
    return details


class _Kept:
    """One send's record, made when the call log first reads it: everything it shows is
    fixed when the call is answered (the request body, the origin's names, the decision).
    Making it at send time cost about a third of the operation's own time (tight loop: 26 µs
    then, 17 µs now); through boto3, CPU-time mock/floor 1.19, 1.22, 1.18 in three full runs
    of ``benchmarks/bench_sms_voice_v2.py`` on a loaded machine (was 1.24, 1.23, 1.25)."""

    __slots__ = ("row",)

    def __init__(self, row: tuple[Any, ...]) -> None:
        self.row = row

    def __len__(self) -> int:
        return 1

    def records(self) -> list[SentMessage]:
        (body, kind, channel, content, where, details, event, decision, refused, message_id,
         request_id, call_index, attempt, operation) = self.row  # fmt: skip
        if details is None:
            details = _details(body, kind, content, where)
        if event is not None:
            details["event"] = event
        record: SentMessage = frozen(
            SentMessage,
            {
                "application_id": "",
                "user_id": None,
                "endpoint_id": None,
                "channel": channel,
                "address": body["DestinationPhoneNumber"],
                "delivery_status": decision.status,
                "status_code": refused.status if refused is not None else 200,
                "status_message": refused.message if refused is not None
                else decision.status_message,
                "message_id": message_id,
                "message": frozen(
                    RenderedMessage,
                    {
                        "channel": channel,
                        "title": None,
                        "body": content["body"],
                        "html": None,
                        "raw_content": None,
                        "substitutions": {},
                        "fields": {"MediaUrls": list(body.get("MediaUrls", ()))}
                        if kind == "media"
                        else {},
                        "template": None,
                        "unresolved": (),
                        "sms_encoding": content["encoding"],
                        "sms_segments": content["segments"],
                        "missing": None,
                    },
                ),
                "context": dict(body.get("Context") or {}),
                "trace_id": None,
                "request_id": request_id,
                "call_index": call_index,
                "attempt": attempt,
                "rule": decision.rule,
                "operation": operation,
                "service": SERVICE,
                "details": details,
            },
        )  # fmt: skip
        return [record]
