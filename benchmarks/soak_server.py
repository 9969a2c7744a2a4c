"""Soak: `pinpoint-mock serve` under steady load for a long while, memory sampled throughout.

    python -m benchmarks.soak_server [--seconds 600] [--clients 8] [--every 5]

The server runs with its defaults (history bounded: 10,000 deliveries, 1,000 calls). Clients on
keep-alive connections send SendUsersMessages to ten users with three endpoints each (30
deliveries a call), with a malformed body, an oversized declared body and a paged read of the
messages now and then. Every ``--every`` seconds the server's resident memory (VmRSS) is read
from /proc (Linux). Memory is flat when the last quarter's samples stay within a few MB of the
second quarter's (the first quarter fills the bounded history). The figures printed: calls,
calls/s, RSS at 25% and at the end, the peak, the slope over the second half (MB per minute),
and the drop counts from /_aws/pinpoint/health.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.request

from benchmarks.bench_server import Row

APP = "soak"
USERS = 10
SEND = f"/v1/apps/{APP}/users-messages"
BODY = json.dumps(
    {
        "MessageConfiguration": {"SMSMessage": {"Body": "Hello {{User.UserId}}, soak"}},
        "Users": {f"u{i}": {} for i in range(USERS)},
    }
).encode()


def _rss_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS")


def _request(
    connection: http.client.HTTPConnection,
    method: str,
    path: str,
    body: bytes = b"",
    headers: dict[str, str] | None = None,
) -> int:
    connection.request(method, path, body=body, headers=headers or {})
    response = connection.getresponse()
    response.read()
    return response.status


def _client(host: str, port: int, stop: threading.Event, counts: list[int], i: int) -> None:
    connection = http.client.HTTPConnection(host, port, timeout=30)
    json_type = {"Content-Type": "application/json"}
    n = 0
    while not stop.is_set():
        n += 1
        if n % 97 == 0:
            assert _request(connection, "POST", SEND, b'{"Users": ', json_type) == 400
        elif n % 89 == 0:
            assert _request(connection, "GET", "/_aws/pinpoint/messages?limit=100") == 200
        elif n % 193 == 0:  # declared over 7 MB: refused before the body, connection closed
            connection.close()
            raw = http.client.HTTPConnection(host, port, timeout=30)
            raw.putrequest("POST", SEND)
            raw.putheader("Content-Length", str(8 * 1024 * 1024))
            raw.endheaders()
            assert raw.getresponse().status == 413
            raw.close()
            connection = http.client.HTTPConnection(host, port, timeout=30)
        else:
            assert _request(connection, "POST", SEND, BODY, json_type) == 200
        counts[i] += 1
    connection.close()


def main(argv: list[str] | None = None) -> list[Row]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=600.0, help="how long (default 600)")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--every", type=float, default=5.0, help="seconds between samples")
    args = parser.parse_args(argv)
    bin_dir = os.path.dirname(sys.executable)
    process = subprocess.Popen(
        [os.path.join(bin_dir, "pinpoint-mock"), "serve", "--port", "0", "--seed", "1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    url = process.stdout.readline().split()[-1]
    host, port = url.rsplit("/", 1)[1].rsplit(":", 1)
    setup = http.client.HTTPConnection(host, int(port), timeout=30)
    for i in range(USERS):
        for channel, address in (
            ("SMS", f"+1206555{i:04d}"),
            ("SMS", f"+1425555{i:04d}"),
            ("EMAIL", f"u{i}@example.com"),
        ):
            endpoint = {"userId": f"u{i}", "channel": channel, "address": address}
            payload = json.dumps({**endpoint, "applicationId": APP}).encode()
            headers = {"Content-Type": "application/json"}
            assert _request(setup, "POST", "/_aws/pinpoint/endpoints", payload, headers) == 201
    setup.close()
    stop = threading.Event()
    counts = [0] * args.clients
    threads = [
        threading.Thread(target=_client, args=(host, int(port), stop, counts, i), daemon=True)
        for i in range(args.clients)
    ]
    samples: list[tuple[float, float]] = []
    start = time.monotonic()
    try:
        for thread in threads:
            thread.start()
        while (elapsed := time.monotonic() - start) < args.seconds:
            samples.append((elapsed, _rss_mb(process.pid)))
            time.sleep(min(args.every, max(0.0, args.seconds - elapsed)))
        stop.set()
        for thread in threads:
            thread.join(30)
        samples.append((time.monotonic() - start, _rss_mb(process.pid)))
        with urllib.request.urlopen(url + "/_aws/pinpoint/health") as answer:
            history = json.loads(answer.read())["history"]
    finally:
        process.terminate()
        process.wait(10)
    total = sum(counts)
    quarter = [mb for t, mb in samples if t <= args.seconds / 4] or [samples[0][1]]
    second_half = [(t, mb) for t, mb in samples if t >= args.seconds / 2]
    slope = 0.0
    if len(second_half) >= 2:
        times = [t for t, _ in second_half]
        values = [mb for _, mb in second_half]
        slope = statistics.linear_regression(times, values).slope * 60
    rows = [
        Row("calls answered", total, "calls", f"{args.clients} clients, {args.seconds:.0f} s"),
        Row("throughput", total / args.seconds, "calls/s", "30 deliveries a call"),
        Row("RSS at 25%", quarter[-1], "MB", "history filled"),
        Row("RSS at the end", samples[-1][1], "MB", ""),
        Row("RSS peak", max(mb for _, mb in samples), "MB", ""),
        Row("RSS slope, second half", slope, "MB/min", "flat: about 0"),
        Row("deliveries dropped", history["droppedDeliveries"] or 0, "", "oldest first"),
        Row("calls dropped", history["droppedCalls"] or 0, "", ""),
    ]
    print(f"server soak, {args.seconds:.0f} s, {len(samples)} memory samples")
    for row in rows:
        print(f"  {row.name:<26} {row.value:12.1f} {row.unit:<8} {row.note}")
    return rows


if __name__ == "__main__":
    main()
