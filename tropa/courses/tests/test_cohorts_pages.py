"""The cohort pages: who may open them, the curator's read-only view, forms, htmx and the roster's privacy."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from tropa.courses.models import (
    Cohort,
    CohortEnrollmentPolicy,
    CohortModule,
    CourseMode,
    Enrollment,
    EnrollmentStatus,
)
from tropa.courses.services.enrollment import enrollment_create

pytestmark = pytest.mark.django_db

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'
TODAY = timezone.localdate()


@pytest.fixture
def course(make_course):
    return make_course(mode=CourseMode.COHORT, modules=2)


@pytest.fixture
def cohort(school, course):
    cohort = Cohort.objects.create(
        course=course,
        title="Spring",
        starts_on=TODAY - timedelta(days=3),
        ends_on=TODAY + timedelta(days=60),
        capacity=1,
    )
    cohort.curators.add(school.people.curator)
    return cohort


@pytest.fixture
def other_cohort(school, course, make_user):
    """A cohort run by another curator of the same school."""
    from tropa.organizations.models import Membership, Role

    other_curator = make_user("curator2@school.example", first_name="Second")
    Membership.objects.create(organization=school, user=other_curator, role=Role.CURATOR)
    other = Cohort.objects.create(course=course, title="Autumn", starts_on=TODAY, ends_on=TODAY + timedelta(days=30))
    other.curators.add(other_curator)
    other.curator = other_curator
    return other


@pytest.fixture
def roster(school, course, cohort, make_user):
    """The learner holds the only seat; another person waits."""
    enrollment_create(actor=school.people.learner, course=course, cohort=cohort)
    waiting = make_user("waiting@example.com", first_name="Wanda", last_name="Waiting")
    enrollment_create(actor=waiting, course=course, cohort=cohort)
    return waiting


def cohort_url(cohort, name="courses:cohort"):
    return reverse(name, args=[cohort.course.slug, cohort.pk])


# Who may open what


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("owner", 200),
        ("admin", 200),
        ("author", 404),
        ("methodologist", 404),
        ("editor", 404),
        ("curator", 404),
        ("support", 404),
        ("learner", 404),
        ("outsider", 404),
    ],
)
def test_the_course_s_cohorts_page_is_for_organizers(client_for, school, course, cohort, who, status):
    response = client_for(getattr(school.people, who)).get(reverse("courses:cohorts", args=[course.slug]))
    assert response.status_code == status


def test_anonymous_visitors_are_sent_to_sign_in(client, course, cohort):
    for url in (reverse("courses:cohorts", args=[course.slug]), cohort_url(cohort), reverse("courses:my_cohorts")):
        response = client.get(url)
        assert response.status_code == 302
        assert "/login" in response.url or "/accounts/" in response.url


def test_the_cohorts_page_of_a_missing_course_is_404(client_for, school):
    assert client_for(school.people.owner).get(reverse("courses:cohorts", args=["nope"])).status_code == 404


def test_the_cohorts_page_lists_dates_seats_waitlist_and_curators(client_for, school, course, cohort, roster):
    response = client_for(school.people.admin).get(reverse("courses:cohorts", args=[course.slug]))
    page = response.content.decode()
    assert "Spring" in page
    assert "1 of 1" in page
    assert school.people.curator.display_name in page
    assert cohort_url(cohort) in page


def test_organizers_see_the_whole_cohort_page(client_for, school, cohort, roster):
    response = client_for(school.people.owner).get(cohort_url(cohort))
    assert response.status_code == 200
    page = response.content.decode()
    assert school.people.learner.display_name in page
    assert "Wanda Waiting" in page
    for action in ("courses:cohort_schedule", "courses:cohort_curators", "courses:cohort"):
        assert f'action="{cohort_url(cohort, action)}"' in page
    assert 'role="progressbar"' in page


def test_the_curator_of_the_cohort_sees_it_read_only(client_for, school, cohort, roster):
    response = client_for(school.people.curator).get(cohort_url(cohort))
    assert response.status_code == 200
    page = response.content.decode()
    assert school.people.learner.display_name in page
    assert "Wanda Waiting" in page
    assert "Read only" in page
    assert "<form" not in page.split('id="main"')[1].split("</main>")[0]
    assert cohort.invite_code == "" or cohort.invite_code not in page


@pytest.mark.parametrize(
    "who", ["other curator", "author", "methodologist", "editor", "support", "learner", "outsider"]
)
def test_the_roster_is_private_to_the_cohort_s_organizers_and_curators(
    client_for, school, cohort, other_cohort, roster, who
):
    user = other_cohort.curator if who == "other curator" else getattr(school.people, who)
    client = client_for(user)
    assert client.get(cohort_url(cohort)).status_code == 404
    for name in (
        "courses:cohort",
        "courses:cohort_schedule",
        "courses:cohort_curators",
        "courses:cohort_invite_rotate",
    ):
        assert client.post(cohort_url(cohort, name), {}).status_code == 404


def test_curators_cannot_change_their_cohort(client_for, school, cohort):
    client = client_for(school.people.curator)
    data = {"settings-title": "Mine now", "settings-starts_on": "2030-01-01", "settings-ends_on": "2030-02-01"}
    assert client.post(cohort_url(cohort), data).status_code == 404
    assert client.post(cohort_url(cohort, "courses:cohort_invite_rotate")).status_code == 404
    assert client.post(cohort_url(cohort, "courses:cohort_curators"), {"curators": []}).status_code == 404
    cohort.refresh_from_db()
    assert cohort.title == "Spring"
    assert cohort.curators.filter(pk=school.people.curator.pk).exists()


def test_a_cohort_of_another_course_is_404_under_this_course(client_for, school, cohort, make_course):
    other_course = make_course(title="Other", mode=CourseMode.COHORT)
    url = reverse("courses:cohort", args=[other_course.slug, cohort.pk])
    assert client_for(school.people.owner).get(url).status_code == 404


def test_a_curator_demoted_to_another_role_loses_the_cohort(client_for, school, cohort):
    from tropa.organizations.models import Membership, Role

    Membership.objects.filter(user=school.people.curator, organization=school).update(role=Role.AUTHOR)
    assert client_for(school.people.curator).get(cohort_url(cohort)).status_code == 404


# Forms


def test_creating_a_cohort_opens_its_page(client_for, school, course):
    data = {
        "title": "Summer",
        "starts_on": "2030-06-01",
        "ends_on": "2030-08-31",
        "capacity": "25",
        "enrollment_policy": "invite",
    }
    response = client_for(school.people.owner).post(reverse("courses:cohorts", args=[course.slug]), data)
    cohort = Cohort.objects.get(title="Summer")
    assert response.status_code == 302
    assert response.url == cohort_url(cohort)
    assert cohort.capacity == 25 and cohort.invite_code


def test_a_cohort_ending_before_it_starts_is_refused_on_the_field(client_for, school, course):
    data = {"title": "Bad", "starts_on": "2030-06-01", "ends_on": "2030-05-01", "enrollment_policy": "open"}
    response = client_for(school.people.owner).post(reverse("courses:cohorts", args=[course.slug]), data)
    assert response.status_code == 400
    assert response.context["form"].errors["ends_on"] == ["The cohort cannot end before it starts."]
    assert not Cohort.objects.exists()


def test_settings_refuse_fewer_seats_than_learners(client_for, school, cohort, roster):
    data = {
        "settings-title": "Spring",
        "settings-starts_on": cohort.starts_on.isoformat(),
        "settings-ends_on": cohort.ends_on.isoformat(),
        "settings-capacity": "0",
        "settings-enrollment_policy": "open",
    }
    client = client_for(school.people.owner)
    response = client.post(cohort_url(cohort), data)
    assert response.status_code == 400
    assert "capacity" in response.context["settings_form"].errors
    data["settings-capacity"] = "2"
    response = client.post(cohort_url(cohort), data)
    assert response.status_code == 302
    cohort.refresh_from_db()
    assert (cohort.capacity, cohort.active_count, cohort.waitlist_count) == (2, 2, 0)


def test_curators_are_chosen_from_the_organization_s_staff(client_for, school, cohort):
    people = school.people
    client = client_for(people.admin)
    page = client.get(cohort_url(cohort)).content.decode()
    for person in (people.owner, people.admin, people.curator):
        assert f'name="curators" value="{person.pk}"' in page
    assert re.search(rf'name="curators" value="{people.curator.pk}" id="id_curators_\d+" checked', page)
    assert f'name="curators" value="{people.author.pk}"' not in page
    response = client.post(cohort_url(cohort, "courses:cohort_curators"), {"curators": [people.admin.pk]})
    assert response.status_code == 302
    assert list(cohort.curators.all()) == [people.admin]
    response = client.post(cohort_url(cohort, "courses:cohort_curators"), {"curators": [people.author.pk]})
    assert response.status_code == 400
    assert list(cohort.curators.all()) == [people.admin]


def test_the_invitation_link_leads_to_enrollment_and_rotating_it_breaks_the_old_one(client_for, school, cohort):
    cohort.enrollment_policy, cohort.invite_code = CohortEnrollmentPolicy.INVITE, "old-code-123"
    cohort.save()
    client = client_for(school.people.owner)
    page = client.get(cohort_url(cohort)).content.decode()
    enroll = reverse("courses:enroll", args=[cohort.course.slug])
    assert f"{settings.SITE_URL}{enroll}?code=old-code-123" in page

    response = client.post(cohort_url(cohort, "courses:cohort_invite_rotate"))
    assert response.status_code == 302
    cohort.refresh_from_db()
    assert cohort.invite_code != "old-code-123"
    page = client.get(cohort_url(cohort)).content.decode()
    assert cohort.invite_code in page and "old-code-123" not in page

    learner = client_for(school.people.learner)
    assert "Spring" not in learner.get(enroll + "?code=old-code-123").content.decode()
    assert "Spring" in learner.get(f"{enroll}?code={cohort.invite_code}").content.decode()


# The schedule editor: htmx and plain posts


def schedule_data(cohort, **values):
    data = {}
    for module in cohort.course.modules.all():
        data[f"opens_at_{module.pk}"] = values.get(f"opens_at_{module.pk}", "")
        data[f"deadline_{module.pk}"] = values.get(f"deadline_{module.pk}", "")
    return data


def test_saving_the_schedule_with_htmx_swaps_in_the_section(client_for, school, cohort):
    module = cohort.course.modules.first()
    opens = (cohort.starts_on + timedelta(days=1)).isoformat() + "T09:30"
    data = schedule_data(cohort, **{f"opens_at_{module.pk}": opens})
    response = client_for(school.people.owner).post(
        cohort_url(cohort, "courses:cohort_schedule"), data, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "<html" not in page
    assert 'id="schedule"' in page and "Schedule saved." in page
    assert f'value="{opens}"' in page
    entry = CohortModule.objects.get(cohort=cohort, module=module)
    assert entry.opens_at == datetime.fromisoformat(opens).replace(tzinfo=ZoneInfo(settings.TIME_ZONE))


def test_a_bad_schedule_with_htmx_comes_back_with_the_error_on_the_row(client_for, school, cohort):
    module = cohort.course.modules.first()
    day = (cohort.starts_on + timedelta(days=1)).isoformat()
    data = schedule_data(cohort, **{f"opens_at_{module.pk}": f"{day}T12:00", f"deadline_{module.pk}": f"{day}T11:00"})
    response = client_for(school.people.owner).post(
        cohort_url(cohort, "courses:cohort_schedule"), data, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200  # htmx swaps 2xx only
    page = response.content.decode()
    assert "<html" not in page
    assert "must come after it opens" in page
    assert f'id="id_deadline_{module.pk}_error"' in page
    assert not CohortModule.objects.exists()


def test_saving_the_schedule_without_htmx_redirects_to_the_page(client_for, school, cohort):
    module = cohort.course.modules.first()
    opens = (cohort.starts_on + timedelta(days=1)).isoformat() + "T09:30"
    response = client_for(school.people.owner).post(
        cohort_url(cohort, "courses:cohort_schedule"), schedule_data(cohort, **{f"opens_at_{module.pk}": opens})
    )
    assert response.status_code == 302
    assert response.url == cohort_url(cohort) + "#schedule"
    assert CohortModule.objects.filter(cohort=cohort).count() == 1


def test_a_bad_schedule_without_htmx_shows_the_whole_page_with_400(client_for, school, cohort):
    module = cohort.course.modules.first()
    too_early = (cohort.starts_on - timedelta(days=5)).isoformat() + "T09:00"
    response = client_for(school.people.owner).post(
        cohort_url(cohort, "courses:cohort_schedule"), schedule_data(cohort, **{f"opens_at_{module.pk}": too_early})
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "<html" in page and "while the cohort runs" in page


def test_a_malformed_date_is_a_field_error_not_a_crash(client_for, school, cohort):
    module = cohort.course.modules.first()
    response = client_for(school.people.owner).post(
        cohort_url(cohort, "courses:cohort_schedule"), schedule_data(cohort, **{f"opens_at_{module.pk}": "soon"})
    )
    assert response.status_code == 400
    assert f"opens_at_{module.pk}" in response.context["schedule_form"].errors


def test_schedule_times_are_shown_in_the_site_time_zone(client_for, school, cohort):
    module = cohort.course.modules.first()
    local = ZoneInfo(settings.TIME_ZONE)
    opens = datetime.combine(cohort.starts_on + timedelta(days=2), datetime.min.time()).replace(hour=10, tzinfo=local)
    CohortModule.objects.create(cohort=cohort, module=module, opens_at=opens.astimezone(ZoneInfo("UTC")))
    page = client_for(school.people.owner).get(cohort_url(cohort)).content.decode()
    assert f'value="{opens:%Y-%m-%dT10:00}"' in page
    assert settings.TIME_ZONE in page


# Text that could carry script


def test_titles_and_names_are_escaped(client_for, school, course, cohort, make_user):
    cohort.title = XSS
    cohort.save()
    sneaky = make_user("sneaky@example.com", first_name=XSS)
    Enrollment.objects.create(
        user=sneaky, course=course, cohort=cohort, status=EnrollmentStatus.ACTIVE, enrolled_at=timezone.now()
    )
    for url in (cohort_url(cohort), reverse("courses:cohorts", args=[course.slug]), reverse("courses:my_cohorts")):
        page = client_for(school.people.owner).get(url).content.decode()
        assert "<script>alert" not in page
        assert "<img src=x" not in page
        assert "&lt;script&gt;" in page


# My cohorts


def test_my_cohorts_lists_only_the_cohorts_a_curator_runs(client_for, school, cohort, other_cohort, roster):
    response = client_for(school.people.curator).get(reverse("courses:my_cohorts"))
    assert response.status_code == 200
    titles = [c.title for c in response.context["page"].object_list]
    assert titles == ["Spring"]
    assert cohort_url(cohort) in response.content.decode()


@pytest.mark.parametrize("who", ["owner", "admin"])
def test_organizers_see_every_cohort_of_their_organization(client_for, school, cohort, other_cohort, who):
    response = client_for(getattr(school.people, who)).get(reverse("courses:my_cohorts"))
    assert {c.title for c in response.context["page"].object_list} == {"Spring", "Autumn"}


def test_the_owner_of_another_school_sees_none_of_these_cohorts(client_for, school, cohort):
    response = client_for(school.people.outsider).get(reverse("courses:my_cohorts"))
    assert response.status_code == 200
    assert list(response.context["page"].object_list) == []


@pytest.mark.parametrize("who", ["author", "editor", "support", "learner"])
def test_people_who_run_no_cohorts_get_404_on_my_cohorts(client_for, school, who):
    assert client_for(getattr(school.people, who)).get(reverse("courses:my_cohorts")).status_code == 404


def test_my_cohorts_summarises_progress_and_stalled_learners(client_for, school, course, cohort, make_user):
    long_ago = timezone.now() - timedelta(days=20)
    for percent, last in ((40, timezone.now()), (80, long_ago)):
        Enrollment.objects.create(
            user=make_user(),
            course=course,
            cohort=cohort,
            status=EnrollmentStatus.ACTIVE,
            enrolled_at=long_ago,
            progress_percent=percent,
            last_activity_at=last,
        )
    response = client_for(school.people.curator).get(reverse("courses:my_cohorts"))
    row = response.context["page"].object_list[0]
    assert (round(row.average_progress), row.stalled_count) == (60, 1)
    assert 'aria-valuenow="60"' in response.content.decode()


def test_the_menu_shows_my_cohorts_to_those_who_run_cohorts(client_for, school):
    url = reverse("courses:my_cohorts")
    for who, shown in (("curator", True), ("owner", True), ("admin", True), ("author", False), ("learner", False)):
        page = client_for(getattr(school.people, who)).get(reverse("core:dashboard")).content.decode()
        assert (f'href="{url}"' in page) is shown, who


def test_a_module_title_in_a_schedule_error_is_escaped(client_for, school, cohort):
    module = cohort.course.modules.first()
    module.title = XSS
    module.save()
    day = (cohort.starts_on + timedelta(days=1)).isoformat()
    data = schedule_data(cohort, **{f"opens_at_{module.pk}": f"{day}T12:00", f"deadline_{module.pk}": f"{day}T11:00"})
    response = client_for(school.people.owner).post(
        cohort_url(cohort, "courses:cohort_schedule"), data, HTTP_HX_REQUEST="true"
    )
    page = response.content.decode()
    assert "must come after it opens" in page
    assert "<script>alert" not in page and "<img src=x" not in page


def test_the_cohort_page_renders_in_russian(school, cohort, roster):
    from django.test import Client

    owner = school.people.owner
    owner.language = "ru"
    owner.save(update_fields=["language"])
    client = Client()
    client.force_login(owner)
    response = client.get(cohort_url(cohort))
    assert response.status_code == 200
    assert response.headers["Content-Language"] == "ru"
