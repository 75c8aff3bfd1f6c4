"""Seed the communities around people: follows of a course, its school and its author, the course's alumni space
with graduates' cases, a merged duplicate topic and a weekly digest, through the real services."""

from __future__ import annotations

from tropa.community.services import digest, forum, moderation, spaces
from tropa.courses.models import Enrollment, EnrollmentStatus


def seed_people(*, users: dict, course, general, students: list) -> int:
    """Called by seed_community once the forum exists; returns the number of objects created."""
    created = 0
    admin = users.get("admin@tropa.local")
    if course is not None:
        alumni_space = spaces.alumni_space_ensure(course=course)
        graduates = [
            e.user
            for e in Enrollment.objects.filter(course=course, status=EnrollmentStatus.COMPLETED).select_related("user")
        ][:2]
        cases = [
            (
                "Кейс: дашборд оттока для сети фитнес-клубов",
                "После курса собрала дашборд оттока: нашли, что клиенты уходят на 3-м месяце. "
                "Ввели звонок тренера на 10-й неделе — отток снизился на 12%.",
            ),
            (
                "Нашёл первую работу аналитиком через 2 месяца",
                "Делюсь, что сработало: портфолио из двух проектов курса и разбор тестового задания здесь, "
                "на форуме. Спрашивайте!",
            ),
        ]
        for person, (title, body) in zip(graduates, cases, strict=False):
            forum.topic_create(actor=person, category=alumni_space, title=title, body=body, tags="кейс, результат")
            created += 1
        fans = students[3:6]
        for person in fans:
            forum.follow_toggle(actor=person, course=course)
            forum.follow_toggle(actor=person, person=course.author)
            created += 2
        if fans:
            forum.follow_toggle(actor=fans[0], organization=course.organization)
            created += 1
    if students:
        digest.digest_subscription_set(actor=students[0], frequency="weekly")
        created += 1
    if admin is not None and len(students) > 1:
        original = forum.topic_create(
            actor=students[1], category=general, title="С чего начать изучение SQL?",
            body="Посоветуйте, с чего начать: книги, тренажёры, курсы?", tags="sql",
        )  # fmt: skip
        duplicate = forum.topic_create(
            actor=students[0], category=general, title="SQL для новичка: с чего начать",
            body="Тоже хочу начать с SQL — что посоветуете?", tags="sql",
        )  # fmt: skip
        forum.post_create(actor=students[1], topic=duplicate, body="Начни с SELECT и JOIN на sql-ex.ru.")
        moderation.topic_merge(actor=admin, topic=duplicate, into=original, reason="Одинаковый вопрос: объединено.")
        created += 2
    return created
