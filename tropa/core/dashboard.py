"""Dashboard panels: apps register what they show on a user's home page; core renders them in order.

A panel's `context(request)` returns a dict (evaluated lists, never lazy querysets: templates do not
query) or None to hide the panel.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Panel:
    key: str
    template: str
    context: Callable[[object], dict | None]
    order: int = 100


_PANELS: dict[str, Panel] = {}


def register(panel: Panel) -> None:
    _PANELS[panel.key] = panel


def panels_for(request) -> list[dict]:
    rendered = []
    for panel in sorted(_PANELS.values(), key=lambda p: p.order):
        context = panel.context(request)
        if context is not None:
            rendered.append({"key": panel.key, "template": panel.template, "context": context})
    return rendered
