"""What a test sets up and reads of SES v2 from Python (``pinpoint.sesv2``): verified
identities and the sandbox, the suppression list, stored templates, whole-call faults in SES's
own terms, and the events SES would publish, raw or wrapped for SNS/SQS or EventBridge."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ...errors import PinpointMockError, ServiceError
from ...recording import SentMessage
from ..base import Core
from . import events
from .state import SesState, StoredTemplate, Suppressed
from .templates import add_template, make_template

ERRORS: dict[str, tuple[int, str]] = {
    "TooManyRequestsException": (429, "Maximum sending rate exceeded."),
    "MessageRejected": (400, "Email rejected."),
    "AccountSuspendedException": (400, "Your account has been suspended."),
    "SendingPausedException": (400, "Sending is paused for this account."),
    "MailFromDomainNotVerifiedException": (400, "The MAIL FROM domain is not verified."),
    "LimitExceededException": (400, "Daily message quota exceeded."),
    "NotFoundException": (404, "The resource you attempted to access doesn't exist."),
    "BadRequestException": (400, "The input you provided is invalid."),
    "AlreadyExistsException": (400, "The resource specified in your request already exists."),
}
"""SES v2's modeled errors for sends and templates: HTTP status and a default message."""


class SesSetup:
    """SES v2 set-up and reading for tests, over one mock's core and its delivery records."""

    def __init__(self, core: Core, sent: Callable[[], Sequence[SentMessage]]) -> None:
        self._core = core
        self._sent = sent

    @property
    def state(self) -> SesState:
        return self._core.store(SesState)

    # -- identities and the sandbox --
    def verify_identity(self, *identities: str) -> None:
        """Mark email addresses or domains as verified (what the sandbox checks)."""
        state = self.state
        with state.lock:
            state.identities.update(i.strip().lower() for i in identities)

    def sandbox(self, enabled: bool = True) -> None:
        """Turn the sandbox on (sender and recipients must be verified identities or simulator
        addresses, else MessageRejected) or off (the default)."""
        self.state.sandbox = bool(enabled)

    def auto_suppress(self, *reasons: str) -> None:
        """Which scripted outcomes add the address to the account suppression list: ``BOUNCE``
        (hard bounces), ``COMPLAINT``; none by default."""
        unknown = set(reasons) - {"BOUNCE", "COMPLAINT"}
        if unknown:
            raise PinpointMockError(f"auto_suppress: unknown reasons {sorted(unknown)}")
        self.state.auto_suppress = frozenset(reasons)

    # -- the suppression list --
    def suppress(self, address: str, reason: str = "BOUNCE") -> Suppressed:
        """Put an address on the account suppression list (``BOUNCE`` or ``COMPLAINT``)."""
        if reason not in ("BOUNCE", "COMPLAINT"):
            raise PinpointMockError(f"suppress: reason must be BOUNCE or COMPLAINT, got {reason!r}")
        return self.state.suppress(address, reason)

    def unsuppress(self, address: str) -> bool:
        """Take an address off the list; whether it was there."""
        state = self.state
        with state.lock:
            return state.suppressed.pop(address.lower(), None) is not None

    def suppressed(self) -> list[Suppressed]:
        """The account suppression list."""
        with self.state.lock:
            return list(self.state.suppressed.values())

    # -- templates --
    def create_template(
        self,
        name: str,
        *,
        subject: str | None = None,
        text: str | None = None,
        html: str | None = None,
    ) -> StoredTemplate:
        """Store an email template (what CreateEmailTemplate does)."""
        content = {"Subject": subject, "Text": text, "Html": html}
        try:
            template = make_template(name, content)
            add_template(self.state, template)
        except ServiceError as exc:
            raise PinpointMockError(f"create_template: {exc.message}") from None
        return template

    # -- faults --
    def fail(
        self,
        code: str,
        *,
        times: int = 1,
        message: str | None = None,
        operation: str | None = "SendEmail",
    ) -> None:
        """Answer the next ``times`` SES v2 calls of ``operation`` (None: any) with one of SES's
        modeled errors, e.g. ``MessageRejected`` or ``SendingPausedException``."""
        if code not in ERRORS:
            raise PinpointMockError(
                f"unknown SES v2 error {code!r}; use one of {', '.join(ERRORS)}"
            )
        status, default = ERRORS[code]
        self._core.script.add_fault(
            code,
            times=times,
            message=message or default,
            status=status,
            operation=operation,
            service="sesv2",
        )

    # -- events --
    def events(
        self, *, address: str | None = None, type: str | None = None
    ) -> list[dict[str, Any]]:
        """The events SES would publish for what was sent, in order (the JSON an SNS
        notification carries as its ``Message``); ``address`` and ``type`` (``Bounce``…)
        narrow them."""
        found = []
        for record in self._sent():
            if record.service != "sesv2" or (address is not None and record.address != address):
                continue
            for event in record.details.get("events", ()):
                if type is None or event["eventType"] == type:
                    found.append(event)
        return found

    def sns_messages(
        self,
        *,
        address: str | None = None,
        type: str | None = None,
        topic_arn: str = "arn:aws:sns:us-east-1:123456789012:ses-events",
    ) -> list[dict[str, Any]]:
        """The events as SNS notifications: the bodies an SQS queue subscribed to the topic
        receives."""
        ids = self._core.ids
        return [
            events.sns_envelope(event, message_id=ids.uuid(), topic_arn=topic_arn)
            for event in self.events(address=address, type=type)
        ]

    def eventbridge_events(
        self, *, address: str | None = None, type: str | None = None
    ) -> list[dict[str, Any]]:
        """The events as EventBridge delivers them (source ``aws.ses``, ``detail-type`` such
        as ``Email Bounced``)."""
        state, ids = self.state, self._core.ids
        return [
            events.eventbridge_envelope(
                event, event_id=ids.uuid(), account=state.account, region=state.region
            )
            for event in self.events(address=address, type=type)
        ]
