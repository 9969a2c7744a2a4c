"""The engine: finds the service and operation a call is for, runs it, and records the call.

It does no I/O and patches nothing: interceptors and the server hand it a
:class:`~pinpoint_mock.request.Request` and get a :class:`~pinpoint_mock.wire.Response`. What an
operation does (read the body against the contract, resolve recipients, render, decide outcomes,
write the answer) is the service's, in ``services/<name>/``; the state operations share is the
:class:`~pinpoint_mock.services.Core`; what was sent is the :class:`CallLog`'s.
"""

from __future__ import annotations

from .directory import Directory
from .errors import ContractError, ServiceError
from .message_templates import TemplateStore
from .options import Options
from .recording import Call, CallLog
from .request import Request
from .script import Ids, Script
from .services import SERVICES, Answered, Core, service_for
from .services.base import ApplicationCheck, Service
from .wire import Response, RouteError


class Engine:
    """Answers calls for every service from one shared core and one call log."""

    def __init__(
        self,
        *,
        options: Options | None = None,
        seed: int | str | None = None,
        application_check: ApplicationCheck | None = None,
    ) -> None:
        options = options or Options()
        self.core = Core(
            options=options,
            directory=Directory(),
            script=Script(simulator=options.simulator),
            templates=TemplateStore(),
            ids=Ids(seed),
            application_check=application_check,
        )
        self.log = CallLog()

    def handle(self, request: Request) -> tuple[Response, Call]:
        """Answer ``request`` and record it; returns the answer and the call's record."""
        core = self.core
        index = self.log.reserve()
        request_id = core.ids.uuid()
        service = service_for(request)
        operation: str | None = None
        answered = None
        violations: tuple[str, ...] = ()
        rule: str | None = None
        try:
            route = service.routes.find(request.method, request.path, request.headers)
            operation = route.operation
            refused = _retired(service, operation, request) if core.options.end_of_support else None
            if refused is not None:
                rule = refused[0]
                raise refused[1]
            fault = core.script.take_fault(operation, service.name)
            if fault is not None:
                rule = fault.label
                raise ServiceError(fault.code, fault.message, fault.status)
            answered = service.operations[operation](core, route, request, request_id, index)
        except RouteError as exc:
            message = exc.message
            where = (request.method, request.path, request.headers)
            model = service.model_operation(*where) if exc.status == 404 else None
            refused = _retired(service, model, request) if core.options.end_of_support else None
            if model and refused is not None:  # retired, implemented by the fake or not
                operation, rule, error = model, refused[0], refused[1]
                answered = Answered(
                    service.error(error.status, error.code, error.message, request_id)
                )
            else:
                if model:
                    message = service.unsupported(*where)
                answered = Answered(service.error(exc.status, exc.code, message, request_id))
        except ContractError as exc:
            violations = tuple(line.strip() for line in str(exc).splitlines()[1:]) or (str(exc),)
            answered = Answered(service.error(400, "BadRequestException", str(exc), request_id))
        except ServiceError as exc:
            answered = Answered(service.error(exc.status, exc.code, exc.message, request_id))
        call = self.log.record(
            request,
            answered.response,
            index=index,
            service=service.name,
            operation=operation,
            request_id=request_id,
            deliveries=answered.deliveries,
            warnings=answered.warnings,
            violations=violations,
            rule=rule,
        )
        return answered.response, call

    def unsupported(self, request: Request) -> str:
        """What to say of a call no operation of its service serves."""
        return service_for(request).unsupported(request.method, request.path, request.headers)

    @property
    def operations(self) -> list[str]:
        """The operations the engine serves, over every service."""
        return [name for service in SERVICES.values() for name in service.operations]

    def reset(self) -> None:
        """Forget endpoints, templates, scripts and records."""
        self.core.reset()
        self.log.clear()


def _retired(
    service: Service, operation: str | None, request: Request
) -> tuple[str, ServiceError] | None:
    """With end of support on: the call record's rule and the error for a call to something
    AWS retired from ``service`` (None when the call continues)."""
    retirement = service.retired
    if retirement is None or operation is None:
        return None
    what = retirement.refuses(operation, request)
    if what is None:
        return None
    label = "end-of-support" if what == operation else f"end-of-support: {what}"
    return label, ServiceError(retirement.code, retirement.message, retirement.status)
