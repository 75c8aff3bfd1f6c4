"""The planner alone: it closes every gap, easiest first, at the learner's pace, and offers alternatives."""

from tropa.roadmaps.planning import CourseFacts, gaps, plan, weeks_for


def course(pk, skills, level=1, hours=8, project=""):
    project_skills = frozenset(skills) if project else frozenset()
    return CourseFacts(
        id=pk, title=f"c{pk}", level=level, skill_ids=frozenset(skills), hours=hours, project_title=project,
        project_skill_ids=project_skills,
    )  # fmt: skip


def test_gaps_lists_only_skills_below_the_need():
    assert gaps({1: 3, 2: 2, 3: 1}, {1: 1, 2: 2}) == {1: 2, 3: 1}


def test_weeks_follow_the_pace():
    assert weeks_for(20, 5) == 4
    assert weeks_for(21, 5) == 5
    assert weeks_for(1, 10) == 1


def test_plan_closes_every_gap_with_courses_then_challenges():
    steps = plan(
        required={1: 2, 2: 2, 3: 1},
        have={},
        courses=[course(10, {1}, level=2), course(11, {2}, level=1), course(12, {1, 2}, level=3, hours=40)],
        hours_per_week=4,
    )
    reached = {}
    for step in steps:
        for skill, level in step.adds:
            reached[skill] = max(reached.get(skill, 0), level)
    assert reached == {1: 2, 2: 2, 3: 1}
    assert steps[-1].kind == "challenge" and steps[-1].skill_id == 3


def test_plan_puts_easier_courses_first_and_skips_what_is_done():
    steps = plan(
        required={1: 3, 2: 1},
        have={},
        courses=[course(20, {1}, level=3), course(21, {2}, level=1), course(22, {1}, level=1)],
        hours_per_week=8,
        skip_ids=frozenset({22}),
    )
    assert [step.course_id for step in steps] == [21, 20]


def test_a_long_course_is_followed_by_its_project():
    steps = plan(required={1: 3}, have={}, courses=[course(30, {1}, level=2, project="Final")], hours_per_week=8)
    assert [step.kind for step in steps] == ["course", "project"]
    assert steps[1].adds == [(1, 3)]


def test_alternatives_teach_the_same_skills():
    steps = plan(
        required={1: 1}, have={}, courses=[course(40, {1}, hours=4), course(41, {1}, hours=10), course(42, {5})],
        hours_per_week=4,
    )  # fmt: skip
    assert steps[0].course_id == 40
    assert steps[0].alternative_ids == [41]


def test_nothing_to_plan_when_the_learner_has_every_skill():
    assert plan(required={1: 2}, have={1: 3}, courses=[course(50, {1})], hours_per_week=5) == []
