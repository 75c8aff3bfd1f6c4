"""Badges a learner earned; the badges themselves (criteria, names, images) are defined in code (badges/catalog.py)."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class BadgeAward(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="badge_awards")
    badge = models.CharField(_("badge"), max_length=40)
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)  # the credential's public id
    earned_at = models.DateTimeField(_("earned at"))
    event_id = models.BigIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("badge award")
        verbose_name_plural = _("badge awards")
        ordering = ["-earned_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["user", "badge"], name="badge_award_once")]

    def __str__(self) -> str:
        return f"{self.badge} -> {self.user_id}"
