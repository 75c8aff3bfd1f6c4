"""Row generators for gamification (the XP ledger and the aggregates boards read) and the forum.

Every award pays one learner for one event of one of their enrollments, so XP, boards and organizations agree.
The ledger is generated twice with the same seed (once for its rows, once for the totals) rather than kept in
memory: 2 million tuples would cost more RAM than regenerating them costs time.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, time, timedelta

from bench.seed_courses import course_org, enrollment_pairs
from bench.seed_rows import DAY, FIRST, YEAR, Plan

# (rule, XP): what most awards are for, as in tropa/gamification/rules.py.
RULES = [("step_completed", 10)] * 6 + [("quiz_passed", 20), ("lesson_rated", 2), ("review_submitted", 15)]
PERSONA_SKILLS = 5
TOPIC_WORDS = ["Как", "начать", "Python", "SQL", "ошибка", "в", "задании", "помогите", "проект", "вопрос", "курс"]
POST_TEXT = "Спасибо, помогло! Попробуйте вынести запрос в **selector** и проверить индекс. " * 3


def _award_rows(plan: Plan) -> Iterator[tuple[int, int, int, int, str, int, int, float]]:
    """(award id, event id, user, course, rule, points, organization, seconds ago): the one random draw."""
    rnd = random.Random(plan.seed + 30)
    pairs = enrollment_pairs(plan)
    last = len(pairs) - 1
    count, events = plan.size.xp_awards, plan.size.events
    stride = max(1, events // max(count, 1))
    per_event = YEAR / events
    for award_id in range(1, count + 1):
        event_id = min(award_id * stride, events)
        user_id, course_id = pairs[rnd.randint(0, last)]
        rule, points = RULES[award_id % len(RULES)]
        ago = YEAR - event_id * per_event  # when the event happened (bench/seed_rows.activity_events)
        yield award_id, event_id, user_id, course_id, rule, points, course_org(plan, course_id), ago


def xp_awards(plan: Plan) -> Iterator[tuple]:
    """gamification_xpaward: id, user, rule, event, points, once_key, organization_id, course_id, direction_id,
    cohort_id, skill_ids, title, created_at."""
    directions = _direction_of(plan)
    for award_id, event_id, user_id, course_id, rule, points, org_id, ago in _award_rows(plan):
        yield (award_id, user_id, rule, event_id, points, "", org_id, course_id, directions[course_id], None, "[]",
               f"Шаг курса №{course_id}", plan.ago(ago))  # fmt: skip


def _direction_of(plan: Plan) -> dict[int, int]:
    from bench.seed_courses import _ids

    direction_ids = _ids("courses.Direction")
    return {course: direction_ids[course % len(direction_ids)] for course in range(1, plan.size.courses + 1)}


def _period_starts(plan: Plan) -> tuple[float, float, str, str]:
    """Seconds ago at which this ISO week and this month began in the site's time zone, and their keys."""
    from django.utils import timezone

    from tropa.gamification import periods

    day = periods.local_day()
    keys = periods.keys_for(day)
    now = plan.now.replace(tzinfo=UTC)

    def ago(start_day) -> float:
        start = timezone.make_aware(datetime.combine(start_day, time.min))
        return (now - start).total_seconds()

    monday = day - timedelta(days=day.weekday())
    return ago(monday), ago(day.replace(day=1)), keys["week"], keys["month"]


def _totals(plan: Plan) -> dict[tuple[str, int, str, int], int]:
    """XP per (scope, scope id, period key, user) for the global and organization boards: week, month, all."""
    week_ago, month_ago, week_key, month_key = _period_starts(plan)
    totals: Counter = Counter()
    for _award, _event, user_id, _course, _rule, points, org_id, ago in _award_rows(plan):
        periods = ["all"]
        if ago <= month_ago:
            periods.append(month_key)
        if ago <= week_ago:
            periods.append(week_key)
        for period in periods:
            totals[("global", 0, period, user_id)] += points
            totals[("org", org_id, period, user_id)] += points
    return totals


def board_entries(plan: Plan) -> Iterator[tuple]:
    """gamification_boardentry: id, scope, scope_id, period_key, user, xp, updated_at."""
    stamp = plan.ago(3600)
    for row_id, ((scope, scope_id, period, user_id), xp) in enumerate(sorted(_totals(plan).items()), start=1):
        yield (row_id, scope, scope_id, period, user_id, xp, stamp)


