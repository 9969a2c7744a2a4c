"""awsJson 1.0 routing: ``POST /`` with ``X-Amz-Target: PinpointSMSVoiceV2.<Operation>``.

A call is this service's when it is a POST whose target names the service's prefix; its
operation is the target's second half. A target the fake does not serve is refused naming it
(the model's other operations included), and nothing reaches AWS.
"""

from __future__ import annotations

from collections.abc import Mapping

from ...request import header
from ...wire import Route, RouteError
from ..model import model_operations

TARGET_PREFIX = "PinpointSMSVoiceV2."
"""What every target of the service starts with (the model's ``targetPrefix`` and a dot)."""

TITLE = "End User Messaging SMS and voice v2"

_NO_PARAMS: dict[str, str] = {}


class TargetRouter:
    """The service's operations by ``X-Amz-Target`` (what :class:`~..base.Router` asks)."""

    def __init__(self, operations: tuple[str, ...]) -> None:
        self._operations = operations
        self._routes = {op: Route(op, _NO_PARAMS) for op in operations}

    @property
    def operations(self) -> tuple[str, ...]:
        return self._operations

    def owns(self, method: str, path: str, headers: Mapping[str, str]) -> bool:
        """A POST whose target starts with ``PinpointSMSVoiceV2.``."""
        if method.upper() != "POST":
            return False
        target = header(headers, "X-Amz-Target")
        return target is not None and target.startswith(TARGET_PREFIX)

    def find(self, method: str, path: str, headers: Mapping[str, str]) -> Route:
        """The call's route. 404 (naming what is served) for a target the fake does not
        serve or a call without one; 405 for any method but POST."""
        target = header(headers, "X-Amz-Target") or ""
        route = (
            self._routes.get(target[len(TARGET_PREFIX) :])
            if target.startswith(TARGET_PREFIX)
            else None
        )
        if route is not None and method.upper() == "POST":
            return route
        if route is not None:
            raise RouteError(
                405,
                "MethodNotAllowedException",
                f"Method {method.upper()} is not allowed; use POST",
            )
        name = target[len(TARGET_PREFIX) :] if target.startswith(TARGET_PREFIX) else None
        what = (
            f"operation {name}"
            if name
            else f"call {method.upper()} {path} (no {TARGET_PREFIX}* X-Amz-Target)"
        )
        raise RouteError(
            404,
            "UnknownOperationException",
            f"pinpoint-mock does not implement the {TITLE} {what}; nothing was sent to AWS. "
            f"Implemented: {', '.join(self._operations)}",
        )


def model_operation(method: str, path: str, headers: Mapping[str, str]) -> str | None:
    """The operation a call's ``X-Amz-Target`` names, when the service model has it."""
    target = header(headers, "X-Amz-Target") or ""
    if not target.startswith(TARGET_PREFIX):
        return None
    name = target[len(TARGET_PREFIX) :]
    return name if name in model_operations("pinpoint-sms-voice-v2") else None
