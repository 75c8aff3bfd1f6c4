"""Kinds of recommendation and the registry a later app joins to add its own (careers: opportunities).

A source is `fn(user, context) -> list[Recommendation]`, where `context` carries the learner's gaps, so that the
careers app registers opportunities that fit the gaps without this app importing it (tropa/careers/recommendations.py):

    from tropa.roadmaps.sources import Source, register
    register(Source("opportunity", _("Opportunities"), opportunities_for, order=20))
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Recommendation:
    kind: str  # course | mentor | group | opportunity (registered by careers)
    id: int
    title: str
    url: str
    reasons: list[str]  # "why this", already translated
    source: str  # content | collaborative | hybrid
    score: float = 0.0
    reason_key: str = ""
    extra: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Context:
    gap: dict[int, int]  # skill id -> levels missing
    skill_names: dict[int, str]
    history: list[int]  # course ids the learner finished or is taking
    direction_id: int | None
    dismissed: frozenset[tuple[str, int]] = frozenset()  # (kind, id) the learner said "not interested" to


@dataclass(frozen=True)
class Source:
    kind: str
    label: object
    fn: Callable[[object, Context], list[Recommendation]]
    order: int = 100


_SOURCES: dict[str, Source] = {}


def register(source: Source) -> None:
    _SOURCES[source.kind] = source


def sources() -> list[Source]:
    return sorted(_SOURCES.values(), key=lambda source: source.order)


def source(kind: str) -> Source | None:
    return _SOURCES.get(kind)
