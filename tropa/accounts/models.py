"""The custom User (email login), its public Profile, personal API tokens and downloads of a user's data."""

import secrets

from django.contrib.auth.models import AbstractUser
from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from tropa.core.models import TimeStampedModel


class UserManager(DjangoUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("email is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class Language(models.TextChoices):
    RU = "ru", "Русский"
    EN = "en", "English"


class User(AbstractUser):
    username = None
    email = models.EmailField(_("email address"), unique=True)
    language = models.CharField(_("interface language"), max_length=8, choices=Language.choices, default=Language.RU)
    # Children's accounts get the strictest defaults: never public, guardians may follow them.
    is_minor = models.BooleanField(_("minor"), default=False, help_text=_("Under 18: the profile is never public."))
    # Set when the person deleted their account: the row stays as an inactive tombstone so that what others
    # built around it (replies, reviews, battles) keeps its foreign keys, shown as "Deleted user".
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [models.UniqueConstraint(Lower("email"), name="user_email_ci_unique")]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.deleted_at is not None:
            return str(_("Deleted user"))
        return self.get_full_name() or self.email.split("@")[0]

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public: anyone on the internet")
    PLATFORM = "platform", _("Platform only: signed-in users")
    PRIVATE = "private", _("Private: only me")


class Profile(TimeStampedModel):
    user = models.OneToOneField(User, on_delete=models.CASCADE, primary_key=True, related_name="profile")
    avatar = models.ImageField(_("photo"), upload_to="avatars/%Y/%m/", blank=True)
    headline = models.CharField(_("headline"), max_length=140, blank=True)
    city = models.CharField(_("city"), max_length=80, blank=True)
    about = models.TextField(_("about"), max_length=4000, blank=True)
    skills = models.JSONField(_("skills"), default=list, blank=True)
    links = models.JSONField(_("links"), default=list, blank=True)
    visibility = models.CharField(
        _("profile visibility"), max_length=16, choices=Visibility.choices, default=Visibility.PLATFORM
    )

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return str(self.user)


class ApiToken(models.Model):
    """A personal API token: the raw key is shown once; only its SHA-256 is stored."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=80)
    prefix = models.CharField(max_length=12, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class DataExportStatus(models.TextChoices):
    PENDING = "pending", _("Being prepared")
    READY = "ready", _("Ready to download")
    FAILED = "failed", _("Failed")


def data_export_path(instance, filename: str) -> str:
    # An unguessable folder: the file is served only through a view that checks the owner, never linked directly.
    return f"exports/{secrets.token_urlsafe(18)}/tropa-data.json"


class DataExport(models.Model):
    """A JSON file of everything Tropa holds about a user, built in the background and kept for a few days."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="data_exports")
    status = models.CharField(max_length=8, choices=DataExportStatus.choices, default=DataExportStatus.PENDING)
    file = models.FileField(upload_to=data_export_path, blank=True, max_length=200)
    size = models.PositiveIntegerField(default=0)
    requested_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("data export")
        verbose_name_plural = _("data exports")
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.user_id} {self.requested_at:%Y-%m-%d %H:%M} ({self.status})"
