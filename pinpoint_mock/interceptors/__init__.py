"""Where calls are caught: botocore clients (:mod:`.botocore`), aiobotocore and aioboto3 clients
(:mod:`.aiobotocore`), ``requests`` callers (:mod:`.requests`), moto side by side (:mod:`.moto`);
calls to messaging services the mock does not serve are refused (:mod:`.messaging`), and mocks
of two threads are never active at once (:mod:`.threads`). :class:`Interception` is everything a
started mock patches, and undoes it all when it stops (boto3's default session included)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from ..errors import PinpointMockError
from . import environment, threads

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
        self._session: environment.DefaultSession | None = None

    def start(self) -> None:
        """Patch what is installed: botocore (the ``aws`` extra) and ``requests`` with
        ``responses`` (the ``requests`` extra); either is enough, one of them is needed."""
        from . import requests

        serve_requests = self._answer_requests is not None and requests.available()
        self._botocore = importable("botocore")
        if not (self._botocore or serve_requests):
            raise PinpointMockError(NOTHING_TO_CATCH)
        threads.claim()  # refused while another thread's mock is active
        self._session = environment.DefaultSession()
        self._env = environment.set_fake_credentials()
        if self._botocore:
            from . import aiobotocore, botocore

            botocore.install(self._target)
            aiobotocore.install()
        if serve_requests and self._answer_requests is not None:
            self._requests = requests.RequestsInterceptor(self._answer_requests)
            self._requests.start()

    def stop(self) -> None:
        if self._botocore:
            from . import aiobotocore, botocore

            aiobotocore.uninstall()
            botocore.uninstall(self._target)
        if self._requests is not None:
            self._requests.stop()
            self._requests = None
        environment.unset(self._env)
        self._env = []
        if self._session is not None:
            self._session.restore()
            self._session = None
        threads.release()


def importable(name: str) -> bool:
    """Whether the top-level package ``name`` can be imported (an extra is installed)."""
    from importlib.util import find_spec

    try:
        return find_spec(name) is not None
    except (ImportError, ValueError):  # blocked, or a module without a spec
        return False
