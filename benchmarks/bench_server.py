"""Server throughput: pinpoint-mock's server against moto's server, same machine, same client.

    python -m benchmarks.bench_server [--quick]

Both servers run as subprocesses on loopback. The same load generator (N threads, each with its
own boto3 client made the same way) runs against each in turn, alternating, for a fixed time;
throughput is completed calls per second. moto implements none of the operations we serve, so
it answers GetApp (a cheap read) while pinpoint-mock answers SendUsersMessages for one user with
one endpoint (validation, rendering, decision and recording all on): the ratio is conservative.

Target (issue 5): at least 3x moto's throughput with 32 concurrent clients.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
}
ENV = {**os.environ, **CREDENTIALS}


@dataclass
class Row:
    name: str
    value: float
    unit: str
    note: str = ""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait(url: str, timeout: float = 30.0) -> None:
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=1).read()
            return
        except urllib.error.HTTPError:
            return  # it answers
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not come up")


@contextmanager
def ours(*options: str) -> Iterator[str]:
    bin_dir = os.path.dirname(sys.executable)
    process = subprocess.Popen(
        [os.path.join(bin_dir, "pinpoint-mock"), "serve", "--port", "0", "--seed", "1", *options],
        stdout=subprocess.PIPE,
        text=True,
        env=ENV,
    )
    assert process.stdout is not None
    url = process.stdout.readline().split()[-1]
    try:
        _wait(url + "/_aws/pinpoint/health")
        yield url
    finally:
        process.terminate()
        process.wait(10)


@contextmanager
def motos() -> Iterator[str]:
    port = _free_port()
    bin_dir = os.path.dirname(sys.executable)
    process = subprocess.Popen(
        [os.path.join(bin_dir, "moto_server"), "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=ENV,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait(url + "/moto-api/")
        yield url
    finally:
        process.terminate()
        process.wait(10)


def _client(url: str) -> Any:
    import boto3

    return boto3.session.Session(
        aws_access_key_id="testing", aws_secret_access_key="testing"
    ).client("pinpoint", region_name="us-east-1", endpoint_url=url)


def _worker(args: tuple[str, str, str, int, float]) -> int:
    """One load process: ``threads`` boto3 clients calling as fast as they can."""
    kind, url, app_id, threads, seconds = args
    request = {"MessageConfiguration": {"SMSMessage": {"Body": "hi"}}, "Users": {"u1": {}}}
    counts = [0] * threads
    stop = threading.Event()
    errors: list[BaseException] = []

    def run(i: int) -> None:
        client = _client(url)
        if kind == "ours":
            call = lambda: client.send_users_messages(  # noqa: E731
                ApplicationId=app_id, SendUsersMessageRequest=request
            )
        else:
            call = lambda: client.get_app(ApplicationId=app_id)  # noqa: E731
        call()  # connect and warm up outside the measured window
        barrier.wait()
        try:
            while not stop.is_set():
                call()
                counts[i] += 1
        except BaseException as exc:
            errors.append(exc)

    barrier = threading.Barrier(threads + 1)
    pool = [threading.Thread(target=run, args=(i,)) for i in range(threads)]
    for thread in pool:
        thread.start()
    barrier.wait()
    time.sleep(seconds)
    stop.set()
    for thread in pool:
        thread.join()
    if errors:
        raise errors[0]
    return sum(counts)


def throughput(kind: str, url: str, app_id: str, clients: int, seconds: float, procs: int) -> float:
    """Completed calls per second with ``clients`` concurrent clients over ``procs`` processes
    (one Python process cannot drive more than a few hundred boto3 calls per second)."""
    import multiprocessing

    per_process = [clients // procs + (1 if i < clients % procs else 0) for i in range(procs)]
    with multiprocessing.get_context("spawn").Pool(procs) as pool:
        counts = pool.map(_worker, [(kind, url, app_id, n, seconds) for n in per_process])
    return sum(counts) / seconds


def _recorded(url: str) -> int:
    import json
    import urllib.request

    with urllib.request.urlopen(url + "/_aws/pinpoint/health") as answer:
        history = json.loads(answer.read())["history"]  # serve keeps the newest 1,000 calls
    return int(history["calls"] + history["droppedCalls"])


def main(argv: list[str] | None = None) -> list[Row]:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--processes", type=int, default=4, help="load processes")
    parser.add_argument(
        "--serve-option",
        action="append",
        default=[],
        metavar="OPTION",
        help="an option for `pinpoint-mock serve` (e.g. --serve-option=--workers=0)",
    )
    args = parser.parse_args(argv)
    rounds, seconds = (2, 1.5) if args.quick else (5, 3.0)
    with ours(*args.serve_option) as our_url, motos() as moto_url:
        setup = _client(our_url)
        setup.update_endpoint(
            ApplicationId="app",
            EndpointId="e1",
            EndpointRequest={
                "ChannelType": "SMS",
                "Address": "+12065550123",
                "User": {"UserId": "u1"},
            },
        )
        app_id = _client(moto_url).create_app(CreateApplicationRequest={"Name": "bench"})[
            "ApplicationResponse"
        ]["Id"]
        results: dict[str, list[float]] = {"pinpoint-mock": [], "moto": []}
        for _ in range(rounds):
            results["pinpoint-mock"].append(
                throughput("ours", our_url, "app", args.clients, seconds, args.processes)
            )
            results["moto"].append(
                throughput("moto", moto_url, app_id, args.clients, seconds, args.processes)
            )
        recorded = _recorded(our_url)
    ours_rate = statistics.median(results["pinpoint-mock"])
    moto_rate = statistics.median(results["moto"])
    ratio = ours_rate / moto_rate
    rows = [
        Row("pinpoint-mock SendUsersMessages", ours_rate, "calls/s", f"{args.clients} clients"),
        Row("moto_server GetApp", moto_rate, "calls/s", f"{args.clients} clients"),
        Row("ours/moto", ratio, "x", "target >= 3x: " + ("met" if ratio >= 3 else "NOT MET")),
        Row("calls recorded by our server", recorded, "calls", "every call made, plus set-up"),
    ]
    print(
        f"server throughput, {args.clients} concurrent boto3 clients in {args.processes} "
        f"load processes, {rounds} rounds of {seconds}s"
    )
    for row in rows:
        print(f"  {row.name:<34} {row.value:10.1f} {row.unit:<8} {row.note}")
    return rows


if __name__ == "__main__":
    main()
