"""The assistant's part of the API under /api/v1/assistant: ask a question and get the answer, read and delete my
conversation. Each caller reaches only their own conversation; the answer is built from their own data only.
An empty or too long question is 400 naming "question"; too many questions in a short time is 429.
"""

from __future__ import annotations

from datetime import datetime

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema
from ninja.errors import HttpError

from tropa.assistant.selectors import history_for
from tropa.assistant.services.chat import RateLimited, assistant_ask, chat_clear

router = Router(tags=["assistant"])


class QuestionIn(Schema):
    question: str = Field(description="up to 1,000 characters")


class AssistantMessageOut(Schema):
    id: int
    speaker: str = Field(description="user | assistant")
    text: str
    intent: str
    created_at: datetime


class AnswerOut(Schema):
    question: AssistantMessageOut
    answer: AssistantMessageOut
    source: str = Field(description="model | rules (the built-in assistant)")
    notice: str = Field(description="why the built-in assistant answered instead of the model, or empty")


class ClearedOut(Schema):
    deleted: int


def _message_out(message) -> AssistantMessageOut:
    return AssistantMessageOut(
        id=message.pk, speaker=message.speaker, text=message.text, intent=message.intent, created_at=message.created_at
    )


def _notice(answer) -> str:
    if not answer.model_unavailable:
        return ""
    if answer.fallback == "not_configured":
        return _("No language model is connected: the built-in assistant answered from your data.")
    return _("The language model is unavailable right now: the built-in assistant answered from your data.")


@router.post("/ask", response=AnswerOut)
def ask(request, payload: QuestionIn):
    """Ask "what should I learn next?", "how am I doing?", "improve my CV", "prepare me for an interview"…"""
    try:
        asked, answered = assistant_ask(actor=request.user, text=payload.question)
    except RateLimited as error:
        raise HttpError(429, str(error.message)) from None
    return AnswerOut(
        question=_message_out(asked),
        answer=_message_out(answered),
        source=answered.source,
        notice=_notice(answered),
    )


@router.get("/history", response=list[AssistantMessageOut])
def history(request):
    """My latest messages (30), oldest first."""
    return [_message_out(message) for message in history_for(user=request.user)]


@router.post("/history/clear", response=ClearedOut)
def clear(request):
    """Delete my conversation."""
    return ClearedOut(deleted=chat_clear(actor=request.user))
