"""SendOTPMessage and VerifyOTPMessage: one-time passwords sent by SMS and checked later.

As the service documents it: the channel is SMS only; the brand name (at most 20 characters)
goes into the message "This is your One Time Password: {{otp}} from {{brand}}"; a code has 5 to
8 digits, is valid for 5 to 60 minutes and may be tried a limited number of times (at most 5);
VerifyOTPMessage answers 200 with ``{"Valid": true}`` for the right code within its validity and
attempts, and ``{"Valid": false}`` otherwise (a wrong code, an expired one, one whose attempts
are used up; a re-post thread shows ``Valid`` false staying false after the attempts).

Codes are drawn from the mock's seeded identifiers, so the same seed gives the same codes; each
is readable from its delivery record (``details["otp"]``), from :class:`OtpCodes` and from the
server's inspection API. Expiry follows a clock tests can move (:meth:`OtpCodes.expire`) instead
of waiting.

Modelled assumptions: defaults ``CodeLength`` 6, ``ValidityPeriod`` 15, ``AllowedAttempts`` 5;
a right code is consumed (a second verification of it is false); a new code for the same
reference id and destination replaces the old one; an unknown reference is ``Valid`` false, not
an error; the message is in English whatever ``Language`` asks.
"""

from __future__ import annotations

import random
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from ...errors import ServiceError
from ...models import RenderedMessage
from ...recording import Made, SentMessage
from ...request import Request
from ...script import Delivery
from ...sms import analyse
from ...wire import Route, json_response
from ..base import Answered, Core
from .body import read_body
from .channels import Channels

MESSAGE = "This is your One Time Password: {otp} from {brand}"
DEFAULTS = {"CodeLength": 6, "ValidityPeriod": 15, "AllowedAttempts": 5}
RANGES = {"CodeLength": (5, 8), "ValidityPeriod": (5, 60), "AllowedAttempts": (1, 5)}
MAX_BRAND = 20
MAX_REFERENCE = 256
"""The longest ReferenceId accepted (a modelled bound)."""
_E164 = re.compile(r"^\+[1-9]\d{1,14}$")


@dataclass(frozen=True)
class OtpCode:
    """One code the fake sent."""

    application_id: str
    reference_id: str
    destination: str
    code: str
    expires_at: float
    """When it stops being valid, on :attr:`OtpCodes.clock`."""
    attempts_left: int
    used: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "applicationId": self.application_id,
            "referenceId": self.reference_id,
            "destination": self.destination,
            "otp": self.code,
            "expiresAt": self.expires_at,
            "attemptsLeft": self.attempts_left,
            "used": self.used,
        }


