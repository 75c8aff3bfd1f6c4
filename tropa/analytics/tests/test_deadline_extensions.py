"""The desk's "Extend a deadline": one learner's own later deadline, checked, logged, told, and counted by the risk."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tropa.activity.models import ActivityEvent
from tropa.analytics.models import HistoryEnrollment, Intervention
from tropa.analytics.reasons import reason_lines
from tropa.analytics.services.interventions import intervention_log
from tropa.analytics.services.rollup import history_rollup
from tropa.analytics.services.scoring import risk_score_organization
from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses.models import CohortModule, DeadlineExtension, StepKind
from tropa.courses.selectors.deadlines import step_deadline_for
from tropa.courses.services.deadlines import deadline_extend
from tropa.notifications.models import Notification


def _at(day):
    return timezone.make_aware(datetime.combine(day, time(12)))


@pytest.fixture
def quiz(world):
    """The course's first quiz, due five days ago in the cohort's schedule (nobody handed it in)."""
    step = world.course.steps.filter(kind=StepKind.QUIZ).order_by("pk").first()
    CohortModule.objects.update_or_create(
        cohort=world.cohort,
        module_id=step.lesson.module_id,
        defaults={"deadline": _at(timezone.localdate() - timedelta(days=5))},
    )
    return step


def _row(world, user):
    history_rollup(organization_id=world.school.pk)
    return HistoryEnrollment.objects.select_related("enrollment__user", "enrollment__course").get(enrollment__user=user)


def _extend(world, quiz, *, actor=None, days=10, user=None, note="Was ill"):
    return intervention_log(
        actor=actor or world.curator,
        history=_row(world, user or world.quiet),
        kind="extend",
        note=note,
        step_id=quiz.pk,
        due_on=timezone.localdate() + timedelta(days=days),
    )


def test_the_curator_moves_one_learners_deadline_and_it_is_logged(world, quiz):
    done = _extend(world, quiz)

    extension = DeadlineExtension.objects.get()
    assert extension.enrollment.user == world.quiet and extension.step == quiz
    assert extension.granted_by == world.curator and extension.reason == "Was ill"
    assert timezone.localdate(extension.due_at) == timezone.localdate() + timedelta(days=10)
    assert step_deadline_for(enrollment=extension.enrollment, step=quiz) == extension.due_at
    keen = world.keen.enrollments.get()
    assert step_deadline_for(enrollment=keen, step=quiz) < timezone.now()  # the others keep the cohort's
    assert done.kind == "extend" and quiz.title in done.note
    event = ActivityEvent.objects.get(verb="intervention.logged")
    assert event.payload["step_id"] == quiz.pk and event.payload["learner_id"] == world.quiet.pk
    assert ActivityEvent.objects.filter(verb="deadline.extended").count() == 1


def test_the_learner_is_told_the_new_date(world, quiz, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        _extend(world, quiz)

    note = Notification.objects.get(recipient=world.quiet, kind="learning_nudge")
    assert quiz.title in note.title and "risk" not in note.title.lower()


def test_the_new_date_must_come_after_the_current_one(world, quiz):
    with pytest.raises(ServiceError) as error:
        _extend(world, quiz, days=-6)
    assert error.value.field == "due_on"

    _extend(world, quiz, days=10)
    with pytest.raises(ServiceError) as error:
        _extend(world, quiz, days=8)  # earlier than the learner's own extension
    assert error.value.field == "due_on"
    _extend(world, quiz, days=12)
    assert DeadlineExtension.objects.count() == 1


def test_the_step_must_be_graded_work_of_the_learners_course(world, quiz, make_user):
    text = world.course.steps.filter(kind=StepKind.TEXT).first()
    row = _row(world, world.quiet)
    for step_id in (text.pk, None, 999_999):
        with pytest.raises(ServiceError) as error:
            intervention_log(
                actor=world.curator,
                history=row,
                kind="extend",
                note="x",
                step_id=step_id,
                due_on=timezone.localdate() + timedelta(days=3),
            )
        assert error.value.field == "step"
    assert not DeadlineExtension.objects.exists()


@pytest.mark.parametrize("who", ["outsider", "other_curator", "quiet", "parent", "author"])
def test_only_staff_running_the_learner_may_extend(world, quiz, who):
    enrollment = world.quiet.enrollments.get()
    with pytest.raises(NotFound):
        deadline_extend(
            actor=getattr(world, who),
            enrollment=enrollment,
            step_id=quiz.pk,
            due_at=timezone.now() + timedelta(days=3),
            reason="x",
        )
    assert not DeadlineExtension.objects.exists()


@pytest.mark.parametrize("who", ["methodologist", "admin", "owner"])
def test_organizers_may_extend_for_any_learner(world, quiz, who):
    _extend(world, quiz, actor=getattr(world, who))
    assert DeadlineExtension.objects.count() == 1


def test_the_missed_deadline_reason_follows_the_extended_date(world, quiz):
    history_rollup(organization_id=world.school.pk)
    before = {s.enrollment.enrollment.user: s for s in risk_score_organization(organization_id=world.school.pk)}
    assert any("deadline" in line for line in reason_lines(before[world.quiet].reasons))

    _extend(world, quiz)
    after = {s.enrollment.enrollment.user: s for s in risk_score_organization(organization_id=world.school.pk)}

    assert not any("deadline" in line for line in reason_lines(after[world.quiet].reasons))
    assert after[world.quiet].probability < before[world.quiet].probability
    assert any("deadline" in line for line in reason_lines(after[world.minor].reasons))


def test_the_learner_sees_their_own_date_on_the_step_page_and_dashboard(world, quiz, client_for):
    _extend(world, quiz)
    client = client_for(world.quiet)

    step_page = client.get(reverse("courses:step", args=[world.course.slug, quiz.pk])).content.decode()
    courses_page = client.get(reverse("courses:my_courses")).content.decode()

    assert "extended for you" in step_page
    assert "extended for you" in courses_page and quiz.title in courses_page
    other = client_for(world.keen).get(reverse("courses:step", args=[world.course.slug, quiz.pk])).content.decode()
    assert "extended for you" not in other


# The desk's form, from every side.


def _url(world, user=None):
    return reverse("analytics:extend", args=[world.school.slug, _row(world, user or world.quiet).pk])


def test_the_desk_form_extends_and_returns_to_the_learner(world, quiz, client_for):
    url = _url(world)
    client = client_for(world.curator)
    assert client.get(url).status_code == 200

    day = timezone.localdate() + timedelta(days=4)
    response = client.post(url, {"step": quiz.pk, "due_on": day.isoformat(), "note": "Family trip"})

    assert response.status_code == 302
    assert Intervention.objects.get().kind == "extend"
    assert timezone.localdate(DeadlineExtension.objects.get().due_at) == day


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"due_on": "+4", "note": "x"}, "step"),
        ({"step": "quiz", "due_on": "-9", "note": "x"}, "due_on"),
        ({"step": "quiz", "due_on": "not a date", "note": "x"}, "due_on"),
        ({"step": "quiz", "due_on": "+4", "note": ""}, "note"),
        ({"step": "text", "due_on": "+4", "note": "x"}, "step"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(world, quiz, client_for, data, field):
    text = world.course.steps.filter(kind=StepKind.TEXT).first()
    values = {**data}
    values["step"] = {"quiz": quiz.pk, "text": text.pk}.get(values.get("step"), values.get("step", ""))
    if values["due_on"][:1] in "+-":
        values["due_on"] = (timezone.localdate() + timedelta(days=int(values["due_on"]))).isoformat()

    response = client_for(world.curator).post(_url(world), values)

    assert response.status_code == 400
    assert f'id="id_{field}_error"' in response.content.decode()
    assert not DeadlineExtension.objects.exists()


@pytest.mark.parametrize("who", ["outsider", "other_curator", "quiet", "parent", "author"])
def test_outsiders_get_404_from_the_desk_form(world, quiz, client_for, who):
    url = _url(world)
    client = client_for(getattr(world, who))
    day = (timezone.localdate() + timedelta(days=4)).isoformat()

    assert client.get(url).status_code == 404
    assert client.post(url, {"step": quiz.pk, "due_on": day, "note": "x"}).status_code == 404
    assert not DeadlineExtension.objects.exists()


def test_the_api_extends_and_names_the_bad_field(world, quiz, client_for):
    url = f"/api/v1/analytics/{world.school.slug}/learners/{_row(world, world.quiet).pk}/actions"
    client = client_for(world.curator)
    late = (timezone.localdate() - timedelta(days=9)).isoformat()

    bad = client.post(url, {"kind": "extend", "step": quiz.pk, "due_on": late, "note": "x"}, "application/json")
    good = client.post(
        url,
        {
            "kind": "extend",
            "step": quiz.pk,
            "due_on": (timezone.localdate() + timedelta(days=3)).isoformat(),
            "note": "x",
        },
        "application/json",
    )

    assert bad.status_code == 400 and bad.json()["field"] == "due_on"
    assert good.status_code == 201