def gamer_profiles(plan: Plan) -> Iterator[tuple]:
    """gamification_gamerprofile: user, total_xp, level, hidden_from_boards, streak_current, streak_longest,
    streak_last_day, streak_freezes, streak_reminded_on (one per user; one in 50 hides from public boards)."""
    from tropa.gamification.levels import level_for

    totals: Counter = Counter()
    for _award, _event, user_id, _course, _rule, points, _org, _ago in _award_rows(plan):
        totals[user_id] += points
    today = str(plan.now.date())
    for user_id in range(1, plan.size.users + 1):
        xp = totals[user_id]
        streak = user_id % 9
        yield (user_id, xp, level_for(xp), int(user_id % 50 == 0), streak, streak + user_id % 5,
               today if streak else None, 1, None)  # fmt: skip


def skill_xp(plan: Plan) -> Iterator[tuple]:
    """gamification_skillxp: id, user, skill, xp: the persona's skills (its board choices list them)."""
    from bench.seed_courses import _ids

    for offset, skill_id in enumerate(_ids("courses.Skill")[:PERSONA_SKILLS], start=1):
        yield (offset, 1, skill_id, 100 * offset)


# Forum -------------------------------------------------------------------------------------------------------


def category_count(plan: Plan) -> int:
    return max(4, plan.size.courses // 20)


def persona_topic_posts(plan: Plan) -> int:
    """Replies in topic 1 (the one measured): 30 at small sizes, 1,000 at large."""
    return max(30, min(1000, plan.size.posts // 200))


def _posts_per_topic(plan: Plan) -> list[int]:
    """Posts (the opening one included) of each topic; index 0 is topic 1."""
    topics = plan.size.topics
    counts = [1] * topics
    counts[0] = persona_topic_posts(plan)
    left = plan.size.posts - sum(counts)
    for index in range(max(left, 0)):
        counts[1 + index % (topics - 1)] += 1
    return counts


def categories(plan: Plan) -> Iterator[tuple]:
    """community_category: id, created_at, updated_at, name, slug, description, kind, organization, direction,
    course, cohort, position (public categories, open to everyone)."""
    stamp = plan.ago(300 * DAY)
    for category_id in range(1, category_count(plan) + 1):
        yield (category_id, stamp, stamp, f"Раздел №{category_id}", f"bench-forum-{category_id}",
               "Вопросы и обсуждения.", "public", None, None, None, None, category_id)  # fmt: skip


def _topic_times(plan: Plan, index: int, posts: int) -> tuple[float, float]:
    """(seconds ago it was opened, seconds between posts): topics spread over the year, replies after."""
    opened = YEAR - index * (YEAR - DAY) / plan.size.topics
    return opened, min(3600.0, (opened - 60) / posts)


def topics(plan: Plan) -> Iterator[tuple]:
    """community_topic: id, created_at, updated_at, category, author, title, kind, work_url, step, solution,
    is_closed, is_hidden, slow_mode_seconds, post_count, last_posted_at. Topic 1 (category 1) is by the public
    user and measured; the newest topics are last."""
    rnd = random.Random(plan.seed + 40)
    cats = category_count(plan)
    for index, posts in enumerate(_posts_per_topic(plan)):
        topic_id = index + 1
        opened, gap = _topic_times(plan, index, posts)
        if topic_id == 1:
            opened, gap = DAY, 60.0  # the measured topic is recent: the index page lists it
        author = 2 if topic_id == 1 else rnd.randint(3, plan.size.users)
        title = " ".join(rnd.sample(TOPIC_WORDS, 5)).capitalize() + f" ({topic_id})"
        category = 1 if topic_id == 1 else 1 + topic_id % cats
        last = plan.ago(opened - gap * (posts - 1))
        yield (topic_id, plan.ago(opened), last, category, author, title, "discussion", "", None, None, 0, 0, 0,
               posts, last)  # fmt: skip


def posts(plan: Plan) -> Iterator[tuple]:
    """community_post: id, created_at, updated_at, topic, author, number, body, is_hidden, is_alumni,
    is_helpful, edited_at, edit_reason, like_count."""
    rnd = random.Random(plan.seed + 41)
    post_id = 0
    for index, count in enumerate(_posts_per_topic(plan)):
        opened, gap = (DAY, 60.0) if index == 0 else _topic_times(plan, index, count)
        for number in range(1, count + 1):
            post_id += 1
            author = 2 if number == 1 and index == 0 else rnd.randint(3, plan.size.users)
            stamp = plan.ago(opened - gap * (number - 1))
            body = f"{rnd.choice(FIRST)}: {POST_TEXT}"
            yield (post_id, stamp, stamp, index + 1, author, number, body, 0, 0, 0, None, "", rnd.randrange(4))
