"""Reads of a learner's XP: totals and level, history, XP per skill, unseen awards, rule settings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from tropa.courses.models import Skill
from tropa.gamification import levels
from tropa.gamification.badges.catalog import BADGES
from tropa.gamification.models import BadgeAward, GamerProfile, LeagueMembership, SkillXP, XPAward, XPRuleSetting
from tropa.gamification.rules import RULES, tunable_rules


@dataclass
class Summary:
    profile: GamerProfile
    progress: levels.Progress
    badges: list
    skills: list


def profile_get(*, user) -> GamerProfile:
    """The learner's profile, or an unsaved empty one: reading never writes."""
    return GamerProfile.objects.filter(pk=user.pk).first() or GamerProfile(user=user)


def summary_for(*, user, skills: int = 8) -> Summary:
    profile = profile_get(user=user)
    return Summary(
        profile=profile,
        progress=levels.progress(profile.total_xp),
        badges=badge_list_for(user=user),
        skills=skill_xp_list(user=user, limit=skills),
    )


def skill_xp_list(*, user, limit: int = 20) -> list[SkillXP]:
    return list(SkillXP.objects.filter(user=user).select_related("skill").order_by("-xp", "skill_id")[:limit])


def badge_list_for(*, user) -> list[dict]:
    return [
        {"award": award, "badge": BADGES[award.badge]}
        for award in BadgeAward.objects.filter(user=user).order_by("-earned_at", "-id")
        if award.badge in BADGES
    ]


def award_history(*, user, limit: int = 50, before_id: int | None = None) -> list[XPAward]:
    rows = XPAward.objects.filter(user=user)
    if before_id:
        rows = rows.filter(pk__lt=before_id)
    awards = list(rows.order_by("-id")[:limit])
    for award in awards:
        rule = RULES.get(award.rule)
        award.label = rule.label if rule else award.rule
    return awards


@dataclass
class Toast:
    """One "+N XP" toast: awards for the same rule and object in a row are shown once, with their sum."""

    pk: int
    points: int
    label: str
    title: str
    count: int = 1


def unseen_awards(*, user, after_id: int = 0, limit: int = 20, within_minutes: int = 15) -> list[Toast]:
    """Awards of the last minutes newer than `after_id`, newest first, as toasts (three reviews of one course
    written in a row make one "+45 XP · Review written ×3", not three toasts)."""
    since = timezone.now() - timedelta(minutes=within_minutes)
    rows = XPAward.objects.filter(user=user, pk__gt=after_id, created_at__gte=since)
    toasts: list[Toast] = []
    for award in rows.order_by("-id")[:limit]:
        rule = RULES.get(award.rule)
        label = str(rule.label) if rule else award.rule
        if toasts and (toasts[-1].label, toasts[-1].title) == (label, award.title):
            toasts[-1].points += award.points
            toasts[-1].count += 1
            continue
        toasts.append(Toast(pk=award.pk, points=award.points, label=label, title=award.title))
    return toasts[:5]


def rule_settings(*, organization) -> list[dict]:
    """Every tunable rule with the organization's setting, if it has one."""
    rows = {row.rule: row for row in XPRuleSetting.objects.filter(organization=organization)}
    return [{"rule": rule, "setting": rows.get(rule.key)} for rule in tunable_rules()]


def skill_names(ids) -> dict[int, str]:
    return {skill.pk: skill.name for skill in Skill.objects.filter(pk__in=list(ids))}


def league_membership_of(*, user):
    """The learner's place in this week's leagues, or None when they have not joined."""
    return LeagueMembership.objects.filter(user=user).first()
