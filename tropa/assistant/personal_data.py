"""What the assistant holds about a person (chat history, CV) for export and erasure: all of it is deleted."""

from __future__ import annotations

from tropa.accounts.data_registry import register, rows
from tropa.assistant.models import ChatMessage, CurriculumVitae


def export(user) -> dict:
    return {
        "chat": rows(ChatMessage.objects.filter(user=user).order_by("created_at"), "speaker", "text", "created_at"),
        "cv": rows(
            CurriculumVitae.objects.filter(user=user),
            "headline",
            "summary",
            "email",
            "phone",
            "location",
            "links",
            "experience",
            "education",
            "hidden_items",
            "item_order",
            "language",
            "updated_at",
        ),
    }


def erase(user) -> None:
    ChatMessage.objects.filter(user=user).delete()
    # The CV PDF is rendered on request and never stored; deleting the row also ends its public share link.
    CurriculumVitae.objects.filter(user=user).delete()


register(
    "assistant",
    export=export,
    erase=erase,
    covers=["assistant.ChatMessage.user", "assistant.CurriculumVitae.user"],
)
