"""Handlers subscribe to verbs here, from their app's AppConfig.ready(); producers never see them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Handler:
    name: str
    verbs: frozenset[str]  # "*" subscribes to everything; "course.*" to a family
    func: Callable
    heavy: bool = False  # heavy handlers run on the task queue, cheap ones in-process after commit

    def matches(self, verb: str) -> bool:
        if "*" in self.verbs or verb in self.verbs:
            return True
        family = verb.split(".", 1)[0] + ".*"
        return family in self.verbs


_HANDLERS: dict[str, Handler] = {}


def subscribe(*verbs: str, name: str | None = None, heavy: bool = False):
    """Decorator: `@subscribe("membership.invited", heavy=True) def notify(event): ...`.

    The handler receives the ActivityEvent. It must be safe to call once per event; the dispatcher
    guarantees it is not called twice for the same event.
    """

    def decorator(func: Callable) -> Callable:
        handler_name = name or f"{func.__module__}.{func.__qualname__}"
        _HANDLERS[handler_name] = Handler(name=handler_name, verbs=frozenset(verbs), func=func, heavy=heavy)
        return func

    return decorator


def handlers_for(verb: str) -> list[Handler]:
    return [handler for handler in _HANDLERS.values() if handler.matches(verb)]


def get(name: str) -> Handler | None:
    return _HANDLERS.get(name)


def unsubscribe(name: str) -> None:
    _HANDLERS.pop(name, None)
