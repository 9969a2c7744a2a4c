"""Scripting outcomes: per-delivery rules, whole-call faults, chaos."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..script import Rule
from ..services.sms_voice_v2 import ERROR_STATUS as SMS_VOICE_V2_ERRORS
from .state import MockState


class Scripting(MockState):
    """Scripting outcomes (a part of :class:`~pinpoint_mock.mock.PinpointMock`)."""

    def outcome(
        self,
        status: str,
        *,
        user: str | None = None,
        endpoint: str | None = None,
        address: str | None = None,
        channel: str | None = None,
        where: Callable[[Any], bool] | None = None,
        times: int | None = None,
        status_code: int | None = None,
        status_message: str | None = None,
        service: str | None = None,
    ) -> Rule:
        """Script the DeliveryStatus of matching deliveries (most specific rule wins);
        ``service`` limits the rule to one service's deliveries."""
        return self.engine.core.script.add_rule(
            Rule(
                status=status,
                user=user,
                endpoint=endpoint,
                address=address,
                channel=channel.upper() if channel else None,
                predicate=where,
                times=times,
                status_code=status_code,
                status_message=status_message,
                service=service,
            )
        )

    def fail(
        self,
        code: str | int,
        *,
        times: int = 1,
        message: str | None = None,
        status: int | None = None,
        operation: str | None = "SendUsersMessages",
        service: str | None = None,
    ) -> None:
        """Answer the next ``times`` attempts with a whole-call error: ``code`` is an error
        code (``"TooManyRequestsException"``) or its HTTP status (``429``). Each botocore retry
        is one attempt. ``operation`` None: any operation; ``service``: only that service's
        calls (``pinpoint``, ``sesv2``…); with another service than Pinpoint the default
        operation means any of that service's operations."""
        if service not in (None, "pinpoint") and operation == "SendUsersMessages":
            operation = None
        if service == "pinpoint-sms-voice-v2" and status is None and isinstance(code, str):
            status = SMS_VOICE_V2_ERRORS.get(code)
        self.engine.core.script.add_fault(
            code,
            times=times,
            message=message,
            status=status,
            operation=operation,
            service=service,
        )

    def chaos(self, profile: Mapping[str, float], *, seed: int | str | None = None) -> None:
        """Random per-endpoint outcomes, reproducible from ``seed``: ``{"THROTTLED": 0.1}``."""
        self.engine.core.script.chaos(profile, self.seed if seed is None else seed)

    def clear_outcomes(self) -> None:
        """Forget scripted outcomes, faults and chaos (endpoints and records stay)."""
        self.engine.core.script.clear()

    def unfired(self) -> list[str]:
        """Scripted outcomes and faults that never fired."""
        return self.engine.core.script.unfired()
