"""The world of the careers journey, built through the real services: a school's long course whose final project a
learner handed in and the curator accepted with a high score, and a company the platform verified, with an HR
member, an internship whose fast-track rule is that project, and a junior job without one.

Texts follow the journey's language, so that each run reads as one site would.
"""

from __future__ import annotations

from datetime import timedelta
from types import SimpleNamespace

from django.utils import timezone

from tropa.accounts.services import user_create
from tropa.careers.services.companies import company_verify, employer_profile_save
from tropa.careers.services.opportunities import opportunity_publish, opportunity_save
from tropa.courses.models import Skill
from tropa.courses.services import authoring, authoring_structure, cohorts, enrollment, workflow
from tropa.organizations import services as org_services
from tropa.organizations.models import OrganizationKind, Role
from tropa.projects.services import definition, reviews, submissions

PASSWORD = "Tropinka-2026-secure"

TEXTS = {
    "ru": {
        "learner": ("Алина", "Соколова"),
        "hr": ("Ирина", "Павлова"),
        "school": "Школа Данных",
        "company": "Лаборатория данных",
        "course": "Аналитик данных: с нуля до проекта",
        "project": "Модель оттока клиентов",
        "internship": "Стажёр-аналитик данных",
        "internship_about": "Анализ оттока клиентов, SQL-запросы и отчёты в Python вместе с командой продукта.",
        "job": "Младший аналитик продаж",
        "job_about": "Дашборды продаж, SQL каждый день, наставник в команде.",
        "city": "Москва",
        "feedback": "Чистый код, понятные выводы, модель проверена на отложенной выборке.",
    },
    "en": {
        "learner": ("Alina", "Sokolova"),
        "hr": ("Irina", "Pavlova"),
        "school": "Data School",
        "company": "Data Lab",
        "course": "Data analyst: from zero to a project",
        "project": "Customer churn model",
        "internship": "Data analyst intern",
        "internship_about": "Customer churn analysis, SQL queries and Python reports with the product team.",
        "job": "Junior sales analyst",
        "job_about": "Sales dashboards, SQL every day, a mentor in the team.",
        "city": "Moscow",
        "feedback": "Clean code, clear conclusions, the model is checked on a hold-out set.",
    },
}


def _person(key: str, lang: str, first_name: str, last_name: str, **kwargs):
    return user_create(email=f"{key}-{lang}@careers-journey.example", password=PASSWORD, language=lang,
                       email_verified=True, first_name=first_name, last_name=last_name, **kwargs)  # fmt: skip


def _join(*, organization, inviter, user, role: str) -> None:
    invitation = org_services.invitation_create(actor=inviter, organization=organization, email=user.email, role=role)
    org_services.invitation_accept(actor=user, invitation_id=invitation.pk)


