"""Identifiers: deterministic from a seed, shaped like the service's, never handed out twice."""

from __future__ import annotations

import re
import uuid as uuid_module
from concurrent.futures import ThreadPoolExecutor

from pinpoint_mock.ids import Ids


def test_ids_are_deterministic_and_shaped_like_the_service() -> None:
    a, b = Ids(3), Ids(3)
    assert [a.uuid() for _ in range(3)] == [b.uuid() for _ in range(3)]
    sms = a.message_id("SMS")
    assert len(sms) == 40
    assert sms.isalnum()
    assert sms == sms.lower()
    assert a.message_id("EMAIL").endswith("-000000")
    uuid = a.uuid()
    assert [len(p) for p in uuid.split("-")] == [8, 4, 4, 4, 12]
    assert uuid[14] == "4"


def test_every_id_is_well_formed_and_unique_across_pools() -> None:
    ids = Ids(7)
    made = {"uuid": [ids.uuid() for _ in range(300)]}
    made["email"] = [ids.message_id("EMAIL") for _ in range(300)]
    made["push"] = [ids.message_id("GCM") for _ in range(300)]
    made["sms"] = [ids.message_id("VOICE") for _ in range(300)]
    for text in made["uuid"] + made["push"] + [e[17:53] for e in made["email"]]:
        parsed = uuid_module.UUID(text)
        assert (str(parsed), parsed.version, parsed.variant) == (text, 4, uuid_module.RFC_4122)
    assert all(len(e) == 60 and e[16] == "-" for e in made["email"])
    assert all(len(s) == 40 and s.isalnum() and s == s.lower() for s in made["sms"])
    everything = [i for kind in made.values() for i in kind]
    assert len(set(everything)) == len(everything)


def test_ids_handed_out_under_threads_are_never_shared() -> None:
    ids = Ids(1)
    with ThreadPoolExecutor(8) as pool:
        made = list(pool.map(lambda _: ids.uuid(), range(2_000)))
    assert len(set(made)) == 2_000


def test_message_ids_are_plain_text_in_json() -> None:
    """The engine writes message ids into JSON without escaping them (statuses: script)."""
    ids = Ids(3)
    plain = re.compile(r"^[A-Za-z0-9_-]+$")
    for channel in ("SMS", "VOICE", "EMAIL", "APNS", "GCM", "BAIDU", "ADM", "CUSTOM"):
        assert plain.match(ids.message_id(channel))
