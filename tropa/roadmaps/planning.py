"""The planner: from today's skill levels to a target role's, an ordered list of steps. Pure, no database.

Greedy set cover weighted by time: at each turn the course that closes the most level-points of the remaining
gaps per hour of study wins; a course already under way wins ties. A course teaches each of its skills up to its
own level (beginner 1, intermediate 2, advanced 3). A long course with a final project is followed by a project
step. Gaps no course closes become practice challenges, so the plan always reaches the role.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

COURSE_LEVEL = {"beginner": 1, "intermediate": 2, "advanced": 3}
CHALLENGE_HOURS = 6  # one practice challenge per missing level
ALTERNATIVES = 2


@dataclass(frozen=True)
class CourseFacts:
    id: int
    title: str
    level: int  # 1..3
    skill_ids: frozenset[int]
    hours: int  # duration_weeks * weekly_hours
    project_title: str = ""
    project_skill_ids: frozenset[int] = frozenset()


@dataclass
class PlannedStep:
    kind: str  # course | project | challenge
    title: str
    course_id: int | None = None
    skill_id: int | None = None
    adds: list[tuple[int, int]] = field(default_factory=list)
    weeks: int = 1
    alternative_ids: list[int] = field(default_factory=list)


def weeks_for(hours: int, hours_per_week: int) -> int:
    return max(1, math.ceil(hours / max(hours_per_week, 1)))


def gaps(required: dict[int, int], have: dict[int, int]) -> dict[int, int]:
    """{skill id: levels missing} for every skill below what the role needs."""
    return {skill: need - have.get(skill, 0) for skill, need in required.items() if need > have.get(skill, 0)}


def _gain(course: CourseFacts, required: dict[int, int], have: dict[int, int]) -> int:
    return sum(
        max(0, min(course.level, required[skill]) - have.get(skill, 0))
        for skill in course.skill_ids
        if skill in required
    )


def _adds(course: CourseFacts, required: dict[int, int], have: dict[int, int]) -> list[tuple[int, int]]:
    return sorted(
        (skill, min(course.level, required[skill]))
        for skill in course.skill_ids
        if skill in required and min(course.level, required[skill]) > have.get(skill, 0)
    )


def plan(
    *,
    required: dict[int, int],
    have: dict[int, int],
    courses: list[CourseFacts],
    hours_per_week: int,
    active_ids: frozenset[int] = frozenset(),
    skip_ids: frozenset[int] = frozenset(),
) -> list[PlannedStep]:
    """The steps that close `gaps(required, have)`, easiest first. `skip_ids`: completed, excluded or kept."""
    original, have = dict(have), dict(have)
    pool = [course for course in courses if course.id not in skip_ids]
    chosen: list[CourseFacts] = []
    while gaps(required, have):
        scored = [(course, _gain(course, required, have)) for course in pool if course not in chosen]
        scored = [(course, gain) for course, gain in scored if gain > 0]
        if not scored:
            break
        best, _gain_points = max(
            scored, key=lambda pair: (pair[1] / max(pair[0].hours, 1), pair[0].id in active_ids, -pair[0].id)
        )
        chosen.append(best)
        for skill, level in _adds(best, required, have):
            have[skill] = level
    # Easier courses first; the same level keeps the order the greedy found (most useful first).
    chosen.sort(key=lambda course: (course.id not in active_ids, course.level))
    steps: list[PlannedStep] = []
    current = dict(original)  # replay in the final order, so that each step says what it adds from there
    for course in chosen:
        adds = _adds(course, required, current)
        current.update(adds)
        steps.append(
            PlannedStep(
                kind="course",
                title=course.title,
                course_id=course.id,
                adds=adds,
                weeks=weeks_for(course.hours, hours_per_week),
                alternative_ids=alternatives(course, pool, chosen, required),
            )
        )
        if course.project_title:
            project_adds = sorted(
                (skill, required[skill])
                for skill in course.project_skill_ids
                if skill in required and required[skill] > current.get(skill, 0)
            )
            current.update(project_adds)
            steps.append(
                PlannedStep(kind="project", title=course.project_title, course_id=course.id, adds=project_adds, weeks=1)
            )
    for skill, missing in sorted(gaps(required, current).items()):
        steps.append(
            PlannedStep(
                kind="challenge",
                title="",
                skill_id=skill,
                adds=[(skill, required[skill])],
                weeks=weeks_for(CHALLENGE_HOURS * missing, hours_per_week),
            )
        )
    return steps


def alternatives(
    course: CourseFacts, pool: list[CourseFacts], chosen: list[CourseFacts], required: dict[int, int]
) -> list[int]:
    """Other courses that teach what this one adds for the role: the most overlap first, then the shortest."""
    wanted = course.skill_ids & set(required)
    options = [
        (len(other.skill_ids & wanted), -other.hours, -other.id, other.id)
        for other in pool
        if other not in chosen and other.skill_ids & wanted
    ]
    return [option[-1] for option in sorted(options, reverse=True)[:ALTERNATIVES]]
