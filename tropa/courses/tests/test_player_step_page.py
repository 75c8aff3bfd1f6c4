"""The step page: who may open it, what a locked step shows, the content, navigation, progress and marking done."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tropa.activity.models import ActivityEvent
from tropa.courses import events as verbs
from tropa.courses.models import (
    Cohort,
    CohortModule,
    CourseStatus,
    Enrollment,
    EnrollmentStatus,
    Module,
    StepKind,
    StepProgress,
    UnlockRule,
)
from tropa.courses.services.progress import step_complete

from .player_helpers import enroll, events, first_step, step_url, steps_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def learner(school):
    return school.people.learner


@pytest.fixture
def course(make_course, learner):
    """Two modules, each with a text, a video and a quiz step; the second opens after the first. Learner enrolled."""
    course = make_course(steps=(StepKind.TEXT, StepKind.VIDEO, StepKind.QUIZ), unlock_rule=UnlockRule.AFTER_PREVIOUS)
    enroll(learner, course)
    return course


def test_anonymous_visitors_are_sent_to_sign_in(client, course):
    response = client.get(step_url(steps_of(course)[0]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_enrolled_learner_sees_the_step_with_outline_breadcrumbs_and_progress(client_for, learner, course):
    text = steps_of(course)[0]
    response = client_for(learner).get(step_url(text))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<strong>this</strong>" in html  # the Markdown body, rendered
    assert 'aria-label="Breadcrumb"' in html and "Level 1" in html and "Lesson 1.1" in html
    assert 'role="progressbar"' in html and 'aria-valuenow="0"' in html
    assert "Step 1 of 3" in html
    assert "Mark as done and continue" in html
    assert 'aria-current="step"' in html
    # The outline names the locked module with its reason.
    assert "Finish “Level 1” first" in html


def test_opening_a_step_records_the_view_once(client_for, learner, course):
    text = steps_of(course)[0]
    client = client_for(learner)
    client.get(step_url(text))
    client.get(step_url(text))
    assert len(events(verbs.STEP_VIEWED)) == 1
    assert Enrollment.objects.get(user=learner).last_step_id == text.pk


def test_a_user_who_is_not_enrolled_is_sent_to_the_course_page_and_nothing_is_written(client_for, school, course):
    response = client_for(school.people.other_learner).get(step_url(steps_of(course)[0]))
    assert response.status_code == 302
    assert response["Location"] == reverse("courses:detail", args=[course.slug])
    assert not StepProgress.objects.exists()


def test_a_learner_who_left_is_sent_to_the_course_page(client_for, learner, course):
    Enrollment.objects.filter(user=learner).update(status=EnrollmentStatus.LEFT)
    response = client_for(learner).get(step_url(steps_of(course)[0]))
    assert response.status_code == 302


def test_a_step_of_another_course_is_not_found(client_for, learner, course, make_course):
    other = make_course(title="Other")
    enroll(learner, other)
    foreign = steps_of(other)[0]
    response = client_for(learner).get(reverse("courses:step", args=[course.slug, foreign.pk]))
    assert response.status_code == 404
    assert not StepProgress.objects.filter(step=foreign).exists()


def test_a_step_of_a_draft_course_is_not_found_even_for_the_team(client_for, school, make_course):
    draft = make_course(status=CourseStatus.DRAFT)
    Enrollment.objects.create(user=school.people.author, course=draft, enrolled_at=timezone.now())
    response = client_for(school.people.author).get(step_url(steps_of(draft)[0]))
    assert response.status_code == 404


def test_an_archived_step_without_history_is_not_found(client_for, learner, course):
    step = steps_of(course)[1]
    step.archived_at = timezone.now()
    step.save(update_fields=["archived_at"])
    assert client_for(learner).get(step_url(step)).status_code == 404


def test_a_locked_step_shows_the_reason_on_the_page_and_writes_nothing(client_for, learner, course):
    locked = steps_of(course)[3]  # the first step of Level 2
    before = ActivityEvent.objects.count()
    response = client_for(learner).get(step_url(locked))
    assert response.status_code == 200
    html = response.content.decode()
    assert "This step is locked" in html and "Finish “Level 1” first" in html
    assert "Read <strong>this</strong>" not in html  # no content
    assert "Mark as done" not in html
    assert not StepProgress.objects.filter(step=locked).exists()
    assert ActivityEvent.objects.count() == before
    assert Enrollment.objects.get(user=learner).last_step_id is None


def test_a_step_locked_until_a_cohort_date_names_the_date(client_for, school, make_course):
    course = make_course(unlock_rule=UnlockRule.ON_DATE)
    today = timezone.localdate()
    cohort = Cohort.objects.create(course=course, title="Spring", starts_on=today, ends_on=today + timedelta(days=60))
    second = Module.objects.get(course=course, position=1)
    CohortModule.objects.create(cohort=cohort, module=second, opens_at=timezone.now() + timedelta(days=3))
    enroll(school.people.learner, course, cohort=cohort)
    response = client_for(school.people.learner).get(step_url(steps_of(course)[2]))
    assert response.status_code == 200
    assert "Opens on" in response.content.decode()
    assert not StepProgress.objects.filter(step__lesson__module=second).exists()


def test_mark_as_done_completes_the_step_and_goes_to_the_next(client_for, learner, course):
    text, video, _quiz, *_ = steps_of(course)
    client = client_for(learner)
    response = client.post(step_url(text, "courses:step_complete"))
    assert response.status_code == 302 and response["Location"] == step_url(video)
    assert StepProgress.objects.get(step=text).completed_at is not None
    assert len(events(verbs.STEP_COMPLETED)) == 1
    page = client.get(step_url(text)).content.decode()
    assert "You have done this step." in page


def test_mark_as_done_on_the_last_step_goes_to_the_course_outline(client_for, learner, make_course):
    course = make_course(modules=1, steps=(StepKind.TEXT,))
    enroll(learner, course)
    response = client_for(learner).post(step_url(steps_of(course)[0], "courses:step_complete"))
    assert response.status_code == 302
    assert response["Location"] == reverse("courses:learn", args=[course.slug])
    assert Enrollment.objects.get(user=learner).status == EnrollmentStatus.COMPLETED


def test_a_quiz_cannot_be_marked_done_by_hand(client_for, learner, course):
    quiz = first_step(course, StepKind.QUIZ)
    response = client_for(learner).post(step_url(quiz, "courses:step_complete"))
    assert response.status_code == 400
    assert "completed by answering its quiz" in response.content.decode()
    assert not StepProgress.objects.filter(step=quiz, completed_at__isnull=False).exists()


def test_a_locked_step_cannot_be_marked_done(client_for, learner, course):
    locked = steps_of(course)[3]
    response = client_for(learner).post(step_url(locked, "courses:step_complete"))
    assert response.status_code == 400
    html = response.content.decode()
    assert "This step is locked" in html and "Finish “Level 1” first" in html
    assert "Read <strong>this</strong>" not in html  # the refusal does not show the locked content
    assert not StepProgress.objects.filter(step=locked).exists()


def test_outsiders_cannot_mark_a_step_done(client_for, school, course):
    response = client_for(school.people.outsider).post(step_url(steps_of(course)[0], "courses:step_complete"))
    assert response.status_code == 404
    assert not StepProgress.objects.exists()


def test_mark_as_done_only_accepts_post(client_for, learner, course):
    assert client_for(learner).get(step_url(steps_of(course)[0], "courses:step_complete")).status_code == 405


def test_previous_and_next_follow_the_course_order(client_for, learner, course):
    text, video, quiz, *_ = steps_of(course)
    html = client_for(learner).get(step_url(video)).content.decode()
    assert f'href="{step_url(text)}" rel="prev"' in html
    assert f'href="{step_url(quiz)}" rel="next"' in html


def test_a_completed_learner_still_opens_steps_and_is_asked_for_a_review(client_for, learner, make_course):
    course = make_course(modules=1, steps=(StepKind.TEXT,))
    enrollment = enroll(learner, course)
    step = steps_of(course)[0]
    step_complete(enrollment=enrollment, step=step)
    response = client_for(learner).get(step_url(step))
    assert response.status_code == 200
    assert reverse("courses:review_create", args=[course.slug]) in response.content.decode()


def test_step_page_shows_html_from_the_body_harmlessly(client_for, learner, course):
    step = steps_of(course)[0]
    step.body = '<script>alert(1)</script><img src=x onerror="alert(2)"> [x](javascript:alert(3))'
    step.save(update_fields=["body"])
    html = client_for(learner).get(step_url(step)).content.decode()
    assert "<script>alert(1)" not in html and "onerror" not in html and "javascript:alert" not in html


def _count(client, url) -> int:
    client.get(url)  # warm: the session and the first view's writes
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_the_step_page_runs_the_same_queries_however_big_the_course(client_for, learner, make_course):
    small = make_course(title="Small", modules=1, steps=(StepKind.TEXT, StepKind.QUIZ))
    big = make_course(title="Big", modules=6, lessons=3, steps=(StepKind.TEXT, StepKind.QUIZ, StepKind.ASSIGNMENT))
    client = client_for(learner)
    for course in (small, big):
        enroll(learner, course)
        enrollment = Enrollment.objects.get(user=learner, course=course)
        for step in steps_of(course)[:-1]:
            step_complete(enrollment=enrollment, step=step)
    small_text, big_text = steps_of(small, StepKind.TEXT)[0], steps_of(big, StepKind.TEXT)[0]
    assert _count(client, step_url(big_text)) == _count(client, step_url(small_text))
    small_quiz, big_quiz = steps_of(small, StepKind.QUIZ)[0], steps_of(big, StepKind.QUIZ)[-1]
    assert _count(client, step_url(big_quiz)) == _count(client, step_url(small_quiz))
