"""API: the caller's own account and profile."""

from __future__ import annotations

from typing import Annotated

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from ninja import Field, Router, Schema
from pydantic import AfterValidator, field_validator

from tropa.accounts import services
from tropa.accounts.models import Language, Visibility

router = Router(tags=["me"])

MAX_SKILL_LENGTH = 40


class ErrorOut(Schema):
    detail: str | list[dict]
    field: str | None = None


class ProfileOut(Schema):
    headline: str
    city: str
    about: str
    skills: list[str]
    links: list[str]
    visibility: str
    avatar_url: str | None


class MeOut(Schema):
    id: int
    email: str
    first_name: str
    last_name: str
    language: str
    is_minor: bool
    profile: ProfileOut


def _skill(value: str) -> str:
    value = " ".join(value.split())
    if len(value) > MAX_SKILL_LENGTH:
        raise ValueError(f"a skill must be at most {MAX_SKILL_LENGTH} characters")
    return value


def _link(value: str) -> str:
    value = value.strip()
    try:
        URLValidator(schemes=["http", "https"])(value)
    except ValidationError:
        raise ValueError("not a valid http(s) URL") from None
    return value


# Validated one by one, so an error's location names the item: ["links", 2].
Skill = Annotated[str, AfterValidator(_skill)]
Link = Annotated[str, Field(max_length=2000), AfterValidator(_link)]


class ProfileIn(Schema):
    """Every field is optional (PATCH); a field sent as null is an error, not a way to clear it: send ""."""

    first_name: str = Field(None, max_length=150)
    last_name: str = Field(None, max_length=150)
    headline: str = Field(None, max_length=140)
    city: str = Field(None, max_length=80)
    about: str = Field(None, max_length=4000)
    skills: list[Skill] = Field(None, max_length=30)
    links: list[Link] = Field(None, max_length=10)
    visibility: Visibility = None
    language: Language = None

    @field_validator("skills", "links")
    @classmethod
    def _drop_empty_and_repeated(cls, values: list[str]) -> list[str]:
        seen: set[str] = set()
        kept = []
        for value in values:
            if value and value.casefold() not in seen:
                seen.add(value.casefold())
                kept.append(value)
        return kept


def _me(user) -> dict:
    profile = services.profile_ensure(user=user)
    return {
        "id": user.pk,
        "email": user.email,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "language": user.language,
        "is_minor": user.is_minor,
        "profile": {
            "headline": profile.headline,
            "city": profile.city,
            "about": profile.about,
            "skills": profile.skills,
            "links": profile.links,
            "visibility": profile.visibility,
            "avatar_url": f"{settings.SITE_URL}{profile.avatar.url}" if profile.avatar else None,
        },
    }


@router.get("/me", response=MeOut, summary="The authenticated user and their profile")
def me(request):
    return _me(request.auth)


@router.patch(
    "/me/profile",
    response={200: MeOut, 400: ErrorOut, 422: ErrorOut},
    summary="Update fields of the caller's profile",
    description="Send only the fields to change. Invalid input gets 422 and a refused change 400; "
    "both name the field at fault in `field`.",
)
def me_profile_update(request, payload: ProfileIn):
    user = request.auth
    profile = services.profile_ensure(user=user)
    data = payload.dict(exclude_unset=True)
    with transaction.atomic():  # nothing half-written: the profile and the language change together
        services.profile_update(
            actor=user,
            first_name=data.get("first_name", user.first_name),
            last_name=data.get("last_name", user.last_name),
            headline=data.get("headline", profile.headline),
            city=data.get("city", profile.city),
            about=data.get("about", profile.about),
            skills=data.get("skills", profile.skills),
            links=data.get("links", profile.links),
            visibility=data.get("visibility", profile.visibility),
        )
        if data.get("language"):
            services.user_set_language(user=user, language=data["language"])
    user.refresh_from_db()
    return _me(user)
