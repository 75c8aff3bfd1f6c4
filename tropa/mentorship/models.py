"""Models of the mentorship app: mentor profiles and slots, requests, sessions with notes and feedback."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

LANGUAGES = [("ru", _("Russian")), ("en", _("English"))]


class MentorProfile(models.Model):
    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentor_profile")
    company = models.CharField(_("company"), max_length=120, blank=True)
    expertise = models.ManyToManyField("courses.Skill", related_name="+", verbose_name=_("expertise"))
    languages = models.CharField(_("languages"), max_length=20, default="ru", help_text=_("Comma-separated: ru,en"))
    capacity = models.PositiveSmallIntegerField(_("mentees at a time"), default=3)
    rules = models.TextField(_("how I work"), blank=True, max_length=2000)
    is_published = models.BooleanField(_("published"), default=False)
    response_hours = models.PositiveSmallIntegerField(_("I answer requests within (hours)"), default=72)

    def __str__(self) -> str:
        return f"mentor {self.user_id}"

    @property
    def language_list(self) -> list[str]:
        return [code.strip() for code in self.languages.split(",") if code.strip()]


class Slot(models.Model):
    """An hour the mentor offers; a session books it."""

    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(_("starts"))
    minutes = models.PositiveSmallIntegerField(_("minutes"), default=45)
    is_booked = models.BooleanField(default=False)

    class Meta:
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return f"slot {self.pk}"


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for the mentor")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("No answer in time")


class MentorshipRequest(models.Model):
    mentor = models.ForeignKey(MentorProfile, on_delete=models.CASCADE, related_name="requests")
    mentee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentorship_requests")
    goal = models.CharField(_("goal"), max_length=300)
    project_url = models.URLField(_("project link"), blank=True)
    topics = models.ManyToManyField("courses.Skill", related_name="+", verbose_name=_("topics"))
    status = models.CharField(max_length=10, choices=RequestStatus.choices, default=RequestStatus.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    respond_by = models.DateTimeField()
    responded_at = models.DateTimeField(null=True, blank=True)
    decline_reason = models.CharField(_("reason"), max_length=300, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    progress_consent = models.BooleanField(_("the mentor may see my progress and projects"), default=False)
    conversation_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["status", "respond_by"])]

    def __str__(self) -> str:
        return f"request {self.pk}"


class SessionStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    HELD = "held", _("Held")
    MISSED = "missed", _("Missed")
    CANCELLED = "cancelled", _("Cancelled")


class MentoringSession(models.Model):
    request = models.ForeignKey(MentorshipRequest, on_delete=models.CASCADE, related_name="sessions")
    slot = models.OneToOneField(Slot, on_delete=models.PROTECT, related_name="session")
    starts_at = models.DateTimeField()
    minutes = models.PositiveSmallIntegerField(default=45)
    status = models.CharField(max_length=10, choices=SessionStatus.choices, default=SessionStatus.SCHEDULED)
    cancelled_late = models.BooleanField(default=False)
    missed_by = models.CharField(max_length=10, blank=True)  # "mentor" or "mentee"
    reminded_at = models.DateTimeField(null=True, blank=True)
    # Each side's notes are private to their author unless the author shares them with the other side.
    mentor_notes = models.TextField(blank=True, max_length=4000)
    mentor_notes_shared = models.BooleanField(default=False)
    mentee_notes = models.TextField(blank=True, max_length=4000)
    mentee_notes_shared = models.BooleanField(default=False)
    mentee_rating = models.PositiveSmallIntegerField(null=True, blank=True)
    # What the mentor tells the mentee after a held session (always visible to the mentee).
    mentor_feedback = models.TextField(blank=True, max_length=2000)

    class Meta:
        ordering = ["starts_at"]

    def __str__(self) -> str:
        return f"session {self.pk}"


class AmaSession(models.Model):
    """An "ask me anything": questions and votes before, answers in vote order during, an archive after."""

    host = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True, max_length=2000)
    starts_at = models.DateTimeField(_("starts"))
    minutes = models.PositiveSmallIntegerField(_("minutes"), default=60)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_at"]

    def __str__(self) -> str:
        return self.title


class AmaQuestion(models.Model):
    session = models.ForeignKey(AmaSession, on_delete=models.CASCADE, related_name="questions")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    text = models.CharField(_("question"), max_length=500)
    votes = models.PositiveIntegerField(default=0)
    answer = models.TextField(_("answer"), blank=True, max_length=4000)
    answered_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"question {self.pk}"


class AmaVote(models.Model):
    question = models.ForeignKey(AmaQuestion, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["question", "user"], name="mentorship_one_vote_per_user")]

    def __str__(self) -> str:
        return f"vote {self.pk}"
