"""Fixtures of the roadmaps tests: the seeded taxonomy, a school with courses tagged with skills, a learner."""

from __future__ import annotations

import pytest

from tropa.courses.models import CourseFormat, Skill
from tropa.courses.tests.conftest import build_course
from tropa.organizations.models import Membership, Organization, OrganizationKind, Role
from tropa.roadmaps.models import TargetRole


@pytest.fixture
def skills(db):
    return {skill.slug: skill for skill in Skill.objects.all()}


@pytest.fixture
def analyst(db) -> TargetRole:
    """The seeded data-analyst role: sql 3; excel, statistics, pandas, python, data-visualization 2; power-bi 1."""
    return TargetRole.objects.get(slug="data-analyst")


@pytest.fixture
def school(make_user):
    organization = Organization.objects.create(name="Школа Данных", slug="data-school", kind=OrganizationKind.SCHOOL)
    author = make_user("author@school.example", first_name="Anna")
    Membership.objects.create(organization=organization, user=author, role=Role.AUTHOR)
    organization.author = author
    return organization


@pytest.fixture
def make_course(school, skills):
    def make(title: str, skill_slugs: list[str], *, level: str = "beginner", weeks: int = 2, hours: int = 4, **kw):
        course = build_course(
            school, author=school.author, title=title, level=level, duration_weeks=weeks, weekly_hours=hours, **kw
        )
        course.skills.set([skills[slug] for slug in skill_slugs])
        return course

    return make


@pytest.fixture
def catalogue(make_course):
    """Courses that together cover the data-analyst role, plus alternatives."""
    return {
        "sql": make_course("SQL с нуля", ["sql"], level="beginner", weeks=2, hours=4),
        "sql_pro": make_course("SQL для аналитиков", ["sql"], level="advanced", weeks=3, hours=5),
        "python": make_course("Python для анализа данных", ["python", "pandas"], level="intermediate", weeks=4),
        "stats": make_course("Статистика", ["statistics", "excel"], level="intermediate", weeks=3),
        "viz": make_course("Визуализация", ["data-visualization", "power-bi"], level="intermediate", weeks=2),
        "viz_alt": make_course("Дашборды в Power BI", ["data-visualization", "power-bi"], level="beginner", weeks=1),
        "long": make_course("Аналитик данных", ["sql", "python"], level="advanced", weeks=8, format=CourseFormat.LONG),
        "design": make_course("Figma", ["figma"], level="beginner"),
    }


@pytest.fixture
def learner(make_user):
    return make_user("lena@example.com", first_name="Lena")
