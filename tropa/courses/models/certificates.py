"""Certificates of completion: what was certified is copied in, so renaming a course or person later changes nothing."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Certificate(models.Model):
    enrollment = models.OneToOneField("courses.Enrollment", on_delete=models.PROTECT, related_name="certificate")
    code = models.CharField(max_length=16, unique=True)
    learner_name = models.CharField(max_length=200)
    course_title = models.CharField(max_length=200)
    organization_name = models.CharField(max_length=200)
    issued_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoke_reason = models.TextField(blank=True)

    class Meta:
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        ordering = ["-issued_at"]

    def __str__(self) -> str:
        return self.code

    @property
    def is_valid(self) -> bool:
        return self.revoked_at is None