class OtpCodes:
    """The codes sent, newest last, and the clock their expiry follows. Thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._codes: dict[tuple[str, str, str], OtpCode] = {}
        self.offset = 0.0
        """Seconds the clock was moved forward (by :meth:`expire` or :meth:`advance`)."""
        self.now: Callable[[], float] = time.time

    def clock(self) -> float:
        return self.now() + self.offset

    def advance(self, seconds: float) -> None:
        """Move the clock forward (codes expire as if that time had passed)."""
        with self._lock:
            self.offset += seconds

    def put(self, code: OtpCode) -> None:
        with self._lock:
            key = (code.application_id, code.reference_id, code.destination)
            self._codes.pop(key, None)
            self._codes[key] = code

    def codes(self) -> list[OtpCode]:
        with self._lock:
            return list(self._codes.values())

    def expire(self, reference_id: str | None = None) -> int:
        """Make codes (every one, or those of ``reference_id``) expired now; returns how many."""
        with self._lock:
            now = self.clock()
            hit = [k for k, c in self._codes.items() if reference_id in (None, c.reference_id)]
            for key in hit:
                self._codes[key] = replace(self._codes[key], expires_at=now)
            return len(hit)

    def verify(self, application_id: str, reference_id: str, destination: str, otp: str) -> bool:
        with self._lock:
            key = (application_id, reference_id, destination)
            found = self._codes.get(key)
            if found is None or found.used or found.attempts_left <= 0:
                return False
            if self.clock() >= found.expires_at:
                return False
            if otp == found.code:
                self._codes[key] = replace(found, used=True)
                return True
            self._codes[key] = replace(found, attempts_left=found.attempts_left - 1)
            return False

    def clear(self) -> None:
        with self._lock:
            self._codes.clear()
            self.offset = 0.0


def _bounded(body: dict[str, Any], name: str) -> int:
    value = body.get(name)
    if value is None:
        return DEFAULTS[name]
    low, high = RANGES[name]
    if not isinstance(value, int) or not low <= value <= high:
        raise ServiceError(
            "BadRequestException", f"{name}: must be from {low} to {high}, got {value!r}"
        )
    return value


def _text(body: dict[str, Any], name: str, longest: int) -> str:
    value = body.get(name)
    if not isinstance(value, str) or not value or len(value) > longest:
        raise ServiceError(
            "BadRequestException", f"{name}: must be 1 to {longest} characters, got {value!r}"
        )
    return value


def send_otp_message(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    body, warnings = read_body(request, "SendOTPMessage", validate=core.options.validate)
    application_id = route.params["application_id"]
    core.check_application(application_id, request)
    if body.get("Channel") != "SMS":
        raise ServiceError(
            "BadRequestException", f"Channel: must be SMS, got {body.get('Channel')!r}"
        )
    brand = _text(body, "BrandName", MAX_BRAND)
    reference = _text(body, "ReferenceId", MAX_REFERENCE)
    destination = _text(body, "DestinationIdentity", 16)
    if not _E164.match(destination):
        raise ServiceError(
            "BadRequestException", f"DestinationIdentity: {destination!r} is not an E.164 number"
        )
    _text(body, "OriginationIdentity", MAX_REFERENCE)
    length, minutes, attempts = (_bounded(body, n) for n in DEFAULTS)
    codes = core.store(OtpCodes)
    code = f"{random.Random(core.ids.uuid()).randrange(10**length):0{length}d}"
    expires = codes.clock() + minutes * 60
    codes.put(OtpCode(application_id, reference, destination, code, expires, attempts))

    decision = core.store(Channels).decision(application_id, "SMS")
    if decision is None:
        decision = core.script.decide(
            Delivery(
                application_id=application_id,
                user_id=None,
                endpoint_id=None,
                channel="SMS",
                address=destination,
                operation="SendOTPMessage",
            )
        )
    message_id = core.ids.message_id("SMS") if decision.status == "SUCCESSFUL" else None
    status_message = decision.status_message or (f"MessageId: {message_id}" if message_id else "")
    result: dict[str, Any] = {
        "DeliveryStatus": decision.status,
        "StatusCode": decision.status_code,
        "StatusMessage": status_message,
    }
    if message_id is not None:
        result["MessageId"] = message_id
    response_request_id = core.ids.uuid()
    text = MESSAGE.format(otp=code, brand=brand)
    info = analyse(text)
    record = SentMessage(
        application_id=application_id,
        user_id=None,
        endpoint_id=None,
        channel="SMS",
        address=destination,
        delivery_status=decision.status,  # type: ignore[arg-type]
        status_code=decision.status_code,
        status_message=status_message,
        message_id=message_id,
        message=RenderedMessage(
            channel="SMS", body=text, sms_encoding=info.encoding, sms_segments=info.segments
        ),
        request_id=response_request_id,
        call_index=call_index,
        attempt=request.attempt,
        rule=decision.rule,
        operation="SendOTPMessage",
        details={
            "otp": code,
            "referenceId": reference,
            "brandName": brand,
            "codeLength": length,
            "validityPeriod": minutes,
            "allowedAttempts": attempts,
            "originationIdentity": body.get("OriginationIdentity"),
            "language": body.get("Language"),
        },
    )
    payload = {
        "ApplicationId": application_id,
        "RequestId": response_request_id,
        "Result": {destination: result},
    }
    return Answered(json_response(200, payload, request_id), Made([record]), warnings)


def verify_otp_message(
    core: Core, route: Route, request: Request, request_id: str, call_index: int
) -> Answered:
    body, warnings = read_body(request, "VerifyOTPMessage", validate=core.options.validate)
    application_id = route.params["application_id"]
    core.check_application(application_id, request)
    reference = _text(body, "ReferenceId", MAX_REFERENCE)
    destination = _text(body, "DestinationIdentity", 16)
    otp = _text(body, "Otp", 64)
    valid = core.store(OtpCodes).verify(application_id, reference, destination, otp)
    return Answered(json_response(200, {"Valid": valid}, request_id), None, warnings)
