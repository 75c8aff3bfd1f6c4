"""The learner's pages: my courses, enroll, the outline (learn) and leave; who may open each."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tropa.courses.models import (
    Cohort,
    CohortEnrollmentPolicy,
    CohortModule,
    CourseMode,
    CourseStatus,
    Enrollment,
    EnrollmentStatus,
    Module,
    Step,
    StepKind,
    UnlockRule,
)
from tropa.courses.services.enrollment import enrollment_create
from tropa.courses.services.progress import step_complete, step_open

pytestmark = pytest.mark.django_db

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def make_cohort(course, **fields) -> Cohort:
    today = timezone.localdate()
    fields.setdefault("starts_on", today - timedelta(days=3))
    fields.setdefault("ends_on", today + timedelta(days=60))
    return Cohort.objects.create(course=course, title=fields.pop("title", "Spring"), **fields)


def first_step(course) -> Step:
    return (
        Step.objects.filter(course=course).order_by("lesson__module__position", "lesson__position", "position").first()
    )


# My courses


def test_my_courses_needs_sign_in(client):
    response = client.get(reverse("courses:my_courses"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_my_courses_is_empty_for_a_newcomer(client_for, school):
    response = client_for(school.people.learner).get(reverse("courses:my_courses"))
    assert response.status_code == 200
    assert "You are not learning anything yet." in response.content.decode()


def test_my_courses_lists_progress_waitlist_and_completed(client_for, school, make_course):
    learner = school.people.learner
    learning = make_course(title="Learning now course", modules=1, steps=(StepKind.TEXT, StepKind.TEXT))
    done = make_course(title="Done course", modules=1, steps=(StepKind.TEXT,))
    full = make_course(title="Full course", mode=CourseMode.COHORT)
    cohort = make_cohort(full, capacity=1)
    enrollment_create(actor=school.people.other_learner, course=full, cohort=cohort)
    enrollment = enrollment_create(actor=learner, course=learning)
    step_complete(enrollment=enrollment, step=first_step(learning))
    step_complete(enrollment=enrollment_create(actor=learner, course=done), step=first_step(done))
    enrollment_create(actor=learner, course=full, cohort=cohort)

    body = client_for(learner).get(reverse("courses:my_courses")).content.decode()
    assert "Learning now course" in body and 'aria-valuenow="50"' in body
    assert "Done course" in body and "Completed on" in body
    assert "Full course" in body and "Number 1 on the waitlist" in body
    assert reverse("courses:leave", args=[full.slug]) in body


def test_my_courses_shows_next_deadlines_of_my_cohort_only(client_for, school, make_course):
    course = make_course(title="Cohort course", mode=CourseMode.COHORT)
    mine, theirs = make_cohort(course, title="Mine"), make_cohort(course, title="Theirs")
    module = Module.objects.get(course=course, position=0)
    soon = timezone.now() + timedelta(days=2)
    CohortModule.objects.create(cohort=mine, module=module, deadline=soon)
    CohortModule.objects.create(cohort=theirs, module=module, deadline=soon - timedelta(days=1))
    CohortModule.objects.create(
        cohort=mine, module=Module.objects.get(course=course, position=1), deadline=timezone.now() - timedelta(days=1)
    )
    enrollment_create(actor=school.people.learner, course=course, cohort=mine)
    response = client_for(school.people.learner).get(reverse("courses:my_courses"))
    deadlines = response.context["deadlines"]
    assert [(d.source.cohort_id, d.source.module_id) for d in deadlines] == [(mine.pk, module.pk)]
    assert response.context["learning"][0].next_deadline_module == "Level 1"


def test_my_courses_does_not_show_someone_elses_courses(client_for, school, make_course):
    course = make_course(title="Secret learning")
    enrollment_create(actor=school.people.other_learner, course=course)
    body = client_for(school.people.learner).get(reverse("courses:my_courses")).content.decode()
    assert "Secret learning" not in body


def test_my_courses_continue_points_at_the_last_step(client_for, school, make_course):
    course = make_course(modules=1, steps=(StepKind.TEXT, StepKind.TEXT))
    enrollment_create(actor=school.people.learner, course=course)
    second = Step.objects.filter(course=course).order_by("position").last()
    step_open(actor=school.people.learner, step=second)
    response = client_for(school.people.learner).get(reverse("courses:my_courses"))
    assert response.context["learning"][0].continue_step_id == second.pk
    assert reverse("courses:step", args=[course.slug, second.pk]) in response.content.decode()


def test_course_titles_are_escaped_on_my_courses(client_for, school, make_course):
    course = make_course(title=XSS)
    enrollment_create(actor=school.people.learner, course=course)
    body = client_for(school.people.learner).get(reverse("courses:my_courses")).content.decode()
    assert XSS not in body and "&lt;script&gt;" in body


# Enroll


def test_enroll_post_enrolls_and_goes_to_the_outline(client_for, school, make_course):
    course = make_course()
    response = client_for(school.people.learner).post(reverse("courses:enroll", args=[course.slug]))
    assert response.status_code == 302 and response["Location"] == reverse("courses:learn", args=[course.slug])
    assert Enrollment.objects.get(user=school.people.learner, course=course).status == EnrollmentStatus.ACTIVE


def test_enroll_needs_sign_in(client, make_course):
    course = make_course()
    response = client.post(reverse("courses:enroll", args=[course.slug]))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Enrollment.objects.exists()


def test_enroll_in_a_full_cohort_waitlists_and_returns_to_the_course_page(client_for, school, make_course):
    course = make_course(mode=CourseMode.COHORT)
    cohort = make_cohort(course, capacity=1)
    enrollment_create(actor=school.people.other_learner, course=course, cohort=cohort)
    client = client_for(school.people.learner)
    response = client.post(reverse("courses:enroll", args=[course.slug]), {"cohort": cohort.pk}, follow=True)
    assert response.redirect_chain[0] == (reverse("courses:detail", args=[course.slug]), 302)
    assert "number 1 in line" in response.content.decode()
    assert Enrollment.objects.get(user=school.people.learner).status == EnrollmentStatus.WAITLISTED


def test_enroll_refusal_names_the_field_with_400(client_for, school, make_course):
    course = make_course(mode=CourseMode.COHORT)
    cohort = make_cohort(course, enrollment_policy=CohortEnrollmentPolicy.INVITE, invite_code="RIGHT")
    client = client_for(school.people.learner)
    response = client.post(reverse("courses:enroll", args=[course.slug]), {"cohort": cohort.pk, "code": "WRONG"})
    assert response.status_code == 400
    assert "code" in response.context["form"].errors
    assert "invitation code is missing or wrong" in response.content.decode()
    assert not Enrollment.objects.exists()


def test_enroll_with_a_foreign_cohort_id_is_a_400_naming_cohort(client_for, school, make_course):
    course = make_course(mode=CourseMode.COHORT)
    foreign = make_cohort(make_course(title="Other", mode=CourseMode.COHORT))
    response = client_for(school.people.learner).post(
        reverse("courses:enroll", args=[course.slug]), {"cohort": foreign.pk}
    )
    assert response.status_code == 400 and "cohort" in response.context["form"].errors
    assert not Enrollment.objects.exists()


def test_an_invitation_link_shows_the_cohort_and_its_code_enrolls(client_for, school, make_course):
    course = make_course(mode=CourseMode.COHORT)
    cohort = make_cohort(
        course, title="Closed group", enrollment_policy=CohortEnrollmentPolicy.INVITE, invite_code="K3Y"
    )
    client = client_for(school.people.learner)
    url = reverse("courses:enroll", args=[course.slug])
    page = client.get(url, {"code": "K3Y"})
    assert page.status_code == 200 and "Closed group" in page.content.decode()
    response = client.post(f"{url}?code=K3Y")
    assert response.status_code == 302
    assert Enrollment.objects.get(user=school.people.learner).cohort_id == cohort.pk


def test_enroll_again_while_learning_just_goes_to_the_outline(client_for, school, make_course):
    course = make_course()
    enrollment_create(actor=school.people.learner, course=course)
    response = client_for(school.people.learner).post(reverse("courses:enroll", args=[course.slug]))
    assert response["Location"] == reverse("courses:learn", args=[course.slug])
    assert Enrollment.objects.count() == 1


@pytest.mark.parametrize("status", [CourseStatus.DRAFT, CourseStatus.REVIEW])
def test_enroll_in_a_draft_is_404_even_for_its_team(client_for, school, make_course, status):
    course = make_course(status=status)
    for person in (school.people.learner, school.people.author):
        assert client_for(person).post(reverse("courses:enroll", args=[course.slug])).status_code == 404
    assert not Enrollment.objects.exists()


def test_enroll_in_a_missing_course_is_404(client_for, school):
    assert client_for(school.people.learner).post(reverse("courses:enroll", args=["nope"])).status_code == 404


# Learn


def test_learn_shows_the_outline_with_progress_locks_and_continue(client_for, school, make_course):
    course = make_course(unlock_rule=UnlockRule.AFTER_PREVIOUS)
    enrollment = enrollment_create(actor=school.people.learner, course=course)
    step = first_step(course)
    step_complete(enrollment=enrollment, step=step)
    response = client_for(school.people.learner).get(reverse("courses:learn", args=[course.slug]))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Finish “Level 1” first" in body
    assert 'role="progressbar"' in body and 'aria-valuenow="25"' in body
    following = Step.objects.filter(course=course).order_by("lesson__module__position", "position")[1]
    assert response.context["continue"].step.pk == following.pk
    assert reverse("courses:step", args=[course.slug, following.pk]) in body


def test_learn_escapes_titles_and_reasons(client_for, school, make_course):
    course = make_course(unlock_rule=UnlockRule.AFTER_PREVIOUS)
    Module.objects.filter(course=course).update(title=XSS)
    Step.objects.filter(course=course).update(title=XSS)
    enrollment_create(actor=school.people.learner, course=course)
    body = client_for(school.people.learner).get(reverse("courses:learn", args=[course.slug])).content.decode()
    assert XSS not in body and "&lt;script&gt;" in body


def test_learn_sends_someone_not_enrolled_to_the_course_page(client_for, school, make_course):
    course = make_course()
    response = client_for(school.people.outsider).get(reverse("courses:learn", args=[course.slug]))
    assert response.status_code == 302 and response["Location"] == reverse("courses:detail", args=[course.slug])


def test_learn_sends_the_waitlisted_to_the_course_page(client_for, school, make_course):
    course = make_course(mode=CourseMode.COHORT)
    cohort = make_cohort(course, capacity=0)
    enrollment_create(actor=school.people.learner, course=course, cohort=cohort)
    response = client_for(school.people.learner).get(reverse("courses:learn", args=[course.slug]))
    assert response["Location"] == reverse("courses:detail", args=[course.slug])


def test_learn_of_a_draft_is_404_for_outsiders(client_for, school, make_course):
    course = make_course(status=CourseStatus.DRAFT)
    for person in (school.people.learner, school.people.outsider):
        assert client_for(person).get(reverse("courses:learn", args=[course.slug])).status_code == 404


def test_learn_needs_sign_in(client, make_course):
    course = make_course()
    assert client.get(reverse("courses:learn", args=[course.slug])).status_code == 302


def test_an_archived_course_stays_open_to_its_learners(client_for, school, make_course):
    course = make_course()
    enrollment_create(actor=school.people.learner, course=course)
    course.status = CourseStatus.ARCHIVED
    course.save(update_fields=["status"])
    assert client_for(school.people.learner).get(reverse("courses:learn", args=[course.slug])).status_code == 200
    assert client_for(school.people.outsider).get(reverse("courses:learn", args=[course.slug])).status_code == 404


# Leave


def test_leave_asks_why(client_for, school, make_course):
    course = make_course()
    enrollment_create(actor=school.people.learner, course=course)
    response = client_for(school.people.learner).get(reverse("courses:leave", args=[course.slug]))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'name="reason"' in body and "No time right now" in body and 'name="comment"' in body


def test_leave_without_a_reason_is_400_and_keeps_the_enrollment(client_for, school, make_course):
    course = make_course()
    enrollment = enrollment_create(actor=school.people.learner, course=course)
    response = client_for(school.people.learner).post(reverse("courses:leave", args=[course.slug]), {"comment": "x"})
    assert response.status_code == 400 and "reason" in response.context["form"].errors
    assert "Tell us why you are leaving." in response.content.decode()
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.ACTIVE


def test_leave_with_a_reason_leaves(client_for, school, make_course):
    course = make_course()
    enrollment = enrollment_create(actor=school.people.learner, course=course)
    response = client_for(school.people.learner).post(
        reverse("courses:leave", args=[course.slug]), {"reason": "no_time", "comment": XSS}
    )
    assert response.status_code == 302 and response["Location"] == reverse("courses:my_courses")
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.LEFT and enrollment.leave_comment == XSS


def test_leave_is_404_for_someone_not_in_the_course(client_for, school, make_course):
    course = make_course()
    enrollment = enrollment_create(actor=school.people.learner, course=course)
    client = client_for(school.people.other_learner)
    assert client.get(reverse("courses:leave", args=[course.slug])).status_code == 404
    assert client.post(reverse("courses:leave", args=[course.slug]), {"reason": "no_time"}).status_code == 404
    enrollment.refresh_from_db()
    assert enrollment.status == EnrollmentStatus.ACTIVE


# Navigation and dashboard


def test_my_learning_is_in_the_menu_and_the_dashboard(client_for, school, make_course):
    course = make_course(title="Dashboard course")
    enrollment_create(actor=school.people.learner, course=course)
    client = client_for(school.people.learner)
    body = client.get(reverse("core:dashboard")).content.decode()
    assert "My learning" in body and "Dashboard course" in body
    assert reverse("courses:my_courses") in body


def test_enroll_page_offers_the_open_cohorts_only(client_for, school, make_course):
    course = make_course(mode=CourseMode.COHORT)
    make_cohort(course, title="Open group", capacity=1)
    make_cohort(course, title="Closed group", enrollment_policy=CohortEnrollmentPolicy.INVITE, invite_code="K")
    today = timezone.localdate()
    make_cohort(course, title="Old group", starts_on=today - timedelta(days=90), ends_on=today - timedelta(days=1))
    response = client_for(school.people.learner).get(reverse("courses:enroll", args=[course.slug]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Open group" in body and "1 seat left" in body
    assert "Closed group" not in body and "Old group" not in body


def test_enroll_page_escapes_cohort_titles(client_for, school, make_course):
    course = make_course(mode=CourseMode.COHORT)
    make_cohort(course, title=XSS[:120], enrollment_policy=CohortEnrollmentPolicy.INVITE, invite_code="K")
    body = (
        client_for(school.people.learner)
        .get(reverse("courses:enroll", args=[course.slug]), {"code": "K"})
        .content.decode()
    )
    assert "<script>alert" not in body and "&lt;script&gt;" in body


def test_learn_page_in_russian_gives_the_opening_date_in_russian(school, make_course):
    course = make_course(mode=CourseMode.COHORT, unlock_rule=UnlockRule.ON_DATE)
    cohort = make_cohort(course)
    year = timezone.localdate().year + 1
    CohortModule.objects.create(
        cohort=cohort,
        module=Module.objects.get(course=course, position=1),
        opens_at=timezone.make_aware(timezone.datetime(year, 3, 12, 9, 0)),
    )
    learner = school.people.learner
    learner.language = "ru"
    learner.save(update_fields=["language"])
    enrollment_create(actor=learner, course=course, cohort=cohort)
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    client.force_login(learner)
    body = client.get(reverse("courses:learn", args=[course.slug])).content.decode()
    assert f"12 марта {year}" in body
