"""Following courses, authors and schools; the author's page (courses, audience, alumni); a course's community."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tropa.activity.services import record
from tropa.community.models import Category, CategoryKind, FeedPrivacy, Follow
from tropa.community.services import forum as services
from tropa.courses.tests.conftest import build_course

pytestmark = pytest.mark.django_db


def _event(capture, verb, *, actor, course):
    with capture(execute=True):
        record(actor=actor, verb=verb, obj=course, course_id=course.pk, organization_id=course.organization_id)


def test_followers_of_a_course_and_of_its_school_see_its_news_in_the_feed(
    forum, client_for, make_user, django_capture_on_commit_callbacks
):
    course_fan, school_fan = make_user("fan@example.com"), make_user("school-fan@example.com")
    client_for(course_fan).post(reverse("community:course_follow", args=[forum.course.slug]), {"what": "course"})
    client = client_for(school_fan)
    client.post(reverse("community:course_follow", args=[forum.course.slug]), {"what": "school"})
    assert Follow.objects.filter(user=course_fan, course=forum.course).exists()
    assert Follow.objects.filter(user=school_fan, organization=forum.school).exists()
    _event(django_capture_on_commit_callbacks, "course.completed", actor=forum.people.alumnus, course=forum.course)
    _event(django_capture_on_commit_callbacks, "course.published", actor=forum.people.owner, course=forum.course)
    for fan in (course_fan, school_fan):
        html = client_for(fan).get(reverse("community:feed")).content.decode()
        assert "Anna" in html and "finished the course" in html
        assert "published a new course" in html and "Author" in html  # the lead author, not who pressed publish


def test_a_person_who_hides_their_learning_is_not_in_course_followers_feeds(
    forum, client_for, make_user, django_capture_on_commit_callbacks
):
    fan = make_user("fan@example.com")
    services.follow_toggle(actor=fan, course=forum.course)
    FeedPrivacy.objects.create(user=forum.people.alumnus, share_learning=False)
    _event(django_capture_on_commit_callbacks, "course.completed", actor=forum.people.alumnus, course=forum.course)
    assert "finished the course" not in client_for(fan).get(reverse("community:feed")).content.decode()


def test_publishing_a_course_opens_its_alumni_space_once(forum, django_capture_on_commit_callbacks):
    course = build_course(forum.school, author=forum.people.author, title="SQL с нуля", modules=1, steps=("text",))
    for _ in range(2):
        _event(django_capture_on_commit_callbacks, "course.published", actor=forum.people.owner, course=course)
    spaces = Category.objects.filter(kind=CategoryKind.ALUMNI, course=course)
    assert spaces.count() == 1
    assert spaces.get().organization_id == forum.school.pk


def test_posts_in_an_alumni_space_are_marked_only_for_graduates(forum):
    by_alumnus = services.topic_create(actor=forum.people.alumnus, category=forum.c.alumni, title="Мой кейс", body="…")
    reply = services.post_create(actor=forum.people.curator, topic=by_alumnus, body="Здорово!")
    assert by_alumnus.posts.get(number=1).is_alumni
    assert not reply.is_alumni


def test_the_author_page_shows_courses_alumni_and_counts_the_audience(forum, client_for, make_user):
    fan = make_user("fan@example.com", first_name="Fanny")
    services.follow_toggle(actor=fan, person=forum.people.author)
    services.follow_toggle(actor=forum.people.learner, person=forum.people.author)  # enrolled: not audience
    child = make_user("kid@example.com", first_name="Kiddo", is_minor=True)
    from tropa.courses.models import Enrollment, EnrollmentStatus

    Enrollment.objects.create(
        user=child, course=forum.course, status=EnrollmentStatus.COMPLETED, enrolled_at=timezone.now()
    )
    url = reverse("community:author", args=[forum.people.author.pk])
    html = client_for(fan).get(url).content.decode()
    assert forum.course.title in html
    assert "Anna" in html  # an alumnus who shares their learning
    assert "Kiddo" not in html  # minors are never named
    assert "2 graduates" in html
    assert "1 follower not yet enrolled" in html
    assert "Your audience" not in html
    own = client_for(forum.people.author).get(url).content.decode()
    assert "Your audience" in own and "Fanny" in own


def test_following_an_author_from_their_page(forum, client_for, make_user):
    fan = make_user("fan@example.com")
    client_for(fan).post(reverse("community:author_follow", args=[forum.people.author.pk]))
    assert Follow.objects.filter(user=fan, followed_user=forum.people.author).exists()


def test_someone_without_published_courses_has_no_author_page(forum, client_for):
    client = client_for(forum.people.outsider)
    assert client.get(reverse("community:author", args=[forum.people.learner.pk])).status_code == 404
    assert client.post(reverse("community:author_follow", args=[forum.people.learner.pk])).status_code == 404


def test_a_draft_course_has_no_community_page(forum, client_for):
    draft = build_course(forum.school, author=forum.people.author, status="draft", modules=1, steps=("text",))
    assert client_for(forum.people.outsider).get(reverse("community:course", args=[draft.slug])).status_code == 404


def test_the_course_community_links_the_alumni_space_only_to_those_who_may_enter(forum, client_for):
    url = reverse("community:course", args=[forum.course.slug])
    assert forum.c.alumni.name not in client_for(forum.people.outsider).get(url).content.decode()
    assert forum.c.alumni.name in client_for(forum.people.alumnus).get(url).content.decode()
    alumni_page = reverse("community:category", args=[forum.c.alumni.slug])
    assert client_for(forum.people.learner).get(alumni_page).status_code == 404  # still learning: not yet


def test_the_course_community_page_in_constant_queries(forum, client_for, make_user, django_assert_max_num_queries):
    from tropa.courses.models import Enrollment, EnrollmentStatus

    for n in range(15):
        Enrollment.objects.create(
            user=make_user(f"g{n}@example.com"),
            course=forum.course,
            status=EnrollmentStatus.COMPLETED,
            enrolled_at=timezone.now(),
        )
    client = client_for(forum.people.outsider)
    with django_assert_max_num_queries(16):
        assert client.get(reverse("community:course", args=[forum.course.slug])).status_code == 200
    with django_assert_max_num_queries(18):
        assert client.get(reverse("community:author", args=[forum.people.author.pk])).status_code == 200
