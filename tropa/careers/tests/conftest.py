"""Fixtures of the careers tests: two companies with hiring teams, a school whose course has a final project, and
learners around them: one opted in with an accepted project, one who did not opt in, a minor, and outsiders.

The builder writes rows directly to set the scene fast (accepted works, enrollments); behaviour under test goes
through services and views.
"""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.utils import timezone, translation

from tropa.careers.models import CandidateProfile, OpportunityKind, OpportunityLevel
from tropa.careers.services.opportunities import opportunity_publish, opportunity_save
from tropa.courses.models import CourseFormat, Enrollment, EnrollmentStatus, Skill, StepKind
from tropa.courses.tests.conftest import build_course
from tropa.organizations.models import Membership, Organization, OrganizationKind, Role
from tropa.projects.models import ProjectWork, WorkStatus
from tropa.projects.services.definition import criterion_create, project_save


def accept_work(project, user, score) -> ProjectWork:
    """An accepted final project with a score, as the review flow would leave it."""
    now = timezone.now()
    enrollment, _created = Enrollment.objects.get_or_create(
        user=user, course=project.course, defaults={"enrolled_at": now, "status": EnrollmentStatus.COMPLETED,
                                                    "completed_at": now},
    )  # fmt: skip
    return ProjectWork.objects.create(
        project=project,
        user=user,
        enrollment=enrollment,
        title=f"Churn model by {user.first_name}",
        status=WorkStatus.ACCEPTED,
        quality_score=Decimal(score),
        accepted_at=now,
    )


def build_careers(make_user) -> SimpleNamespace:
    people = {}
    company = Organization.objects.create(
        name="Яндекс Практикум Лаб", slug="lab", kind=OrganizationKind.COMPANY, is_verified=True, city="Москва"
    )
    rival = Organization.objects.create(
        name="Rival Corp", slug="rival", kind=OrganizationKind.COMPANY, is_verified=True
    )
    unverified = Organization.objects.create(name="Shady LLC", slug="shady", kind=OrganizationKind.COMPANY)
    school = Organization.objects.create(name="Школа Данных", slug="school", kind=OrganizationKind.SCHOOL)
    for name, org, role in (
        ("hr", company, Role.HR),
        ("owner", company, Role.OWNER),
        ("rival_hr", rival, Role.HR),
        ("shady_hr", unverified, Role.HR),
        ("author", school, Role.AUTHOR),
    ):
        people[name] = make_user(f"{name}@careers.example", first_name=name.title())
        Membership.objects.create(organization=org, user=people[name], role=role)
    people["visible"] = make_user("visible@example.com", first_name="Vera", last_name="Kim")
    people["hidden"] = make_user("hidden@example.com", first_name="Hanna")
    people["minor"] = make_user("minor@example.com", first_name="Mila", is_minor=True)
    people["outsider"] = make_user("outsider@example.com", first_name="Otto")
    people["staff"] = make_user("staff@tropa.example", first_name="Stas", is_staff=True)
    python, _ = Skill.objects.get_or_create(slug="python", defaults={"name_ru": "Python", "name_en": "Python"})
    sql, _ = Skill.objects.get_or_create(slug="sql", defaults={"name_ru": "SQL", "name_en": "SQL"})
    course = build_course(
        school,
        author=people["author"],
        format=CourseFormat.LONG,
        modules=1,
        steps=(StepKind.TEXT, StepKind.FINAL_PROJECT),
    )
    step = course.steps.get(kind=StepKind.FINAL_PROJECT)
    project = project_save(actor=people["author"], course=course, step=step, title="Churn analysis", brief="Churn")
    criterion_create(actor=people["author"], project=project, title="Code", weight=3,
                     levels=["Missing", "Weak", "Good"], skill_ids=[python.pk])  # fmt: skip
    for name, score in (("visible", "91"), ("hidden", "95"), ("minor", "97")):
        accept_work(project, people[name], score)
    CandidateProfile.objects.create(user=people["visible"], is_visible=True, city="Москва")
    CandidateProfile.objects.create(user=people["hidden"], is_visible=False)
    # A row the service would refuse: a minor marked visible must still never be listed.
    CandidateProfile.objects.create(user=people["minor"], is_visible=True)
    opportunity = opportunity_save(
        actor=people["hr"],
        organization=company,
        kind=OpportunityKind.INTERNSHIP,
        title="Стажёр-аналитик",
        description="Анализ оттока клиентов",
        level=OpportunityLevel.TRAINEE,
        skill_ids=[python.pk, sql.pk],
        city="Москва",
        is_remote=True,
        salary_min=60000,
        salary_max=90000,
        fast_track_course_id=course.pk,
        fast_track_min_score=85,
    )
    opportunity = opportunity_publish(actor=people["hr"], opportunity=opportunity)
    rival_opportunity = opportunity_save(
        actor=people["rival_hr"],
        organization=rival,
        kind=OpportunityKind.PAID_PROJECT,
        title="Дашборд продаж",
        description="Проект на месяц",
        level=OpportunityLevel.JUNIOR,
        skill_ids=[sql.pk],
        salary_min=30000,
    )
    rival_opportunity = opportunity_publish(actor=people["rival_hr"], opportunity=rival_opportunity)
    return SimpleNamespace(
        company=company,
        rival=rival,
        unverified=unverified,
        school=school,
        course=course,
        project=project,
        opportunity=opportunity,
        rival_opportunity=rival_opportunity,
        skills=SimpleNamespace(python=python, sql=sql),
        p=SimpleNamespace(**people),
    )


@pytest.fixture(autouse=True)
def _english_messages():
    with translation.override("en"):
        yield


@pytest.fixture
def world(make_user, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return build_careers(make_user)


@pytest.fixture
def client_for(client):
    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


def pdf_upload(name="cv.pdf", content=b"%PDF-1.4\n% a tiny CV\n%%EOF\n"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content, content_type="application/pdf")
