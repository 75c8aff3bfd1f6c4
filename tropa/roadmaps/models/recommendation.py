"""Recommendations a learner dismissed ("not interested"): they are not suggested again."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class DismissedRecommendation(models.Model):
    """(kind, item id) of any registered source, so that later kinds need no schema change."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20)
    item_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "item_id"], name="roadmaps_dismissed_recommendation_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.kind} {self.item_id}"
