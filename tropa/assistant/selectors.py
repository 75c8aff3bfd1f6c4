"""Reads of the assistant app, always of the asking user's own rows (a shared CV by its token)."""

from __future__ import annotations

from tropa.assistant.models import ChatMessage, CurriculumVitae

HISTORY_SHOWN = 30


def history_for(*, user, limit: int = HISTORY_SHOWN) -> list[ChatMessage]:
    """The user's latest messages, oldest first (what the chat shows and the model gets as earlier turns)."""
    rows = list(ChatMessage.objects.filter(user=user).order_by("-created_at", "-pk")[:limit])
    rows.reverse()
    return rows


def cv_edits_for(*, user) -> CurriculumVitae:
    """The user's CV edits, or unsaved defaults taken from their profile: reading never writes."""
    found = CurriculumVitae.objects.filter(user=user).first()
    if found is not None:
        return found
    profile = getattr(user, "profile", None)
    return CurriculumVitae(
        user=user,
        headline=getattr(profile, "headline", "") or "",
        summary=getattr(profile, "about", "") or "",
        location=getattr(profile, "city", "") or "",
        language=user.language if getattr(user, "language", "") in ("ru", "en") else "ru",
    )


def cv_get_shared(*, token: str) -> CurriculumVitae | None:
    """The CV published under `token`; None when there is none, it was revoked, or its owner is a minor."""
    from tropa.assistant.permissions import can_view_shared_cv

    token = (token or "").strip()
    if len(token) < 20:
        return None
    cv = CurriculumVitae.objects.select_related("user", "user__profile").filter(share_token=token).first()
    return cv if can_view_shared_cv(cv) else None
