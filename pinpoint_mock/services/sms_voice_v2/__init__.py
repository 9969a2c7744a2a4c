"""AWS End User Messaging SMS and voice v2 (``pinpoint-sms-voice-v2``; awsJson 1.0, endpoint
prefix ``sms-voice``): the three sends and the opt-out operations. docs/sms-voice-v2.md tells
what it answers and what it assumes."""

from __future__ import annotations

from ...request import Request
from ...wire import Route
from ..base import Answered, Core, Operation, Service
from .errors import ERROR_STATUS, V2Error, error_response
from .optouts import OPERATIONS as OPT_OUT_OPERATIONS
from .routes import TITLE, TargetRouter, model_operation
from .send import send
from .setup import SmsVoiceV2
from .state import SmsVoiceState


def _answering(operation: Operation) -> Operation:
    """``operation`` with its refusals (:class:`V2Error`) answered in the service's shape."""

    def answer(
        core: Core, route: Route, request: Request, request_id: str, call_index: int
    ) -> Answered:
        try:
            return operation(core, route, request, request_id, call_index)
        except V2Error as exc:
            return Answered(exc.response(request_id))

    return answer


_OPERATIONS: dict[str, Operation] = {
    "SendTextMessage": send,
    "SendMediaMessage": send,
    "SendVoiceMessage": send,
    **OPT_OUT_OPERATIONS,
}

SERVICE = Service(
    name="pinpoint-sms-voice-v2",
    prefix="sms-voice",
    title=TITLE,
    routes=TargetRouter(tuple(_OPERATIONS)),
    operations={name: _answering(op) for name, op in _OPERATIONS.items()},
    error=error_response,
    model_operation=model_operation,
)

__all__ = ["ERROR_STATUS", "SERVICE", "SmsVoiceState", "SmsVoiceV2", "V2Error"]
