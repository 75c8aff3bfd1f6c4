"""Seed the final project of the demo's long course: a rubric, work at every stage, peer and curator reviews,
an open appeal, and a student whose portfolio is public. Through the real services; a second run adds nothing.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tropa.accounts.services import profile_ensure, profile_update
from tropa.courses.models import Cohort, CohortModule, Course, Skill, StepKind
from tropa.courses.services import cohort_schedule
from tropa.demo.world import STUDENTS
from tropa.projects.models import FinalProject, Review, ReviewStatus
from tropa.projects.services import appeals, definition, portfolio, reviews, submissions

COURSE_TITLE = "Аналитик данных: от Excel до Python"
BRIEF = """Возьмите данные о клиентах телеком-компании и ответьте на вопрос бизнеса: **кто уйдёт в следующем месяце
и почему**.

1. Очистите данные и опишите их (SQL или pandas).
2. Найдите признаки, связанные с оттоком, и проверьте гипотезы.
3. Постройте простую модель или правило и оцените его качество.
4. Сформулируйте три рекомендации для бизнеса.

Сдайте ссылку на репозиторий и отчёт: что сделали, что получилось, что бы сделали дальше."""
CRITERIA = [
    ("Работа с данными", 3, "sql", ["Данные не подготовлены", "Частично очищены", "Очищены и описаны",
                                   "Очищены, описаны, проверены на аномалии"]),
    ("Анализ и гипотезы", 3, "pandas", ["Нет анализа", "Описательная статистика", "Гипотезы проверены",
                                       "Гипотезы проверены, выводы обоснованы"]),
    ("Модель и качество", 2, "python", ["Нет модели", "Модель без оценки", "Модель с метрикой",
                                       "Сравнение моделей, честная валидация"]),
    ("Рекомендации и отчёт", 2, "excel", ["Нет выводов", "Выводы без связи с данными", "Понятные рекомендации",
                                         "Рекомендации с оценкой эффекта"]),
]  # fmt: skip
# (student index, levels by criterion for the curator, decision) — who is where in the story.
OUTCOMES = [
    (0, [3, 3, 3, 2], "accept"),  # the star: accepted, public portfolio
    (1, [1, 2, 1, 1], "revise"),  # asked to revise
    (2, [2, 2, 2, 2], "accept"),  # accepted; appeals a harsh peer review
    (3, None, ""),  # peers reviewed, the curator has not yet
    (4, None, ""),  # just handed in
]
PEER_LEVELS = {0: [3, 2, 3, 2], 1: [1, 1, 1, 1], 2: [0, 0, 1, 0], 3: [2, 2, 2, 2], 4: [2, 1, 2, 2]}


def seed_projects(*, users: dict) -> int:
    """The final project of the long analyst course, its reviews and portfolio; 0 when already present."""
    course = Course.objects.filter(title=COURSE_TITLE).first()
    if course is None or FinalProject.objects.filter(course=course).exists():
        return 0
    author, curator = users["author@data-school.local"], users["curator@data-school.local"]
    step = course.steps.filter(kind=StepKind.FINAL_PROJECT, archived_at__isnull=True).first()
    project = definition.project_save(
        actor=author, course=course, step=step, title="Прогноз оттока клиентов", brief=BRIEF,
        require_repository=True, require_writeup=True, deadline=timezone.now() + timedelta(days=21),
        late_policy="penalty", late_penalty_percent=10, revisions_allowed=2, review_by_curator=True,
        peer_count=2, peer_anonymous=True, peer_review_days=5,
    )  # fmt: skip
    _open_project_module(course, step, users["owner@data-school.local"])
    skills = {skill.slug: skill for skill in Skill.objects.filter(slug__in=[c[2] for c in CRITERIA])}
    criteria = [
        definition.criterion_create(
            actor=author, project=project, title=title, weight=weight, levels=levels,
            skill_ids=[skills[slug].pk] if slug in skills else [],
        )
        for title, weight, slug, levels in CRITERIA
    ]  # fmt: skip
    students = [users[email] for email in STUDENTS[: len(OUTCOMES) + 1]]
    works = {}
    for index, _levels, _decision in OUTCOMES:
        student = students[index]
        version = submissions.work_submit(
            actor=student, project=project, title=f"Отток клиентов: {student.first_name}",
            summary="Модель оттока и три рекомендации для удержания клиентов.",
            repository_url=f"https://github.com/demo-student{index + 1:02d}/churn-analysis",
            writeup="## Что сделано\nОчистил данные, проверил гипотезы о тарифах и обращениях в поддержку, "
            "построил логистическую регрессию (ROC AUC 0.81).\n\n## Рекомендации\n1. ...\n2. ...\n3. ...",
        )  # fmt: skip
        works[index] = version.work
    created = 1 + len(criteria) + len(works)
    for index, work in works.items():  # peers answer first, for every work that was handed in
        for review in Review.objects.filter(work=work, role="peer", status=ReviewStatus.ASSIGNED).select_related(
            "reviewer"
        ):
            if index == 4:
                break  # the newest work still waits for its peers
            levels = PEER_LEVELS[index]
            reviews.review_submit(
                actor=review.reviewer, work_id=work.pk,
                levels={c.pk: level for c, level in zip(criteria, levels, strict=True)},
                feedback="Хорошая структура отчёта; не хватает проверки модели на отложенной выборке.",
            )  # fmt: skip
            created += 1
    for index, levels, decision in OUTCOMES:
        if not decision:
            continue
        reviews.review_submit(
            actor=curator, work_id=works[index].pk,
            levels={c.pk: level for c, level in zip(criteria, levels, strict=True)},
            feedback="Сильная работа с данными и понятные выводы для бизнеса. Метрика модели выбрана осознанно."
            if decision == "accept" else "Добавьте проверку гипотез и оценку модели на отложенной выборке.",
            decision=decision,
        )  # fmt: skip
        created += 1
    harsh = Review.objects.filter(work=works[2], role="peer", status=ReviewStatus.SUBMITTED).order_by("score").first()
    if harsh is not None:
        appeals.appeal_create(
            actor=students[2], review_id=harsh.pk,
            reason="Рецензент поставил ноль за данные, хотя очистка описана в разделе 1 отчёта.",
        )  # fmt: skip
        created += 1
    star = students[0]
    profile = profile_ensure(user=star)
    profile_update(
        actor=star, first_name=star.first_name, last_name=star.last_name,
        headline=profile.headline or "Аналитик данных", city=profile.city or "Москва",
        about=profile.about or "Учусь аналитике данных: SQL, pandas, модели оттока.",
        skills=list(profile.skills or ["SQL", "Python"]), links=list(profile.links or []), visibility="public",
    )  # fmt: skip
    portfolio.work_sharing_set(actor=star, work_id=works[0].pk, share_feedback=True)
    return created + 1


def _open_project_module(course, step, owner) -> None:
    """The school opened the project's module a week early for the autumn cohort, so the story can show reviews."""
    now = timezone.now()
    for cohort in Cohort.objects.filter(course=course):
        entry = CohortModule.objects.filter(cohort=cohort, module_id=step.lesson.module_id).first()
        if entry is not None and entry.opens_at is not None and entry.opens_at > now:
            row = cohort_schedule.ScheduleRow(
                module_id=entry.module_id, opens_at=now - timedelta(hours=1), deadline=entry.deadline
            )
            cohort_schedule.cohort_schedule_set(actor=owner, cohort=cohort, rows=[row])
