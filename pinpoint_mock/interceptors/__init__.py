"""Where calls are caught: botocore clients (:mod:`.botocore`), ``requests`` callers
(:mod:`.requests`), moto side by side (:mod:`.moto`). :class:`Interception` is everything a
started mock patches, and undoes it all when it stops."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from . import environment

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

    def start(self) -> None:
        from . import botocore

        self._env = environment.set_fake_credentials()
        botocore.install(self._target)
        if self._answer_requests is not None:
            from . import requests

            if requests.available():
                self._requests = requests.RequestsInterceptor(self._answer_requests)
                self._requests.start()

    def stop(self) -> None:
        from . import botocore

        botocore.uninstall(self._target)
        if self._requests is not None:
            self._requests.stop()
            self._requests = None
        environment.unset(self._env)
        self._env = []
