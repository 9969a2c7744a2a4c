"""``PinpointFactory``: endpoints, users, worlds and SendUsersMessages requests from one seed, and
:func:`populate`, which registers a generated world in a directory (what ``pinpoint.populate``
runs)."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any

from ..directory import Directory
from ..errors import PinpointMockError
from ..models import Endpoint
from ..options import Options
from ..script import simulated_status
from . import arguments
from .countries import COUNTRIES, Country
from .names import email_address, name_pools
from .provider import make_faker, provider_of
from .requests import MAX_USERS_PER_REQUEST, request_body
from .world import FakeUser, World

if TYPE_CHECKING:
    from faker import Faker

    from ..models import Channel

_EPOCH = datetime(2022, 1, 1, tzinfo=timezone.utc)


def _date(rng: random.Random, after: datetime, days: int) -> datetime:
    """A moment up to ``days`` days after ``after``, to the millisecond."""
    return after + timedelta(milliseconds=rng.randrange(days * 86_400_000))


def _iso(stamp: datetime) -> str:
    """ISO-8601 with milliseconds and a trailing Z, as the service writes dates."""
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.") + f"{stamp.microsecond // 1000:03d}Z"


class PinpointFactory:
    """Endpoints, users, worlds and requests from one seed.

    ``seed`` None draws one (kept in ``factory.seed``, so it can be printed and replayed).
    ``countries`` limits the users' countries (default: a weighted global mix); ``id_style``
    picks how user ids look (``uuid``, ``cognito`` or ``integer``).
    """

    def __init__(
        self,
        seed: int | str | None = None,
        *,
        locale: str = "en_US",
        countries: Iterable[str] | str | None = None,
        id_style: str = "uuid",
        application_id: str | None = None,
        faker: Faker | None = None,
    ) -> None:
        if seed is None and faker is None:
            seed = random.SystemRandom().randrange(10**6)
        if isinstance(seed, bool) or not isinstance(seed, (int, str, type(None))):
            raise PinpointMockError(f"seed must be an int or a str, got {seed!r}")
        self.seed = seed
        self.faker = faker if faker is not None else make_faker(seed, locale)
        if faker is not None and seed is not None:
            faker.seed_instance(str(seed))
        self.provider = provider_of(self.faker)
        self.random: random.Random = self.faker.random
        self.countries = arguments.country_codes(countries)
        self._weights = [COUNTRIES[c].weight for c in self.countries]
        self.id_style = arguments.id_style(id_style)
        if application_id is None:
            application_id = Options.default_application_id
        self.application_id = application_id
        self._used_ids: set[str] = set()
        self._used_addresses: set[str] = set()
        self._next_integer = self.random.randint(1_000, 90_000)

    # -- users and endpoints --
    def _country(self, country: str | None) -> Country:
        if country is not None:
            return COUNTRIES[arguments.country_code(country)]
        return COUNTRIES[self.random.choices(self.countries, weights=self._weights)[0]]

    def user_id(self) -> str:
        """A new user id in this factory's style, unique within the factory."""
        while True:
            if self.id_style == "integer":
                self._next_integer += self.random.randint(1, 9)
                user_id = str(self._next_integer)
            else:
                user_id = self.provider.pinpoint_user_id(self.id_style)
            if user_id not in self._used_ids:
                self._used_ids.add(user_id)
                return user_id

    def _unique_address(
        self, channel: str, spec: Country, prefix: str, names: tuple[str, str]
    ) -> str:
        """A new address for the user; addresses are unique within the factory, so a request
        to many users never gets a DUPLICATE the test did not ask for."""
        for _ in range(1000):
            if channel in ("SMS", "VOICE"):
                address = spec.mobile_number(self.random, prefix)  # the user's others' area
            elif channel == "EMAIL":
                address = email_address(self.random, *names)
            else:
                address = self.provider.endpoint_address(channel, spec.code)
            if address not in self._used_addresses and simulated_status(channel, address) is None:
                self._used_addresses.add(address)
                return address
        raise PinpointMockError(f"could not make a new {channel} address")  # pragma: no cover

    def user(
        self,
        *,
        channels: Iterable[str] | str = ("SMS", "EMAIL"),
        endpoints_per_user: int | tuple[int, int] | None = None,
        opt_out_rate: float = 0.0,
        inactive_rate: float = 0.0,
        user_id: str | None = None,
        country: str | None = None,
        application_id: str | None = None,
    ) -> FakeUser:
        """One user with endpoints over ``channels``: one per channel by default;
        ``endpoints_per_user=N`` (or a ``(low, high)`` range) cycles over them."""
        return self._user(
            arguments.parse_channels(channels),
            arguments.per_user(endpoints_per_user),
            arguments.rate("opt_out_rate", opt_out_rate),
            arguments.rate("inactive_rate", inactive_rate),
            user_id,
            country,
            application_id or self.application_id,
        )

    def _user(
        self,
        channels: tuple[Channel, ...],
        per_user: tuple[int, int] | None,
        opt_out_rate: float,
        inactive_rate: float,
        user_id: str | None,
        country: str | None,
        application_id: str,
    ) -> FakeUser:
        rng = self.random
        provider = self.provider
        spec = self._country(country)
        prefix = rng.choice(spec.prefixes)
        locale, zone = spec.locale_and_zone(provider.generator.random, prefix)
        first_pool, last_pool = name_pools(locale)
        first, first_ascii = first_pool.pick(rng)
        last, last_ascii = last_pool.pick(rng)
        if user_id is None:
            user_id = self.user_id()
        attributes = {
            "FirstName": [first],
            "LastName": [last],
            "Locale": [locale],
            "TimeZone": [zone],
        }
        if per_user is None:
            chosen = list(channels)
        else:
            count = rng.randint(*per_user)
            order = list(channels)
            rng.shuffle(order)
            chosen = [order[i % len(order)] for i in range(count)]
        names = (first_ascii, last_ascii)
        created = _date(rng, _EPOCH, 1200)
        endpoints = []
        for channel in chosen:
            effective = _date(rng, created, 300)
            endpoints.append(
                Endpoint(
                    application_id=application_id,
                    endpoint_id=provider.pinpoint_endpoint_id(),
                    channel=channel,
                    address=self._unique_address(channel, spec, prefix, names),
                    user_id=user_id,
                    opt_out="ALL" if rng.random() < opt_out_rate else "NONE",
                    status="INACTIVE" if rng.random() < inactive_rate else "ACTIVE",
                    attributes=provider.endpoint_attributes(channel),
                    user_attributes=attributes,
                    demographic=provider.endpoint_demographic(channel, locale, zone),
                    location={"Country": spec.code},
                    effective_date=_iso(effective),
                    creation_date=_iso(created),
                    cohort_id=str(rng.randrange(100)),
                )
            )
        return FakeUser(user_id, tuple(endpoints), attributes, spec.code)

    def users(
        self,
        count: int,
        *,
        channels: Iterable[str] | str = ("SMS", "EMAIL"),
        endpoints_per_user: int | tuple[int, int] | None = None,
        opt_out_rate: float = 0.0,
        inactive_rate: float = 0.0,
        country: str | None = None,
        application_id: str | None = None,
    ) -> World:
        """``count`` users (a :class:`World`), each with endpoints as for :meth:`user`."""
        count = arguments.count("users", count)
        args = (
            arguments.parse_channels(channels),
            arguments.per_user(endpoints_per_user),
            arguments.rate("opt_out_rate", opt_out_rate),
            arguments.rate("inactive_rate", inactive_rate),
            None,
            country,
            application_id or self.application_id,
        )
        return World(
            (self._user(*args) for _ in range(count)),
            seed=self.seed,
            application_id=args[-1],
        )

    def endpoint(
        self,
        channel: str = "SMS",
        *,
        opt_out_rate: float = 0.0,
        inactive_rate: float = 0.0,
        country: str | None = None,
        application_id: str | None = None,
    ) -> Endpoint:
        """One endpoint on ``channel`` of a new user."""
        user = self.user(
            channels=(channel,),
            opt_out_rate=opt_out_rate,
            inactive_rate=inactive_rate,
            country=country,
            application_id=application_id,
        )
        return user.endpoints[0]

    def endpoints(
        self,
        count: int,
        *,
        channels: Iterable[str] | str = ("SMS", "EMAIL"),
        opt_out_rate: float = 0.0,
        inactive_rate: float = 0.0,
        country: str | None = None,
        application_id: str | None = None,
    ) -> list[Endpoint]:
        """``count`` endpoints, cycling over ``channels``, each of its own new user."""
        count = arguments.count("endpoints", count)
        chosen = arguments.parse_channels(channels)
        return [
            self.endpoint(
                chosen[i % len(chosen)],
                opt_out_rate=opt_out_rate,
                inactive_rate=inactive_rate,
                country=country,
                application_id=application_id,
            )
            for i in range(count)
        ]

    # -- a directory --
    def populate(
        self,
        directory: Directory,
        users: int = 10,
        *,
        application_id: str | None = None,
        channels: Iterable[str] | str = ("SMS", "EMAIL"),
        endpoints_per_user: int | tuple[int, int] | None = None,
        opt_out_rate: float = 0.0,
        inactive_rate: float = 0.0,
        country: str | None = None,
    ) -> World:
        """Register ``users`` generated users and their endpoints in ``directory`` under
        ``application_id`` (default: the factory's); returns them. Their addresses differ from
        those the application already has; bad arguments change nothing. A mock fills its own
        directory with :meth:`PinpointMock.populate`, which runs this."""
        if not isinstance(directory, Directory):
            raise PinpointMockError(
                f"populate fills a Directory, got {type(directory).__name__}; to fill a mock, "
                "call its own populate(...)"
            )
        app = application_id or self.application_id
        self._used_addresses.update(e.address for e in directory.endpoints(app))
        world = self.users(
            users,
            channels=channels,
            endpoints_per_user=endpoints_per_user,
            opt_out_rate=opt_out_rate,
            inactive_rate=inactive_rate,
            country=country,
            application_id=app,
        )
        for user in world:
            for endpoint in user.endpoints:
                try:
                    directory.put(endpoint)
                except PinpointMockError as exc:
                    raise PinpointMockError(f"populate: {exc}") from None
        return world

    # -- requests --
    def request(
        self,
        users: Iterable[FakeUser | str],
        *,
        channels: Iterable[str] | str | None = None,
        scenario: str | None = None,
        substitutions: bool = True,
        overrides: float = 0.0,
        context: bool | Mapping[str, str] = False,
        trace_id: bool | str = False,
    ) -> dict[str, Any]:
        """A valid SendUsersMessages body (the HTTP body / ``SendUsersMessageRequest``) for
        ``users`` (:class:`FakeUser` or user ids, at most 100).

        ``channels``: the channel messages to write (default: the users' channels, else SMS and
        EMAIL). ``substitutions``: per-user ``Substitutions`` fill the ``{{variables}}`` (else
        the texts use ``{{User.UserAttributes.FirstName}}``). ``overrides``: the share of users
        that get a ``BodyOverride``/``TitleOverride``. ``context``: ``Context`` maps (True:
        generated ones). ``trace_id``: a ``TraceId`` (True: a generated one).
        """
        return request_body(
            self.random,
            users,
            channels=channels,
            scenario=scenario,
            substitutions=substitutions,
            overrides=overrides,
            context=context,
            trace_id=trace_id,
            uuid_random=self.provider.generator.random,
        )

    def requests(
        self, users: Iterable[FakeUser | str], *, batch: int = 100, **options: Any
    ) -> list[dict[str, Any]]:
        """Requests for any number of users, ``batch`` (at most 100) users per request."""
        batch = arguments.count("batch", batch, 1, MAX_USERS_PER_REQUEST)
        chosen = list(users)
        return [
            self.request(chosen[start : start + batch], **options)
            for start in range(0, len(chosen), batch)
        ]

    def cli_input(
        self,
        users: Iterable[FakeUser | str],
        *,
        application_id: str | None = None,
        **options: Any,
    ) -> dict[str, Any]:
        """The ``aws pinpoint send-users-messages --cli-input-json`` shape (also boto3's
        keyword arguments): ``{"ApplicationId": ..., "SendUsersMessageRequest": ...}``."""
        return {
            "ApplicationId": application_id or self.application_id,
            "SendUsersMessageRequest": self.request(users, **options),
        }


def populate(
    directory: Directory,
    users: int = 10,
    *,
    application_id: str | None = None,
    seed: int | str | None = None,
    locale: str = "en_US",
    countries: Iterable[str] | str | None = None,
    id_style: str = "uuid",
    **options: Any,
) -> World:
    """What :meth:`PinpointMock.populate` runs: a factory seeded with ``seed`` registers
    ``users`` users in ``directory`` under ``application_id``."""
    factory = PinpointFactory(seed, locale=locale, countries=countries, id_style=id_style)
    return factory.populate(directory, users, application_id=application_id, **options)
