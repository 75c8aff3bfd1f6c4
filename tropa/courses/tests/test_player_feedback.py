"""Learners' feedback: rating a lesson (htmx and full page) and reviewing a completed course."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses import events as verbs
from tropa.courses.models import Course, CourseReview, EnrollmentStatus, Lesson, LessonRating, StepKind
from tropa.courses.services.feedback import course_review_save, lesson_rating_save
from tropa.courses.services.progress import step_complete, step_open

from .player_helpers import enroll, events, step_url, steps_of

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


@pytest.fixture
def learner(school):
    return school.people.learner


@pytest.fixture
def course(make_course, learner):
    course = make_course(modules=1, steps=(StepKind.TEXT,))
    enroll(learner, course)
    return course


@pytest.fixture
def lesson(course):
    return Lesson.objects.get(module__course=course)


def rate_url(course, lesson) -> str:
    return reverse("courses:lesson_rate", args=[course.slug, lesson.pk])


def complete(learner, course):
    enrollment = course.enrollments.get(user=learner)
    for step in steps_of(course):
        step_complete(enrollment=enrollment, step=step)
    return enrollment


# Lesson ratings


def test_rating_a_lesson_over_htmx_answers_with_the_partial(client_for, learner, course, lesson):
    client = client_for(learner)
    client.get(step_url(steps_of(course)[0]))
    response = client.post(rate_url(course, lesson), {"useful": "yes", "comment": "Clear"}, **HTMX)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<html" not in html and "Thank you for the feedback." in html and 'aria-pressed="true"' in html
    rating = LessonRating.objects.get()
    assert (rating.useful, rating.comment) == (True, "Clear")
    (event,) = events(verbs.LESSON_RATED)
    assert event.payload == {"lesson_id": lesson.pk, "useful": True, "has_comment": True, "changed": False}


def test_rating_a_lesson_without_htmx_redirects_back(client_for, learner, course, lesson):
    client = client_for(learner)
    url = step_url(steps_of(course)[0])
    client.get(url)
    response = client.post(rate_url(course, lesson), {"useful": "no", "next": url})
    assert response.status_code == 302 and response["Location"] == url
    assert LessonRating.objects.get().useful is False
    assert "Thank you for the feedback." in client.get(url).content.decode()


def test_an_unsafe_next_is_ignored(client_for, learner, course, lesson):
    client = client_for(learner)
    client.get(step_url(steps_of(course)[0]))
    response = client.post(rate_url(course, lesson), {"useful": "no", "next": "https://evil.example/"})
    assert response["Location"] == reverse("courses:learn", args=[course.slug])


def test_rating_again_changes_the_mark_instead_of_adding_one(learner, course, lesson):
    step_open(actor=learner, step=steps_of(course)[0])
    lesson_rating_save(actor=learner, lesson=lesson, useful=True, comment="ok")
    lesson_rating_save(actor=learner, lesson=lesson, useful=False)
    rating = LessonRating.objects.get()
    assert (rating.useful, rating.comment) == (False, "")
    assert [e.payload["changed"] for e in events(verbs.LESSON_RATED)] == [False, True]


def test_a_lesson_not_yet_opened_cannot_be_rated(client_for, learner, course, lesson):
    response = client_for(learner).post(rate_url(course, lesson), {"useful": "yes"}, **HTMX)
    assert response.status_code == 400
    assert "Open the lesson before rating it." in response.content.decode()
    assert not LessonRating.objects.exists()


def test_a_rating_must_say_useful_or_not(client_for, learner, course, lesson):
    client = client_for(learner)
    client.get(step_url(steps_of(course)[0]))
    response = client.post(rate_url(course, lesson), {"useful": "maybe"}, **HTMX)
    assert response.status_code == 400
    assert not LessonRating.objects.exists()


def test_outsiders_cannot_rate_lessons(client_for, school, course, lesson):
    for user in (school.people.other_learner, school.people.outsider, school.people.author):
        assert client_for(user).post(rate_url(course, lesson), {"useful": "yes"}).status_code == 404
        # An invalid form must not tell them more than a valid one.
        assert client_for(user).post(rate_url(course, lesson), {}).status_code == 404
    assert not LessonRating.objects.exists()


def test_a_lesson_of_another_course_is_not_found(client_for, learner, course, make_course):
    other = make_course(title="Other")
    other_lesson = Lesson.objects.filter(module__course=other).first()
    assert client_for(learner).post(rate_url(course, other_lesson), {"useful": "yes"}).status_code == 404


def test_a_rating_comment_is_shown_harmless(client_for, learner, course, lesson):
    client = client_for(learner)
    client.get(step_url(steps_of(course)[0]))
    client.post(rate_url(course, lesson), {"useful": "yes", "comment": XSS}, **HTMX)
    html = client.get(step_url(steps_of(course)[0])).content.decode()
    assert "<script>alert" not in html and "<img src=x" not in html and "&lt;script&gt;" in html


def test_another_learners_rating_is_not_shown(client_for, school, learner, course, lesson):
    other = school.people.other_learner
    enroll(other, course)
    step_open(actor=other, step=steps_of(course)[0])
    lesson_rating_save(actor=other, lesson=lesson, useful=False, comment="Oleg thinks so")
    html = client_for(learner).get(step_url(steps_of(course)[0])).content.decode()
    assert "Oleg thinks so" not in html and 'aria-pressed="true"' not in html


# Course reviews


def review_url(course) -> str:
    return reverse("courses:review_create", args=[course.slug])


def test_a_completed_learner_reviews_the_course_and_the_rating_is_kept(client_for, learner, course):
    complete(learner, course)
    client = client_for(learner)
    assert client.get(review_url(course)).status_code == 200
    response = client.post(review_url(course), {"rating": "4", "text": "Good course"})
    assert response.status_code == 302
    assert response["Location"] == reverse("courses:detail", args=[course.slug]) + "#reviews"
    course.refresh_from_db()
    assert (course.rating_average, course.rating_count) == (Decimal("4.00"), 1)
    (event,) = events(verbs.COURSE_REVIEWED)
    assert event.payload["rating"] == 4 and event.payload["updated"] is False


def test_editing_a_review_keeps_one_per_enrollment_and_recomputes_the_average(school, learner, course):
    other = school.people.other_learner
    enroll(other, course)
    complete(learner, course)
    complete(other, course)
    course_review_save(actor=learner, course=course, rating=5, text="")
    course_review_save(actor=other, course=course, rating=2, text="")
    course_review_save(actor=learner, course=course, rating=4, text="Changed my mind")
    course.refresh_from_db()
    assert CourseReview.objects.count() == 2
    assert (course.rating_average, course.rating_count) == (Decimal("3.00"), 2)
    assert Course.objects.get(pk=course.pk).rating_average == Decimal("3.00")


def test_the_review_form_is_filled_with_the_existing_review(client_for, learner, course):
    complete(learner, course)
    course_review_save(actor=learner, course=course, rating=3, text="So-so")
    html = client_for(learner).get(review_url(course)).content.decode()
    assert "Edit your review" in html and "So-so" in html
    assert 'value="3" id="id_rating_2" checked' in html


def test_an_active_learner_is_told_to_finish_first(client_for, learner, course):
    response = client_for(learner).get(review_url(course))
    assert response.status_code == 302 and response["Location"] == reverse("courses:learn", args=[course.slug])
    with pytest.raises(ServiceError, match="once you have completed it"):
        course_review_save(actor=learner, course=course, rating=5)
    assert not CourseReview.objects.exists()


def test_people_not_enrolled_cannot_review(client_for, school, course):
    for user in (school.people.other_learner, school.people.outsider, school.people.owner):
        assert client_for(user).get(review_url(course)).status_code == 404
        assert client_for(user).post(review_url(course), {"rating": "5"}).status_code == 404
    with pytest.raises(NotFound):
        course_review_save(actor=school.people.outsider, course=course, rating=5)


@pytest.mark.parametrize("rating", ["0", "6", "", "five"])
def test_a_rating_outside_1_to_5_is_refused_naming_the_field(client_for, learner, course, rating):
    complete(learner, course)
    response = client_for(learner).post(review_url(course), {"rating": rating, "text": "x"})
    assert response.status_code == 400
    assert 'id="id_rating_error"' in response.content.decode()
    assert not CourseReview.objects.exists()


def test_the_service_checks_the_rating_too(learner, course):
    complete(learner, course)
    for bad in (0, 6, True, "5"):
        with pytest.raises(ServiceError) as caught:
            course_review_save(actor=learner, course=course, rating=bad)
        assert caught.value.field == "rating"


def test_a_learner_who_left_after_completing_cannot_review(learner, course):
    enrollment = complete(learner, course)
    assert enrollment.status == EnrollmentStatus.COMPLETED
    course.enrollments.filter(pk=enrollment.pk).update(status=EnrollmentStatus.LEFT)
    with pytest.raises(ServiceError):
        course_review_save(actor=learner, course=course, rating=5)


def test_review_text_is_kept_as_typed(learner, course):
    complete(learner, course)
    review = course_review_save(actor=learner, course=course, rating=5, text=XSS)
    assert review.text == XSS  # escaped where it is shown (the course page)
