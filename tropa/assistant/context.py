"""The asking user's facts, gathered for the assistant: structured, size-limited, and never anyone else's.

`context_for(user=...)` is the only door between the data and the assistant (the model's prompt and the built-in
answers both read it). It takes a user, not an id: what a question says ("show me user 5") cannot widen it.
Every list is capped and every text cut, then whole items are dropped from the tails until the JSON fits
`ASSISTANT_CONTEXT_MAX_CHARS`.

Planners: another app (the roadmaps app, when it lands) adds its own section — the roadmap, the skill gaps,
the next steps — by registering a function in its AppConfig.ready():

    from tropa.assistant.context import register_planner

    def roadmap_section(*, user) -> dict | None:
        # {"target_role": "...", "next_steps": [{"title": "...", "kind": "course", "url": "/..."}],
        #  "gaps": [{"skill": "SQL", "have": 1, "need": 3}]}
        ...

    register_planner("roadmap", roadmap_section)

The section appears under `context["planner"]["roadmap"]`; the built-in answers use `next_steps` and `gaps` when a
planner gives them (see rules.py). A planner that raises is skipped and logged: it never breaks the chat.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

from django.conf import settings
from django.utils import timezone

from tropa.assistant.selectors import cv_edits_for
from tropa.courses.models import EnrollmentStatus
from tropa.courses.selectors.certificates import certificate_list_for_user
from tropa.courses.selectors.learning import deadline_list_for_user, enrollment_list_for_user
from tropa.gamification import levels
from tropa.gamification.selectors.xp import profile_get, skill_xp_list
from tropa.projects.selectors.work import my_works, review_list_for_work

logger = logging.getLogger(__name__)

LIMITS = {"courses": 10, "deadlines": 5, "certificates": 10, "projects": 6, "feedback": 3, "skills": 15}
TEXT_CHARS = 300  # one piece of free text (a reviewer's feedback, a summary)

Planner = Callable[..., dict | None]
_planners: dict[str, Planner] = {}


def register_planner(name: str, planner: Planner) -> None:
    """Add a section to every user's context (see the module docstring)."""
    _planners[name] = planner


def unregister_planner(name: str) -> None:
    _planners.pop(name, None)


def _cut(text: str, limit: int = TEXT_CHARS) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _day(value) -> str | None:
    return timezone.localtime(value).date().isoformat() if value else None


def _courses(user) -> list[dict]:
    statuses = [EnrollmentStatus.ACTIVE, EnrollmentStatus.COMPLETED, EnrollmentStatus.WAITLISTED]
    rows = []
    for enrollment in enrollment_list_for_user(user=user, statuses=statuses)[: LIMITS["courses"]]:
        rows.append(
            {
                "title": _cut(enrollment.course.title, 120),
                "slug": enrollment.course.slug,
                "school": _cut(enrollment.course.organization.name, 80),
                "status": enrollment.status,
                "progress": enrollment.progress_percent,
                "next_deadline": _day(enrollment.next_deadline),
                "next_deadline_module": _cut(enrollment.next_deadline_module or "", 80),
                "last_activity": _day(enrollment.last_activity_at),
                "completed": _day(enrollment.completed_at),
            }
        )
    return rows


def _deadlines(user) -> list[dict]:
    return [
        {"course": _cut(row.course.title, 120), "module": _cut(row.title, 80), "due": _day(row.deadline)}
        for row in deadline_list_for_user(user=user, limit=LIMITS["deadlines"])
    ]


def _certificates(user) -> list[dict]:
    return [
        {
            "course": _cut(certificate.course_title, 120),
            "issuer": _cut(certificate.organization_name, 80),
            "issued": _day(certificate.issued_at),
            "valid": certificate.is_valid,
        }
        for certificate in certificate_list_for_user(user=user)[: LIMITS["certificates"]]
    ]


def _criteria(reviews) -> list[dict]:
    """Mean level per criterion over the latest version's reviews, as a share of the top level, weakest first."""
    totals: dict[str, list[float]] = {}
    latest = max((review.version.number for review in reviews), default=None)
    for review in reviews:
        if review.version.number != latest or review.excluded:
            continue
        for score in review.scores.all():
            top = max(len(score.criterion.levels) - 1, 1)
            totals.setdefault(_cut(score.criterion.title, 80), []).append(score.level / top)
    rows = [{"criterion": title, "share": round(sum(v) / len(v), 2)} for title, v in totals.items()]
    return sorted(rows, key=lambda row: row["share"])


def _projects(user) -> list[dict]:
    rows = []
    for work in my_works(user=user)[: LIMITS["projects"]]:
        reviews = review_list_for_work(work=work)
        rows.append(
            {
                "title": _cut(work.title or work.project.title, 120),
                "course": _cut(work.project.course.title, 120),
                "course_slug": work.project.course.slug,
                "status": work.status,
                "score": float(work.quality_score) if work.quality_score is not None else None,
                "accepted": _day(work.accepted_at),
                "criteria": _criteria(reviews),
                "feedback": [
                    {"role": review.role, "text": _cut(review.feedback)}
                    for review in reviews
                    if review.feedback and not review.excluded
                ][: LIMITS["feedback"]],
            }
        )
    return rows


def _progress(user) -> dict:
    profile = profile_get(user=user)
    progress = levels.progress(profile.total_xp)
    return {
        "xp": profile.total_xp,
        "level": progress.level,
        "xp_to_next_level": progress.to_next,
        "streak_days": profile.streak_current,
        "longest_streak": profile.streak_longest,
        "top_skills": [
            {"skill": row.skill.name, "xp": row.xp} for row in skill_xp_list(user=user, limit=LIMITS["skills"])
        ],
    }


def _planner_sections(user) -> dict:
    sections = {}
    for name, planner in sorted(_planners.items()):
        try:
            section = planner(user=user)
        except Exception:  # a planner's bug must not take the chat down
            logger.exception("assistant planner %s failed", name)
            continue
        if section:
            sections[name] = section
    return sections


def _fit(context: dict, max_chars: int) -> dict:
    """Drop items from the tails of the longest lists until the JSON fits; the shape stays the same."""
    lists = ["courses", "projects", "certificates", "deadlines"]
    while len(json.dumps(context, ensure_ascii=False)) > max_chars:
        longest = max(lists, key=lambda key: len(context.get(key) or []))
        if not context.get(longest):
            planner = context.get("planner") or {}
            if planner:
                planner.pop(sorted(planner)[-1])
                continue
            break
        context[longest].pop()
        context["truncated"] = True
    return context


def context_for(*, user, max_chars: int | None = None) -> dict:
    """The user's own learning facts, ready for a prompt or the built-in answers (a fixed number of queries,
    a few per project shown)."""
    profile = getattr(user, "profile", None)
    context = {
        "today": timezone.localdate().isoformat(),
        "user": {
            "first_name": _cut(user.first_name or user.display_name, 60),
            # The CV's headline when the user wrote one there, else the profile's.
            "headline": _cut(cv_edits_for(user=user).headline or getattr(profile, "headline", "") or "", 140),
            "declared_skills": [_cut(str(skill), 40) for skill in (getattr(profile, "skills", None) or [])][:15],
        },
        "courses": _courses(user),
        "deadlines": _deadlines(user),
        "certificates": _certificates(user),
        "projects": _projects(user),
        "progress": _progress(user),
        "planner": _planner_sections(user),
    }
    return _fit(context, max_chars or settings.ASSISTANT_CONTEXT_MAX_CHARS)