def _accepted_final_project(people: dict, text: dict):
    """The course, its final project with a rubric over Python and SQL, the learner's work accepted by the curator."""
    python, _ = Skill.objects.get_or_create(slug="python", defaults={"name_ru": "Python", "name_en": "Python"})
    sql, _ = Skill.objects.get_or_create(slug="sql", defaults={"name_ru": "SQL", "name_en": "SQL"})
    school = org_services.organization_create(actor=people["school_owner"], name=text["school"],
                                              kind=OrganizationKind.SCHOOL)  # fmt: skip
    for key, role in (("author", Role.AUTHOR), ("curator", Role.CURATOR)):
        _join(organization=school, inviter=people["school_owner"], user=people[key], role=role)
    author, owner = people["author"], people["school_owner"]
    course = authoring.course_create(actor=author, organization=school, title=text["course"], format="long")
    course = authoring.course_update(actor=author, course=course, title=text["course"], summary="SQL, Python.",
                                     mode="cohort", format="long", language="ru")  # fmt: skip
    module = authoring_structure.module_create(actor=author, course=course, title="1")
    lesson = authoring_structure.lesson_create(actor=author, course=course, module_id=module.pk, title="1")
    step = authoring_structure.step_create(actor=author, course=course, lesson_id=lesson.pk, kind="final_project",
                                           title=text["project"], body="…")  # fmt: skip
    course = workflow.course_submit_for_review(actor=author, course=course)
    course = workflow.course_approve(actor=owner, course=course)
    course = workflow.course_publish(actor=owner, course=course)
    project = definition.project_save(actor=author, course=course, step=step, title=text["project"],
                                      brief="Churn.", peer_count=0, review_by_curator=True)  # fmt: skip
    code = definition.criterion_create(actor=author, project=project, title="Code", weight=3,
                                       levels=["Weak", "Good", "Great"], skill_ids=[python.pk])  # fmt: skip
    queries = definition.criterion_create(actor=author, project=project, title="SQL", weight=1,
                                          levels=["Weak", "Fair", "Good", "Great"], skill_ids=[sql.pk])  # fmt: skip
    today = timezone.localdate()
    cohort = cohorts.cohort_create(
        actor=owner, course=course, title="2026", starts_on=today - timedelta(days=40),
        ends_on=today + timedelta(days=30), capacity=None, enrollment_policy="open",
    )  # fmt: skip
    cohorts.cohort_curators_set(actor=owner, cohort=cohort, users=[people["curator"]])
    enrollment.enrollment_create(actor=people["learner"], course=course, cohort=cohort)
    version = submissions.work_submit(actor=people["learner"], project=project, title=text["project"],
                                      repository_url="https://git.example/alina/churn", writeup="…")  # fmt: skip
    reviews.review_submit(actor=people["curator"], work_id=version.work_id, levels={code.pk: 2, queries.pk: 2},
                          feedback=text["feedback"], decision="accept")  # fmt: skip
    version.work.refresh_from_db()
    return SimpleNamespace(course=course, work=version.work, skills=SimpleNamespace(python=python, sql=sql))


def build_careers_journey_world(lang: str) -> SimpleNamespace:
    text = TEXTS[lang]
    people = {
        "learner": _person("learner", lang, *text["learner"]),
        "hr": _person("hr", lang, *text["hr"]),
        "company_owner": _person("company-owner", lang, "Олег", "Ким"),
        "school_owner": _person("school-owner", lang, "Мария", "Орлова"),
        "author": _person("author", lang, "Антон", "Белов"),
        "curator": _person("curator", lang, "Кира", "Лебедева"),
        "staff": _person("staff", lang, "Стас", "Админов", is_staff=True),
    }
    learned = _accepted_final_project(people, text)
    company = org_services.organization_create(actor=people["company_owner"], name=text["company"],
                                               kind=OrganizationKind.COMPANY, city=text["city"])  # fmt: skip
    company = company_verify(actor=people["staff"], organization=company, verified=True)
    _join(organization=company, inviter=people["company_owner"], user=people["hr"], role=Role.HR)
    employer_profile_save(actor=people["hr"], organization=company, tagline="", response_days=5)
    skills = learned.skills
    internship = opportunity_save(
        actor=people["hr"], organization=company, kind="internship", title=text["internship"],
        description=text["internship_about"], level="trainee", skill_ids=[skills.python.pk, skills.sql.pk],
        city=text["city"], is_remote=True, salary_min=60000, salary_max=90000,
        fast_track_course_id=learned.course.pk, fast_track_min_score=85,
    )  # fmt: skip
    job = opportunity_save(
        actor=people["hr"], organization=company, kind="job", title=text["job"], description=text["job_about"],
        level="junior", skill_ids=[skills.sql.pk], city=text["city"], salary_min=90000,
    )  # fmt: skip
    return SimpleNamespace(
        people=SimpleNamespace(**people),
        text=text,
        company=company,
        course=learned.course,
        work=learned.work,
        skills=skills,
        internship=opportunity_publish(actor=people["hr"], opportunity=internship),
        job=opportunity_publish(actor=people["hr"], opportunity=job),
    )
