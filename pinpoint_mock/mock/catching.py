"""Catching calls: the mock's lifecycle (start, stop, context manager, decorator) and the
entry points of the interceptors and the server."""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import TypeVar

from ..errors import PinpointContractWarning, UnsupportedOperationError
from ..interceptors.callers import stacklevel
from ..interceptors.moto import moto_active
from ..recording import Call
from ..request import Request
from ..services import PREFIXES, SERVICES, service_for
from ..services.pinpoint.apps import APP_OPERATIONS
from ..wire import Response, RouteError
from .state import MockState

M = TypeVar("M", bound="Catching")


class Catching(MockState):
    """Catching calls (a part of :class:`~pinpoint_mock.mock.PinpointMock`)."""

    def start(self: M) -> M:
        """Start catching calls (mocks nest: the innermost started answers)."""
        if self._started == 0:
            self._interception.start()
        self._started += 1
        return self

    def stop(self) -> None:
        """Stop catching calls; the last stop restores everything the start patched."""
        if self._started == 0:
            return
        self._started -= 1
        if self._started == 0:
            self._interception.stop()

    def __enter__(self: M) -> M:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def active(self) -> bool:
        """Whether the mock is started (catching calls)."""
        return self._started > 0

    def answer(
        self,
        method: str,
        path: str,
        headers: Mapping[str, str],
        body: bytes,
        backoff: float,
        transport: str = "botocore",
        service: str | None = None,
    ) -> tuple[int, Mapping[str, str], bytes, tuple[str, ...]]:
        """Answer one call caught in process: (status, headers, body, warnings). A call no
        operation serves raises :class:`UnsupportedOperationError` naming it (nothing is sent)."""
        request = Request(method, path, headers, body, transport, backoff, service)
        # Left out by services=: refused here (inside moto, moto's stubber answered it first).
        # Only a mock that leaves some service out has the lookup to make.
        unserved = None
        if service is not None and len(self._services) < len(SERVICES):
            found = service_for(request)
            unserved = found if found.name not in self._services else None
        if unserved is not None:
            raise UnsupportedOperationError(
                f"{unserved.title} is not among this mock's services "
                f"({', '.join(sorted(self._services))}) and moto is not active to answer "
                f"{method} {path.split('?', 1)[0]}; nothing was sent to AWS"
            )
        response, call = self.engine.handle(request)
        if call.operation is None and response.status == 404:
            raise UnsupportedOperationError(self.engine.unsupported(request))
        return response.status, response.headers, response.body, call.warnings

    def _answer_requests(
        self, method: str, path: str, headers: Mapping[str, str], body: bytes, prefix: str | None
    ) -> tuple[int, Mapping[str, str], bytes]:
        status, response_headers, payload, notes = self.answer(
            method, path, headers, body, 0.0, "requests", prefix
        )
        for note in notes:
            warnings.warn(PinpointContractWarning(note), stacklevel=stacklevel())
        return status, response_headers, payload

    def serve(self, method: str, path: str, headers: Mapping[str, str], body: bytes) -> Response:
        """Answer one HTTP call for the standalone server (a call no operation serves gets the
        service's 404, naming the operation)."""
        response, _ = self.engine.handle(Request(method, path, headers, body, "server"))
        return response

    def new_request_id(self) -> str:
        """A request id from the mock's seeded sequence (for answers made outside the engine)."""
        return self.engine.core.ids.uuid()

    @property
    def operations(self) -> list[str]:
        """The operations this mock implements."""
        return self.engine.operations

    def handles(
        self,
        method: str,
        path: str,
        headers: Mapping[str, str] | None = None,
        prefix: str = "pinpoint",
    ) -> bool:
        """Whether this mock serves the call ``method path`` to a service behind the endpoint
        prefix ``prefix`` (else moto, when active, answers it)."""
        request = Request(method, path, headers or {}, b"", service=prefix)
        if prefix not in PREFIXES:
            return False
        service = service_for(request)
        if service.name not in self._services:
            return False
        try:
            route = service.routes.find(method, path, request.headers)
        except RouteError:  # with end of support on, a retired operation is refused here
            return self._retired(service.name, method, path, request.headers) is not None
        # While moto is active its backend is the registry of applications: moto answers them,
        # once the mock's applications are registered there.
        if route.operation in APP_OPERATIONS and moto_active():
            self._moto.sync(request.headers)
            return False
        return True

    def _retired(
        self, service: str, method: str, path: str, headers: Mapping[str, str]
    ) -> str | None:
        """With end of support on, the retired operation of ``service`` at ``method path``."""
        found = SERVICES[service]
        if not self.options.end_of_support or found.retired is None:
            return None
        operation = found.model_operation(method, path, headers)
        return operation if operation in found.retired.operations else None

    @property
    def retired_calls(self) -> list[Call]:
        """The calls refused because AWS retired what they used (``end_of_support=True``): their
        ``operation`` names it, their ``rule`` is ``end-of-support`` (or
        ``end-of-support: SendMessages to an EMAIL address``…)."""
        return [c for c in self.engine.log.calls if (c.rule or "").startswith("end-of-support")]
