"""Scaling: doubling an input at most about doubles its cost, for every input a request, a
template or the command line can grow.

    python -m benchmarks.bench_scaling            # sizes n, 2n, 4n, 8n
    python -m benchmarks.bench_scaling --quick    # n, 2n, 4n

Each case is timed at several sizes (the fastest of a few runs: the machines are shared, and
noise only ever adds time) and the ratio of each size's cost to the previous one is printed:
about 2 is linear, 4 would be quadratic. The verdict reads the exponent over the whole range,
``log2(cost(8n) / cost(n)) / 3``: 1 is linear, 2 quadratic (one step's ratio is noisy). The
cases are the shapes that stalled or crashed before issue 14 (``{{`` + spaces backtracked for
seconds, thousands of variables recursed) and the other inputs that grow with a request: long
texts, many variables, long SMS bodies, big JSON bodies, many contract errors, long raw
payloads, ``fake`` output. No target is asserted (timings are not tests); the exit status is 1
when a case is worse than linear.
"""

from __future__ import annotations

import argparse
import base64
import io
import json
import math
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass

from pinpoint_mock.contract import parse_json, validate, variables
from pinpoint_mock.errors import ContractError
from pinpoint_mock.mock import PinpointMock
from pinpoint_mock.rendering.raw import from_json, from_mime
from pinpoint_mock.request import Request
from pinpoint_mock.sms import analyse
from pinpoint_mock.templates import Text

#: An exponent above this (cost ~ size ** exponent, over the whole range) is worse than linear.
#: Not 1.0: caches and the allocator make even ``json.loads`` show about 1.3 over some ranges
#: on a busy machine, while a quadratic cost shows 2.
LINEAR = 1.5
APP = "app"


@dataclass(frozen=True)
class Case:
    name: str
    base: int
    """The smallest size: the others are 2, 4 and 8 times it."""
    run: Callable[[int], Callable[[], object]]
    """Given a size, builds the input and returns what to time."""
    unit: str = "chars"


def _send_body(body: str, **users: object) -> bytes:
    return json.dumps(
        {"Users": users or {"u": {}}, "MessageConfiguration": {"SMSMessage": {"Body": body}}}
    ).encode()


def _engine() -> Callable[[bytes], object]:
    mock = PinpointMock(seed=1, application_id=APP)
    mock.add_endpoint(user_id="u", channel="SMS", address="+12065550123")
    engine = mock.engine

    def send(body: bytes) -> object:
        response, _ = engine.handle(Request("POST", f"/v1/apps/{APP}/users-messages", {}, body))
        assert response.status in (200, 400), response.body[:200]
        engine.log.clear()
        return response

    return send


def _fake_users(count: int) -> Callable[[], object]:
    from pinpoint_mock.cli import main

    return lambda: main(["fake", "users", "--count", str(count), "--seed", "1"], out=io.StringIO())


