"""``mock_pinpoint()``: the public face of the fake, as a context manager or a decorator.

:class:`PinpointMock` is made of four parts, one module each: catching calls
(:mod:`.catching`), setting up (:mod:`.setup`), scripting outcomes (:mod:`.scripting`) and
reading what happened (:mod:`.reading`), over the state in :mod:`.state`.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from typing import Any, Literal, TypeVar

from ..engine import Engine
from ..errors import PinpointContractWarning, PinpointMockError
from ..interceptors import Interception
from ..interceptors.callers import stacklevel
from ..interceptors.decorator import decorate
from ..interceptors.moto import MotoApps
from ..options import Options
from ..services import SERVICES
from ..services.pinpoint.apps import Mirrors
from ..sms import MAX_UCS2_CHARS
from .catching import Catching
from .reading import Reading
from .scripting import Scripting
from .setup import SetUp

F = TypeVar("F", bound=Callable[..., Any])


class PinpointMock(Catching, SetUp, Scripting, Reading):
    """A fake Amazon Pinpoint (and SES v2, and SMS and voice v2): endpoints, scripted outcomes,
    and everything it was sent."""

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

    def __call__(self, func: F) -> F:
        """Use the mock as a decorator of a function, coroutine function, generator or class
        (each test method, from a fresh mock); a ``pinpoint`` parameter receives the mock (under
        pytest too: the decorated test does not get the fixture's)."""
        return decorate(self, func)  # type: ignore[no-any-return]

    def reseed(self, seed: int | str | None) -> None:
        """Restart ids (and the default chaos seed) from ``seed``."""
        from ..ids import Ids

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
