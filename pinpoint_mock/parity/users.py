"""Users become addresses: the user -> address map the mock holds, as the rewrite reads it.

SendUsersMessages resolved user ids through Pinpoint's endpoints. After the move the code
resolves them itself (its own store, or Amazon Connect Customer Profiles). :class:`Users` hands
the rewrite the same map the old code's endpoints came from, so one world drives both runs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..mock import PinpointMock
from ..models import PUSH_CHANNELS
from .deliveries import recipient


@dataclass(frozen=True)
class Address:
    """One way to reach a user: what an endpoint was, without Pinpoint."""

    user_id: str
    channel: str
    """``EMAIL``, ``SMS``, ``VOICE`` or a push channel (``GCM``, ``APNS``…)."""
    address: str
    opted_out: bool = False
    """Whether the user opted out of messages to this address (the endpoint's ``OptOut: ALL``)."""
    active: bool = True
    attributes: Mapping[str, list[str]] = field(default_factory=dict)
    """The endpoint's attributes, then the user's (what ``{{Attributes.x}}`` and
    ``{{User.UserAttributes.x}}`` filled)."""

    @property
    def push(self) -> bool:
        return self.channel in PUSH_CHANNELS


class Users:
    """The users of one application and their addresses, read from the mock's directory."""

    def __init__(self, mock: PinpointMock, application_id: str | None = None) -> None:
        self._mock = mock
        self._app = application_id or mock.application_id

    def ids(self) -> list[str]:
        """Every user id with an endpoint, in registration order."""
        seen: dict[str, None] = {}
        for endpoint in self._mock.endpoints(application_id=self._app):
            if endpoint.user_id:
                seen.setdefault(endpoint.user_id)
        return list(seen)

    def addresses(self, user_id: str, channel: str | None = None) -> list[Address]:
        """The user's active addresses (of ``channel`` only, when given), opted-out ones
        included and marked: deciding not to send to them is the caller's job now."""
        found = []
        for endpoint in self._mock.endpoints(user_id, application_id=self._app):
            if not endpoint.active or (channel is not None and endpoint.channel != channel):
                continue
            attributes = {**endpoint.user_attributes, **endpoint.attributes}
            found.append(
                Address(
                    user_id=user_id,
                    channel=str(endpoint.channel),
                    address=endpoint.address,
                    opted_out=endpoint.opted_out,
                    active=endpoint.active,
                    attributes=attributes,
                )
            )
        return found

    def owners(self) -> dict[tuple[str, str], str]:
        """Who each address belongs to: ``{(channel, address): user_id}`` (the first user
        registered with it; addresses in the form deliveries are matched on)."""
        found: dict[tuple[str, str], str] = {}
        for endpoint in self._mock.endpoints(application_id=self._app):
            if endpoint.user_id:
                key = (str(endpoint.channel), recipient(endpoint.channel, endpoint.address))
                found.setdefault(key, endpoint.user_id)
        return found

    def owner(self, channel: str, address: str) -> str | None:
        """The user an address belongs to (the first registered), or None."""
        return self.owners().get((channel, recipient(channel, address)))

    def __call__(self, user_id: str) -> list[Address]:
        """``users(user_id)`` is ``users.addresses(user_id)``: pass ``users`` as a resolver."""
        return self.addresses(user_id)
