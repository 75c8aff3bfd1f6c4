"""The level curve documented in docs/gamification.md."""

import pytest

from tropa.gamification import levels


@pytest.mark.parametrize(
    ("xp", "level"), [(0, 1), (49, 1), (50, 2), (149, 2), (150, 3), (300, 4), (500, 5), (2250, 10)]
)
def test_level_for_follows_the_curve(xp, level):
    assert levels.level_for(xp) == level


def test_progress_shows_the_bar_to_the_next_level():
    progress = levels.progress(100)
    assert (progress.level, progress.level_start, progress.next_level_at, progress.to_next, progress.percent) == (
        2,
        50,
        150,
        50,
        50,
    )


def test_every_threshold_is_exact():
    for level in range(1, 200):
        assert levels.level_for(levels.threshold(level)) == level
        assert levels.level_for(levels.threshold(level) - 1) == max(level - 1, 1)