def cases() -> list[Case]:
    send = _engine()
    return [
        Case("{{ + spaces + a: variables()", 20_000,
             lambda n: lambda: variables("{{ " + " " * n + "a")),
        Case("{{ + spaces + a: compile a text", 20_000,
             lambda n: lambda: Text("{{ " + " " * n + "a")),
        Case("{{{{{{... : compile a text", 20_000, lambda n: lambda: Text("{{" * (n // 2))),
        Case("{{kN}} variables: compile and fill", 1_000,
             lambda n: _fill("".join(f"{{{{k{i}}}}}" for i in range(n)), n), "variables"),
        Case("{{ + spaces + a: whole send (engine)", 20_000,
             lambda n: lambda: send(_send_body("{{ " + " " * n + "a"))),
        Case("SMS body with one UCS-2 char: analyse", 50_000,
             lambda n: lambda: analyse("a" * n + "\u00e7")),
        Case("JSON body of escaped emoji: parse_json", 20_000,
             lambda n: (lambda body: lambda: parse_json(body))(
                 json.dumps({"a": "\U0001f600" * (n // 12)}).encode())),
        Case("JSON body of floats: parse_json", 20_000,
             lambda n: (lambda body: lambda: parse_json(body))(
                 json.dumps({"m": [1.5] * (n // 5)}).encode())),
        Case("lone surrogate after n chars: parse_json", 50_000,
             lambda n: lambda: _rejected('{"a": "' + "x" * n + '\\ud800"}')),
        Case("n contract errors: validate", 500,
             lambda n: (lambda doc: lambda: validate(doc))(
                 {"Users": {f"u{i}": {"Substitutions": {"a": [i]}} for i in range(n)},
                  "MessageConfiguration": {}}), "errors"),
        Case("RawEmail.Data base64: whole send (engine)", 100_000,
             lambda n: (lambda body: lambda: send(body))(json.dumps(
                 {"Users": {"u": {}}, "MessageConfiguration": {"EmailMessage": {"RawEmail": {
                     "Data": base64.b64encode(b"x" * (n * 3 // 4)).decode()}}}}).encode())),
        Case("raw JSON push payload: from_json", 20_000,
             lambda n: lambda: from_json(json.dumps({"notification": {"body": "b" * n}}))),
        Case("raw MIME email: from_mime", 20_000,
             lambda n: lambda: from_mime("Subject: s\r\n\r\n" + ("line\r\n" * (n // 6)))),
        Case("fake users --count n", 50, _fake_users, "users"),
    ]  # fmt: skip


def _fill(source: str, count: int) -> Callable[[], object]:
    subs = {f"k{i}": ["v"] for i in range(count)}

    def run() -> object:
        return Text(source).fill(subs, None, False, {})

    return run


def _rejected(text: str) -> None:
    try:
        parse_json(text)
    except ContractError:
        return
    raise AssertionError("the lone surrogate was accepted")


def measure(fn: Callable[[], object], runs: int) -> float:
    """Fewest seconds of ``runs`` calls (each repeated to last at least 5 ms)."""
    fn()
    start = time.perf_counter()
    fn()
    once = max(time.perf_counter() - start, 1e-7)
    number = max(1, int(0.005 / once))
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        for _ in range(number):
            fn()
        samples.append((time.perf_counter() - start) / number)
    return min(samples)


@dataclass(frozen=True)
class Row:
    case: str
    sizes: tuple[int, ...]
    seconds: tuple[float, ...]
    unit: str

    @property
    def ratios(self) -> tuple[float, ...]:
        return tuple(b / a for a, b in zip(self.seconds, self.seconds[1:], strict=False))

    @property
    def exponent(self) -> float:
        """``cost ~ size ** exponent`` from the smallest to the largest size."""
        return math.log(self.seconds[-1] / self.seconds[0]) / math.log(
            self.sizes[-1] / self.sizes[0]
        )

    @property
    def linear(self) -> bool:
        return self.exponent <= LINEAR


def run(steps: int = 4, runs: int = 7) -> list[Row]:
    rows = []
    for case in cases():
        sizes = tuple(case.base * 2**step for step in range(steps))
        seconds = tuple(measure(case.run(size), runs) for size in sizes)
        rows.append(Row(case.name, sizes, seconds, case.unit))
    return rows


def render(rows: list[Row]) -> str:
    lines = ["scaling: the cost at each size and its ratio to the previous size (linear ~ 2)"]
    for row in rows:
        times = "  ".join(
            f"{n:>9,} {row.unit}: {_fmt(s):>9}" for n, s in zip(row.sizes, row.seconds, strict=True)
        )
        ratios = " ".join(f"{r:4.2f}" for r in row.ratios)
        verdict = "linear" if row.linear else "WORSE THAN LINEAR"
        lines.append(
            f"  {row.case}\n    {times}\n    ratios {ratios}, exponent {row.exponent:.2f}"
            f"  -> {verdict}"
        )
    return "\n".join(lines)


def _fmt(seconds: float) -> str:
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.2f} ms"
    return f"{seconds * 1e6:.1f} µs"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="three sizes, five runs each")
    args = parser.parse_args(argv)
    rows = run(3, 5) if args.quick else run()
    print(render(rows))
    return 0 if all(row.linear for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
