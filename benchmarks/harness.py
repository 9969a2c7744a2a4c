"""Side-by-side timing: candidates run interleaved in one process, medians compared as ratios.

The machines we run on are shared and noisy, so absolute times mean little; running every
candidate in the same rounds, alternating, and comparing medians keeps the ratios stable.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def per_call(fn: Callable[[], object], number: int) -> float:
    start = time.perf_counter()
    for _ in range(number):
        fn()
    return (time.perf_counter() - start) / number


def compare(
    candidates: dict[str, Callable[[], object]], *, rounds: int = 15, budget: float = 0.02
) -> dict[str, float]:
    """Median seconds per call of each candidate, measured in interleaved rounds."""
    numbers = {}
    for name, fn in candidates.items():
        fn()  # warm caches
        once = max(per_call(fn, 1), 1e-7)
        numbers[name] = max(1, int(budget / once))
    samples: dict[str, list[float]] = {name: [] for name in candidates}
    for _ in range(rounds):
        for name, fn in candidates.items():
            samples[name].append(per_call(fn, numbers[name]))
    return {name: statistics.median(values) for name, values in samples.items()}


def fmt(seconds: float) -> str:
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} µs"
