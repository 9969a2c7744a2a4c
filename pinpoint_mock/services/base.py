"""What a service is to the engine, and the shared core its operations work on.

A service is a folder under ``services/`` whose ``__init__`` makes one :class:`Service`: its
name, its route table, its operations and how it writes an error. An operation is a function
``(core, route, request, request_id, call_index) -> Answered``; it reads and changes the shared
core through the core's own methods and hands back the answer, the deliveries it made (for the
call log) and its warnings. The engine knows nothing else of a service.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple, Protocol, TypeVar

from ..contract.values import short
from ..directory import Directory
from ..errors import ServiceError
from ..message_templates import TemplateStore
from ..options import Options
from ..recording import Kept
from ..request import Request
from ..script import Ids, Script
from ..wire import Response, Route


class Store(Protocol):
    """A service's own state (SES templates and suppression list, SMS opt-out lists…)."""

    def clear(self) -> None: ...


S = TypeVar("S", bound=Store)

ApplicationCheck = Callable[[str, Mapping[str, str]], "bool | None"]
"""Whether another registry (moto's backend) knows an application id: True, False, or None when
it has no opinion (not active)."""


@dataclass
class Core:
    """The state every service's operations share: who is reachable where, what is scripted,
    the registered templates, the id sequences, the switches, and the optional check of
    application ids against another registry."""

    options: Options
    directory: Directory
    script: Script
    templates: TemplateStore
    ids: Ids
    application_check: ApplicationCheck | None = None
    _stores: dict[type[Store], Store] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def store(self, kind: type[S]) -> S:
        """The state of kind ``kind`` (a class made with no arguments and having ``clear()``),
        made on first use; a service keeps its own state here, and reset clears it."""
        found = self._stores.get(kind)
        if found is None:
            with self._lock:
                found = self._stores.setdefault(kind, kind())
        return found  # type: ignore[return-value]

    def check_application(self, application_id: str, request: Request) -> None:
        """NotFoundException for an application id that the other registry (when one is active)
        or, with ``strict_applications``, the directory does not know; its message says how to
        register the application."""
        exists: bool | None = None
        if self.application_check is not None:
            exists = self.application_check(application_id, request.headers)
        if exists is False:
            raise ServiceError(
                "NotFoundException",
                f"Resource not found: moto has no application {short(application_id)} (inside "
                "moto's mock_aws, moto's applications are the ones that exist): create it in "
                "moto (client.create_app) or register it with pinpoint.create_app"
                f"({short(application_id)})",
            )
        strict = exists is None and self.options.strict_applications
        if strict and not self.directory.has_app(application_id):
            raise ServiceError(
                "NotFoundException",
                f"Resource not found: application {short(application_id)} is not registered "
                "(strict_applications): register it with pinpoint.create_app"
                f"({short(application_id)}) or give it endpoints (add_endpoint("
                "application_id=...))",
            )

    def reset(self) -> None:
        """Forget templates, endpoints, scripts and every service's state (the call log is the
        engine's)."""
        self.templates.clear()
        self.directory.clear()
        self.script.clear()
        for kept in list(self._stores.values()):
            kept.clear()


class Answered(NamedTuple):
    """What an operation hands back: the answer, the deliveries it made, its warnings."""

    response: Response
    deliveries: Kept | None = None
    warnings: tuple[str, ...] = ()


class Router(Protocol):
    """How a service finds the operation of a call: :class:`~pinpoint_mock.wire.RouteTable`
    for rest-json (method and path), a table of ``X-Amz-Target`` values for awsJson."""

    @property
    def operations(self) -> tuple[str, ...]: ...

    def find(self, method: str, path: str, headers: Mapping[str, str]) -> Route:
        """The call's route; :class:`~pinpoint_mock.wire.RouteError` when there is none."""
        ...

    def owns(self, method: str, path: str, headers: Mapping[str, str]) -> bool:
        """Whether the call is addressed to this service at all."""
        ...


@dataclass(frozen=True)
class Retirement:
    """The operations AWS retired from a service, and how the retired service answers them."""

    operations: frozenset[str]
    """botocore's names of the retired operations (served by the fake or not)."""
    status: int
    code: str
    message: str
    partly: Callable[[str, Request], str | None] = lambda operation, request: None
    """For an operation that continues only in part (Pinpoint's SendMessages, whose email and
    endpoint parts retired): what retired part this call uses, or None."""

    def refuses(self, operation: str, request: Request) -> str | None:
        """What retired thing ``operation`` called with ``request`` uses (the operation's name,
        or the part of it), or None when it continues."""
        if operation in self.operations:
            return operation
        return self.partly(operation, request)


class Operation(Protocol):
    def __call__(
        self, core: Core, route: Route, request: Request, request_id: str, call_index: int
    ) -> Answered: ...


@dataclass(frozen=True)
class Service:
    """One AWS service the fake answers."""

    name: str
    """botocore's name of the service (``pinpoint``, ``sesv2``, ``pinpoint-sms-voice-v2``): what
    records, rules and faults call it."""
    prefix: str
    """The endpoint prefix its clients use (``pinpoint``, ``email``, ``sms-voice``)."""
    title: str
    """How messages name it (``Pinpoint``)."""
    routes: Router
    operations: Mapping[str, Operation]
    error: Callable[[int, str, str, str], Response]
    """An error answer: ``(status, code, message, request id) -> Response``."""
    model_operation: Callable[[str, str, Mapping[str, str]], str | None] = (
        lambda method, path, headers: None
    )
    """The service model's name for an operation at a method and path (to name one the fake
    does not implement), or None."""
    retired: Retirement | None = None
    """What AWS retired from the service; refused only with ``Options.end_of_support``."""

    def unsupported(self, method: str, path: str, headers: Mapping[str, str]) -> str:
        """The message for a call the fake does not serve."""
        name = self.model_operation(method, path, headers) or f"{method} {path.split('?', 1)[0]}"
        return (
            f"pinpoint-mock does not implement the {self.title} operation {name}; nothing was "
            f"sent to AWS. Implemented: {', '.join(self.operations)}"
        )
