"""The conversation with the assistant (per user) and the user's own edits of their CV."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

QUESTION_MAX_CHARS = 1000
ANSWER_MAX_CHARS = 4000


class Speaker(models.TextChoices):
    USER = "user", _("You")
    ASSISTANT = "assistant", _("Assistant")


class Source(models.TextChoices):
    MODEL = "model", _("Language model")
    RULES = "rules", _("Built-in assistant")


class ChatMessage(models.Model):
    """One line of a user's conversation; only its owner ever reads it."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    speaker = models.CharField(max_length=10, choices=Speaker.choices)
    text = models.TextField()
    intent = models.CharField(max_length=20, blank=True)
    source = models.CharField(max_length=10, choices=Source.choices, blank=True)
    # Why the model was not used for this answer ("not_configured", "timeout", ...); empty when it was.
    fallback = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["user", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.user_id} {self.speaker}: {self.text[:40]}"

    @property
    def model_unavailable(self) -> bool:
        return self.speaker == Speaker.ASSISTANT and self.source == Source.RULES and bool(self.fallback)


class CurriculumVitae(models.Model):
    """What the user adds to the verified facts: summary, experience, education, contacts, chosen items and order.

    The verified part (finished courses, certificates, accepted projects, skills) is read fresh each time
    from the courses and projects apps: a revoked certificate or a new project shows without an edit here.
    """

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="+")
    headline = models.CharField(_("headline"), max_length=140, blank=True)
    summary = models.TextField(_("summary"), max_length=1500, blank=True)
    email = models.EmailField(_("email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    location = models.CharField(_("city"), max_length=80, blank=True)
    links = models.TextField(_("links (one per line)"), max_length=1000, blank=True)
    experience = models.TextField(_("experience"), max_length=4000, blank=True)
    education = models.TextField(_("education"), max_length=2000, blank=True)
    # Item keys ("course:<id>", "project:<id>") left out of the CV, and the chosen order of the rest.
    hidden_items = models.JSONField(default=list, blank=True)
    item_order = models.JSONField(default=list, blank=True)
    language = models.CharField(_("language of the PDF"), max_length=2, default="ru")
    # Opt-in public link to the PDF: empty when not shared; a new token revokes the old link.
    share_token = models.CharField(max_length=64, blank=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("CV")
        verbose_name_plural = _("CVs")

    def __str__(self) -> str:
        return f"CV of {self.user_id}"

    @property
    def link_list(self) -> list[str]:
        return [line.strip() for line in self.links.splitlines() if line.strip()]
