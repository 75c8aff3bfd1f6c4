"""Fixtures of the courses tests: a school with a person in every role, and a course builder.

The builder writes rows directly: it sets the scene fast; the behaviour under test goes through
services and views.
"""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.utils import timezone
from django.utils.text import slugify

from tropa.courses.models import (
    Choice,
    Course,
    CourseFormat,
    CourseMode,
    CourseStatus,
    Lesson,
    Module,
    Question,
    QuestionKind,
    Step,
    StepKind,
    UnlockRule,
)
from tropa.organizations.models import Membership, Organization, OrganizationKind, Role

STAFF_ROLES = [Role.OWNER, Role.ADMIN, Role.AUTHOR, Role.METHODOLOGIST, Role.EDITOR, Role.CURATOR, Role.SUPPORT]


@pytest.fixture
def school(make_user):
    """A school with one member per staff role (`school.people.author`, ...), a learner and an outsider.

    `outsider` belongs to another school (`school.rival`), where they are the owner.
    """
    organization = Organization.objects.create(name="Школа Данных", slug="data-school", kind=OrganizationKind.SCHOOL)
    people = {}
    for role in STAFF_ROLES:
        people[role.value] = make_user(f"{role.value}@school.example", first_name=role.label.title())
        Membership.objects.create(organization=organization, user=people[role.value], role=role)
    people["learner"] = make_user("learner@example.com", first_name="Lena", last_name="Learner")
    people["other_learner"] = make_user("other@example.com", first_name="Oleg", last_name="Other")
    rival = Organization.objects.create(name="Rival School", slug="rival", kind=OrganizationKind.SCHOOL)
    people["outsider"] = make_user("outsider@rival.example", first_name="Otto")
    Membership.objects.create(organization=rival, user=people["outsider"], role=Role.OWNER)
    organization.people = SimpleNamespace(**people)
    organization.rival = rival
    return organization


def build_course(
    organization,
    *,
    author,
    title: str = "Python для анализа данных",
    status: str = CourseStatus.PUBLISHED,
    format: str = CourseFormat.SHORT,
    mode: str = CourseMode.SELF_PACED,
    modules: int = 2,
    lessons: int = 1,
    steps: tuple[str, ...] = (StepKind.TEXT, StepKind.QUIZ),
    unlock_rule: str = UnlockRule.OPEN,
    **fields,
) -> Course:
    """A course with `modules` modules of `lessons` lessons, each with one step of every kind in `steps`.

    Quiz steps get one single-choice question whose correct answer is "4"; modules after the first
    use `unlock_rule`.
    """
    slug = fields.pop("slug", None) or f"{slugify(title) or 'course'}-{Course.objects.count() + 1}"
    course = Course.objects.create(
        organization=organization,
        title=title,
        slug=slug,
        status=status,
        format=format,
        mode=mode,
        author=author,
        published_at=timezone.now() if status == CourseStatus.PUBLISHED else None,
        **fields,
    )
    for m in range(modules):
        module = Module.objects.create(
            course=course,
            position=m,
            title=f"Level {m + 1}",
            unlock_rule=UnlockRule.OPEN if m == 0 else unlock_rule,
        )
        for n in range(lessons):
            lesson = Lesson.objects.create(module=module, position=n, title=f"Lesson {m + 1}.{n + 1}")
            for position, kind in enumerate(steps):
                step = Step.objects.create(
                    lesson=lesson,
                    course=course,
                    position=position,
                    kind=kind,
                    title=f"{kind} {m + 1}.{n + 1}",
                    body="Read **this**.",
                    max_attempts=3 if kind == StepKind.QUIZ else None,
                )
                if kind == StepKind.QUIZ:
                    question = Question.objects.create(
                        step=step, kind=QuestionKind.SINGLE, prompt="2 + 2 = ?", explanation="Two and two make four."
                    )
                    Choice.objects.create(question=question, position=0, text="3")
                    Choice.objects.create(question=question, position=1, text="4", is_correct=True)
    return course


@pytest.fixture
def make_course(school):
    """build_course for the school, written by its author unless told otherwise."""

    def make(**kwargs) -> Course:
        kwargs.setdefault("author", school.people.author)
        return build_course(kwargs.pop("organization", school), **kwargs)

    return make


@pytest.fixture
def client_for(client):
    """The (English-speaking) test client signed in as the given user."""

    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture(autouse=True)
def _english_messages():
    """Services speak the active language, Russian by default; the assertions here read the English text.

    Requests are unaffected: the language middleware activates each request's own language.
    """
    from django.utils import translation

    with translation.override("en"):
        yield
