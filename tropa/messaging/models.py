"""Models of the messaging app: conversations, their participants and messages, blocks, reports and moderation."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ConversationKind(models.TextChoices):
    DIRECT = "direct", _("Direct")
    HR_CANDIDATE = "hr_candidate", _("HR and candidate")
    MENTORING = "mentor_mentee", _("Mentor and mentee")
    COHORT = "cohort", _("Cohort group")
    COURSE_QA = "course_qa", _("Course Q&A")


class Conversation(models.Model):
    kind = models.CharField(max_length=16, choices=ConversationKind.choices)
    title = models.CharField(_("title"), max_length=200, blank=True)
    # What the conversation is about, for kinds opened from another app's object ("careers.application:12").
    context_key = models.CharField(max_length=80, blank=True, db_index=True)
    # A direct conversation's pair, "<smaller id>:<larger id>", so that a pair has one conversation.
    pair_key = models.CharField(max_length=40, blank=True)
    cohort = models.ForeignKey("courses.Cohort", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    course = models.ForeignKey("courses.Course", on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    organization = models.ForeignKey(
        "organizations.Organization", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    is_closed = models.BooleanField(default=False, help_text=_("Closed: only the listed participants may join."))
    created_at = models.DateTimeField(auto_now_add=True)
    last_message_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["pair_key"], condition=~models.Q(pair_key=""), name="messaging_one_direct_per_pair"
            ),
            models.UniqueConstraint(
                fields=["kind", "context_key"], condition=~models.Q(context_key=""), name="messaging_one_per_context"
            ),
            models.UniqueConstraint(
                fields=["cohort"], condition=models.Q(cohort__isnull=False), name="messaging_one_per_cohort"
            ),
        ]

    def __str__(self) -> str:
        return self.title or f"{self.get_kind_display()} #{self.pk}"


class Participant(models.Model):
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conversation_seats")
    last_read_id = models.BigIntegerField(default=0)
    # The id of the last message counted in an email digest, so a digest never repeats itself.
    digested_id = models.BigIntegerField(default=0)
    joined_at = models.DateTimeField(auto_now_add=True)
    left_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["conversation", "user"], name="messaging_participant_once")]
        indexes = [models.Index(fields=["user", "left_at"])]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.conversation_id}"


class Message(models.Model):
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    body = models.TextField(_("message"), max_length=4000)
    reply_to = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    hidden_at = models.DateTimeField(null=True, blank=True)  # by a moderator

    class Meta:
        indexes = [models.Index(fields=["conversation", "id"])]

    def __str__(self) -> str:
        return f"#{self.pk} by {self.author_id}"

    @property
    def is_visible(self) -> bool:
        return self.deleted_at is None and self.hidden_at is None


def attachment_path(instance: Attachment, filename: str) -> str:
    # Under MEDIA_ROOT but never linked directly: the access-checked view streams it.
    return f"messaging/{instance.message.conversation_id}/{instance.message_id}/{filename}"


class Attachment(models.Model):
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=300)
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()

    def __str__(self) -> str:
        return self.name


class Block(models.Model):
    blocker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    blocked = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["blocker", "blocked"], name="messaging_block_once")]

    def __str__(self) -> str:
        return f"{self.blocker_id} blocks {self.blocked_id}"


class ReportStatus(models.TextChoices):
    OPEN = "open", _("Open")
    RESOLVED = "resolved", _("Resolved")


class Report(models.Model):
    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="reports")
    reporter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    reason = models.CharField(_("reason"), max_length=500)
    status = models.CharField(max_length=10, choices=ReportStatus.choices, default=ReportStatus.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["message", "reporter"], name="messaging_report_once")]

    def __str__(self) -> str:
        return f"report #{self.pk} of message {self.message_id}"


class ModerationVerb(models.TextChoices):
    HIDE = "hide", _("Hide the message")
    WARN = "warn", _("Warn the author")
    MUTE = "mute", _("Mute the author for a while")
    BAN = "ban", _("Ban the author from messaging")
    DISMISS = "dismiss", _("Dismiss the report")


class ModerationAction(models.Model):
    moderator = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    target = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    message = models.ForeignKey(Message, on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    verb = models.CharField(max_length=10, choices=ModerationVerb.choices)
    note = models.CharField(max_length=500, blank=True)
    until = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.verb} {self.target_id}"


class Restriction(models.Model):
    """A user's mute (until a time) or ban (no end) from sending messages."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    muted_until = models.DateTimeField(null=True, blank=True)
    banned = models.BooleanField(default=False)

    def __str__(self) -> str:
        return f"restriction of {self.user_id}"
