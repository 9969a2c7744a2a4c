"""How Pinpoint writes a send's results, and the outcomes an endpoint's own state decides.

The answer of a send is written as pieces of JSON while its deliveries are made, and joined
once (a 100 users x 3 endpoints answer is ~55 KB; written through nested dicts and the encoder
it took 15% longer, measured). Everything here is ready-made text or makes text.
"""

from __future__ import annotations

from ...models import Endpoint
from ...rendering import BODY, MISSING, SMS_ENCODING, Rendered
from ...script import SMS_OPT_OUT_MESSAGE, Decision
from ...sms import MAX_GSM7_CHARS, analyse
from ...wire import encode, quote

NO_ENDPOINTS = "No endpoints found for userId."

Target = tuple[Endpoint, str, str, "Decision | None", str, str]
"""An endpoint as deliveries need it: the endpoint, its channel and address, the outcome its
state decides (inactive, opted out) or None, the key its address has among the request's
addresses, and the head of its result in JSON, up to the opening quote of its DeliveryStatus."""

KEYED, ADDRESSED, BARE = "keyed", "addressed", "bare"
"""How a target's result begins: ``"endpoint id":{"Address":…,`` (SendUsersMessages),
``{"Address":…,`` (SendMessages' EndpointResult), ``{`` (its MessageResult: no Address)."""

INACTIVE = Decision("PERMANENT_FAILURE", 400, "Endpoint is inactive", "derived:inactive")
OPTED_OUT = Decision("OPT_OUT", 400, "Address is opted out", "derived:opt-out")
SMS_OPTED_OUT = Decision("OPT_OUT", 400, SMS_OPT_OUT_MESSAGE, "derived:opt-out")
DUPLICATE = Decision("DUPLICATE", 400, "Duplicate address", "derived:duplicate")
TOO_LONG = Decision("PERMANENT_FAILURE", 400, "Invalid Message", "derived:sms-too-long")


def targets(endpoints: list[Endpoint], head: str = KEYED) -> list[Target]:
    """What deliveries need of ``endpoints`` that depends on nothing else (a directory view)."""
    return [
        (
            endpoint,
            endpoint.channel,
            endpoint.address,
            state_decision(endpoint),
            endpoint.address.lower() if endpoint.channel == "EMAIL" else endpoint.address,
            (f"{quote(endpoint.endpoint_id)}:{{" if head == KEYED else "{")
            + ("" if head == BARE else f'"Address":{quote(endpoint.address)},')
            + '"DeliveryStatus":"',
        )
        for endpoint in endpoints
    ]


def state_decision(endpoint: Endpoint) -> Decision | None:
    """The outcome an endpoint's own state decides: inactive, opted out; else None."""
    if endpoint.status != "ACTIVE":
        return INACTIVE
    if endpoint.opt_out == "ALL":
        return SMS_OPTED_OUT if endpoint.channel == "SMS" else OPTED_OUT
    return None


def content_decision(rendered: Rendered, sms_max_gsm7: int = MAX_GSM7_CHARS) -> Decision | None:
    """PERMANENT_FAILURE for a message without content on its channel or an SMS too long (over
    ``sms_max_gsm7`` GSM-7 or 630 UCS-2 characters), else None."""
    missing = rendered[MISSING]
    if missing is not None:
        return Decision("PERMANENT_FAILURE", 400, missing, "derived:no-content")
    body = rendered[BODY]
    if (
        rendered[SMS_ENCODING] is not None
        and body is not None
        and analyse(body).exceeds(sms_max_gsm7)
    ):
        return TOO_LONG
    return None


def _failure(code: int, message: str, **before: str) -> str:
    """A PERMANENT_FAILURE result, as JSON."""
    entry = {**before, "DeliveryStatus": "PERMANENT_FAILURE", "StatusCode": code}
    return encode({**entry, "StatusMessage": message}).decode()


NO_ENDPOINT = _failure(404, "Endpoint not found", Address="")
NO_CHANNEL = _failure(400, "ChannelType must be specified for an address")

Frame = tuple[str, str, str]
"""How a recipient's results are framed: the opening after its key, the closing, and what
follows its key when it has no targets."""

USER_FRAME: Frame = (":{", "}", ':{"":' + _failure(400, NO_ENDPOINTS, Address="") + "}")
"""SendUsersMessages' Result: ``"user id":{"endpoint id":{…},…}``, and the entry of a user
without endpoints."""
ENTRY_FRAME: Frame = (":", "", "")
"""SendMessages' Result and EndpointResult: ``"address or endpoint id":{…}`` (each of those
recipients has exactly one target, so the third part is never written)."""


def result(head: str, status: str, code: int, status_message: str, message_id: str | None) -> str:
    """One EndpointMessageResult / MessageResult after its ``head``. Statuses and generated ids
    need no JSON escaping."""
    tail = f',"MessageId":"{message_id}"}}' if message_id is not None else "}"
    return f'{head}{status}","StatusCode":{code},"StatusMessage":{quote(status_message)}{tail}'
