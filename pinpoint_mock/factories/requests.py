"""SendUsersMessages request bodies for generated users: a scenario's messages for the users'
channels, per-user ``Substitutions``, overrides, ``Context`` and ``TraceId``."""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from typing import Any

from ..errors import PinpointMockError
from ..models import CHANNELS
from . import arguments
from .names import name_pools
from .provider import random_uuid
from .scenarios import REQUEST_CHANNELS, STORIES, message_configuration, scenario_named, value
from .world import FakeUser

#: SendUsersMessages takes at most 100 users per request.
MAX_USERS_PER_REQUEST = 100


def request_body(
    rng: random.Random,
    users: Iterable[FakeUser | str],
    *,
    channels: Iterable[str] | str | None = None,
    scenario: str | None = None,
    substitutions: bool = True,
    overrides: float = 0.0,
    context: bool | Mapping[str, str] = False,
    trace_id: bool | str = False,
    uuid_random: random.Random | None = None,
) -> dict[str, Any]:
    """What :meth:`PinpointFactory.request` returns, drawn from ``rng`` (a generated
    ``Context``'s batch id from ``uuid_random``, default ``rng``)."""
    chosen_users = list(users)
    if not chosen_users:
        raise PinpointMockError("a request needs at least one user")
    if len(chosen_users) > MAX_USERS_PER_REQUEST:
        raise PinpointMockError(
            f"a SendUsersMessages request takes at most {MAX_USERS_PER_REQUEST} users, got "
            f"{len(chosen_users)}; use requests() to split them"
        )
    overrides = arguments.rate("overrides", overrides)
    wanted = request_channels(chosen_users, channels)
    story = rng.choice(STORIES) if scenario is None else scenario_named(scenario)
    values = {name: value(rng, name) for name in story.variables}
    values["FirstName"] = "there"
    config = message_configuration(rng, story, wanted, values, substitutions)
    body: dict[str, Any] = {"MessageConfiguration": config, "Users": {}}
    for entry in chosen_users:
        user_id = entry.user_id if isinstance(entry, FakeUser) else str(entry)
        cfg: dict[str, Any] = {}
        if substitutions:
            first = entry.first_name if isinstance(entry, FakeUser) else ""
            if not first:
                first = name_pools("en_US")[0].pick(rng)[0]
            subs = {name: [value(rng, name)] for name in story.variables}
            subs["FirstName"] = [first]
            cfg["Substitutions"] = subs
        if overrides and rng.random() < overrides:
            name = "{{FirstName}}" if substitutions else "{{User.UserAttributes.FirstName}}"
            cfg["BodyOverride"] = f"{name}, we have an update for you."
            if rng.random() < 0.5:
                cfg["TitleOverride"] = "A personal update"
        if context is True or (isinstance(context, Mapping) and rng.random() < 0.5):
            cfg["Context"] = {"segment": rng.choice(("new", "active", "lapsed", "vip"))}
        body["Users"][user_id] = cfg
    if context is True:
        batch = random_uuid(uuid_random or rng)
        body["Context"] = {"campaign": story.name, "batch": batch}
    elif isinstance(context, Mapping):
        body["Context"] = {str(k): str(v) for k, v in context.items()}
    if trace_id is True:
        body["TraceId"] = f"{story.name}-{rng.getrandbits(64):016x}"
    elif isinstance(trace_id, str) and trace_id:
        body["TraceId"] = trace_id
    return body


def request_channels(
    users: list[FakeUser | str], channels: Iterable[str] | str | None
) -> tuple[str, ...]:
    """The channels a request writes messages for: those asked for, else the users'."""
    if channels is not None:
        found = arguments.parse_channels(channels)
        unsupported = [c for c in found if c not in REQUEST_CHANNELS]
        if unsupported:
            raise PinpointMockError(
                f"no direct message for channel {', '.join(unsupported)}; request channels "
                f"are {', '.join(REQUEST_CHANNELS)}"
            )
        return found
    seen = dict.fromkeys(e.channel for u in users if isinstance(u, FakeUser) for e in u.endpoints)
    found = tuple(c for c in CHANNELS if c in seen and c in REQUEST_CHANNELS)
    return found or ("SMS", "EMAIL")
