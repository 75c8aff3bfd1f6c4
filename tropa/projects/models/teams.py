"""Teams: the author of a work invites classmates, who join only by accepting; fixed once work is handed in."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TeamInviteStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for an answer")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")


class TeamInvite(models.Model):
    work = models.ForeignKey("projects.ProjectWork", on_delete=models.CASCADE, related_name="team_invites")
    invitee = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="team_invites")
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=10, choices=TeamInviteStatus.choices, default=TeamInviteStatus.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("team invitation")
        verbose_name_plural = _("team invitations")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["work", "invitee"],
                condition=models.Q(status="pending"),
                name="team_invite_pending_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.invitee_id} -> work {self.work_id} ({self.status})"
