"""The level curve: reaching level L takes 25 * L * (L - 1) XP in total (documented in docs/gamification.md).

Level 2 at 50 XP, 3 at 150, 4 at 300, 5 at 500, 10 at 2,250, 20 at 9,500: each level asks 50 XP more
than the one before, so early levels come fast and later ones stay within reach of steady work.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

STEP = 25


def threshold(level: int) -> int:
    """Total XP at which `level` starts."""
    return STEP * level * (level - 1)


def level_for(xp: int) -> int:
    level = int((1 + math.sqrt(1 + 4 * max(xp, 0) / STEP)) / 2)
    while threshold(level + 1) <= xp:  # guard the float against an off-by-one at exact thresholds
        level += 1
    while level > 1 and threshold(level) > xp:
        level -= 1
    return max(level, 1)


@dataclass(frozen=True)
class Progress:
    level: int
    xp: int
    level_start: int
    next_level_at: int

    @property
    def into_level(self) -> int:
        return self.xp - self.level_start

    @property
    def level_span(self) -> int:
        return self.next_level_at - self.level_start

    @property
    def to_next(self) -> int:
        return self.next_level_at - self.xp

    @property
    def percent(self) -> int:
        return int(100 * self.into_level / self.level_span) if self.level_span else 100


def progress(xp: int) -> Progress:
    level = level_for(xp)
    return Progress(level=level, xp=xp, level_start=threshold(level), next_level_at=threshold(level + 1))
