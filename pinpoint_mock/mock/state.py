"""What every part of :class:`~pinpoint_mock.mock.PinpointMock` works on."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..engine import Engine
    from ..interceptors import Interception
    from ..interceptors.moto import MotoApps
    from ..options import Options


class MockState:
    """The state a :class:`~pinpoint_mock.mock.PinpointMock` holds (made by its ``__init__``):
    the engine, the switches, the seed, the services it answers, moto's mirror of its
    applications, its interception and how many times it was started."""

    engine: Engine
    options: Options
    seed: int | str | None
    intercept_requests: bool
    _services: frozenset[str]
    _moto: MotoApps
    _interception: Interception
    _started: int
    _populated: int
