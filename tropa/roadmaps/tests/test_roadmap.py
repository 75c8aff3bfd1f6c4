"""The roadmap: what it plans, progress along it, re-planning on results, swaps and a mentor's edits."""

import pytest

from tropa.activity.models import ActivityEvent
from tropa.core.exceptions import ServiceError
from tropa.courses.services.enrollment import enrollment_create
from tropa.roadmaps import selectors
from tropa.roadmaps.models import Roadmap, SkillLevel, StepKind
from tropa.roadmaps.services import roadmap as services

from .helpers import complete_course, take_diagnostic


@pytest.fixture
def roadmap(learner, analyst, catalogue) -> Roadmap:
    take_diagnostic(learner, analyst, right=False)
    return Roadmap.objects.get(user=learner)


def test_the_plan_reaches_every_skill_of_the_role(roadmap, analyst):
    reached = {}
    for step in roadmap.steps.all():
        for skill, level in step.adds:
            reached[skill] = max(reached.get(skill, 0), level)
    needed = dict(analyst.requirements.values_list("skill_id", "level"))
    have = {row.skill_id: row.level for row in SkillLevel.objects.filter(user=roadmap.user)}
    assert all(max(reached.get(skill, 0), have.get(skill, 0)) >= level for skill, level in needed.items())


def test_courses_of_other_directions_are_not_planned(roadmap, catalogue):
    assert catalogue["design"].pk not in set(roadmap.steps.values_list("course_id", flat=True))


def test_weeks_follow_the_pace_and_a_new_pace_re_plans(roadmap, learner):
    slow = selectors.roadmap_summary(user=learner).weeks_total
    services.roadmap_settings_update(actor=learner, roadmap=roadmap, role_id=roadmap.role_id, hours_per_week=20)
    fast = selectors.roadmap_summary(user=learner).weeks_total
    assert fast < slow
    event = ActivityEvent.objects.filter(verb="roadmap.changed").latest("pk")
    assert event.payload["reason"] == "pace"


def test_an_impossible_pace_names_the_field(roadmap, learner):
    with pytest.raises(ServiceError) as error:
        services.roadmap_settings_update(actor=learner, roadmap=roadmap, role_id=roadmap.role_id, hours_per_week=0)
    assert error.value.field == "hours_per_week"


def test_progress_follows_enrollments(roadmap, learner, django_capture_on_commit_callbacks):
    first = roadmap.steps.filter(kind=StepKind.COURSE).first()
    enrollment_create(actor=learner, course=first.course)
    view = selectors.roadmap_summary(user=learner)
    assert view.steps[[s.step.pk for s in view.steps].index(first.pk)].status == "active"


def test_completing_a_course_raises_skills_and_re_plans(
    roadmap, learner, catalogue, django_capture_on_commit_callbacks
):
    step = roadmap.steps.filter(kind=StepKind.COURSE).first()
    complete_course(learner, step.course, django_capture_on_commit_callbacks)
    roadmap.refresh_from_db()
    assert roadmap.last_reason == "results" and roadmap.version > 1
    for skill in step.course.skills.all():
        assert SkillLevel.objects.get(user=learner, skill=skill).evidenced >= 1
    view = selectors.roadmap_summary(user=learner)
    done = [item for item in view.steps if item.step.course_id == step.course_id and item.step.kind == "course"]
    assert done and done[0].status == "done"
    assert view.percent > 0


def test_the_learner_swaps_a_step_for_an_alternative_and_it_stays(roadmap, learner):
    step = next(s for s in roadmap.steps.all() if s.alternative_ids)
    old, new = step.course_id, step.alternative_ids[0]
    services.roadmap_step_swap(actor=learner, step=step, course_id=new)
    services.roadmap_settings_update(actor=learner, roadmap=roadmap, role_id=roadmap.role_id, hours_per_week=7)
    courses = set(Roadmap.objects.get(pk=roadmap.pk).steps.values_list("course_id", flat=True))
    assert new in courses and old not in courses


def test_a_swap_to_a_course_not_offered_is_refused(roadmap, learner, catalogue):
    step = roadmap.steps.filter(kind=StepKind.COURSE).first()
    with pytest.raises(ServiceError) as error:
        services.roadmap_step_swap(actor=learner, step=step, course_id=catalogue["design"].pk)
    assert error.value.field == "course"


def test_removed_courses_do_not_come_back(roadmap, learner):
    step = roadmap.steps.filter(kind=StepKind.COURSE).first()
    services.roadmap_step_remove(actor=learner, step=step)
    services.roadmap_settings_update(actor=learner, roadmap=roadmap, role_id=roadmap.role_id, hours_per_week=9)
    assert step.course_id not in set(roadmap.steps.values_list("course_id", flat=True))


def test_moving_a_step_keeps_the_order_through_a_re_plan(roadmap, learner):
    second = list(roadmap.steps.all())[1]
    services.roadmap_step_move(actor=learner, step=second, up=True)
    assert list(roadmap.steps.all())[0].pk == second.pk
    with pytest.raises(ServiceError):
        services.roadmap_step_move(actor=learner, step=second, up=True)


def test_adding_a_course_twice_is_refused(roadmap, learner, catalogue):
    services.roadmap_step_add(actor=learner, roadmap=roadmap, course_id=catalogue["design"].pk, note="Для души")
    with pytest.raises(ServiceError) as error:
        services.roadmap_step_add(actor=learner, roadmap=roadmap, course_id=catalogue["design"].pk)
    assert error.value.field == "course"


def test_an_empty_comment_names_the_field(roadmap, learner):
    with pytest.raises(ServiceError) as error:
        services.roadmap_comment_add(actor=learner, roadmap=roadmap, text="  ")
    assert error.value.field == "text"


def test_a_new_role_unpins_and_re_plans(roadmap, learner, catalogue):
    from tropa.roadmaps.models import TargetRole

    designer = TargetRole.objects.get(slug="ui-ux-designer")
    services.roadmap_settings_update(actor=learner, roadmap=roadmap, role_id=designer.pk, hours_per_week=5)
    roadmap.refresh_from_db()
    assert roadmap.role_id == designer.pk
    assert catalogue["design"].pk in set(roadmap.steps.values_list("course_id", flat=True))


def test_the_selectors_api_gives_profile_gaps_and_summary(roadmap, learner, analyst):
    profile = selectors.skill_profile(user=learner)
    gaps = selectors.skill_gaps(user=learner)
    assert {entry.skill_id for entry in profile} >= set(analyst.requirements.values_list("skill_id", flat=True))
    assert all(gap.need > gap.have for gap in gaps)
    assert selectors.target_role(user=learner).pk == analyst.pk
    assert selectors.roadmap_summary(user=learner).roadmap.pk == roadmap.pk
