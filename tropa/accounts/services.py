"""Writes for accounts: users, profiles, language and API tokens."""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.accounts.models import ApiToken, Language, Profile, User, Visibility
from tropa.activity.services import record
from tropa.core.exceptions import ServiceError
from tropa.core.tokens import hash_token, new_token

TOKEN_PREFIX = "tropa_"


@transaction.atomic
def user_create(
    *,
    email: str,
    password: str | None,
    first_name: str = "",
    last_name: str = "",
    language: str = Language.RU,
    is_minor: bool = False,
    email_verified: bool = False,
    is_staff: bool = False,
    is_superuser: bool = False,
) -> User:
    """Create a user with a profile (and, when verified, allauth's primary email address)."""
    from allauth.account.models import EmailAddress

    email = email.strip().lower()
    if User.objects.filter(email__iexact=email).exists():
        raise ServiceError(_("A user with this email already exists."), field="email")
    user = User.objects.create_user(
        email=email,
        password=password,
        first_name=first_name,
        last_name=last_name,
        language=language,
        is_minor=is_minor,
        is_staff=is_staff,
        is_superuser=is_superuser,
    )
    if password is None:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    Profile.objects.create(user=user, visibility=Visibility.PRIVATE if is_minor else Visibility.PLATFORM)
    EmailAddress.objects.create(user=user, email=email, primary=True, verified=email_verified)
    record(actor=user, verb="account.registered", obj=user)
    return user


@transaction.atomic
def user_registered(*, user: User) -> Profile:
    """Finish a sign-up made through allauth: the profile and the event."""
    profile, _created = Profile.objects.get_or_create(user=user)
    record(actor=user, verb="account.registered", obj=user)
    return profile


def profile_ensure(*, user: User) -> Profile:
    """The user's profile, created empty for accounts made outside the sign-up flow (createsuperuser)."""
    profile, _created = Profile.objects.get_or_create(
        user=user, defaults={"visibility": Visibility.PRIVATE if user.is_minor else Visibility.PLATFORM}
    )
    return profile


@transaction.atomic
def profile_update(
    *,
    actor: User,
    first_name: str,
    last_name: str,
    headline: str,
    city: str,
    about: str,
    skills: list[str],
    links: list[str],
    visibility: str,
    avatar=None,
    remove_avatar: bool = False,
) -> Profile:
    """Update the actor's own name and profile. Minors may not make their profile public."""
    if visibility not in Visibility.values:
        raise ServiceError(_("Choose a valid visibility."), field="visibility")
    if actor.is_minor and visibility == Visibility.PUBLIC:
        raise ServiceError(_("A minor's profile cannot be public."), field="visibility")
    profile = profile_ensure(user=actor)
    actor.first_name, actor.last_name = first_name.strip(), last_name.strip()
    actor.save(update_fields=["first_name", "last_name"])
    profile.headline, profile.city, profile.about = headline.strip(), city.strip(), about.strip()
    profile.skills, profile.links, profile.visibility = skills, links, visibility
    fields = ["headline", "city", "about", "skills", "links", "visibility", "updated_at"]
    old_avatar = profile.avatar.name if profile.avatar else ""
    if avatar is not None:
        profile.avatar = avatar
        fields.append("avatar")
    elif remove_avatar and profile.avatar:
        profile.avatar = ""
        fields.append("avatar")
    profile.save(update_fields=fields)
    if "avatar" in fields and old_avatar:
        storage = profile.avatar.storage
        transaction.on_commit(lambda: storage.delete(old_avatar))
    record(actor=actor, verb="profile.updated", obj=profile)
    return profile


def user_set_language(*, user: User, language: str) -> None:
    if language not in Language.values:
        raise ServiceError(_("Unsupported language."), field="language")
    if user.language != language:
        user.language = language
        user.save(update_fields=["language"])


@transaction.atomic
def api_token_create(*, actor: User, name: str, expires_in_days: int | None = None) -> tuple[ApiToken, str]:
    """Create a token; returns it with the raw key, which is never stored or shown again."""
    name = name.strip()
    if not name:
        raise ServiceError(_("Give the token a name."), field="name")
    if expires_in_days is not None and not 1 <= expires_in_days <= 3650:
        raise ServiceError(_("Expiry must be between 1 and 3650 days."), field="expires_in_days")
    if actor.api_tokens.filter(revoked_at__isnull=True).count() >= 20:
        raise ServiceError(_("You already have 20 active tokens; revoke one first."), field="name")
    raw = new_token(TOKEN_PREFIX)
    token = ApiToken.objects.create(
        user=actor,
        name=name,
        prefix=raw[: len(TOKEN_PREFIX) + 6],
        key_hash=hash_token(raw),
        expires_at=timezone.now() + timedelta(days=expires_in_days) if expires_in_days else None,
    )
    record(actor=actor, verb="api_token.created", obj=token)
    return token, raw


@transaction.atomic
def api_token_revoke(*, actor: User, token_id: int) -> ApiToken:
    token = ApiToken.objects.select_for_update().filter(pk=token_id, user=actor).first()
    if token is None:
        raise ServiceError(_("No such token."), code="not_found")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        record(actor=actor, verb="api_token.revoked", obj=token)
    return token


def api_token_authenticate(*, raw: str) -> User | None:
    """The active user behind a raw token, or None; marks the token used (at most once a minute)."""
    if not raw.startswith(TOKEN_PREFIX):
        return None
    now = timezone.now()
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_token(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None or (token.expires_at and token.expires_at <= now):
        return None
    if token.last_used_at is None or now - token.last_used_at > timedelta(minutes=1):
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
