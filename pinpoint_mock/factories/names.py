"""People's names, from Faker's own name data, and the e-mail addresses made of them.

Faker's person data is imported per locale when first asked for, not when this module loads.
"""

from __future__ import annotations

import functools
import importlib
import random
import string
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

#: RFC 2606 example domains: generated mail never leaves for a real mailbox.
EMAIL_DOMAINS = ("example.com", "example.org", "example.net", "mail.example.com")


@dataclass(frozen=True)
class NamePool:
    """Names with their weights, and each name folded to ASCII (for e-mail local parts)."""

    names: tuple[str, ...]
    ascii: tuple[str, ...]
    cum_weights: tuple[float, ...]

    def pick(self, rng: random.Random) -> tuple[str, str]:
        """``(name, ascii_name)``, drawn as Faker weights it."""
        index = rng.choices(range(len(self.names)), cum_weights=self.cum_weights)[0]
        return self.names[index], self.ascii[index]


_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "œ": "oe"})


def ascii_fold(text: str) -> str:
    """``"Zoë O'Brien-Müller"`` -> ``"zoeobrienmuller"``: for email local parts."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(_FOLD))
    return "".join(c for c in decomposed if c in string.ascii_lowercase or c in string.digits)


def _pool(source: Any) -> NamePool:
    items = list(source.items()) if isinstance(source, Mapping) else [(n, 1.0) for n in source]
    names, asciis, cumulative = [], [], []
    total = 0.0
    for name, weight in items:
        if isinstance(name, tuple):  # ja_JP: (kanji, kana, romanized)
            display, plain = name[0], ascii_fold(name[-1])
        else:
            display, plain = name, ascii_fold(name)
        total += float(weight)
        names.append(display)
        asciis.append(plain or "user")
        cumulative.append(total)
    return NamePool(tuple(names), tuple(asciis), tuple(cumulative))


#: Locales whose names Faker keeps under another locale.
_NAME_LOCALES = {"es_US": "es_MX"}


@functools.cache
def name_pools(locale: str) -> tuple[NamePool, NamePool]:
    """First and last names of a Faker locale (its person provider's data, weights included)."""
    try:
        module = importlib.import_module(
            f"faker.providers.person.{_NAME_LOCALES.get(locale, locale)}"
        )
    except ImportError:
        module = importlib.import_module("faker.providers.person.en_US")
    provider = module.Provider
    first = getattr(provider, "first_name_pairs", None) or provider.first_names
    last = getattr(provider, "last_name_pairs", None) or provider.last_names
    return _pool(first), _pool(last)


def email_address(rng: random.Random, first: str, last: str) -> str:
    """An address at an example domain, shaped like people's real addresses (``ana.silva@``,
    ``asilva84@``…) from ASCII names. Never carries a ``+tag``."""
    shape = rng.randrange(6)
    if shape == 0:
        local = f"{first}.{last}"
    elif shape == 1:
        local = f"{first}{last}"
    elif shape == 2:
        local = f"{first[0]}{last}{rng.randint(1, 99)}"
    elif shape == 3:
        local = f"{first}_{last}"
    elif shape == 4:
        local = f"{first}{rng.randint(1960, 2006)}"
    else:
        local = f"{first}.{last}{rng.randint(1, 999)}"
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"
