"""The category manager: platform staff open any category; a school's owner/admin only their school's."""

import pytest
from django.urls import reverse

from tropa.community.models import Category, CategoryKind
from tropa.courses.tests.conftest import build_course
from tropa.organizations.models import Organization, OrganizationKind

pytestmark = pytest.mark.django_db


def test_staff_open_a_public_category(forum, client_for):
    client = client_for(forum.people.staff)
    response = client.post(
        reverse("community:category_new"),
        {"name": "Карьера", "slug": "career", "kind": "public", "position": 1, "description": "О работе"},
    )
    assert response.status_code == 302
    assert Category.objects.get(slug="career").kind == CategoryKind.PUBLIC


def test_a_school_owner_opens_a_cohort_category_for_their_course(forum, client_for):
    client = client_for(forum.people.owner)
    assert client.get(reverse("community:manage_categories")).status_code == 200
    response = client.post(
        reverse("community:category_new"),
        {"name": "Весна, поток 2", "slug": "spring-2", "kind": "cohort", "cohort": forum.cohort.pk, "position": 0},
    )
    assert response.status_code == 302
    made = Category.objects.get(slug="spring-2")
    assert made.organization_id == forum.school.pk and made.course_id == forum.course.pk


def test_a_school_owner_cannot_open_public_or_other_schools_categories(forum, client_for, make_user):
    other = Organization.objects.create(name="Другая", slug="other", kind=OrganizationKind.SCHOOL)
    foreign = build_course(other, author=make_user("a@other.example"), modules=1, steps=("text",))
    client = client_for(forum.people.owner)
    public = client.post(reverse("community:category_new"), {"name": "X", "slug": "x", "kind": "public", "position": 0})
    assert public.status_code == 404
    response = client.post(
        reverse("community:category_new"),
        {"name": "Чужой", "slug": "foreign", "kind": "course", "course": foreign.pk, "position": 0},
    )
    assert response.status_code == 400  # the other school's course is not among the choices
    assert not Category.objects.filter(slug__in=["x", "foreign"]).exists()


def test_bad_input_names_the_field(forum, client_for):
    client = client_for(forum.people.staff)
    response = client.post(
        reverse("community:category_new"), {"name": "Курс", "slug": "general", "kind": "course", "position": 0}
    )
    assert response.status_code == 400
    assert "A course category needs its course." in response.content.decode()
    response = client.post(
        reverse("community:category_new"),
        {"name": "Курс", "slug": "general", "kind": "course", "course": forum.course.pk, "position": 0},
    )
    assert "This address is taken by another category." in response.content.decode()


def test_editing_a_category(forum, client_for):
    client = client_for(forum.people.owner)
    url = reverse("community:category_edit", args=[forum.c.course.slug])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {"name": "Курс: обсуждение", "slug": "course-talk", "kind": "course", "course": forum.course.pk, "position": 3},
    )
    assert response.status_code == 302
    forum.c.course.refresh_from_db()
    assert forum.c.course.name == "Курс: обсуждение" and forum.c.course.position == 3


def test_others_never_reach_the_manager(forum, client_for):
    for person in (forum.people.learner, forum.people.moderator, forum.people.curator):
        client = client_for(person)
        assert client.get(reverse("community:manage_categories")).status_code == 404
        assert client.get(reverse("community:category_edit", args=[forum.c.course.slug])).status_code == 404
    assert client_for(forum.people.owner).get(reverse("community:category_edit", args=["general"])).status_code == 404
