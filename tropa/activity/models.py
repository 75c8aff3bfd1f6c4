"""ActivityEvent (append-only, xAPI-shaped) and HandlerRun (which handler has already seen which event)."""

import uuid

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ActivityEvent(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # SET_NULL: deleting an account anonymizes its events and keeps the aggregates.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("actor"),
    )
    verb = models.CharField(_("verb"), max_length=64)
    object_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64, blank=True, default="")
    # Not a foreign key: the spine must not depend on the organizations app (and events outlive objects).
    organization_id = models.BigIntegerField(null=True, blank=True)
    course_id = models.BigIntegerField(null=True, blank=True)
    payload = models.JSONField(default=dict, blank=True)
    occurred_at = models.DateTimeField(_("occurred at"))
    processed_at = models.DateTimeField(_("processed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("activity event")
        verbose_name_plural = _("activity events")
        ordering = ["-occurred_at", "-id"]
        indexes = [
            models.Index(fields=["actor", "occurred_at"], name="activity_actor_time"),
            models.Index(fields=["organization_id", "occurred_at"], name="activity_org_time"),
            models.Index(fields=["course_id", "occurred_at"], name="activity_course_time"),
            models.Index(fields=["verb", "occurred_at"], name="activity_verb_time"),
            models.Index(
                fields=["occurred_at"], condition=models.Q(processed_at__isnull=True), name="activity_unprocessed"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.verb} by {self.actor_id} at {self.occurred_at:%Y-%m-%d %H:%M}"


class HandlerRun(models.Model):
    """One row per (event, handler) that ran to completion: the idempotency key."""

    event = models.ForeignKey(ActivityEvent, on_delete=models.CASCADE, related_name="handler_runs")
    handler = models.CharField(max_length=200)
    ran_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("handler run")
        verbose_name_plural = _("handler runs")
        constraints = [models.UniqueConstraint(fields=["event", "handler"], name="handler_run_once")]

    def __str__(self) -> str:
        return f"{self.handler} <- {self.event_id}"
