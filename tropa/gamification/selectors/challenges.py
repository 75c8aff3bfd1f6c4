"""Reads of the daily challenge and battles."""

from __future__ import annotations

import random
from datetime import date, timedelta

from django.db.models import Q

from tropa.accounts.models import User
from tropa.courses.models import Direction
from tropa.gamification.models import Battle, BattleStatus, ChallengeQuestion, DailyAnswer
from tropa.organizations.models import Membership


def daily_question(*, direction, day: date) -> ChallengeQuestion | None:
    """The direction's question of the day: the pool in a fixed order, one step further each day."""
    ids = list(ChallengeQuestion.objects.filter(direction=direction).order_by("pk").values_list("pk", flat=True))
    if not ids:
        return None
    return ChallengeQuestion.objects.filter(pk=ids[day.toordinal() % len(ids)]).first()


def daily_directions() -> list[Direction]:
    """Directions that have a question pool."""
    ids = ChallengeQuestion.objects.values_list("direction_id", flat=True).distinct()
    return list(Direction.objects.filter(pk__in=ids).order_by("slug"))


def daily_answer_for(*, user, direction, day: date) -> DailyAnswer | None:
    return DailyAnswer.objects.filter(user=user, direction=direction, day=day).select_related("question").first()


def daily_streak(*, user, today: date) -> int:
    """Days in a row, up to today (or yesterday, while today is still open), with a daily challenge answered."""
    days = set(
        DailyAnswer.objects.filter(user=user, day__gte=today - timedelta(days=366))
        .values_list("day", flat=True)
        .distinct()
    )
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def battle_questions(*, direction, skill=None, count: int) -> list[ChallengeQuestion]:
    pool = ChallengeQuestion.objects.filter(direction=direction)
    if skill is not None and pool.filter(skill=skill).count() >= count:
        pool = pool.filter(skill=skill)
    ids = list(pool.values_list("pk", flat=True))
    chosen = random.sample(ids, min(count, len(ids)))
    by_id = {q.pk: q for q in ChallengeQuestion.objects.filter(pk__in=chosen)}
    return [by_id[pk] for pk in chosen]


def battle_list_for(*, user, limit: int = 30) -> list[Battle]:
    return list(
        Battle.objects.filter(Q(challenger=user) | Q(opponent=user))
        .select_related("challenger", "opponent", "direction", "skill", "winner")
        .order_by("-created_at", "-id")[:limit]
    )


def battle_get_for(*, user, battle_id: int) -> Battle | None:
    """A battle its players may open; anyone else gets None (404)."""
    if not user.is_authenticated:
        return None
    return (
        Battle.objects.filter(Q(challenger=user) | Q(opponent=user), pk=battle_id)
        .select_related("challenger", "opponent", "direction", "skill", "winner")
        .first()
    )


def battle_questions_of(battle: Battle) -> list[ChallengeQuestion]:
    by_id = {q.pk: q for q in ChallengeQuestion.objects.filter(pk__in=battle.question_ids)}
    return [by_id[pk] for pk in battle.question_ids if pk in by_id]


def battle_answered_by(*, battle: Battle, user) -> bool:
    return battle.score_of(user.pk) is not None


def pending_battle_count(*, user) -> int:
    return Battle.objects.filter(opponent=user, status=BattleStatus.PENDING, opponent_score__isnull=True).count()


def _teammate_ids(user):
    return Membership.objects.filter(organization__memberships__user=user).values("user_id")


def opponent_find(*, actor, email: str = "", user_id: int | None = None):
    """The person to challenge by email or id, when the actor may reach them: someone of a school or company
    they both belong to. Anyone else, or nobody, gives None: a challenge never tells whether an account exists,
    and strangers cannot reach a child."""
    people = User.objects.filter(is_active=True, pk__in=_teammate_ids(actor)).exclude(pk=actor.pk)
    if email:
        return people.filter(email__iexact=email).first()
    if user_id is not None:
        return people.filter(pk=user_id).first()
    return None


def random_opponent_pool(*, actor):
    """Who a random battle may pair the actor with: anyone of their schools and companies; beyond them, only
    adults, and nobody beyond them for a minor."""
    teammates = Q(pk__in=_teammate_ids(actor))
    if actor.is_minor:
        return Q(user__in=User.objects.filter(teammates))
    return Q(user__in=User.objects.filter(teammates | Q(is_minor=False)))
