"""A mock as a decorator: of a function, a coroutine function, a generator (sync or async) or a
class, as moto's ``mock_aws`` decorates them.

The mock is active while the body runs: for a coroutine from its first step to its end, for a
generator from its first item to its end (or ``close()``), not merely while the call that makes
them returns. A parameter named ``pinpoint`` receives the mock; it is hidden from the wrapper's
signature, so pytest does not give the test its ``pinpoint`` fixture in its place.

On a class, each test method (``test*``), ``setUp``/``tearDown`` (unittest) and
``setup_method``/``teardown_method`` (pytest) runs inside the mock, inherited ones included, and
the class itself is returned, so its tests are still collected. Each test starts from a fresh mock
(:meth:`reset`, options kept): at ``setUp``/``setup_method`` when the class has one, else at the
test method.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import AsyncGenerator, Callable, Generator
from typing import Any, Protocol

ARGUMENT = "pinpoint"
"""The parameter that receives the mock."""

SET_UP = ("setUp", "setup_method")
TEAR_DOWN = ("tearDown", "teardown_method")


class Lifecycle(Protocol):
    @property
    def active(self) -> bool: ...

    def start(self) -> Any: ...

    def stop(self) -> None: ...

    def reset(self) -> None: ...


def decorate(mock: Lifecycle, target: Any) -> Any:
    """``target`` run inside ``mock`` (a class: its test methods, each from a fresh mock)."""
    if inspect.isclass(target):
        return _decorate_class(mock, target)
    return _decorate_callable(mock, target, reset=False)


def _decorate_callable(mock: Lifecycle, func: Callable[..., Any], *, reset: bool) -> Any:
    signature = inspect.signature(func)
    wants = ARGUMENT in signature.parameters

    def enter(kwargs: dict[str, Any]) -> None:
        fresh = reset and not mock.active
        mock.start()
        if fresh:
            mock.reset()
        if wants:
            kwargs.setdefault(ARGUMENT, mock)

    wrapper: Any
    if inspect.isasyncgenfunction(func):

        async def wrapper(*args: Any, **kwargs: Any) -> AsyncGenerator[Any, Any]:
            enter(kwargs)
            try:
                generator = func(*args, **kwargs)
                try:
                    item = await generator.__anext__()
                    while True:
                        try:
                            sent = yield item
                        except GeneratorExit:
                            await generator.aclose()
                            raise
                        except BaseException as exc:
                            item = await generator.athrow(exc)
                        else:
                            item = await generator.asend(sent)
                except StopAsyncIteration:
                    return
            finally:
                mock.stop()

    elif inspect.iscoroutinefunction(func):

        async def wrapper(*args: Any, **kwargs: Any) -> Any:
            enter(kwargs)
            try:
                return await func(*args, **kwargs)
            finally:
                mock.stop()

    elif inspect.isgeneratorfunction(func):

        def wrapper(*args: Any, **kwargs: Any) -> Generator[Any, Any, Any]:
            enter(kwargs)
            try:
                return (yield from func(*args, **kwargs))
            finally:
                mock.stop()

    else:

        def wrapper(*args: Any, **kwargs: Any) -> Any:
            enter(kwargs)
            try:
                return func(*args, **kwargs)
            finally:
                mock.stop()

    functools.update_wrapper(wrapper, func)
    if wants:
        # pytest reads a test's arguments from its signature: without this, it would pass its
        # own ``pinpoint`` fixture (another mock) in place of this one.
        wrapper.__signature__ = signature.replace(
            parameters=[p for p in signature.parameters.values() if p.name != ARGUMENT]
        )
    return wrapper


def _decorate_class(mock: Lifecycle, klass: type) -> type:
    names = [name for name in dir(klass) if name.startswith("test") or name in SET_UP + TEAR_DOWN]
    has_set_up = any(_function(klass, name) is not None for name in SET_UP)
    for name in names:
        func = _function(klass, name)
        if func is None:
            continue
        reset = name in SET_UP or (not has_set_up and name.startswith("test"))
        setattr(klass, name, _decorate_callable(mock, func, reset=reset))
    return klass


def _function(klass: type, name: str) -> Callable[..., Any] | None:
    """The plain function (an instance method) ``name`` of ``klass`` or of a base class, or
    None (absent, a static or class method, an attribute, or unittest's own empty hooks)."""
    for owner in klass.__mro__:
        if name in vars(owner):
            value = vars(owner)[name]
            if owner.__module__ == "unittest.case" or not inspect.isfunction(value):
                return None
            return value
    return None
