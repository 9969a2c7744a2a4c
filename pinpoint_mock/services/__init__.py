"""The services the fake answers, one folder each; the engine finds a call's service here.

Adding a service: a folder whose ``__init__`` makes a :class:`~.base.Service`, and a line in
:data:`SERVICES`.
"""

from __future__ import annotations

from ..request import Request
from .base import Answered, Core, Operation, Service
from .pinpoint import SERVICE as PINPOINT
from .sesv2 import SERVICE as SESV2
from .sms_voice_v2 import SERVICE as SMS_VOICE_V2

SERVICES: dict[str, Service] = {
    service.name: service for service in (PINPOINT, SESV2, SMS_VOICE_V2)
}
"""Every service, by botocore's name for it."""

PREFIXES: dict[str, tuple[Service, ...]] = {
    prefix: tuple(s for s in SERVICES.values() if s.prefix == prefix)
    for prefix in {s.prefix for s in SERVICES.values()}
}
"""The services behind each endpoint prefix (SES v1 and v2 share ``email``)."""


def service_for(request: Request) -> Service:
    """The service a call is for: among those behind the endpoint prefix its client used (when
    the catcher knows it) or else among all, the first that owns the call; else the first of
    them (Pinpoint without a prefix), which answers 404 naming the operation."""
    candidates = PREFIXES.get(request.service, ()) if request.service else ()
    if len(candidates) == 1:
        return candidates[0]
    for service in candidates or SERVICES.values():
        if service.routes.owns(request.method, request.path, request.headers):
            return service
    return candidates[0] if candidates else PINPOINT


__all__ = ["PREFIXES", "SERVICES", "Answered", "Core", "Operation", "Service", "service_for"]
