"""Believable requests, made by the factories (needs Faker): real texts, substitutions,
overrides and context."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from hypothesis import strategies as st


def realistic_requests(
    *,
    channels: Iterable[str] | None = None,
    max_users: int = 10,
    input_shape: bool = False,
) -> st.SearchStrategy[dict[str, Any]]:
    """Believable requests made by :class:`pinpoint_mock.factories.PinpointFactory` from a drawn
    seed, channels and options: real texts, substitutions, overrides and context."""
    from ..factories import REQUEST_CHANNELS, PinpointFactory

    fixed = tuple(channels) if channels is not None else None

    @st.composite
    def build(draw: st.DrawFn) -> dict[str, Any]:
        seed = draw(st.integers(0, 2**32))
        picked = fixed or tuple(
            draw(st.lists(st.sampled_from(REQUEST_CHANNELS), min_size=1, max_size=4, unique=True))
        )
        factory = PinpointFactory(seed, id_style=draw(st.sampled_from(("uuid", "cognito"))))
        endpoint_channels = [c for c in picked if c != "PUSH"] or ["GCM"]
        users = factory.users(draw(st.integers(1, max_users)), channels=endpoint_channels)
        options: dict[str, Any] = {
            "channels": picked,
            "substitutions": draw(st.booleans()),
            "overrides": draw(st.sampled_from((0.0, 0.3, 1.0))),
            "context": draw(st.booleans()),
            "trace_id": draw(st.booleans()),
        }
        if input_shape:
            return factory.cli_input(users, **options)
        return factory.request(users, **options)

    return build()
