"""What the ``pinpoint_server`` fixture yields: a running server's URL and the Python API of the
mock behind it, typed."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..factories import World
    from ..message_templates import MessageTemplate
    from ..mock import PinpointMock
    from ..models import Endpoint
    from ..recording import Call, Records, SentMessage
    from ..script import Rule
    from ..services.pinpoint.otp import OtpCode
    from ..services.sesv2 import SesSetup
    from ..services.sms_voice_v2 import SmsVoiceV2
    from .app import PinpointServer


class ServerHandle:
    """A running :class:`PinpointServer` as a test sees it.

    ``url`` is where SDKs and subprocesses send (the ``pinpoint_server`` fixture also sets it as
    ``AWS_ENDPOINT_URL_PINPOINT``); ``mock`` is the :class:`~pinpoint_mock.mock.PinpointMock`
    answering there; ``check()`` re-raises an error raised inside the server. The rest is the
    mock's own API, the same as the ``pinpoint`` fixture's: set up with ``add_endpoint``,
    ``add_template``, ``populate``; script with ``outcome``, ``fail``, ``chaos``; read ``sent``
    and ``calls``; assert with ``assert_sent`` and ``assert_not_sent``. Each method forwards to
    the mock with the same parameters (a test checks that they agree).
    """

    def __init__(self, server: PinpointServer) -> None:
        self.server = server
        """The running server."""

    # -- the server --
    @property
    def url(self) -> str:
        """``http://127.0.0.1:<port>``: the endpoint URL to give SDKs."""
        return self.server.url

    @property
    def mock(self) -> PinpointMock:
        """The mock that answers the server's calls."""
        return self.server.mock

    def check(self) -> None:
        """Re-raise, in the test, the first error raised inside the server since the last check."""
        self.server.check()

    # -- set-up --
    @property
    def application_id(self) -> str:
        """The default application id."""
        return self.server.mock.application_id

    @property
    def seed(self) -> int | str | None:
        """The seed of the mock's ids and chaos (the fixture derives it from the test)."""
        return self.server.mock.seed

    def create_app(
        self, application_id: str, name: str | None = None, tags: Mapping[str, str] | None = None
    ) -> str:
        """Register an application id; see :meth:`PinpointMock.create_app`."""
        return self.server.mock.create_app(application_id, name, tags)

    def phone_number(self, number: str, **fields: Any) -> None:
        """Fix what PhoneNumberValidate answers for ``number``; see
        :meth:`PinpointMock.phone_number`."""
        self.server.mock.phone_number(number, **fields)

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
        """Register an endpoint for a user; see :meth:`PinpointMock.add_endpoint`."""
        return self.server.mock.add_endpoint(
            user_id=user_id,
            channel=channel,
            address=address,
            endpoint_id=endpoint_id,
            opt_out=opt_out,
            status=status,
            attributes=attributes,
            user_attributes=user_attributes,
            application_id=application_id,
            **extra,
        )

    def endpoints(
        self, user_id: str | None = None, application_id: str | None = None
    ) -> list[Endpoint]:
        """The endpoints of an application (the default one), or of one of its users."""
        return self.server.mock.endpoints(user_id=user_id, application_id=application_id)

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
        """Fill the directory with believable users (needs Faker); see
        :meth:`PinpointMock.populate`."""
        return self.server.mock.populate(
            users,
            channels=channels,
            endpoints_per_user=endpoints_per_user,
            opt_out_rate=opt_out_rate,
            inactive_rate=inactive_rate,
            seed=seed,
            application_id=application_id,
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
        """Register a message template; see :meth:`PinpointMock.add_template`."""
        return self.server.mock.add_template(
            name,
            channel=channel,
            title=title,
            body=body,
            html=html,
            default_substitutions=default_substitutions,
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
        """Script the DeliveryStatus of matching deliveries (most specific rule wins)."""
        return self.server.mock.outcome(
            status,
            user=user,
            endpoint=endpoint,
            address=address,
            channel=channel,
            where=where,
            times=times,
            status_code=status_code,
            status_message=status_message,
            service=service,
        )

    def fail(
        self,
        code: str,
        *,
        times: int = 1,
        message: str | None = None,
        status: int | None = None,
        operation: str | None = "SendUsersMessages",
        service: str | None = None,
    ) -> None:
        """Answer the next ``times`` attempts with a whole-call error."""
        self.server.mock.fail(
            code, times=times, message=message, status=status, operation=operation, service=service
        )

    def chaos(self, profile: Mapping[str, float], *, seed: int | str | None = None) -> None:
        """Random per-endpoint outcomes, reproducible from ``seed``: ``{"THROTTLED": 0.1}``."""
        self.server.mock.chaos(profile, seed=seed)

    def clear_outcomes(self) -> None:
        """Forget scripted outcomes, faults and chaos (endpoints and records stay)."""
        self.server.mock.clear_outcomes()

    @property
    def sesv2(self) -> SesSetup:
        """Set up and read SES v2; see :attr:`PinpointMock.sesv2`."""
        return self.server.mock.sesv2

    @property
    def services(self) -> frozenset[str]:
        """The services the mock answers; see :attr:`PinpointMock.services`."""
        return self.server.mock.services

    @property
    def sms_voice_v2(self) -> SmsVoiceV2:
        """Set up SMS and voice v2; see :attr:`PinpointMock.sms_voice_v2`."""
        return self.server.mock.sms_voice_v2

    def unfired(self) -> list[str]:
        """Scripted outcomes and faults that never fired."""
        return self.server.mock.unfired()

    @property
    def otp_codes(self) -> list[OtpCode]:
        """The one-time passwords SendOTPMessage sent; see :attr:`PinpointMock.otp_codes`."""
        return self.server.mock.otp_codes

    def expire_otp(self, reference_id: str | None = None) -> int:
        """Make OTP codes expired; see :meth:`PinpointMock.expire_otp`."""
        return self.server.mock.expire_otp(reference_id)

    # -- what happened --
    @property
    def sent(self) -> Records[SentMessage]:
        """One record per endpoint delivery, in order."""
        return self.server.mock.sent

    @property
    def calls(self) -> Records[Call]:
        """One record per HTTP call the server answered (retries included), in order."""
        return self.server.mock.calls

    def assert_sent(self, *, count: int | None = None, **criteria: Any) -> list[SentMessage]:
        """Assert deliveries matching ``criteria`` were recorded (at least one, or ``count``)."""
        __tracebackhide__ = True
        return self.server.mock.assert_sent(count=count, **criteria)

    def assert_not_sent(self, **criteria: Any) -> None:
        """Assert no delivery matching ``criteria`` was recorded."""
        __tracebackhide__ = True
        self.server.mock.assert_not_sent(**criteria)

    def clear_sent(self) -> int:
        """Forget the deliveries recorded so far (calls stay); returns how many there were."""
        return self.server.mock.clear_sent()

    def keep_at_most(self, *, calls: int | None, deliveries: int | None) -> None:
        """Bound what is recorded; see :meth:`PinpointMock.keep_at_most`."""
        self.server.mock.keep_at_most(calls=calls, deliveries=deliveries)

    @property
    def history(self) -> dict[str, int | None]:
        """What is kept, the bounds, what was dropped; see :attr:`PinpointMock.history`."""
        return self.server.mock.history

    def reset(self) -> None:
        """Forget endpoints, scripts (outcomes, faults, chaos) and records."""
        self.server.mock.reset()

    if not TYPE_CHECKING:

        def __getattr__(self, name: str) -> Any:
            if name == "server":  # not set yet (a copy being made): no recursion
                raise AttributeError(name)
            # Anything else of the mock still answers, untyped, as it did before this class
            # listed the mock's API.
            return getattr(self.server.mock, name)

    def __repr__(self) -> str:
        return f"<ServerHandle {self.url}>"
