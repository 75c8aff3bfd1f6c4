"""Sections other apps add to the portfolio page (gamification: XP, level, badges) without projects importing them.

An app registers `Section(name, template, context)` in its AppConfig.ready(); `context(owner, viewer)` returns
the template's context, or None to leave the section out (nothing to show, or not for this viewer).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    name: str
    template: str
    context: Callable[..., dict | None]
    order: int = 100


_sections: dict[str, Section] = {}


def register(section: Section) -> None:
    _sections[section.name] = section


def sections_for(*, owner, viewer) -> list[dict]:
    rendered = []
    for section in sorted(_sections.values(), key=lambda s: (s.order, s.name)):
        context = section.context(owner=owner, viewer=viewer)
        if context is not None:
            rendered.append({"name": section.name, "template": section.template, "context": context})
    return rendered
