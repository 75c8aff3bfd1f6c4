"""The roadmap, profile, recommendations and mentees pages cost the same number of queries as data grows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tropa.courses.services.enrollment import enrollment_create
from tropa.roadmaps.models import Roadmap
from tropa.roadmaps.services import roadmap as services

from .helpers import take_diagnostic

PAGES = ["roadmaps:roadmap", "roadmaps:profile", "roadmaps:recommendations", "core:dashboard"]


def count(client, url) -> int:
    client.get(url)  # warm: content types, sessions
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def _grow(make_course, make_user, learner, roadmap, n: int, start: int) -> None:
    """More courses (on the roadmap and as alternatives), other learners who finished them, comments."""
    for i in range(start, start + n):
        course = make_course(f"SQL, поток {i}", ["sql", "statistics"], level="beginner")
        other = make_user(f"peer{i}@example.com")
        enrollment_create(actor=other, course=course)
        services.roadmap_step_add(actor=learner, roadmap=roadmap, course_id=course.pk)
        services.roadmap_comment_add(actor=learner, roadmap=roadmap, text=f"Заметка {i}")
    enrollment_create(actor=learner, course=course)


@pytest.mark.parametrize("name", PAGES)
def test_pages_do_not_grow_with_the_roadmap(client, learner, analyst, catalogue, make_course, make_user, name):
    take_diagnostic(learner, analyst, right=False)
    roadmap = Roadmap.objects.get(user=learner)
    client.force_login(learner)
    url = reverse(name)
    _grow(make_course, make_user, learner, roadmap, 2, 0)
    small = count(client, url)
    _grow(make_course, make_user, learner, roadmap, 8, 10)
    assert count(client, url) <= small


def test_a_mentors_list_does_not_grow_with_mentees(client, make_user, analyst, catalogue):
    from tropa.courses.models import Skill
    from tropa.mentorship import services as mentorship

    mentor = make_user("mentor@example.com")
    profile = mentorship.mentor_profile_save(
        actor=mentor, company="", expertise=[Skill.objects.get(slug="sql")], languages=["ru"], capacity=20, rules="",
        is_published=True,
    )  # fmt: skip
    client.force_login(mentor)
    url = reverse("roadmaps:mentees")
    sizes = []
    for batch in (2, 6):
        for n in range(batch):
            mentee = make_user(f"m{batch}-{n}@example.com")
            take_diagnostic(mentee, analyst)
            request = mentorship.request_create(
                actor=mentee,
                mentor=profile,
                goal="Работа",
                topics=[Skill.objects.get(slug="sql")],
                progress_consent=True,
            )
            mentorship.request_accept(actor=mentor, request=request)
        sizes.append(count(client, url))
    assert sizes[1] <= sizes[0]
