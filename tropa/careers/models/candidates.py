"""A learner's opt-in to be found by HR, and what a company team keeps about candidates: shortlists and notes."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tropa.careers.models.opportunities import OpportunityLevel
from tropa.core.models import TimeStampedModel


class Availability(models.TextChoices):
    NOW = "now", _("Ready to start now")
    SOON = "soon", _("Within a month")
    LATER = "later", _("Later, just looking")


class CandidateProfile(TimeStampedModel):
    """Opting in to HR search. Off by default; a minor can never turn it on (the service refuses)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="candidate_profile"
    )
    is_visible = models.BooleanField(_("companies may find me in talent search"), default=False)
    availability = models.CharField(_("availability"), max_length=8, choices=Availability.choices, default="now")
    level = models.CharField(_("level"), max_length=10, choices=OpportunityLevel.choices, blank=True)
    city = models.CharField(_("city"), max_length=80, blank=True)
    open_to_remote = models.BooleanField(_("open to remote work"), default=True)

    class Meta:
        verbose_name = _("candidate profile")
        verbose_name_plural = _("candidate profiles")

    def __str__(self) -> str:
        return str(self.user)


class Shortlist(TimeStampedModel):
    """A company's named list of candidates, shared by its whole hiring team and by nobody else."""

    organization = models.ForeignKey("organizations.Organization", on_delete=models.CASCADE, related_name="shortlists")
    name = models.CharField(_("name"), max_length=120)
    opportunity = models.ForeignKey(
        "careers.Opportunity", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["name", "pk"]
        constraints = [models.UniqueConstraint(fields=["organization", "name"], name="shortlist_name_once")]

    def __str__(self) -> str:
        return self.name


class ShortlistEntry(models.Model):
    shortlist = models.ForeignKey(Shortlist, on_delete=models.CASCADE, related_name="entries")
    candidate = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["shortlist", "candidate"], name="shortlist_entry_once")]

    def __str__(self) -> str:
        return f"{self.shortlist_id}: {self.candidate_id}"


class CandidateNote(TimeStampedModel):
    """A private note about a candidate, seen by the company's hiring team only, never by the candidate."""

    organization = models.ForeignKey("organizations.Organization", on_delete=models.CASCADE, related_name="+")
    candidate = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    body = models.TextField(_("note"), max_length=4000)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organization", "candidate"])]
