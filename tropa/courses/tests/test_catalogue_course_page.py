"""The course page: the course as a product, its people, cohorts, reviews and the call to action."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from tropa.accounts.models import Visibility
from tropa.courses.models import (
    Cohort,
    CohortEnrollmentPolicy,
    CourseMode,
    CourseReview,
    CourseStatus,
    Enrollment,
    EnrollmentStatus,
    Lesson,
    Module,
    Step,
)

pytestmark = pytest.mark.django_db


def page_url(course) -> str:
    return reverse("courses:detail", args=[course.slug])


def enroll(user, course, status=EnrollmentStatus.ACTIVE, cohort=None, progress=0) -> Enrollment:
    return Enrollment.objects.create(
        user=user, course=course, cohort=cohort, status=status, enrolled_at=timezone.now(), progress_percent=progress
    )


def cohort(course, title="Spring", *, days_from_now=10, weeks=8, **fields) -> Cohort:
    starts = timezone.localdate() + timedelta(days=days_from_now)
    return Cohort.objects.create(
        course=course, title=title, starts_on=starts, ends_on=starts + timedelta(weeks=weeks), **fields
    )


def set_profile(user, **fields):
    for name, value in fields.items():
        setattr(user.profile, name, value)
    user.profile.save()


def test_the_page_presents_the_course_as_a_product(client, make_course):
    course = make_course(
        title="SQL для аналитиков",
        summary="Запросы, которые отвечают на вопросы бизнеса",
        description="## Зачем\nЧтобы **считать** самому.",
        outcomes="Писать JOIN\nСчитать когорты\n",
        price=Decimal("4900"),
        duration_weeks=6,
        weekly_hours=5,
        modules=2,
        lessons=2,
        completed_count=17,
        learners_count=120,
        rating_average=Decimal("4.70"),
        rating_count=12,
    )
    content = client.get(page_url(course)).content.decode()
    for text in [
        "SQL для аналитиков",
        "Запросы, которые отвечают на вопросы бизнеса",
        "Школа Данных",
        "<strong>считать</strong>",
        "Писать JOIN",
        "Считать когорты",
        "What you will be able to do",
        "Level 1",
        "Lesson 2.2",
        "6 weeks",
        "5 hours",
        "4,900 RUB",
        "17 finished it",
        "4.7",
        "12 reviews",
        "Beginner",
        "Self-paced",
    ]:
        assert text in content, text


def test_a_free_course_says_free(client, make_course):
    content = client.get(page_url(make_course(price=0, modules=0))).content.decode()
    assert "Free" in content and "Enroll for free" not in content  # anonymous: asked to sign in first


def test_the_syllabus_counts_steps_without_archived_ones_and_shows_no_content(client, make_course):
    course = make_course(modules=1, lessons=1)  # one text and one quiz step
    Step.objects.filter(course=course, kind="quiz").update(archived_at=timezone.now())
    content = client.get(page_url(course)).content.decode()
    assert "1 step" in content and "2 steps" not in content
    assert "Read <strong>this</strong>" not in content and "Read **this**" not in content
    assert "2 + 2" not in content


def test_the_syllabus_leaves_out_archived_modules_and_lessons(client, make_course):
    course = make_course(modules=3, lessons=2)
    Module.objects.filter(course=course, title="Level 2").update(archived_at=timezone.now())
    Lesson.objects.filter(module__course=course, title="Lesson 3.1").update(archived_at=timezone.now())
    content = client.get(page_url(course)).content.decode()
    assert "Level 1" in content and "Level 3" in content and "Level 2" not in content
    assert "Lesson 3.2" in content and "Lesson 3.1" not in content and "Lesson 2.1" not in content
    assert "2 modules" in content and "3 lessons" in content


def test_signed_in_visitors_see_the_author_as_a_person(client_for, make_course, school):
    author = school.people.author
    set_profile(author, headline="Аналитик с 10-летним стажем", about="Работала в банке и ритейле.")
    other = make_course(title="Ещё один курс автора", modules=0)
    make_course(title="Черновик автора", status=CourseStatus.DRAFT, modules=0)
    course = make_course(title="Главный курс", modules=0)
    content = client_for(school.people.learner).get(page_url(course)).content.decode()
    assert author.display_name in content
    assert "Аналитик с 10-летним стажем" in content
    assert "Работала в банке и ритейле." in content
    assert reverse("accounts:profile_detail", args=[author.pk]) in content
    assert "Ещё один курс автора" in content and page_url(other) in content
    assert "Черновик автора" not in content


def test_a_platform_only_profile_is_not_shown_to_anonymous_visitors(client, make_course, school):
    set_profile(school.people.author, headline="Secret headline", visibility=Visibility.PLATFORM)
    content = client.get(page_url(make_course(modules=0))).content.decode()
    assert school.people.author.display_name in content
    assert "Secret headline" not in content
    assert reverse("accounts:profile_detail", args=[school.people.author.pk]) not in content


def test_a_public_profile_is_shown_to_anonymous_visitors(client, make_course, school):
    set_profile(school.people.author, headline="Public headline", visibility=Visibility.PUBLIC)
    assert "Public headline" in client.get(page_url(make_course(modules=0))).content.decode()


def test_a_private_profile_shows_only_the_name(client_for, make_course, school):
    set_profile(school.people.author, headline="Private headline", visibility=Visibility.PRIVATE)
    content = client_for(school.people.learner).get(page_url(make_course(modules=0))).content.decode()
    assert school.people.author.display_name in content
    assert "Private headline" not in content


def test_the_team_is_listed_without_repeating_the_author(client_for, make_course, school):
    course = make_course(modules=0)
    course.team.add(school.people.methodologist, school.people.author)
    set_profile(school.people.methodologist, headline="Методист курса")
    content = client_for(school.people.learner).get(page_url(course)).content.decode()
    assert "Course team" in content and "Методист курса" in content
    assert content.count(reverse("accounts:profile_detail", args=[school.people.author.pk])) == 1


def test_reviews_show_rating_text_and_a_short_name(client, make_course, school, make_user):
    course = make_course(modules=0, rating_average=Decimal("4.5"), rating_count=2)
    kid = make_user("kid@example.com", first_name="Petya", last_name="Kid", is_minor=True)
    CourseReview.objects.create(
        enrollment=enroll(school.people.learner, course), course=course, rating=5, text="Очень полезно"
    )
    CourseReview.objects.create(enrollment=enroll(kid, course), course=course, rating=4, text="Норм")
    content = client.get(page_url(course)).content.decode()
    assert "Очень полезно" in content and "Lena L." in content
    assert "Lena Learner" not in content  # no surname in full
    assert "Petya" not in content and "A learner" in content
    assert school.people.learner.email not in content


def test_only_cohorts_not_yet_ended_are_listed_with_their_seats(client_for, make_course, school):
    course = make_course(modules=0, mode=CourseMode.COHORT)
    cohort(course, "Past cohort", days_from_now=-100, weeks=4)
    cohort(course, "Running cohort", days_from_now=-7, weeks=8, capacity=30, active_count=30, waitlist_count=4)
    cohort(course, "Autumn cohort", days_from_now=20, capacity=25, active_count=22)
    cohort(course, "Open-ended cohort", days_from_now=40)
    cohort(course, "Invite cohort", days_from_now=50, enrollment_policy=CohortEnrollmentPolicy.INVITE)
    content = client_for(school.people.learner).get(page_url(course)).content.decode()
    assert "Past cohort" not in content
    assert "Running cohort" in content and "Full" in content and "4 on the waitlist" in content
    assert "3 seats left" in content
    assert "No limit" in content
    assert "By invitation" in content


def test_each_open_cohort_has_its_own_enroll_form(client_for, make_course, school):
    course = make_course(modules=0, mode=CourseMode.COHORT)
    full = cohort(course, "Full one", capacity=1, active_count=1)
    free = cohort(course, "Free one", days_from_now=30, capacity=10)
    invite = cohort(course, "Invite one", days_from_now=40, enrollment_policy=CohortEnrollmentPolicy.INVITE)
    content = client_for(school.people.learner).get(page_url(course)).content.decode()
    enroll_url = reverse("courses:enroll", args=[course.slug])
    assert content.count(f'action="{enroll_url}"') == 2
    assert f'name="cohort" value="{full.pk}"' in content and "Join the waitlist" in content
    assert f'name="cohort" value="{free.pk}"' in content
    assert f'name="cohort" value="{invite.pk}"' not in content
    assert 'href="#cohorts"' in content


def test_a_self_paced_course_offers_one_enroll_button(client_for, make_course, school):
    course = make_course(modules=0, price=0)
    content = client_for(school.people.learner).get(page_url(course)).content.decode()
    assert f'action="{reverse("courses:enroll", args=[course.slug])}"' in content
    assert "Enroll for free" in content
    assert 'name="cohort"' not in content


def test_an_anonymous_visitor_is_asked_to_sign_in_to_enroll(client, make_course):
    course = make_course(modules=0)
    content = client.get(page_url(course)).content.decode()
    assert "Sign in to enroll" in content
    assert f"?next={page_url(course)}" in content
    assert reverse("courses:enroll", args=[course.slug]) not in content


def test_an_enrolled_learner_is_offered_to_continue(client_for, make_course, school):
    course = make_course(modules=0)
    enroll(school.people.learner, course, progress=40)
    content = client_for(school.people.learner).get(page_url(course)).content.decode()
    assert f'href="{reverse("courses:learn", args=[course.slug])}"' in content
    assert "Continue" in content and 'value="40"' in content
    assert reverse("courses:enroll", args=[course.slug]) not in content


def test_a_learner_who_completed_can_open_the_course_again(client_for, make_course, school):
    course = make_course(modules=0)
    enroll(school.people.learner, course, status=EnrollmentStatus.COMPLETED, progress=100)
    content = client_for(school.people.learner).get(page_url(course)).content.decode()
    assert "Open the course" in content and "Completed" in content


def test_a_waitlisted_learner_is_told_so(client_for, make_course, school):
    course = make_course(modules=0, mode=CourseMode.COHORT)
    spring = cohort(course, "Весна", capacity=1, active_count=1)
    enroll(school.people.learner, course, status=EnrollmentStatus.WAITLISTED, cohort=spring)
    content = client_for(school.people.learner).get(page_url(course)).content.decode()
    assert "You are on the waitlist for “Весна”" in content
    assert reverse("courses:enroll", args=[course.slug]) not in content


def test_a_learner_who_left_may_enroll_again(client_for, make_course, school):
    course = make_course(modules=0)
    enroll(school.people.learner, course, status=EnrollmentStatus.LEFT)
    content = client_for(school.people.learner).get(page_url(course)).content.decode()
    assert f'action="{reverse("courses:enroll", args=[course.slug])}"' in content


def test_another_users_enrollment_does_not_change_my_page(client_for, make_course, school):
    course = make_course(modules=0)
    enroll(school.people.other_learner, course)
    content = client_for(school.people.learner).get(page_url(course)).content.decode()
    assert "Continue" not in content
    assert f'action="{reverse("courses:enroll", args=[course.slug])}"' in content


def test_a_missing_course_is_404(client):
    assert client.get(reverse("courses:detail", args=["no-such-course"])).status_code == 404


@pytest.mark.parametrize(
    "status", [CourseStatus.DRAFT, CourseStatus.REVIEW, CourseStatus.APPROVED, CourseStatus.ARCHIVED]
)
@pytest.mark.parametrize("who", [None, "learner", "outsider", "curator", "support"])
def test_an_unpublished_course_is_404_for_everyone_outside_the_team(
    client, client_for, make_course, school, status, who
):
    course = make_course(modules=0, status=status)
    if who == "learner":
        enroll(school.people.learner, course)  # even someone enrolled before it was archived
    viewer = client if who is None else client_for(getattr(school.people, who))
    assert viewer.get(page_url(course)).status_code == 404


def test_a_member_of_another_organization_gets_404_for_a_draft(client_for, make_course, school):
    draft = make_course(modules=0, status=CourseStatus.DRAFT, organization=school.rival, author=school.people.outsider)
    assert client_for(school.people.author).get(page_url(draft)).status_code == 404


@pytest.mark.parametrize("who", ["owner", "admin", "author", "methodologist", "editor"])
def test_the_course_team_sees_a_draft_with_a_banner_and_no_enroll_button(client_for, make_course, school, who):
    course = make_course(modules=1, status=CourseStatus.DRAFT)
    response = client_for(getattr(school.people, who)).get(page_url(course))
    assert response.status_code == 200
    content = response.content.decode()
    assert "only the course team sees this page" in content
    assert "Enrollment opens once the course is published." in content
    assert reverse("courses:enroll", args=[course.slug]) not in content


def test_a_published_course_has_no_draft_banner(client_for, make_course, school):
    content = client_for(school.people.author).get(page_url(make_course(modules=0))).content.decode()
    assert "only the course team sees this page" not in content


def test_the_page_answers_get_only(client_for, make_course, school):
    course = make_course(modules=0)
    assert client_for(school.people.learner).post(page_url(course)).status_code == 405


def test_a_learner_who_finished_is_invited_to_review_once(client_for, make_course, school):
    course = make_course(modules=0)
    enrollment = enroll(school.people.learner, course, status=EnrollmentStatus.COMPLETED, progress=100)
    review_url = reverse("courses:review_create", args=[course.slug])
    client = client_for(school.people.learner)
    assert f'href="{review_url}"' in client.get(page_url(course)).content.decode()
    CourseReview.objects.create(enrollment=enrollment, course=course, rating=5, text="Done")
    assert f'href="{review_url}"' not in client.get(page_url(course)).content.decode()


def test_an_active_learner_is_not_asked_for_a_review_yet(client_for, make_course, school):
    course = make_course(modules=0)
    enroll(school.people.learner, course)
    content = client_for(school.people.learner).get(page_url(course)).content.decode()
    assert reverse("courses:review_create", args=[course.slug]) not in content


def test_the_reviews_section_is_the_target_of_the_reviews_anchor(client, make_course):
    assert 'id="reviews"' in client.get(page_url(make_course(modules=0))).content.decode()


def test_the_team_gets_a_link_to_the_studio_and_learners_do_not(client_for, make_course, school):
    course = make_course(modules=0)
    studio = reverse("courses:studio_course", args=[course.slug])
    assert studio in client_for(school.people.methodologist).get(page_url(course)).content.decode()
    assert studio not in client_for(school.people.learner).get(page_url(course)).content.decode()
