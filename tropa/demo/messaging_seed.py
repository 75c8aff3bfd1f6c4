"""Seed the demo conversations through the real services: the analyst cohort's group chat and a direct chat.

Idempotent: a conversation that already has messages is left as it is.
"""

from __future__ import annotations

from tropa.courses.models import Cohort
from tropa.messaging.models import Message
from tropa.messaging.services import conversations, messages

COHORT_CHAT = [
    ("curator@data-school.local", "Всем привет! Это чат потока: задавайте вопросы по модулям, делитесь находками."),
    ("learner@tropa.local", "Привет! Подскажите, где взять датасет для задания по SQL?"),
    ("curator@data-school.local", "@Анастасия он приложен к шагу «Задание» во втором модуле, внизу страницы."),
]
COURSE_QA = [
    ("learner@tropa.local", "Чем оконная функция отличается от GROUP BY? В задании нужны обе?"),
    (
        "curator@data-school.local",
        "GROUP BY сворачивает строки, оконная функция — нет. В задании нужна оконная: **ранг внутри группы**.",
    ),
]
DIRECT_CHAT = [
    ("hr@technosoft.local", "Добрый день! Видели ваш проект по анализу продаж — хотите обсудить стажировку?"),
    ("learner@tropa.local", "Здравствуйте! Да, с удовольствием. Когда удобно созвониться?"),
]


def _say(users: dict, conversation, lines) -> int:
    if Message.objects.filter(conversation=conversation).exists():
        return 0
    for email, body in lines:
        messages.message_send(actor=users[email], conversation=conversation, body=body)
    return len(lines)


def seed_messaging(*, users: dict) -> int:
    """The cohort chat of the running analyst cohort and a direct chat of the learner with TechnoSoft's HR."""
    created = 0
    curator = users["curator@data-school.local"]
    cohort = Cohort.objects.filter(curators=curator).order_by("pk").first()
    if cohort is not None:
        chat = conversations.conversation_open_cohort(actor=curator, cohort=cohort)
        created += _say(users, chat, COHORT_CHAT)
        created += _seed_course_qa(users, cohort.course)
    direct = conversations.conversation_open_direct(
        actor=users["hr@technosoft.local"], other=users["learner@tropa.local"]
    )
    created += _say(users, direct, DIRECT_CHAT)
    return created


def _seed_course_qa(users: dict, course) -> int:
    """The Q&A channel of the cohort's course: the learner asks, the curator answers."""
    from tropa.core.exceptions import ServiceError

    try:
        qa = conversations.conversation_open_course_qa(actor=users["learner@tropa.local"], course=course)
        conversations.conversation_open_course_qa(actor=users["curator@data-school.local"], course=course)
    except ServiceError:  # the demo learner is not in this course: no channel to show
        return 0
    return _say(users, qa, COURSE_QA)


def seed_mentorship(*, users: dict) -> int:
    """TechnoSoft's mentor helps with SQL and Python; the learner asked, was accepted and booked a session."""
    from datetime import timedelta

    from django.utils import timezone

    from tropa.courses.models import Skill
    from tropa.mentorship import services as mentorship
    from tropa.mentorship.models import MentorProfile, MentorshipRequest

    mentor_user, learner = users["mentor@technosoft.local"], users["learner@tropa.local"]
    if MentorProfile.objects.filter(user=mentor_user).exists():
        return 0
    skills = list(Skill.objects.order_by("pk")[:4])
    profile = mentorship.mentor_profile_save(
        actor=mentor_user,
        company="TechnoSoft",
        expertise=skills,
        languages=["ru", "en"],
        capacity=3,
        rules="Раз в неделю 45 минут; перед встречей присылайте вопросы в чат.",
        is_published=True,
    )
    soon = timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=2)
    for day in range(3):
        mentorship.slot_add(actor=mentor_user, starts_at=soon + timedelta(days=day * 2))
    request = mentorship.request_create(
        actor=learner,
        mentor=profile,
        goal="Подготовиться к собеседованию на junior-аналитика",
        project_url="https://github.com/example/sales-analysis",
        topics=skills[:2],
        progress_consent=True,
    )
    request = mentorship.request_accept(actor=mentor_user, request=MentorshipRequest.objects.get(pk=request.pk))
    mentorship.session_schedule(actor=learner, request=request, slot_id=profile.slots.order_by("starts_at").first().pk)
    return 6


def seed_ama(*, users: dict) -> int:
    """An upcoming AMA by TechnoSoft's HR with two questions, the more popular one first."""
    from datetime import timedelta

    from django.utils import timezone

    from tropa.mentorship.models import AmaSession
    from tropa.mentorship.services import ama

    host = users["hr@technosoft.local"]
    if AmaSession.objects.filter(host=host).exists():
        return 0
    session = ama.ama_schedule(
        actor=host,
        title="Как попасть на стажировку в TechnoSoft",
        description="Отвечу на вопросы о найме джунов, тестовых заданиях и о том, что смотрим в портфолио.",
        starts_at=timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=5),
    )
    learner = users["learner@tropa.local"]
    first = ama.ama_question_ask(actor=learner, session=session, text="Какой проект лучше показать в портфолио?")
    ama.ama_question_ask(actor=users["curator@data-school.local"], session=session, text="Берёте ли без опыта?")
    ama.ama_question_vote(actor=users["curator@data-school.local"], question=first)
    return 3
