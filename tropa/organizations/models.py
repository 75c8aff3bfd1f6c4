"""Organizations, memberships with a role, email invitations, and guardian (parent) links to children."""

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tropa.core.models import TimeStampedModel


class OrganizationKind(models.TextChoices):
    SCHOOL = "school", _("School or education centre")
    COMPANY = "company", _("Company")


class Role(models.TextChoices):
    OWNER = "owner", _("Owner")
    ADMIN = "admin", _("Administrator")
    AUTHOR = "author", _("Author")
    METHODOLOGIST = "methodologist", _("Methodologist")
    EDITOR = "editor", _("Editor")
    CURATOR = "curator", _("Curator")
    MODERATOR = "moderator", _("Moderator")
    SUPPORT = "support", _("Support")
    HR = "hr", _("HR")
    EXPERT = "expert", _("Expert")
    MENTOR = "mentor", _("Mentor")
    # Not a team role: a learner on the organization's roster (a child at a centre). Schools confirm
    # guardian links on behalf of the learners on their roster.
    LEARNER = "learner", _("Learner")


TEAM_ROLES = [role for role in Role if role != Role.LEARNER]
MANAGER_ROLES = {Role.OWNER, Role.ADMIN}
# Staff who may confirm a guardian link on behalf of a learner on their roster.
GUARDIAN_CONFIRMER_ROLES = {Role.OWNER, Role.ADMIN, Role.SUPPORT, Role.CURATOR}
# Display order of roles in member lists: the people in charge first.
ROLE_RANK = {role.value: rank for rank, role in enumerate(Role)}


class Organization(TimeStampedModel):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=OrganizationKind.choices)
    description = models.TextField(_("description"), blank=True, max_length=5000)
    website = models.URLField(_("website"), blank=True)
    city = models.CharField(_("city"), max_length=80, blank=True)
    is_verified = models.BooleanField(_("verified by the platform"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Membership(TimeStampedModel):
    """A user's place in an organization: one role per person per organization."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["organization", "user"], name="membership_once")]
        indexes = [models.Index(fields=["user", "organization"], name="membership_user_org")]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organization} ({self.role})"


class Invitation(TimeStampedModel):
    """An emailed invitation to join with a role; the token is stored hashed and works once."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("email"))
    role = models.CharField(_("role"), max_length=16, choices=Role.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    invited_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    declined_at = models.DateTimeField(_("declined at"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                "organization",
                condition=models.Q(accepted_at__isnull=True, revoked_at__isnull=True, declined_at__isnull=True),
                name="invitation_one_open_per_email",
            ),
        ]
        indexes = [models.Index(Lower("email"), name="invitation_email_ci")]

    def __str__(self) -> str:
        return f"{self.email} -> {self.organization} ({self.role})"

    @property
    def state(self) -> str:
        """One of pending, accepted, declined, revoked, expired: what the invitee would be told."""
        if self.accepted_at:
            return "accepted"
        if self.declined_at:
            return "declined"
        if self.revoked_at:
            return "revoked"
        if self.expires_at <= timezone.now():
            return "expired"
        return "pending"


class GuardianLinkStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    DECLINED = "declined", _("Declined")
    REVOKED = "revoked", _("Revoked")


class GuardianLink(TimeStampedModel):
    """A parent or guardian following a child's learning, once the child or their school confirms."""

    guardian = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="children_links")
    child = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="guardian_links")
    status = models.CharField(
        _("status"), max_length=16, choices=GuardianLinkStatus.choices, default=GuardianLinkStatus.PENDING
    )
    relation = models.CharField(_("relation"), max_length=40, blank=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # Set when a school confirmed on the child's behalf.
    confirmed_via = models.ForeignKey(Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("guardian link")
        verbose_name_plural = _("guardian links")
        constraints = [
            models.UniqueConstraint(
                fields=["guardian", "child"],
                condition=models.Q(status__in=["pending", "confirmed"]),
                name="guardian_link_open_once",
            ),
            models.CheckConstraint(condition=~models.Q(guardian=models.F("child")), name="guardian_not_self"),
        ]
        indexes = [models.Index(fields=["child", "status"], name="guardian_link_child_status")]

    def __str__(self) -> str:
        return f"{self.guardian} -> {self.child} ({self.status})"
