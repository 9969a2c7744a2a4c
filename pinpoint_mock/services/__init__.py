"""The services the fake answers, one folder each; the engine finds a call's service here.

Adding a service: a folder whose ``__init__`` makes a :class:`~.base.Service`, and a line in
:data:`SERVICES`.
"""

from __future__ import annotations

from ..request import Request
from .base import Answered, Core, Operation, Service
from .pinpoint import SERVICE as PINPOINT

SERVICES: dict[str, Service] = {service.name: service for service in (PINPOINT,)}
"""Every service, by the endpoint prefix its clients use."""


def service_for(request: Request) -> Service:
    """The service a call is for: the one its client addressed (when the catcher knows it),
    else the first whose paths match, else Pinpoint (which then answers 404)."""
    if request.service is not None:
        found = SERVICES.get(request.service)
        if found is not None:
            return found
    for service in SERVICES.values():
        if service.routes.claims(request.path):
            return service
    return PINPOINT


__all__ = ["SERVICES", "Answered", "Core", "Operation", "Service", "service_for"]
