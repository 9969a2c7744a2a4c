"""One thread's mocks at a time: mocks patch the whole process (botocore, ``requests``), so two
threads each with a mock of their own would receive each other's calls. A mock started while a
mock started in another thread is still active is refused with an error saying so; mocks nest
freely within one thread, and one active mock serves the calls of every thread."""

from __future__ import annotations

import threading

from ..errors import PinpointMockError

_lock = threading.Lock()
_owner: threading.Thread | None = None
_active = 0


def claim() -> None:
    """Count one more active mock, started in this thread; refused while a mock started in
    another thread is active."""
    global _owner, _active
    this = threading.current_thread()
    with _lock:
        if _active and _owner is not this:
            owner = _owner.name if _owner is not None else "another thread"
            raise PinpointMockError(
                f"a mock is already active in thread {owner!r}; starting another in thread "
                f"{this.name!r} is refused, because mocks patch the whole process and the two "
                "would receive each other's calls. Share the active mock across threads (it "
                "serves every thread's calls), run tests in separate processes (pytest-xdist), "
                "or give each thread a standalone server (pinpoint_mock.server.PinpointServer)"
            )
        _owner = this
        _active += 1


def release() -> None:
    """Count one active mock less (from any thread)."""
    global _owner, _active
    with _lock:
        _active = max(0, _active - 1)
        if not _active:
            _owner = None
