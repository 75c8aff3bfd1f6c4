"""Creating a course and editing its settings: addresses, product facts, the cover and the team."""

from decimal import Decimal

import pytest
from django.urls import reverse

from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses.models import Course, CourseFormat, CourseStatus, Direction, Skill, StepKind
from tropa.courses.services.authoring import RESERVED_SLUGS, course_base_slug, course_create, course_update
from tropa.courses.tests.authoring_helpers import image, studio_url

pytestmark = pytest.mark.django_db


def settings_data(course, **overrides) -> dict:
    data = {
        "title": course.title,
        "summary": "Learn pandas",
        "description": "## Plan\nWeek by week.",
        "outcomes": "Clean data\nPlot charts",
        "direction": "",
        "level": "beginner",
        "format": course.format,
        "mode": "self_paced",
        "language": "ru",
        "price": "4900.00",
        "currency": "RUB",
        "duration_weeks": "6",
        "weekly_hours": "4",
        "author": str(course.author_id),
    }
    data.update(overrides)
    return data


def update(course, actor, **overrides):
    fields = {"title": course.title, "author_id": course.author_id}
    fields.update(overrides)
    return course_update(actor=actor, course=course, **fields)


# Addresses


def test_a_cyrillic_title_becomes_a_latin_address():
    assert course_base_slug("Анализ данных на Python") == "analiz-dannykh-na-python"


def test_a_title_with_nothing_latin_or_cyrillic_falls_back_to_course():
    assert course_base_slug("数据分析 ✨") == "course"


@pytest.mark.parametrize("word", sorted(RESERVED_SLUGS))
def test_a_course_never_takes_a_reserved_address(school, word):
    course = course_create(actor=school.people.author, organization=school, title=word)
    assert course.slug not in RESERVED_SLUGS
    assert course.slug == f"{word}-course"


def test_two_courses_of_the_same_title_get_different_addresses(school):
    first = course_create(actor=school.people.author, organization=school, title="SQL с нуля")
    second = course_create(actor=school.people.methodologist, organization=school, title="SQL с нуля")
    assert (first.slug, second.slug) == ("sql-s-nulya", "sql-s-nulya-2")


def test_renaming_a_course_keeps_its_address(school):
    course = course_create(actor=school.people.author, organization=school, title="Old title")
    update(course, school.people.author, title="A brand new title")
    course.refresh_from_db()
    assert (course.title, course.slug) == ("A brand new title", "old-title")


# Creating


def test_a_writer_creates_a_draft_and_becomes_its_lead_author(school):
    course = course_create(
        actor=school.people.methodologist, organization=school, title="  Data   viz ", format=CourseFormat.LONG
    )
    assert (course.title, course.status, course.author, course.format) == (
        "Data viz",
        CourseStatus.DRAFT,
        school.people.methodologist,
        CourseFormat.LONG,
    )


@pytest.mark.parametrize("person", ["editor", "curator", "support", "learner", "outsider"])
def test_only_writers_of_the_organization_create_courses_in_it(school, person):
    with pytest.raises(ServiceError) as error:
        course_create(actor=getattr(school.people, person), organization=school, title="Sneaky")
    assert error.value.field == "organization"
    assert not Course.objects.filter(title="Sneaky").exists()


def test_create_page_offers_only_organizations_where_the_user_writes(school, client_for):
    client = client_for(school.people.author)
    response = client.get(reverse("courses:studio_create"))
    assert response.status_code == 200
    assert [c[0] for c in response.context["form"].fields["organization"].choices] == [school.pk]


def test_create_page_makes_the_course_and_opens_it(school, client_for):
    client = client_for(school.people.author)
    response = client.post(
        reverse("courses:studio_create"),
        {"title": "Статистика", "organization": school.pk, "format": "short", "language": "ru"},
    )
    course = Course.objects.get(title="Статистика")
    assert response.status_code == 302
    assert response.url == studio_url("studio_course", course)


def test_create_page_refuses_another_organization_with_the_field_named(school, client_for):
    client = client_for(school.people.author)
    response = client.post(
        reverse("courses:studio_create"),
        {"title": "Statistics", "organization": school.rival.pk, "format": "short", "language": "ru"},
    )
    assert response.status_code == 400
    assert "organization" in response.context["form"].errors
    assert not Course.objects.filter(title="Statistics").exists()


@pytest.mark.parametrize("person", ["editor", "curator", "learner"])
def test_create_page_is_404_for_people_who_do_not_write_courses(school, client_for, person):
    assert client_for(getattr(school.people, person)).get(reverse("courses:studio_create")).status_code == 404


# Settings


def test_settings_save_every_product_fact(school, make_course):
    course = make_course(status=CourseStatus.DRAFT)
    direction = Direction.objects.create(slug="studio-data", name_ru="Данные", name_en="Data")
    skill = Skill.objects.create(slug="studio-sql", name_ru="SQL", name_en="SQL")
    update(
        course,
        school.people.author,
        title="Pandas",
        summary="Tables, fast",
        description="**Hi**",
        outcomes="One\nTwo",
        direction_id=direction.pk,
        skill_ids=[skill.pk],
        level="advanced",
        format=CourseFormat.LONG,
        mode="cohort",
        language="en",
        price=Decimal("990.50"),
        currency="USD",
        duration_weeks=8,
        weekly_hours=5,
        author_id=school.people.methodologist.pk,
        team_ids=[school.people.author.pk, school.people.curator.pk],
    )
    course.refresh_from_db()
    assert (course.title, course.direction, course.level, course.format, course.mode, course.language) == (
        "Pandas",
        direction,
        "advanced",
        "long",
        "cohort",
        "en",
    )
    assert (course.price, course.currency, course.duration_weeks, course.weekly_hours) == (
        Decimal("990.50"),
        "USD",
        8,
        5,
    )
    assert course.author == school.people.methodologist
    assert set(course.team.all()) == {school.people.author, school.people.curator}
    assert list(course.skills.all()) == [skill]
    assert course.outcome_list == ["One", "Two"]


