"""services/base: the shared core."""

from __future__ import annotations

from pinpoint_mock.engine import Engine


class _Counter:
    def __init__(self) -> None:
        self.items: list[str] = []

    def clear(self) -> None:
        self.items.clear()


def test_a_service_store_is_made_once_and_cleared_by_reset() -> None:
    engine = Engine()
    store = engine.core.store(_Counter)
    store.items.append("x")
    assert engine.core.store(_Counter) is store
    engine.reset()
    assert engine.core.store(_Counter).items == []
