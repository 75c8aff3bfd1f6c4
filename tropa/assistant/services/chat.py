"""Asking the assistant: the model when configured and answering, else the built-in answers; history kept per user.

`assistant_ask` is deliberately not one transaction: the model call may take seconds and must not hold a database
transaction (or row locks) open. Everything it writes is written by `_exchange_store`, which is atomic.
"""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.assistant import events, llm, rules
from tropa.assistant.context import context_for
from tropa.assistant.models import QUESTION_MAX_CHARS, ChatMessage, Source, Speaker
from tropa.assistant.selectors import history_for
from tropa.core.exceptions import ServiceError
from tropa.core.ratelimit import hit

RATE_SCOPE = "assistant-ask"
HISTORY_TURNS = 6  # earlier messages the model sees
HISTORY_KEPT = 200  # messages kept per user; older ones are deleted


class RateLimited(ServiceError):
    def __init__(self):
        super().__init__(_("Too many questions in a short time. Wait a minute and ask again."), field="question",
                         code="rate_limited")  # fmt: skip


def _clean_question(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ServiceError(_("Write a question."), field="question")
    if len(text) > QUESTION_MAX_CHARS:
        raise ServiceError(
            _("A question can be at most %(limit)d characters long.") % {"limit": QUESTION_MAX_CHARS}, field="question"
        )
    return text


def assistant_ask(*, actor, text: str) -> tuple[ChatMessage, ChatMessage]:
    """Answer the actor's question from their own data; returns (question, answer) as stored.

    The model gets the actor's context and the last turns of the actor's own conversation; any failure of the
    model (see llm.ModelUnavailable) gives the built-in answer, marked with the reason. Questions about other
    people or the assistant's instructions get the built-in refusal without a model call.
    """
    question = _clean_question(text)
    if not hit(RATE_SCOPE, str(actor.pk), settings.ASSISTANT_ASK_RATE):
        raise RateLimited()
    intent = rules.detect_intent(question)
    context = context_for(user=actor)
    if intent == rules.PRIVACY:
        return _exchange_store(actor=actor, question=question, answer=rules.answer(intent, context), intent=intent,
                               source=Source.RULES, fallback="")  # fmt: skip
    history = [(m.speaker, m.text) for m in history_for(user=actor, limit=HISTORY_TURNS)]
    messages = llm.build_messages(facts=context, history=history, question=question, language=get_language() or "ru")
    try:
        answer, source, fallback = llm.complete(messages=messages), Source.MODEL, ""
    except llm.ModelUnavailable as error:
        answer, source, fallback = rules.answer(intent, context), Source.RULES, error.reason
    return _exchange_store(actor=actor, question=question, answer=answer, intent=intent, source=source,
                           fallback=fallback)  # fmt: skip


@transaction.atomic
def _exchange_store(
    *, actor, question: str, answer: str, intent: str, source: str, fallback: str
) -> tuple[ChatMessage, ChatMessage]:
    asked = ChatMessage.objects.create(user=actor, speaker=Speaker.USER, text=question, intent=intent)
    answered = ChatMessage.objects.create(
        user=actor, speaker=Speaker.ASSISTANT, text=answer, intent=intent, source=source, fallback=fallback
    )
    record(actor=actor, verb=events.ASSISTANT_ASKED, obj=asked,
           payload={"intent": intent, "source": source, "fallback": fallback})  # fmt: skip
    stale = ChatMessage.objects.filter(user=actor).order_by("-created_at", "-pk").values_list("pk", flat=True)
    old_ids = list(stale[HISTORY_KEPT : HISTORY_KEPT + 100])
    if old_ids:
        ChatMessage.objects.filter(pk__in=old_ids).delete()
    return asked, answered


@transaction.atomic
def chat_clear(*, actor) -> int:
    """Forget the actor's conversation; returns how many messages were deleted."""
    deleted, _details = ChatMessage.objects.filter(user=actor).delete()
    return deleted
