"""Setting up a test: applications, endpoints, worlds, templates, phone numbers, the services
the mock answers and their own set-up (``sesv2``, ``sms_voice_v2``), OTP codes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from ..errors import PinpointMockError
from ..message_templates import MessageTemplate
from ..models import Endpoint
from ..services.pinpoint.otp import OtpCode, OtpCodes
from ..services.pinpoint.phone import PhoneOverrides
from ..services.sesv2 import SesSetup
from ..services.sms_voice_v2 import SmsVoiceV2

if TYPE_CHECKING:
    from ..factories import World

from .state import MockState


class SetUp(MockState):
    """Setting up a test (a part of :class:`~pinpoint_mock.mock.PinpointMock`)."""

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
        from .. import factories

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

    @property
    def otp_codes(self) -> list[OtpCode]:
        """The one-time passwords SendOTPMessage sent, the latest per reference id and
        destination, oldest first (``.code``, ``.reference_id``, ``.attempts_left``, ``.used``…)."""
        return self.engine.core.store(OtpCodes).codes()

    def expire_otp(self, reference_id: str | None = None) -> int:
        """Make the OTP codes (every one, or those of ``reference_id``) expired, as if their
        ValidityPeriod had passed; returns how many."""
        return self.engine.core.store(OtpCodes).expire(reference_id)
