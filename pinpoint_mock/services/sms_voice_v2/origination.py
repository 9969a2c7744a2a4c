"""Which origination identity a send goes out from, and whether it may: registered or not,
able to carry the channel, of the requested message type, allowed for the destination's
country; and which opt-out list then applies."""

from __future__ import annotations

from typing import NamedTuple

from .errors import V2Error
from .identities import Identity, PhoneNumber, Pool, SenderId, guess_kind
from .numbers import simulator_destination
from .state import DEFAULT_LIST, SmsVoiceState

#: The capability each channel needs of a phone number.
CAPABILITY = {"text": "SMS", "media": "MMS", "voice": "VOICE"}


class Origin(NamedTuple):
    """The identity a send goes out from (None: unregistered, accepted as given)."""

    name: str | None
    identity: PhoneNumber | SenderId | None
    pool: Pool | None
    opt_out_list: str


def _fit(
    identity: PhoneNumber | SenderId,
    kind: str,
    message_type: str | None,
    dest: str,
    country: str | None,
) -> V2Error | None:
    """Why ``identity`` cannot send this message, or None."""
    if isinstance(identity, SenderId):
        if kind != "text":
            return V2Error(
                "ValidationException",
                f"A sender ID cannot send {kind} messages; use a phone number or a pool",
                reason="INVALID_PARAMETER",
                fields=(("OriginationIdentity", "must be a phone number or a pool"),),
            )
        if message_type is not None and message_type not in identity.message_types:
            return V2Error(
                "ConflictException",
                f"Sender ID {identity.sender_id} is not registered for {message_type} messages",
                reason="MESSAGE_TYPE_MISMATCH",
                resource_type="sender-id",
                resource_id=identity.sender_id,
            )
        if country is not None and identity.iso_country_code != country:
            return V2Error(
                "ValidationException",
                f"Sender ID {identity.sender_id} is registered for {identity.iso_country_code}, "
                f"not for the destination's country {country}",
                reason="INVALID_IDENTITY_FOR_DESTINATION_COUNTRY",
            )
        return None
    needed = CAPABILITY[kind]
    if needed not in identity.number_capabilities:
        return V2Error(
            "ConflictException",
            f"Phone number {identity.phone_number} does not have the {needed} capability",
            reason="NUMBER_CAPABILITIES_MISMATCH",
            resource_type="phone-number",
            resource_id=identity.phone_number_id,
        )
    if message_type is not None and message_type != identity.message_type:
        return V2Error(
            "ConflictException",
            f"Phone number {identity.phone_number} sends {identity.message_type} messages, "
            f"not {message_type}",
            reason="MESSAGE_TYPE_MISMATCH",
            resource_type="phone-number",
            resource_id=identity.phone_number_id,
        )
    if identity.number_type != "SIMULATOR" and country not in (None, identity.iso_country_code):
        return V2Error(
            "ValidationException",
            f"Phone number {identity.phone_number} ({identity.iso_country_code}) cannot send to "
            f"the destination's country {country}",
            reason="INVALID_IDENTITY_FOR_DESTINATION_COUNTRY",
        )
    if identity.number_type == "SIMULATOR":
        simulated = simulator_destination(dest)
        if simulated is None or simulated[0] != identity.iso_country_code:
            return V2Error(
                "ValidationException",
                f"A simulator phone number sends only to the destination simulator numbers of "
                f"its country ({identity.iso_country_code}); {dest} is not one",
                reason="INVALID_IDENTITY_FOR_DESTINATION_COUNTRY",
            )
    return None


def origin_for(
    state: SmsVoiceState,
    origination: str | None,
    kind: str,
    message_type: str | None,
    dest: str,
    country: str | None,
) -> Origin:
    """The origin of a send, or the exception the service answers."""
    if origination is None:
        if state.permissive or kind != "text":
            return Origin(None, None, None, DEFAULT_LIST)
        # The service picks a fitting registered identity when the request names none.
        for candidate in state.registered:
            if isinstance(candidate, Pool):
                continue
            if _fit(candidate, kind, message_type, dest, country) is None:
                return Origin(candidate.name, candidate, None, _list_of(state, candidate))
        raise V2Error(
            "ConflictException",
            "No origination identity can send to this destination",
            reason="NO_ORIGINATION_IDENTITIES_FOUND",
        )
    found: Identity | None = state.resolve(origination)
    if found is None:
        if state.permissive:
            return Origin(origination, None, None, DEFAULT_LIST)
        kind_name = guess_kind(origination)
        raise V2Error(
            "ResourceNotFoundException",
            f"The {kind_name} {origination} was not found",
            resource_type=kind_name,
            resource_id=origination,
        )
    if isinstance(found, Pool):
        problems = []
        for member in found.members:
            problem = _fit(member, kind, message_type, dest, country)
            if problem is None:
                return Origin(member.name, member, found, found.opt_out_list_name)
            problems.append(problem.message)
        raise V2Error(
            "ConflictException",
            f"No origination identity of pool {found.pool_id} can send this message"
            + (f": {'; '.join(problems)}" if problems else " (the pool is empty)"),
            reason="NO_ORIGINATION_IDENTITIES_FOUND",
            resource_type="pool",
            resource_id=found.pool_id,
        )
    problem = _fit(found, kind, message_type, dest, country)
    if problem is not None:
        raise problem
    return Origin(found.name, found, None, _list_of(state, found))


def _list_of(state: SmsVoiceState, identity: PhoneNumber | SenderId) -> str:
    if isinstance(identity, PhoneNumber):
        return identity.opt_out_list_name
    pools = state.pools_of(identity)
    return pools[0].opt_out_list_name if pools else DEFAULT_LIST
