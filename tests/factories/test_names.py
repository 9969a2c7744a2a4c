"""Names from Faker's data, folded to ASCII for e-mail local parts, and e-mail addresses."""

from __future__ import annotations

import random
import re
from collections import Counter

from pinpoint_mock.factories import ascii_fold
from pinpoint_mock.factories.names import EMAIL_DOMAINS, email_address, name_pools


def test_ascii_fold_keeps_letters_and_digits_only() -> None:
    assert ascii_fold("Zoë O'Brien-Müller") == "zoeobrienmuller"
    assert ascii_fold("Straße Ærø Łukasz Œuvre 42") == "strasseaerolukaszoeuvre42"
    assert ascii_fold("李") == ""


def test_name_pools_follow_fakers_weights_and_locales() -> None:
    first, _ = name_pools("en_US")
    rng = random.Random(1)
    drawn = Counter(first.pick(rng)[0] for _ in range(5000))
    assert len(drawn) > 100  # spread over Faker's list
    assert all(plain and plain.isascii() for plain in first.ascii)
    # ja_JP keeps display names and romanized ASCII ones
    ja_first, _ = name_pools("ja_JP")
    name, plain = ja_first.pick(rng)
    assert not name.isascii()
    assert re.fullmatch(r"[a-z]+", plain)
    # a locale Faker keeps elsewhere, and one it lacks, still have names
    assert name_pools("es_US")[0].names
    assert name_pools("xx_XX") == name_pools("en_US")


def test_email_addresses_have_the_shapes_people_use() -> None:
    rng = random.Random(2)
    addresses = {email_address(rng, "ana", "silva") for _ in range(600)}
    locals_ = {address.split("@")[0] for address in addresses}
    assert "ana.silva" in locals_
    assert "anasilva" in locals_
    assert "ana_silva" in locals_
    assert any(re.fullmatch(r"asilva\d{1,2}", local) for local in locals_)
    assert any(re.fullmatch(r"ana(19[6-9]\d|200[0-6])", local) for local in locals_)
    assert {address.split("@")[1] for address in addresses} == set(EMAIL_DOMAINS)
    assert not any("+" in address for address in addresses)
