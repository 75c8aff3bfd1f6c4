"""Per-item visibility of a learner's portfolio (a finished course, a certificate, a project)."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from tropa.accounts.models import Visibility


class PortfolioVisibility(models.Model):
    """Items without a row follow the profile's visibility. `item` is "course:<id>" or "project:<id>"."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    item = models.CharField(max_length=40)
    visibility = models.CharField(max_length=16, choices=Visibility.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "item"], name="portfolio_item_once")]

    def __str__(self) -> str:
        return f"{self.user_id}:{self.item}={self.visibility}"
