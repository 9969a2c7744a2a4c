"""Where calls are caught: botocore clients (:mod:`.botocore`), ``requests`` callers
(:mod:`.requests`), moto side by side (:mod:`.moto`). :class:`Interception` is everything a
started mock patches, and undoes it all when it stops."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..errors import PinpointMockError
from . import environment

NOTHING_TO_CATCH = (
    "pinpoint-mock catches calls made with boto3/botocore or with requests, and neither is "
    "installed here: pip install 'pinpoint-mock[aws]' for boto3 and botocore clients, or "
    "'pinpoint-mock[requests]' for code that posts its own requests (requests and responses)"
)

RequestsAnswer = Callable[
    [str, str, Mapping[str, str], bytes, "str | None"], tuple[int, Mapping[str, str], bytes]
]


class Interception:
    """The patches of one started mock: fake credentials when there are none, botocore's send
    (and moto's stubber) routed to ``target``, and ``requests`` calls to the services' hosts
    answered by ``answer_requests`` (when given and the ``requests`` extra is installed)."""

    def __init__(self, target: Any, answer_requests: RequestsAnswer | None) -> None:
        self._target = target
        self._answer_requests = answer_requests
        self._env: list[str] = []
        self._requests: Any = None
        self._botocore = False

    def start(self) -> None:
        """Patch what is installed: botocore (the ``aws`` extra) and ``requests`` with
        ``responses`` (the ``requests`` extra); either is enough, one of them is needed."""
        from . import requests

        serve_requests = self._answer_requests is not None and requests.available()
        self._botocore = importable("botocore")
        if not (self._botocore or serve_requests):
            raise PinpointMockError(NOTHING_TO_CATCH)
        self._env = environment.set_fake_credentials()
        if self._botocore:
            from . import botocore

            botocore.install(self._target)
        if serve_requests and self._answer_requests is not None:
            self._requests = requests.RequestsInterceptor(self._answer_requests)
            self._requests.start()

    def stop(self) -> None:
        if self._botocore:
            from . import botocore

            botocore.uninstall(self._target)
        if self._requests is not None:
            self._requests.stop()
            self._requests = None
        environment.unset(self._env)
        self._env = []


def importable(name: str) -> bool:
    """Whether the top-level package ``name`` can be imported (an extra is installed)."""
    from importlib.util import find_spec

    try:
        return find_spec(name) is not None
    except (ImportError, ValueError):  # blocked, or a module without a spec
        return False
