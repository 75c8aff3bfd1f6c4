"""Fixtures of the projects tests: a school with a long course whose final project has a rubric.

Scenes are set with the courses test builder and the real services (enrollment, project definition).
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.utils import translation

from tropa.courses.models import CourseFormat, Skill, StepKind
from tropa.courses.services.enrollment import enrollment_create
from tropa.courses.tests.conftest import build_course
from tropa.organizations.models import Membership, Organization, OrganizationKind, Role
from tropa.projects.services.definition import criterion_create, project_save

STAFF = [Role.OWNER, Role.AUTHOR, Role.METHODOLOGIST, Role.EDITOR, Role.CURATOR, Role.MENTOR, Role.EXPERT, Role.SUPPORT]


@pytest.fixture(autouse=True)
def _english_messages():
    with translation.override("en"):
        yield


@pytest.fixture
def school(make_user):
    """A school with one member per staff role, four learners (`l1`..`l4`), `stranger` (not enrolled) and
    `outsider` (owner of another school)."""
    organization = Organization.objects.create(name="Школа Данных", slug="data-school", kind=OrganizationKind.SCHOOL)
    people = {}
    for role in STAFF:
        people[role.value] = make_user(f"{role.value}@school.example", first_name=role.label.title())
        Membership.objects.create(organization=organization, user=people[role.value], role=role)
    for n in range(1, 5):
        people[f"l{n}"] = make_user(f"l{n}@example.com", first_name=f"Learner{n}", last_name="Smith")
    people["stranger"] = make_user("stranger@example.com", first_name="Stan")
    rival = Organization.objects.create(name="Rival", slug="rival", kind=OrganizationKind.SCHOOL)
    people["outsider"] = make_user("outsider@rival.example", first_name="Otto")
    Membership.objects.create(organization=rival, user=people["outsider"], role=Role.OWNER)
    organization.people = SimpleNamespace(**people)
    return organization


def make_project(school, *, enroll=("l1", "l2", "l3", "l4"), rubric=True, **settings):
    """A long course with a final-project step, its project (defaults overridable) and a two-criterion rubric."""
    people = school.people
    course = build_course(
        school,
        author=people.author,
        format=CourseFormat.LONG,
        modules=1,
        steps=(StepKind.TEXT, StepKind.FINAL_PROJECT),
    )
    step = course.steps.get(kind=StepKind.FINAL_PROJECT)
    fields = {
        "title": "Churn analysis",
        "brief": "Predict **churn**.",
        "require_repository": True,
        "require_writeup": True,
        "peer_count": 0,
        "review_by_curator": True,
        **settings,
    }
    project = project_save(actor=people.author, course=course, step=step, **fields)
    if rubric:
        python, _ = Skill.objects.get_or_create(slug="python", defaults={"name_ru": "Python", "name_en": "Python"})
        sql, _ = Skill.objects.get_or_create(slug="sql", defaults={"name_ru": "SQL", "name_en": "SQL"})
        criterion_create(actor=people.author, project=project, title="Code quality", weight=3,
                         levels=["Missing", "Weak", "Good", "Excellent"], skill_ids=[python.pk])  # fmt: skip
        criterion_create(actor=people.author, project=project, title="Write-up", weight=1,
                         levels=["Missing", "Weak", "Good", "Excellent"], skill_ids=[sql.pk])  # fmt: skip
    for name in enroll:
        enrollment_create(actor=getattr(people, name), course=course)
    return project


@pytest.fixture
def project(school):
    return make_project(school)


def levels_all(project, level: int) -> dict:
    return {c.pk: level for c in project.criteria.all()}


def submit(project, user, **fields):
    from tropa.projects.services.submissions import work_submit

    fields.setdefault("repository_url", "https://github.com/example/churn")
    fields.setdefault("writeup", "I trained a model.")
    return work_submit(actor=user, project=project, **fields)
