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
