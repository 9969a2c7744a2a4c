"""Believable, reproducible Pinpoint data: a Faker provider, and factories for endpoints, users,
whole worlds and SendUsersMessages requests.

    fake = make_faker(seed=7)                   # a seeded Faker with the PinpointProvider
    fake.e164_phone_number("GB")                # '+447700912345'-like, valid for its country
    factory = PinpointFactory(seed=7)
    world = factory.users(200, channels=("SMS", "EMAIL", "APNS"), opt_out_rate=0.05)
    body = factory.request(world[:100])         # a valid SendUsersMessages body for them

Everything comes from one ``random.Random`` seeded with ``seed`` (the Faker instance's own), so the
same seed gives the same data in every process, under pytest-xdist too, for a given version of
pinpoint-mock and Faker. Generated addresses never hit the simulator addresses (``+99955501NN``,
``name+throttled@…``, ``throttled-…`` push tokens), so outcomes stay the ones a test scripts.

One noun per module: ``countries`` (mobile ranges, locales, time zones), ``names`` (people's
names and e-mail addresses), ``arguments`` (checks), ``provider`` (the Faker provider),
``world`` (generated users), ``scenarios`` (the stories and their messages), ``requests``
(SendUsersMessages bodies), ``factory`` (:class:`PinpointFactory` and :func:`populate`).

Nothing in the core imports this package at import time: Faker is an optional dependency
(``pip install 'pinpoint-mock[faker]'``); without it, importing this package fails with that
command (raised by ``provider``, the one module that imports Faker when it loads).
"""

from __future__ import annotations

from .arguments import USER_ID_STYLES, parse_channels
from .countries import COUNTRIES, Country
from .factory import PinpointFactory, populate
from .names import ascii_fold
from .provider import PinpointProvider, make_faker
from .requests import MAX_USERS_PER_REQUEST
from .scenarios import REQUEST_CHANNELS, SCENARIOS
from .world import FakeUser, World, endpoint_batch_item, endpoint_to_dict

__all__ = [
    "COUNTRIES",
    "MAX_USERS_PER_REQUEST",
    "REQUEST_CHANNELS",
    "SCENARIOS",
    "USER_ID_STYLES",
    "Country",
    "FakeUser",
    "PinpointFactory",
    "PinpointProvider",
    "World",
    "ascii_fold",
    "endpoint_batch_item",
    "endpoint_to_dict",
    "make_faker",
    "parse_channels",
    "populate",
]
