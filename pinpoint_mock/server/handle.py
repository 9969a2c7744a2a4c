"""What the ``pinpoint_server`` fixture yields: a running server's URL and the Python API of the
mock behind it, typed as the mock's own."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..mock import PinpointMock
    from .app import PinpointServer

    _MockAPI = PinpointMock
else:
    _MockAPI = object

NOT_FORWARDED = frozenset({"start", "stop", "answer", "handles"})
"""Mock methods a server test has no use for: the server answers its calls; the mock is not
patched into this process's clients."""


class ServerHandle(_MockAPI):
    """A running :class:`PinpointServer` as a test sees it.

    ``url`` is where SDKs and subprocesses send (the ``pinpoint_server`` fixture also sets it as
    ``AWS_ENDPOINT_URL_PINPOINT`` and the other services' variables); ``mock`` is the
    :class:`~pinpoint_mock.mock.PinpointMock` answering there; ``check()`` re-raises an error
    raised inside the server. Everything else is the mock's own API, the same as the
    ``pinpoint`` fixture's (``add_endpoint``, ``outcome``, ``fail``, ``sent``, ``assert_sent``,
    ``sesv2``, ``sms_voice_v2``…): type checkers see the mock's signatures, and each name is
    looked up on the mock, so the handle can never fall behind it.
    """

    def __init__(self, server: PinpointServer) -> None:
        self.server = server
        """The running server."""

    @property
    def url(self) -> str:
        """``http://127.0.0.1:<port>``: the endpoint URL to give SDKs."""
        return self.server.url

    @property
    def mock(self) -> PinpointMock:
        """The mock that answers the server's calls."""
        return self.server.mock

    def check(self) -> None:
        """Re-raise, in the test, the first error raised inside the server since the last check."""
        self.server.check()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in NOT_FORWARDED:
            raise AttributeError(
                f"ServerHandle has no {name!r}: the server answers its calls"
                if name in NOT_FORWARDED
                else name
            )
        return getattr(self.server.mock, name)

    def __repr__(self) -> str:
        return f"<ServerHandle {self.url}>"
