"""Generated users and the worlds they make, and endpoints written in the service's JSON shapes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, SupportsIndex, overload

from ..errors import PinpointMockError
from ..models import Endpoint
from .arguments import channel_name


def endpoint_to_dict(endpoint: Endpoint) -> dict[str, Any]:
    """An endpoint in the service's ``EndpointResponse`` shape (what GetEndpoint returns)."""
    out: dict[str, Any] = {
        "Address": endpoint.address,
        "ApplicationId": endpoint.application_id,
        "Attributes": {k: list(v) for k, v in endpoint.attributes.items()},
        "ChannelType": endpoint.channel,
        "CohortId": endpoint.cohort_id,
        "CreationDate": endpoint.creation_date,
        "Demographic": dict(endpoint.demographic),
        "EffectiveDate": endpoint.effective_date,
        "EndpointStatus": endpoint.status,
        "Id": endpoint.endpoint_id,
        "Location": dict(endpoint.location),
        "Metrics": dict(endpoint.metrics),
        "OptOut": endpoint.opt_out,
        "User": {"UserAttributes": {k: list(v) for k, v in endpoint.user_attributes.items()}},
    }
    if endpoint.user_id is not None:
        out["User"]["UserId"] = endpoint.user_id
    return {k: v for k, v in out.items() if v != "" and v != {}}


def endpoint_batch_item(endpoint: Endpoint) -> dict[str, Any]:
    """An endpoint as an ``EndpointBatchItem`` of UpdateEndpointsBatch."""
    item = endpoint_to_dict(endpoint)
    for key in ("ApplicationId", "CohortId", "CreationDate"):
        item.pop(key, None)
    return item


@dataclass(frozen=True)
class FakeUser:
    """A generated user: its id, its endpoints (as registered) and who it is."""

    user_id: str
    endpoints: tuple[Endpoint, ...]
    attributes: Mapping[str, list[str]]
    """The user attributes shared by all its endpoints (``FirstName``, ``Locale``…)."""
    country: str

    @property
    def first_name(self) -> str:
        return self.attributes.get("FirstName", [""])[0]

    @property
    def last_name(self) -> str:
        return self.attributes.get("LastName", [""])[0]

    @property
    def channels(self) -> tuple[str, ...]:
        """The channels of its endpoints, in registration order."""
        return tuple(dict.fromkeys(e.channel for e in self.endpoints))

    @property
    def reachable(self) -> tuple[Endpoint, ...]:
        """Its endpoints that would get a message: ACTIVE and not opted out."""
        return tuple(e for e in self.endpoints if e.active and not e.opted_out)

    def endpoints_for(self, channel: str) -> tuple[Endpoint, ...]:
        channel = channel_name(channel)
        return tuple(e for e in self.endpoints if e.channel == channel)

    def endpoint(self, channel: str) -> Endpoint:
        """Its first endpoint on ``channel``."""
        found = self.endpoints_for(channel)
        if not found:
            have = ", ".join(self.channels) or "none"
            raise PinpointMockError(
                f"user {self.user_id!r} has no {channel.upper()} endpoint (channels: {have})"
            )
        return found[0]

    def address(self, channel: str) -> str:
        """The address of its first endpoint on ``channel``: ``user.address("SMS")``."""
        return self.endpoint(channel).address

    def to_dict(self) -> dict[str, Any]:
        return {
            "UserId": self.user_id,
            "UserAttributes": {k: list(v) for k, v in self.attributes.items()},
            "Endpoints": [endpoint_to_dict(e) for e in self.endpoints],
        }


class World(list[FakeUser]):
    """The users a factory made (a list), with the seed that made them."""

    def __init__(
        self,
        users: Iterable[FakeUser] = (),
        *,
        seed: int | str | None = None,
        application_id: str | None = None,
    ) -> None:
        super().__init__(users)
        self.seed = seed
        self.application_id = application_id

    @overload
    def __getitem__(self, index: SupportsIndex) -> FakeUser: ...
    @overload
    def __getitem__(self, index: slice) -> World: ...
    def __getitem__(self, index: SupportsIndex | slice) -> FakeUser | World:
        if isinstance(index, slice):
            return self._like(super().__getitem__(index))
        return super().__getitem__(index)

    def _like(self, users: Iterable[FakeUser]) -> World:
        return World(users, seed=self.seed, application_id=self.application_id)

    @property
    def user_ids(self) -> list[str]:
        return [user.user_id for user in self]

    @property
    def endpoints(self) -> list[Endpoint]:
        return [endpoint for user in self for endpoint in user.endpoints]

    def get(self, user_id: str) -> FakeUser:
        for user in self:
            if user.user_id == user_id:
                return user
        raise PinpointMockError(f"no user {user_id!r} in this world of {len(self)} users")

    def having(self, channel: str | None = None, *, reachable: bool | None = None) -> World:
        """The users with an endpoint on ``channel`` (any channel if None); ``reachable=True``:
        only counting ACTIVE, not opted-out endpoints; ``False``: users with none of those."""
        chosen = []
        for user in self:
            endpoints = user.endpoints_for(channel) if channel else user.endpoints
            if reachable is not None:
                live = [e for e in endpoints if e.active and not e.opted_out]
                if bool(live) != reachable:
                    continue
            elif not endpoints:
                continue
            chosen.append(user)
        return self._like(chosen)

    def to_dicts(self) -> list[dict[str, Any]]:
        return [user.to_dict() for user in self]
