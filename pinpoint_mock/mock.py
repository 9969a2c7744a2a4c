"""``mock_pinpoint()``: the public face of the fake, as a context manager or a decorator."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from . import assertions
from .engine import Engine
from .errors import PinpointContractWarning, PinpointMockError, UnsupportedOperationError
from .interceptors import Interception
from .interceptors.callers import stacklevel
from .interceptors.decorator import decorate
from .interceptors.moto import MotoApps, moto_active
from .message_templates import MessageTemplate
from .models import Endpoint
from .options import Options
from .recording import Call, Records, SentMessage
from .request import Request
from .script import Rule
from .services import PREFIXES, SERVICES, service_for
from .services.pinpoint.apps import APP_OPERATIONS, Mirrors
from .services.pinpoint.otp import OtpCode, OtpCodes
from .services.pinpoint.phone import PhoneOverrides
from .services.sesv2 import SesSetup
from .services.sms_voice_v2 import ERROR_STATUS as SMS_VOICE_V2_ERRORS
from .services.sms_voice_v2 import SmsVoiceV2
from .sms import MAX_UCS2_CHARS
from .wire import Response, RouteError

if TYPE_CHECKING:
    from .factories import World

F = TypeVar("F", bound=Callable[..., Any])


class PinpointMock:
    """A fake Amazon Pinpoint: endpoints, scripted outcomes, and everything it was sent."""

    def __init__(
        self,
        *,
        seed: int | str | None = None,
        application_id: str = Options.default_application_id,
        validate: bool = True,
        strict_applications: bool = False,
        skip_inactive: bool = True,
        simulator: bool = True,
        multi_value: Literal["first", "join"] = "first",
        intercept_requests: bool = True,
        services: Sequence[str] | None = None,
        end_of_support: bool = False,
        sms_max_gsm7: int = Options.sms_max_gsm7,
    ) -> None:
        if multi_value not in ("first", "join"):
            raise PinpointMockError(f"multi_value must be 'first' or 'join', got {multi_value!r}")
        if type(sms_max_gsm7) is not int or not MAX_UCS2_CHARS <= sms_max_gsm7 <= 1600:
            raise PinpointMockError(
                f"sms_max_gsm7 must be an integer from {MAX_UCS2_CHARS} to 1600 (the GSM-7 "
                f"limit of the docs is 1530, the model's 1600), got {sms_max_gsm7!r}"
            )
        unknown = sorted(set(services or ()) - set(SERVICES))
        if unknown or isinstance(services, str):
            raise PinpointMockError(
                f"services must list some of {', '.join(SERVICES)}, got {services!r}"
            )
        self._services = frozenset(SERVICES if services is None else services)
        self.seed = seed
        self.options = Options(
            validate=validate,
            strict_applications=strict_applications,
            skip_inactive=skip_inactive,
            simulator=simulator,
            multi_value=multi_value,
            default_application_id=application_id,
            end_of_support=bool(end_of_support),
            sms_max_gsm7=sms_max_gsm7,
        )
        self.engine = Engine(options=self.options, seed=seed)
        self._moto = MotoApps(self.engine.core.directory)  # the mock's apps are moto's too
        self.engine.core.application_check = self._moto.check
        self.engine.core.directory.create_app(application_id)
        self.engine.core.store(Mirrors).apps = self._moto
        self.intercept_requests = intercept_requests
        self._interception = Interception(
            self, self._answer_requests if intercept_requests else None
        )
        self._started = 0
        self._populated = 0

    # -- lifecycle --
    def start(self) -> PinpointMock:
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

    def __enter__(self) -> PinpointMock:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def active(self) -> bool:
        """Whether the mock is started (catching calls)."""
        return self._started > 0

    def __call__(self, func: F) -> F:
        """Use the mock as a decorator of a function, coroutine function, generator or class
        (each test method, from a fresh mock); a ``pinpoint`` parameter receives the mock (under
        pytest too: the decorated test does not get the fixture's)."""
        return decorate(self, func)  # type: ignore[no-any-return]

    # -- the catchers' entry points --
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
        if service is not None and service_for(request).name not in self.services:
            raise UnsupportedOperationError(
                f"{service_for(request).title} is not among this mock's services "
                f"({', '.join(sorted(self.services))}) and moto is not active to answer "
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
        if service.name not in self.services:
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
        return [c for c in self.calls if (c.rule or "").startswith("end-of-support")]

    # -- set-up --
    @property
    def application_id(self) -> str:
        return self.options.default_application_id

    def create_app(
        self, application_id: str, name: str | None = None, tags: Mapping[str, str] | None = None
    ) -> str:
        """Register an application id, with the name and tags GetApp answers (the name
        defaults to the id). Every application the mock knows (this one, the default one, one
        given to ``add_endpoint`` or ``populate``) is known inside moto's ``mock_aws`` too;
        registering it here also brings it back in moto after moto deleted it."""
        self.engine.core.directory.create_app(application_id, name, tags)
        self._moto.renew(application_id)  # known to moto too, even after moto deleted it
        return application_id

    def phone_number(self, number: str, **fields: Any) -> None:
        """Fix NumberValidateResponse members PhoneNumberValidate answers for ``number`` (its
        E.164 form), e.g. ``phone_number("+12065550142", PhoneType="LANDLINE", Carrier="X")``."""
        self.engine.core.store(PhoneOverrides).set(number, fields)

    def add_endpoint(
        self,
        *,
        user_id: str | None,
        channel: str,
        address: str,
        endpoint_id: str | None = None,
        opt_out: str = "NONE",
        status: str = "ACTIVE",
        attributes: Mapping[str, list[str]] | None = None,
        user_attributes: Mapping[str, list[str]] | None = None,
        application_id: str | None = None,
        **extra: Any,
    ) -> Endpoint:
        """Register an endpoint for a user; returns it (its ``endpoint_id`` is generated if not
        given). Service rules apply: at most 15 endpoints per user."""
        try:
            return self.engine.core.directory.add(
                application_id=application_id or self.application_id,
                user_id=user_id,
                channel=channel,
                address=address,
                endpoint_id=endpoint_id,
                opt_out=opt_out,
                status=status,
                attributes=attributes,
                user_attributes=user_attributes,
                **extra,
            )
        except PinpointMockError as exc:
            raise PinpointMockError(f"add_endpoint: {exc}") from None

    def endpoints(
        self, user_id: str | None = None, application_id: str | None = None
    ) -> list[Endpoint]:
        app = application_id or self.application_id
        if user_id is not None:
            return self.engine.core.directory.for_user(app, user_id)
        return self.engine.core.directory.endpoints(app)

    def populate(
        self,
        users: int = 10,
        channels: Sequence[str] | str = ("SMS", "EMAIL"),
        endpoints_per_user: int | tuple[int, int] | None = None,
        opt_out_rate: float = 0.0,
        inactive_rate: float = 0.0,
        seed: int | str | None = None,
        application_id: str | None = None,
        **options: Any,
    ) -> World:
        """Fill the directory with ``users`` believable users (needs Faker), each with endpoints
        over ``channels``; returns them (``world[0].user_id``, ``.address("SMS")``…). The same
        ``seed`` gives the same world; without one it derives from the mock's seed. ``options``:
        ``countries``, ``id_style``, ``locale`` (see ``pinpoint_mock.factories``)."""
        from . import factories

        if seed is None and self.seed is not None:
            seed = f"{self.seed}:populate:{self._populated}"
        self._populated += 1
        return factories.populate(
            self.engine.core.directory,
            users,
            application_id=application_id or self.application_id,
            seed=seed,
            channels=channels,
            endpoints_per_user=endpoints_per_user,
            opt_out_rate=opt_out_rate,
            inactive_rate=inactive_rate,
            **options,
        )

    def add_template(
        self,
        name: str,
        *,
        channel: str,
        title: str | None = None,
        body: str | None = None,
        html: str | None = None,
        default_substitutions: Mapping[str, str] | None = None,
    ) -> MessageTemplate:
        """Register a message template (what CreateSmsTemplate & co. would create), so sends
        naming it in ``TemplateConfiguration`` render its text. ``channel`` is SMS, EMAIL, PUSH
        or VOICE; ``title`` is the push title or email subject, ``body`` the SMS/voice/push body
        or the email's text part, ``html`` the email's HTML part. Each call adds a version; the
        newest is the active one."""
        kind = channel.upper()
        if kind not in ("SMS", "EMAIL", "PUSH", "VOICE"):
            raise PinpointMockError(
                f"add_template: channel {channel!r} is not one of SMS, EMAIL, PUSH, VOICE"
            )
        if html is not None and kind != "EMAIL":
            raise PinpointMockError("add_template: html is for EMAIL templates only")
        if title is not None and kind in ("SMS", "VOICE"):
            raise PinpointMockError(f"add_template: {kind} templates have no title")
        for key, value in (default_substitutions or {}).items():
            if not isinstance(value, str):
                raise PinpointMockError(
                    f"add_template: default_substitutions[{key!r}] must be a string, got {value!r}"
                )
        store = self.engine.core.templates
        return store.add(
            MessageTemplate(
                kind=kind,
                name=name,
                version=store.next_version(kind, name),
                title=title,
                body=body,
                html=html,
                default_substitutions=dict(default_substitutions or {}),
            )
        )

    # -- scripting --
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

    # -- what happened --
    @property
    def sent(self) -> Records[SentMessage]:
        """One record per endpoint delivery, in order."""
        return self.engine.log.sent

    @property
    def calls(self) -> Records[Call]:
        """One record per HTTP call (every retry attempt included), in order."""
        return self.engine.log.calls

    def assert_sent(self, *, count: int | None = None, **criteria: Any) -> list[SentMessage]:
        """Assert deliveries matching ``criteria`` (user=, channel=, body_contains=, status=…)
        were recorded: at least one, or exactly ``count``. Returns the matches."""
        __tracebackhide__ = True
        return assertions.check_sent(self.sent, count, **criteria)

    def assert_not_sent(self, **criteria: Any) -> None:
        __tracebackhide__ = True
        assertions.check_not_sent(self.sent, **criteria)

    def clear_sent(self) -> int:
        """Forget what was recorded so far, the deliveries and the calls that made them (their
        memory is freed; endpoints, templates and scripts stay); returns how many deliveries
        there were."""
        count = len(self.sent)
        self.engine.log.clear()
        return count

    def keep_at_most(self, *, calls: int | None, deliveries: int | None) -> None:
        """Bound what is recorded: the newest ``calls`` calls and ``deliveries`` deliveries
        (None: everything, the default); older ones are dropped and counted in
        :attr:`history`. ``pinpoint-mock serve`` bounds both by default."""
        self.engine.log.bound(max_calls=calls, max_sent=deliveries)

    @property
    def history(self) -> dict[str, int | None]:
        """What is kept (``calls``, ``deliveries``), the bounds (``maxCalls``,
        ``maxDeliveries``) and how many were dropped (``droppedCalls``, ``droppedDeliveries``)."""
        return self.engine.log.history()

    def clear_outcomes(self) -> None:
        """Forget scripted outcomes, faults and chaos (endpoints and records stay)."""
        self.engine.core.script.clear()

    @property
    def otp_codes(self) -> list[OtpCode]:
        """The one-time passwords SendOTPMessage sent, the latest per reference id and
        destination, oldest first (``.code``, ``.reference_id``, ``.attempts_left``, ``.used``…)."""
        return self.engine.core.store(OtpCodes).codes()

    def expire_otp(self, reference_id: str | None = None) -> int:
        """Make the OTP codes (every one, or those of ``reference_id``) expired, as if their
        ValidityPeriod had passed; returns how many."""
        return self.engine.core.store(OtpCodes).expire(reference_id)

    @property
    def services(self) -> frozenset[str]:
        """The services this mock answers (botocore names, ``services=``; every one by
        default); the others are left to moto when it is active, and refused (nothing sent)
        when it is not."""
        return self._services

    @property
    def sesv2(self) -> SesSetup:
        """Set up and read SES v2: ``verify_identity``, ``sandbox``, ``suppress``,
        ``create_template``, ``fail`` (SES's errors), ``events``, ``sns_messages``,
        ``eventbridge_events``."""
        return SesSetup(self.engine.core, lambda: self.engine.log.sent)

    @property
    def sms_voice_v2(self) -> SmsVoiceV2:
        """Set up End User Messaging SMS and voice v2: ``add_phone_number``, ``add_sender_id``,
        ``add_pool``, ``create_opt_out_list``, ``opt_out``, ``opted_out``, ``set_prices``."""
        return SmsVoiceV2(self.engine.core)

    def unfired(self) -> list[str]:
        """Scripted outcomes and faults that never fired."""
        return self.engine.core.script.unfired()

    def reseed(self, seed: int | str | None) -> None:
        """Restart ids (and the default chaos seed) from ``seed``."""
        from .script import Ids

        self.seed = seed
        self.engine.core.ids = Ids(seed)
        self._populated = 0

    def reset(self) -> None:
        """Forget endpoints, scripts and records (the default application stays)."""
        self.engine.reset()
        self.engine.core.directory.create_app(self.application_id)


def mock_pinpoint(
    *,
    seed: int | str | None = None,
    application_id: str = Options.default_application_id,
    validate: bool = True,
    strict_applications: bool = False,
    skip_inactive: bool = True,
    simulator: bool = True,
    multi_value: Literal["first", "join"] = "first",
    intercept_requests: bool = True,
    services: Sequence[str] | None = None,
    end_of_support: bool = False,
    sms_max_gsm7: int = Options.sms_max_gsm7,
) -> PinpointMock:
    """A fake Amazon Pinpoint, used as ``with mock_pinpoint() as pinpoint:`` or a decorator.
    The options are :class:`PinpointMock`'s; ``end_of_support=True`` answers the operations AWS
    retired on 2026-10-30 as the retired service does (403 ForbiddenException), and keeps the
    continuing ones (SendMessages to phone numbers and push tokens, OTP, PhoneNumberValidate,
    apps and the SMS, voice and push channels; SES v2 and SMS and voice v2) working."""
    return PinpointMock(
        seed=seed,
        application_id=application_id,
        validate=validate,
        strict_applications=strict_applications,
        skip_inactive=skip_inactive,
        simulator=simulator,
        multi_value=multi_value,
        intercept_requests=intercept_requests,
        services=services,
        end_of_support=end_of_support,
        sms_max_gsm7=sms_max_gsm7,
    )


def warn_unfired(mock: PinpointMock, at: tuple[str, int] | None = None) -> None:
    """Warn about scripted rules and faults that never fired, at ``at`` (a file and a line:
    the test's) when given, else at the caller's caller outside pinpoint-mock."""
    unfired = mock.unfired()
    if not unfired:
        return
    warning = PinpointContractWarning("scripted but never fired: " + "; ".join(unfired))
    if at is None:
        warnings.warn(warning, stacklevel=stacklevel())
    else:
        warnings.warn_explicit(warning, PinpointContractWarning, *at)
