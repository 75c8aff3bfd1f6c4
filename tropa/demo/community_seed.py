"""Seed the demo forum through the real services: categories of every kind, lively topics, a solved question,
a feedback request with helpful feedback, and follows. Skips everything when the forum already exists."""

from __future__ import annotations

from tropa.community.models import Category, CategoryKind, TopicKind
from tropa.community.services import forum, spaces
from tropa.courses.models import Cohort, Course, Enrollment, EnrollmentStatus
from tropa.demo.community_people_seed import seed_people
from tropa.demo.world import STUDENTS


def seed_community(*, users: dict) -> int:
    """Build the demo forum once; returns the number of objects created (0 when it is already there)."""
    if Category.objects.filter(slug="general").exists():
        return 0
    analyst = Course.objects.filter(slug__icontains="analit").first() or Course.objects.order_by("pk").first()
    general = forum.category_create(
        name="Общий разговор", slug="general", description="Знакомство, вопросы о платформе, карьера в IT."
    )
    created = 1
    categories = [general]
    if analyst is not None:
        categories.append(
            forum.category_create(
                name=f"Курс «{analyst.title}»",
                slug="course-analyst",
                kind=CategoryKind.COURSE,
                course=analyst,
                description="Вопросы по урокам и заданиям курса.",
            )  # fmt: skip
        )
        categories.append(spaces.alumni_space_ensure(course=analyst))  # opened on publication, else here
        cohort = Cohort.objects.filter(course=analyst).order_by("pk").first()
        if cohort is not None:
            categories.append(
                forum.category_create(
                    name=f"Поток «{cohort.title}»",
                    slug="cohort-analyst",
                    kind=CategoryKind.COHORT,
                    cohort=cohort,
                    description="Закрытое обсуждение потока и кураторов.",
                )  # fmt: skip
            )
        created += len(categories) - 1
    students = [users[email] for email in STUDENTS if email in users]
    curator = users.get("curator@data-school.local")
    asker, helper, reviewer = (students + [curator, curator, curator])[:3]
    course_category = categories[1] if len(categories) > 1 else general
    if analyst is not None:
        enrolled = set(
            Enrollment.objects.filter(
                course=analyst, status__in=[EnrollmentStatus.ACTIVE, EnrollmentStatus.COMPLETED]
            ).values_list("user_id", flat=True)
        )
        learners = [s for s in students if s.pk in enrolled][:3]
        if len(learners) == 3:
            asker, helper, reviewer = learners
    question = forum.topic_create(
        actor=asker, category=course_category, title="Почему read_csv ломает кириллицу?",
        body="Открываю файл в pandas, а вместо русских букв — кракозябры. Что делать?", tags="pandas, csv",
    )  # fmt: skip
    answer = forum.post_create(
        actor=helper,
        topic=question,
        body="Укажите кодировку:\n\n```python\npd.read_csv('data.csv', encoding='cp1251')\n```",
    )
    forum.post_create(actor=asker, topic=question, body=f"@{helper.first_name} спасибо, заработало!")
    answer.topic = question
    forum.solution_mark(actor=asker, post=answer)
    forum.reaction_toggle(actor=asker, post=answer)
    feedback = forum.topic_create(
        actor=helper, category=general, title="Отзыв на мой дашборд продаж", kind=TopicKind.FEEDBACK,
        work_url="https://example.com/projects/sales-dashboard",
        body="Собрал дашборд по продажам сети кофеен. Что улучшить в визуализации?", tags="проект, дашборд",
    )  # fmt: skip
    review = forum.post_create(
        actor=reviewer, topic=feedback, body="Подпиши оси и убери 3D-диаграмму: сравнивать столбцы станет проще."
    )
    review.topic = feedback
    forum.solution_mark(actor=helper, post=review)
    forum.topic_create(
        actor=reviewer, category=general, title="Как вы совмещаете учёбу и работу?",
        body="Делитесь расписанием и лайфхаками.", tags="мотивация",
    )  # fmt: skip
    forum.follow_toggle(actor=asker, person=helper)
    forum.follow_toggle(actor=reviewer, category=general)
    return created + 7 + seed_people(users=users, course=analyst, general=general, students=students)
