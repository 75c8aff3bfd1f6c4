"""XP for events: once per (rule, event, user), loops and self-dealing earn nothing, caps, skills, org settings."""

from __future__ import annotations

import pytest

from tropa.activity.services import dispatch
from tropa.courses.models import Skill
from tropa.courses.services.progress import step_complete
from tropa.courses.services.quiz import quiz_attempt_submit
from tropa.courses.tests.player_helpers import enroll, first_step, only_question, right_choice, wrong_choice
from tropa.gamification.models import GamerProfile, SkillXP, XPAward, XPRuleSetting
from tropa.gamification.rules import RULES
from tropa.gamification.services import xp as services

pytestmark = pytest.mark.django_db


def _xp(user) -> int:
    profile = GamerProfile.objects.filter(pk=user.pk).first()
    return profile.total_xp if profile else 0


@pytest.fixture
def course(make_course):
    course = make_course(steps=("text", "quiz"))
    course.skills.set(Skill.objects.filter(slug__in=["python", "sql"]))
    return course


def test_completing_a_step_pays_its_xp_with_the_course_skills(school, course, on_commit):
    learner = school.people.learner
    enrollment = enroll(learner, course)
    with on_commit():
        step_complete(enrollment=enrollment, step=first_step(course, "text"))
    award = XPAward.objects.get(user=learner)
    assert (award.rule, award.points, award.course_id) == ("step_completed", 10, course.pk)
    assert _xp(learner) == 10
    assert set(SkillXP.objects.filter(user=learner).values_list("skill__slug", "xp")) == {("python", 10), ("sql", 10)}


def test_a_redispatched_event_never_pays_twice(school, course, on_commit):
    learner = school.people.learner
    enrollment = enroll(learner, course)
    with on_commit():
        step_complete(enrollment=enrollment, step=first_step(course, "text"))
    award = XPAward.objects.get(user=learner)
    event = award.event
    event.processed_at = None
    event.save(update_fields=["processed_at"])
    dispatch(event.pk)  # the spine's own guard
    assert services.xp_award_for_event(event=event) == []  # and the ledger's, if a handler runs again
    assert XPAward.objects.filter(user=learner).count() == 1
    assert _xp(learner) == 10


def test_quiz_attempts_after_a_pass_earn_nothing(school, make_course, on_commit):
    course = make_course(steps=("quiz",))
    learner = school.people.learner
    enroll(learner, course)
    step = first_step(course, "quiz")
    question = only_question(step)
    with on_commit():
        quiz_attempt_submit(actor=learner, step=step, answers={question.pk: right_choice(question).pk})
    with on_commit():
        quiz_attempt_submit(actor=learner, step=step, answers={question.pk: right_choice(question).pk})
    assert list(XPAward.objects.filter(user=learner, rule="quiz_passed").values_list("points", flat=True)) == [20]


def test_a_failed_quiz_attempt_earns_nothing(school, make_course, on_commit):
    course = make_course(steps=("quiz",))
    learner = school.people.learner
    enroll(learner, course)
    step = first_step(course, "quiz")
    question = only_question(step)
    with on_commit():
        quiz_attempt_submit(actor=learner, step=step, answers={question.pk: wrong_choice(question).pk})
    assert not XPAward.objects.filter(user=learner).exists()


def test_daily_cap_limits_a_kind_of_action(alice, emit):
    for n in range(8):
        emit("lesson.rated", actor=alice, payload={"lesson_id": n, "useful": True})
    assert sum(XPAward.objects.filter(user=alice, rule="lesson_rated").values_list("points", flat=True)) == 10


def test_rating_the_same_lesson_again_earns_nothing(alice, emit):
    emit("lesson.rated", actor=alice, payload={"lesson_id": 1, "useful": True})
    emit("lesson.rated", actor=alice, payload={"lesson_id": 1, "useful": False, "changed": True})
    assert XPAward.objects.filter(user=alice).count() == 1


def test_self_reviews_earn_nothing(alice, emit):
    emit("review.submitted", actor=alice, payload={"author_id": alice.pk})
    emit("assignment.reviewed", actor=alice, payload={"status": "accepted", "learner_id": alice.pk, "step_id": 1})
    emit("review.rated", actor=alice, payload={"reviewer_id": alice.pk, "helpful": True})
    assert not XPAward.objects.filter(user=alice).exists()


def test_an_accepted_project_pays_the_learner_with_its_skills(alice, bob, emit):
    python = Skill.objects.get(slug="python")
    emit(
        "project.accepted",
        actor=bob,
        payload={"learner_id": alice.pk, "project_id": 7, "score": 95, "skill_ids": [python.pk], "title": "Shop"},
    )
    award = XPAward.objects.get(user=alice)
    assert (award.rule, award.points, award.skill_ids, award.title) == ("project_accepted", 150, [python.pk], "Shop")
    assert not XPAward.objects.filter(user=bob).exists()
    assert "top_project" in set(alice.badge_awards.values_list("badge", flat=True))


def test_a_review_rated_helpful_pays_the_reviewer(alice, bob, emit):
    emit("review.rated", actor=alice, payload={"reviewer_id": bob.pk, "helpful": True})
    emit("review.rated", actor=alice, payload={"reviewer_id": bob.pk, "helpful": False})
    assert list(XPAward.objects.filter(user=bob).values_list("rule", "points")) == [("review_helpful", 10)]


def test_an_organization_tunes_xp_for_its_courses(school, course, on_commit):
    services.xp_rule_set(
        actor=school.people.owner,
        organization=school,
        rule=RULES["step_completed"],
        points=25,
        daily_cap=None,
        enabled=True,
    )
    learner = school.people.learner
    enrollment = enroll(learner, course)
    with on_commit():
        step_complete(enrollment=enrollment, step=first_step(course, "text"))
    assert _xp(learner) == 25


def test_an_organization_can_switch_a_rule_off(school, course, on_commit):
    XPRuleSetting.objects.create(organization=school, rule="step_completed", points=10, enabled=False)
    learner = school.people.learner
    enrollment = enroll(learner, course)
    with on_commit():
        step_complete(enrollment=enrollment, step=first_step(course, "text"))
    assert _xp(learner) == 0


@pytest.mark.parametrize(
    ("points", "cap", "field"), [(-1, None, "points"), (2000, None, "points"), (50, 10, "daily_cap")]
)
def test_bad_rule_settings_are_refused_naming_the_field(school, points, cap, field):
    from tropa.core.exceptions import ServiceError

    with pytest.raises(ServiceError) as error:
        services.xp_rule_set(
            actor=school.people.owner,
            organization=school,
            rule=RULES["step_completed"],
            points=points,
            daily_cap=cap,
            enabled=True,
        )
    assert error.value.field == field
    assert not XPRuleSetting.objects.exists()


def test_level_up_records_level_reached(alice, emit):
    from tropa.activity.models import ActivityEvent

    emit("course.completed", actor=alice, course_id=None, payload={})
    assert GamerProfile.objects.get(pk=alice.pk).level == 2  # 100 XP: level 2 starts at 50
    assert ActivityEvent.objects.filter(verb="level.reached", actor=alice, payload__level=2).exists()
    assert ActivityEvent.objects.filter(verb="xp.awarded", actor=alice).count() == 1
