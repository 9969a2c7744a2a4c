"""Rendering per endpoint: the prepared path against the original per-endpoint algorithm.

    python -m benchmarks.bench_rendering

One realistic SendUsersMessages request: 100 users x 3 endpoints (SMS, EMAIL, APNS), a
MessageConfiguration with ``{{Name}}`` in every text and per-user ``Substitutions``. Each
candidate renders all 300 deliveries of the request; figures are per endpoint. Candidates:

* ``reference``: the original algorithm (``tests/rendering/reference.py``), once per endpoint:
  what the engine paid before.
* ``render()``: the public one-shot function, now ``prepare(...).render(...)`` per endpoint (what
  the engine pays until it prepares once per request).
* ``prepared``: ``prepare(config)`` once per request (its cost included), then
  ``PreparedMessage.render`` per endpoint: what the engine will pay.
* ``prepared, no Substitutions``: the same with recipients that add nothing (``{}``), whose
  deliveries share one message per channel.
* ``RenderedMessage()``: constructing the 300 results alone, the part no rendering strategy
  avoids.

Target: rendering should cost about 1.5-2 us per endpoint on the machine where the original
cost 11 us, i.e. a ratio reference/prepared of about 5.5-7 or more.
"""

from __future__ import annotations

from typing import Any

from benchmarks.harness import compare, fmt
from pinpoint_mock.models import Endpoint, RenderedMessage
from pinpoint_mock.rendering import prepare, render
from tests.rendering.reference import render_reference

CHANNELS = ("SMS", "EMAIL", "APNS")
USERS = 100


def message_configuration() -> dict[str, Any]:
    return {
        "SMSMessage": {"Body": "Hi {{Name}}, your code is 4321", "MessageType": "TRANSACTIONAL"},
        "EmailMessage": {
            "FromAddress": "shop@example.com",
            "SimpleEmail": {
                "Subject": {"Data": "Reminder for {{Name}}"},
                "TextPart": {"Data": "Dear {{Name}}, see you tomorrow at 10:00."},
            },
        },
        "APNSMessage": {"Title": "Hello {{Name}}", "Body": "{{Name}}, you have a new message"},
    }


def deliveries(substitutions: bool) -> list[tuple[str, dict[str, Any], Endpoint]]:
    """(channel, EndpointSendConfiguration, endpoint) for every delivery of the request."""
    rows = []
    for n in range(USERS):
        user = {"Substitutions": {"Name": [f"Name {n}"]}} if substitutions else {}
        for channel in CHANNELS:
            address = {"SMS": f"+1206{n:07d}", "EMAIL": f"u{n}@example.com", "APNS": f"{n:064x}"}
            endpoint = Endpoint("app", f"{channel}-{n}", channel, address[channel], f"user-{n}")
            rows.append((channel, user, endpoint))
    return rows


def main() -> dict[str, float]:
    config = message_configuration()
    with_subs, without_subs = deliveries(True), deliveries(False)

    def reference() -> None:
        for channel, user, endpoint in with_subs:
            render_reference(channel, config, user, endpoint)

    def one_shot() -> None:
        for channel, user, endpoint in with_subs:
            render(channel, config, user, endpoint)

    def prepared(rows: list[tuple[str, dict[str, Any], Endpoint]]) -> None:
        message = prepare(config)
        for channel, user, endpoint in rows:
            message.render(channel, user, endpoint)

    def construct() -> None:
        subs: dict[str, list[str]] = {}
        for channel, _, _ in with_subs:
            RenderedMessage(channel, None, "b", None, None, subs, subs, None, (), None, None, None)

    for channel, user, endpoint in with_subs:  # same results, or the timing means nothing
        expected = render_reference(channel, config, user, endpoint)
        assert prepare(config).render(channel, user, endpoint) == expected
    medians = compare(
        {
            "reference": reference,
            "render()": one_shot,
            "prepared": lambda: prepared(with_subs),
            "prepared, no Substitutions": lambda: prepared(without_subs),
            "RenderedMessage()": construct,
        }
    )
    count = len(with_subs)
    per_endpoint = {name: seconds / count for name, seconds in medians.items()}
    before, after = per_endpoint["reference"], per_endpoint["prepared"]
    channels = ", ".join(CHANNELS)
    print(f"rendering, {USERS} users x {len(CHANNELS)} endpoints ({channels}), per endpoint")
    for name, seconds in per_endpoint.items():
        print(f"  {name:<28} {fmt(seconds):>9}  ({before / seconds:5.1f}x vs reference)")
    print(
        f"  before/after: {fmt(before)} -> {fmt(after)} per endpoint, {before / after:.1f}x faster"
    )
    print(f"  a whole request: {fmt(before * count)} -> {fmt(after * count)}")
    floor = per_endpoint["RenderedMessage()"]
    print(f"  prepared, less constructing the RenderedMessage: {fmt(after - floor)} per endpoint")
    return per_endpoint


if __name__ == "__main__":
    main()
