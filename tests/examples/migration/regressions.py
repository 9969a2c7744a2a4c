"""Three deliberate regressions of the rewrite, each a mistake a migration makes easily; the
parity test must catch every one, naming the recipient and the field."""

from __future__ import annotations

from .rewrite import Address, ShippingNotifier


class DroppedRecipient(ShippingNotifier):
    """Forgets push: the old code reached every endpoint, this one never sends to a token."""

    def push(self, channel: str, token: str, values: dict[str, str]) -> str:
        return "SUCCESSFUL"


class LostSubstitution(ShippingNotifier):
    """The SMS text lost its order number (the template was copied with a typo)."""

    SMS = "Hi {first}, order {ordre} has shipped."


class OptOutIgnored(ShippingNotifier):
    """Sends email to users who opted out: SES has no per-address opt-out, so nothing stops it."""

    def skip(self, address: Address) -> bool:
        return False
