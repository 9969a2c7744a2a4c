"""pinpoint-mock serve: bad options are refused before anything listens."""

from __future__ import annotations

import io

import pytest

from pinpoint_mock.cli import main


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--credentials", "nosecret"], "--credentials 'nosecret': expected KEY:SECRET"),
        (["--credentials", ":secret"], "--credentials ':secret': expected KEY:SECRET"),
        (["--port", "-1"], "--port -1: expected 0 to 65535"),
        (["--port", "65536"], "--port 65536: expected 0 to 65535"),
        (["--populate", "-3"], "--populate -3: expected a count of users"),
        (["--max-deliveries", "0"], "--max-deliveries 0: expected a count from 1 to 10000000"),
        (["--max-calls", "-1"], "--max-calls -1: expected a count from 1 to 10000000"),
        (["--max-connections", "0"], "--max-connections 0: expected a count from 1 to 10000000"),
        (["--workers", "-1"], "--workers -1: expected 0 to 256"),
    ],
)
def test_bad_options_exit_two_with_a_clear_message(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = io.StringIO()
    assert main(["serve", *args], out=out) == 2
    assert out.getvalue() == ""
    assert capsys.readouterr().err == f"pinpoint-mock: error: {message}\n"


def test_defaults() -> None:
    from pinpoint_mock.cli import build_parser
    from pinpoint_mock.server import DEFAULT_PORT

    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port, args.populate, args.seed) == ("127.0.0.1", DEFAULT_PORT, 0, None)
    assert not args.require_signature
    assert args.credentials is None
    # A long-running server stays flat: history bounded by default (Mailpit keeps 500).
    assert (args.max_deliveries, args.max_calls, args.max_connections) == (10_000, 1_000, 256)
    assert (args.region, args.allowed_host, args.workers) == ("us-east-1", None, 8)


def test_serve_bounds_the_history_and_names_the_url() -> None:
    import json
    import subprocess
    import sys
    import urllib.request

    with subprocess.Popen(
        [sys.executable, "-m", "pinpoint_mock", "serve", "--port", "0", "--max-deliveries", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    ) as process:
        assert process.stdout is not None
        assert process.stderr is not None
        try:
            url = process.stdout.readline().split()[-1]
            with urllib.request.urlopen(url + "/_aws/pinpoint/health", timeout=10) as answer:
                history = json.loads(answer.read())["history"]
            assert (history["maxDeliveries"], history["maxCalls"]) == (2, 1_000)
        finally:
            process.terminate()
        assert process.wait(10) == 0
        assert "Traceback" not in process.stderr.read()
