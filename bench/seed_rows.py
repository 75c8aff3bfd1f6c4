"""Row generators for the bulk seeder: plain tuples in a fixed column order, deterministic for a given size."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from bench.sizes import HR_EMAIL, OTHER_EMAIL, PERSONA_EMAIL, PERSONA_ORG_SLUG, Size

DAY = 86_400
YEAR = 365 * DAY
SECOND = timedelta(seconds=1)
FIRST = ["Анна", "Иван", "Мария", "Пётр", "Olga", "Alex", "Дарья", "Никита", "Sofia", "Тимур", "Елена", "Марк"]
LAST = ["Иванова", "Петров", "Смирнова", "Кузнецов", "Lee", "Novak", "Орлова", "Волков", "Garcia", "Соколов"]
CITIES = ["Москва", "Казань", "Новосибирск", "Екатеринбург", "Пермь", "Тбилиси", ""]
HEADLINES = ["Junior Python developer", "Аналитик данных", "Студентка 2 курса", "Career changer", ""]
TEAM_ROLES = ["admin", "author", "methodologist", "editor", "curator", "moderator", "support", "mentor"]
# Verbs the apps emit; weights roughly follow how often learners do each thing. The first one is what the spine
# sweep re-dispatches (bench/spine.py marks every 100th event): nothing subscribes to step.viewed, so the sweep
# closes those in one UPDATE instead of re-running handlers on synthetic payloads.
VERBS = [
    ("step.viewed", 40),
    ("step.completed", 20),
    ("quiz.attempted", 10),
    ("course.enrolled", 3),
    ("project.submitted", 2),
    ("forum_post.created", 8),
    ("account.logged_in", 12),
    ("profile.updated", 2),
    ("review.submitted", 3),
]
# Verbs about the actor's learning in a course: their events carry an enrollment's (user, course, organization),
# so the analytics rollup finds what each learner did.
COURSE_VERBS = {"step.viewed", "step.completed", "quiz.attempted", "course.enrolled", "project.submitted"}
NOTIFICATION_KINDS = ["welcome", "member_joined", "role_changed", "invitation", "api_token_created"]


@dataclass
class Plan:
    """Everything the generators share: the size, a clock and how timestamps are spelled for the backend."""

    size: Size
    ts: Callable[[datetime], str]  # a naive UTC datetime -> the backend's timestamp literal
    password_hash: str
    now: datetime = field(default_factory=lambda: datetime.now(UTC).replace(tzinfo=None))
    seed: int = 20_26

    def ago(self, seconds: float) -> str:
        return self.ts(self.now - timedelta(seconds=seconds))

    @property
    def staff_count(self) -> int:
        # Team members are drawn from the first 5% of users; the rest may be learners.
        return max(8, self.size.users // 20)

    def schools(self) -> list[int]:
        return [org_id for org_id in range(1, self.size.organizations + 1) if org_id % 3 != 0]


HR_USER_ID, HR_ORG_ID = 3, 3  # the HR persona and its company (verified: odd ids are)


def email_of(user_id: int) -> str:
    fixed = {1: PERSONA_EMAIL, 2: OTHER_EMAIL, HR_USER_ID: HR_EMAIL}
    return fixed.get(user_id, f"user{user_id}@bench.tropa.local")


def companies(plan: Plan) -> list[int]:
    return [org_id for org_id in range(1, plan.size.organizations + 1) if org_id % 3 == 0]


def users(plan: Plan) -> Iterator[tuple]:
    """accounts_user: id, password, last_login, is_superuser, email, first_name, last_name, is_staff,
    is_active, date_joined, language, is_minor."""
    rnd = random.Random(plan.seed)
    for user_id in range(1, plan.size.users + 1):
        email = email_of(user_id)
        joined = plan.ago(rnd.randrange(YEAR))
        language = "en" if user_id % 7 == 0 else "ru"
        minor = int(user_id > 2 and user_id % 11 == 0)
        yield (user_id, plan.password_hash, None, 0, email, rnd.choice(FIRST), rnd.choice(LAST), 0, 1, joined,
               language, minor)  # fmt: skip


def email_addresses(plan: Plan) -> Iterator[tuple]:
    """account_emailaddress: id, user_id, email, verified, primary."""
    for user_id in range(1, plan.size.users + 1):
        email = email_of(user_id)
        yield (user_id, user_id, email, 1, 1)


def profiles(plan: Plan) -> Iterator[tuple]:
    """accounts_profile: user_id, created_at, updated_at, avatar, headline, city, about, skills, links, visibility."""
    rnd = random.Random(plan.seed + 1)
    stamp = plan.ago(30 * DAY)
    for user_id in range(1, plan.size.users + 1):
        if user_id == 2:
            visibility = "public"
        elif user_id % 11 == 0:
            visibility = "private"  # the minors
        else:
            visibility = rnd.choices(["platform", "public", "private"], [60, 30, 10])[0]
        skills = '["python", "sql"]' if user_id % 3 == 0 else "[]"
        yield (user_id, stamp, stamp, "", rnd.choice(HEADLINES), rnd.choice(CITIES), "", skills, "[]", visibility)


def organizations(plan: Plan) -> Iterator[tuple]:
    """organizations_organization: id, created_at, updated_at, name, slug, kind, description, website, city,
    is_verified, created_by_id. Every third organization is a company; the rest are schools."""
    stamp = plan.ago(200 * DAY)
    for org_id in range(1, plan.size.organizations + 1):
        kind = "company" if org_id % 3 == 0 else "school"
        slug = PERSONA_ORG_SLUG if org_id == 1 else f"bench-{kind}-{org_id}"
        name = f"{'Школа' if kind == 'school' else 'Компания'} №{org_id}"
        yield (org_id, stamp, stamp, name, slug, kind, "", "", CITIES[org_id % len(CITIES)], org_id % 2, 1)


def memberships(plan: Plan) -> Iterator[tuple]:
    """organizations_membership: id, created_at, updated_at, organization_id, user_id, role.

    The persona owns organization 1 and curates in 2; each organization has a small team from the staff
    pool; 60% of the other users are learners on one school's roster, organization 1 taking a fixed 3% share
    so that its members page grows with the data. The HR persona (user 3) is HR of company 3."""
    rnd = random.Random(plan.seed + 2)
    stamp = plan.ago(100 * DAY)
    next_id = iter(range(1, 10**9))
    staff = range(3, plan.staff_count + 1)
    for org_id in range(1, plan.size.organizations + 1):
        team = rnd.sample(staff, k=min(len(staff), rnd.randint(2, 6)))
        if org_id == HR_ORG_ID:
            team = [user_id for user_id in team if user_id != HR_USER_ID]
            yield (next(next_id), stamp, stamp, org_id, HR_USER_ID, "hr")
        if org_id == 1:
            yield (next(next_id), stamp, stamp, org_id, 1, "owner")
        elif org_id == 2:
            yield (next(next_id), stamp, stamp, org_id, 1, "curator")
        else:
            yield (next(next_id), stamp, stamp, org_id, team.pop(), "owner")
        for user_id in team:
            yield (next(next_id), stamp, stamp, org_id, user_id, rnd.choice(TEAM_ROLES))
    schools = plan.schools()
    for user_id in range(plan.staff_count + 1, plan.size.users + 1):
        if rnd.random() >= 0.6:
            continue
        org_id = 1 if rnd.random() < 0.03 else rnd.choice(schools)
        yield (next(next_id), stamp, stamp, org_id, user_id, "learner")


def notifications(plan: Plan) -> Iterator[tuple]:
    """notifications_notification: id, recipient_id, kind, title, body, url, event_id, created_at, read_at.
    The persona gets a heavy inbox; the rest are spread over everyone; about 30% are unread."""
    rnd = random.Random(plan.seed + 3)
    persona = plan.size.persona_notifications
    for notification_id in range(1, plan.size.notifications + 1):
        recipient = 1 if notification_id <= persona else rnd.randint(1, plan.size.users)
        created = plan.now - timedelta(seconds=rnd.randrange(180 * DAY))
        read_at = None if rnd.random() < 0.3 else plan.ts(created + 3600 * SECOND)
        kind = rnd.choice(NOTIFICATION_KINDS)
        yield (notification_id, recipient, kind, f"Уведомление {notification_id}", "Текст уведомления.", "",
               None, plan.ts(created), read_at)  # fmt: skip


def activity_events(plan: Plan) -> Iterator[tuple]:
    """activity_activityevent: id, uuid, actor_id, verb, object_type_id, object_id, organization_id,
    course_id, payload, occurred_at, processed_at. Spread evenly over the last 12 months, all processed.

    Learning verbs belong to an enrollment (its learner, course and the course's school); the rest are an
    organization's or nobody's."""
    from bench.seed_courses import course_org, enrollment_pairs

    rnd = random.Random(plan.seed + 4)
    verbs = [verb for verb, weight in VERBS for _ in range(weight)]
    pairs = enrollment_pairs(plan)
    orgs_of = {course: course_org(plan, course) for course in range(1, plan.size.courses + 1)}
    orgs, users_n, last_pair = plan.size.organizations, plan.size.users, len(pairs) - 1
    count = plan.size.events
    step = timedelta(seconds=YEAR / count)
    at = plan.now - timedelta(seconds=YEAR)
    randbytes, randint, random_, ts = rnd.randbytes, rnd.randint, rnd.random, plan.ts
    for event_id in range(1, count + 1):
        at += step
        verb = verbs[event_id % 100]
        if verb in COURSE_VERBS:
            actor, course = pairs[randint(0, last_pair)]
            org = orgs_of[course]
        else:
            actor, course = randint(1, users_n), None
            org = randint(1, orgs) if random_() < 0.8 else None
        # 32 hex digits is how Django stores a UUIDField on SQLite, and PostgreSQL's uuid type accepts it too.
        raw = randbytes(16).hex()
        uid = f"{raw[:12]}4{raw[13:16]}8{raw[17:]}"
        yield (event_id, uid, actor, verb, None, str(randint(1, 10**6)), org, course, "{}", ts(at),
               ts(at + SECOND))  # fmt: skip
