"""The set-up helper of SMS and voice v2 (``pinpoint.sms_voice_v2``): origination identities,
opt-outs and prices, as a test registers them before its code sends."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal, InvalidOperation

from ...errors import PinpointMockError
from ..base import Core
from .identities import (
    CAPABILITIES,
    MESSAGE_TYPES,
    NUMBER_TYPES,
    Identity,
    PhoneNumber,
    Pool,
    SenderId,
    check_choice,
)
from .numbers import check
from .state import DEFAULT_LIST, OptedOut, SmsVoiceState


def _list_name(state: SmsVoiceState, name: str, what: str) -> str:
    if state.list_named(name) is None:
        raise PinpointMockError(
            f"{what}: no opt-out list {name!r}; create it first (CreateOptOutList or "
            f"sms_voice_v2.create_opt_out_list) or use {DEFAULT_LIST!r}"
        )
    return name


class SmsVoiceV2:
    """Set up SMS and voice v2 for a test: ``add_phone_number``, ``add_sender_id``,
    ``add_pool``, ``create_opt_out_list``, ``opt_out`` (a recipient's STOP), ``opted_out``,
    ``identities`` and ``set_prices``. Without any registered identity every origination is
    accepted."""

    def __init__(self, core: Core) -> None:
        self._core = core

    @property
    def _state(self) -> SmsVoiceState:
        return self._core.store(SmsVoiceState)

    def add_phone_number(
        self,
        phone_number: str,
        *,
        phone_number_id: str | None = None,
        iso_country_code: str | None = None,
        message_type: str = "TRANSACTIONAL",
        number_capabilities: Sequence[str] = ("SMS", "VOICE", "MMS"),
        number_type: str = "LONG_CODE",
        opt_out_list_name: str = DEFAULT_LIST,
    ) -> PhoneNumber:
        """Register an origination phone number (E.164); its id is made from the seed when not
        given, its country read from the number. ``number_type="SIMULATOR"`` makes AWS's
        origination simulator number, which sends only to the simulator destinations of its
        country."""
        checked = check(phone_number)
        if checked.problem is not None:
            raise PinpointMockError(f"add_phone_number: {phone_number!r} {checked.problem}")
        country = iso_country_code or checked.country
        if country is None or len(country) != 2 or not country.isupper():
            raise PinpointMockError(
                f"add_phone_number: iso_country_code must be two capital letters, got {country!r}"
            )
        check_choice("message_type", message_type, MESSAGE_TYPES)
        check_choice("number_type", number_type, NUMBER_TYPES)
        capabilities = tuple(number_capabilities)
        if not capabilities:
            raise PinpointMockError("add_phone_number: number_capabilities must not be empty")
        for capability in capabilities:
            check_choice("number_capabilities", capability, CAPABILITIES)
        state = self._state
        _list_name(state, opt_out_list_name, "add_phone_number")
        made = PhoneNumber(
            phone_number=phone_number,
            phone_number_id=phone_number_id or "phone-" + self._core.ids.uuid().replace("-", ""),
            iso_country_code=country,
            message_type=message_type,
            number_capabilities=capabilities,
            number_type=number_type,
            opt_out_list_name=opt_out_list_name,
        )
        state.register(made)
        return made

    def add_sender_id(
        self,
        sender_id: str,
        *,
        iso_country_code: str,
        message_types: Sequence[str] = ("TRANSACTIONAL",),
    ) -> SenderId:
        """Register a sender ID (1 to 11 letters, digits, ``_`` or ``-``) for one country."""
        if not (1 <= len(sender_id) <= 11) or not all(
            c.isascii() and (c.isalnum() or c in "_-") for c in sender_id
        ):
            raise PinpointMockError(
                f"add_sender_id: a sender ID has 1 to 11 letters, digits, _ or -, got {sender_id!r}"
            )
        if len(iso_country_code) != 2 or not iso_country_code.isupper():
            raise PinpointMockError(
                "add_sender_id: iso_country_code must be two capital letters, got "
                f"{iso_country_code!r}"
            )
        for message_type in message_types:
            check_choice("message_types", message_type, MESSAGE_TYPES)
        made = SenderId(sender_id, iso_country_code, tuple(message_types))
        self._state.register(made)
        return made

    def add_pool(
        self,
        pool_id: str | None = None,
        *,
        origination_identities: Sequence[PhoneNumber | SenderId | str] = (),
        message_type: str = "TRANSACTIONAL",
        opt_out_list_name: str = DEFAULT_LIST,
    ) -> Pool:
        """Register a pool of registered phone numbers and sender IDs (given as the objects the
        helpers return or by any of their names); sends naming the pool go out from the first
        member able to send them."""
        check_choice("message_type", message_type, MESSAGE_TYPES)
        state = self._state
        _list_name(state, opt_out_list_name, "add_pool")
        members: list[PhoneNumber | SenderId] = []
        for given in origination_identities:
            found: Identity | None = state.resolve(given) if isinstance(given, str) else given
            if not isinstance(found, (PhoneNumber, SenderId)):
                raise PinpointMockError(
                    f"add_pool: {given!r} is not a registered phone number or sender ID"
                )
            members.append(found)
        made = Pool(
            pool_id or "pool-" + self._core.ids.uuid().replace("-", ""),
            tuple(members),
            message_type,
            opt_out_list_name,
        )
        state.register(made)
        return made

    def create_opt_out_list(self, name: str) -> str:
        """Create an opt-out list (as CreateOptOutList does); returns its name."""
        state = self._state
        if (
            not name
            or len(name) > 64
            or not all(c.isascii() and (c.isalnum() or c in "_-") for c in name)
        ):
            raise PinpointMockError(
                f"create_opt_out_list: a name has 1 to 64 letters, digits, _ or -, got {name!r}"
            )
        state.create_list(name)
        return name

    def opt_out(self, phone_number: str, *, opt_out_list_name: str = DEFAULT_LIST) -> OptedOut:
        """Opt a recipient out as if they had replied STOP (``EndUserOptedOut`` true): sends to
        the number through that list answer ConflictException DESTINATION_PHONE_NUMBER_OPTED_OUT."""
        checked = check(phone_number)
        if checked.problem is not None:
            raise PinpointMockError(f"opt_out: {phone_number!r} {checked.problem}")
        state = self._state
        _list_name(state, opt_out_list_name, "opt_out")
        return state.opt_out(opt_out_list_name, phone_number, end_user=True)

    def opted_out(self, opt_out_list_name: str = DEFAULT_LIST) -> list[str]:
        """The numbers in an opt-out list, oldest first."""
        found = self._state.list_named(opt_out_list_name)
        if found is None:
            raise PinpointMockError(f"opted_out: no opt-out list {opt_out_list_name!r}")
        return [n for n, _ in sorted(found.numbers.items(), key=lambda item: item[1].timestamp)]

    @property
    def identities(self) -> list[Identity]:
        """Every registered origination identity, in the order registered."""
        return list(self._state.registered)

    def set_prices(
        self,
        *,
        per_part: str | None = None,
        per_minute: str | None = None,
        per_mms: str | None = None,
    ) -> None:
        """The modelled prices in USD (strings, like MaxPrice): one SMS part, one voice minute,
        one MMS. A send whose price exceeds its MaxPrice is refused (PRICE_OVER_THRESHOLD)."""
        state = self._state
        for name, value in (
            ("per_part", per_part),
            ("per_minute", per_minute),
            ("per_mms", per_mms),
        ):
            if value is None:
                continue
            try:
                price = Decimal(value)
            except (InvalidOperation, TypeError):
                raise PinpointMockError(
                    f"set_prices: {name} must be a decimal string, got {value!r}"
                ) from None
            if not price.is_finite() or price < 0:
                raise PinpointMockError(
                    f"set_prices: {name} must be a price of 0 or more, got {value!r}"
                )
            setattr(state, f"price_{name}", price)