def test_team_members_come_only_from_the_organizations_team(school, make_course):
    course = make_course(status=CourseStatus.DRAFT)
    for stranger in (school.people.outsider, school.people.learner):
        with pytest.raises(ServiceError) as error:
            update(course, school.people.author, team_ids=[stranger.pk])
        assert error.value.field == "team"
    assert not course.team.exists()


def test_the_lead_author_must_be_on_the_organizations_team(school, make_course):
    course = make_course(status=CourseStatus.DRAFT)
    with pytest.raises(ServiceError) as error:
        update(course, school.people.author, author_id=school.people.outsider.pk)
    assert error.value.field == "author"


def test_a_course_with_a_final_project_cannot_become_short(school, make_course):
    course = make_course(
        status=CourseStatus.DRAFT, format=CourseFormat.LONG, steps=(StepKind.FINAL_PROJECT,), modules=1
    )
    with pytest.raises(ServiceError) as error:
        update(course, school.people.author, format=CourseFormat.SHORT)
    assert error.value.field == "format"


@pytest.mark.parametrize("person", ["editor", "curator", "outsider", "learner"])
def test_people_who_do_not_write_cannot_change_settings(school, make_course, person):
    course = make_course(status=CourseStatus.DRAFT)
    with pytest.raises(NotFound):
        update(course, getattr(school.people, person), title="Hijacked")
    course.refresh_from_db()
    assert course.title != "Hijacked"


def test_an_archived_course_cannot_be_edited(school, make_course):
    course = make_course(status=CourseStatus.ARCHIVED)
    with pytest.raises(ServiceError, match="archived"):
        update(course, school.people.owner, title="Edited")


def test_settings_page_saves_and_comes_back(school, make_course, client_for):
    course = make_course(status=CourseStatus.DRAFT)
    client = client_for(school.people.author)
    url = studio_url("studio_settings", course)
    assert client.get(url).status_code == 200
    response = client.post(url, settings_data(course, title="Renamed", team=[str(school.people.editor.pk)]))
    assert response.status_code == 302
    course.refresh_from_db()
    assert course.title == "Renamed"
    assert list(course.team.all()) == [school.people.editor]
    assert course.price == Decimal("4900.00")


def test_settings_page_names_the_field_at_fault_and_saves_nothing(school, make_course, client_for):
    course = make_course(status=CourseStatus.DRAFT)
    client = client_for(school.people.author)
    response = client.post(studio_url("studio_settings", course), settings_data(course, title="New", price="-5"))
    assert response.status_code == 400
    assert "price" in response.context["form"].errors
    course.refresh_from_db()
    assert course.title != "New"


def test_a_cover_image_is_stored(school, make_course, client_for, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    course = make_course(status=CourseStatus.DRAFT)
    response = client_for(school.people.author).post(
        studio_url("studio_settings", course), {**settings_data(course), "cover": image()}
    )
    assert response.status_code == 302
    course.refresh_from_db()
    assert course.cover.name.startswith("courses/covers/")


def test_a_file_that_is_not_an_image_is_refused_on_the_cover_field(school, make_course, client_for, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    course = make_course(status=CourseStatus.DRAFT)
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("cover.png", b"<script>alert(1)</script>", content_type="image/png")
    response = client_for(school.people.author).post(
        studio_url("studio_settings", course), {**settings_data(course, title="Changed"), "cover": fake}
    )
    assert response.status_code == 400
    assert "cover" in response.context["form"].errors
    course.refresh_from_db()
    assert course.title != "Changed" and not course.cover


def test_a_cover_of_a_type_we_do_not_take_is_refused(school, make_course, client_for, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    course = make_course(status=CourseStatus.DRAFT)
    gif = image("cover.gif", "GIF", content_type="image/gif")
    response = client_for(school.people.author).post(
        studio_url("studio_settings", course), {**settings_data(course), "cover": gif}
    )
    assert response.status_code == 400
    assert "JPEG, PNG or WebP" in str(response.context["form"].errors["cover"])


def test_a_cover_over_5_mb_is_refused(school, make_course, client_for, settings, tmp_path, monkeypatch):
    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr("tropa.courses.forms.authoring.COVER_MAX_BYTES", 1024)
    course = make_course(status=CourseStatus.DRAFT)
    big = image("big.png", size=(400, 400))
    response = client_for(school.people.author).post(
        studio_url("studio_settings", course), {**settings_data(course), "cover": big}
    )
    assert response.status_code == 400
    assert "5 MB" in str(response.context["form"].errors["cover"])


def test_settings_page_is_404_for_the_editor_who_reviews_but_does_not_write(school, make_course, client_for):
    course = make_course(status=CourseStatus.DRAFT)
    client = client_for(school.people.editor)
    assert client.get(studio_url("studio_settings", course)).status_code == 404
    assert client.post(studio_url("studio_settings", course), settings_data(course)).status_code == 404
