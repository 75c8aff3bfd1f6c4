"""Seed the assistant and the CV: the star student of the analyst course has a CV with their own edits and a short
conversation with the built-in assistant. Through the real services; a second run adds nothing."""

from __future__ import annotations

from django.test import override_settings
from django.utils import translation

from tropa.assistant.cv_document import cv_document_for
from tropa.assistant.models import CurriculumVitae
from tropa.assistant.services.chat import assistant_ask
from tropa.assistant.services.cv import cv_update
from tropa.demo.world import STUDENTS

SUMMARY = (
    "Начинающий аналитик данных. Довожу анализ до решения: очищаю данные в SQL и pandas, проверяю гипотезы, "
    "объясняю выводы бизнесу простым языком."
)
EXPERIENCE = (
    "Операционист, банк «Северный» (2022–2024)\nСверка отчётов в Excel, автоматизировала еженедельную выгрузку.\n\n"
    "Стажёр-аналитик, интернет-магазин (лето 2021)\nДашборд продаж и разбор возвратов."
)
EDUCATION = "Казанский федеральный университет, экономика (2018–2022)"
QUESTIONS = ["Как мои успехи?", "Улучши моё резюме"]


def seed_assistant(*, users: dict) -> int:
    """The star student's CV and chat; 0 when already present (or when the projects seed did not run)."""
    star = users.get(STUDENTS[0])
    if star is None or CurriculumVitae.objects.filter(user=star).exists():
        return 0
    document = cv_document_for(owner=star)
    if document is None:
        return 0
    cv_update(
        actor=star, headline="Младший аналитик данных", summary=SUMMARY, email=star.email, phone="",
        location="Казань", links="https://github.com/demo-analyst", experience=EXPERIENCE, education=EDUCATION,
        language="ru", hidden_items=[], item_order=[item.key for item in document.items],
        known_items={item.key for item in document.items},
    )  # fmt: skip
    # The demo never calls a model server, whatever the environment says: its answers are the built-in ones.
    with override_settings(LLM_BASE_URL=None, ASSISTANT_ASK_RATE="100/m"), translation.override("ru"):
        for question in QUESTIONS:
            assistant_ask(actor=star, text=question)
    return 1 + len(QUESTIONS)
