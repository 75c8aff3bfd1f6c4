"""Row generators for the career centre: employer profiles, opportunities, candidates, applications and their history.

Companies are every third organization (odd ids verified); company 3 is the HR persona's. Opportunity `o` is about
course `(o - 1) % courses + 1` and asks for that course's first two skills, so opportunity 1 and the skill filter
the pages use (course 1's first skill) always meet. About a quarter of the adult learners opted in to talent search;
the persona did too, and applied to a number of opportunities (never opportunity 1) that grows with the size.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import timedelta
from functools import cache

from bench.seed_courses import _ids
from bench.seed_rows import DAY, HR_USER_ID, Plan, companies

KINDS = ["internship", "job", "paid_project", "unpaid_project"]
LEVELS = ["trainee", "junior", "middle"]
CITIES = ["Москва", "Казань", "Новосибирск", "Екатеринбург", ""]
TITLES = ["Стажёр-аналитик", "Junior Python developer", "Тестировщик", "Data engineer", "Frontend-разработчик"]
DESCRIPTION = "Мы ищем человека, который любит **данные** и умеет доводить задачи до конца. " * 4
# (status, share): where applications stand; the ones past "viewed" have been answered.
STATUSES = [("applied", 40), ("viewed", 20), ("shortlisted", 10), ("interview", 10), ("offer", 5), ("rejected", 10),
            ("withdrawn", 5)]  # fmt: skip
ANSWERED = {"shortlisted", "interview", "offer", "rejected"}
FINAL = {"offer", "rejected", "withdrawn"}


def opportunity_course(plan: Plan, opportunity_id: int) -> int:
    return (opportunity_id - 1) % plan.size.courses + 1


def course_skill_ids(course_id: int, count: int = 2) -> list[int]:
    """The course's first skills, as bench/seed_courses.course_skills assigns them."""
    skill_ids = _ids("courses.Skill")
    return [skill_ids[(course_id + offset * 5) % len(skill_ids)] for offset in range(count)]


def opportunity_org(plan: Plan, opportunity_id: int) -> int:
    found = companies(plan)
    return found[(opportunity_id - 1) % len(found)]


def opportunity_status(opportunity_id: int) -> str:
    if opportunity_id == 1:
        return "published"
    return {8: "draft", 9: "closed"}.get(opportunity_id % 10, "published")


def employer_profiles(plan: Plan) -> Iterator[tuple]:
    """careers_employerprofile: organization, created_at, updated_at, tagline, response_days, rating_average,
    rating_count (one per company)."""
    stamp = plan.ago(150 * DAY)
    for org_id in companies(plan):
        rating = f"{3.5 + org_id % 15 / 10:.2f}"
        yield (org_id, stamp, stamp, "Растим джунов в сильных инженеров", 3 + org_id % 7, rating, org_id % 40)


def opportunities(plan: Plan) -> Iterator[tuple]:
    """careers_opportunity: id, created_at, updated_at, organization, kind, title, description, level, city,
    is_remote, salary_min, salary_max, currency, deadline, status, published_at, created_by, fast_track_course,
    fast_track_min_score. Every fifth has a fast-track rule on its course's final project."""
    rnd = random.Random(plan.seed + 60)
    today = plan.now.date()
    for opportunity_id in range(1, plan.size.opportunities + 1):
        status = opportunity_status(opportunity_id)
        created = rnd.randrange(DAY, 120 * DAY)
        kind = KINDS[opportunity_id % len(KINDS)]
        paid = kind != "unpaid_project"
        salary_min = 40_000 + 5_000 * (opportunity_id % 12) if paid else None
        deadline = str(today + timedelta(days=10 + opportunity_id % 60)) if opportunity_id % 3 == 0 else None
        fast_track = opportunity_id % 5 == 1
        yield (opportunity_id, plan.ago(created), plan.ago(created), opportunity_org(plan, opportunity_id), kind,
               f"{TITLES[opportunity_id % len(TITLES)]} ({opportunity_id})", DESCRIPTION, LEVELS[opportunity_id % 3],
               CITIES[opportunity_id % len(CITIES)], int(opportunity_id % 2 == 1), salary_min,
               salary_min + 30_000 if salary_min else None, "RUB", deadline, status,
               plan.ago(created - 3600) if status != "draft" else None, HR_USER_ID,
               opportunity_course(plan, opportunity_id) if fast_track else None, 60 if fast_track else None,
               )  # fmt: skip


def opportunity_skills(plan: Plan) -> Iterator[tuple]:
    """careers_opportunity_skills: id, opportunity, skill (its course's first two skills)."""
    row_id = 0
    for opportunity_id in range(1, plan.size.opportunities + 1):
        for skill_id in dict.fromkeys(course_skill_ids(opportunity_course(plan, opportunity_id))):
            row_id += 1
            yield (row_id, opportunity_id, skill_id)


def is_candidate(plan: Plan, user_id: int) -> bool | None:
    """True: opted in to talent search; False: a profile row, not visible; None: no row. Minors never opt in."""
    if user_id == 1:
        return True
    if user_id <= plan.staff_count or user_id % 11 == 0:
        return None
    return {0: True, 1: False}.get(user_id % 4)


def candidate_profiles(plan: Plan) -> Iterator[tuple]:
    """careers_candidateprofile: user, created_at, updated_at, is_visible, availability, level, city, open_to_remote."""
    stamp = plan.ago(20 * DAY)
    for user_id in range(1, plan.size.users + 1):
        visible = is_candidate(plan, user_id)
        if visible is None:
            continue
        yield (user_id, stamp, stamp, int(visible), ("now", "soon", "later")[user_id % 3], LEVELS[user_id % 3],
               CITIES[user_id % len(CITIES)], int(user_id % 5 != 0))  # fmt: skip


def persona_application_count(plan: Plan) -> int:
    return max(2, min(30, plan.size.applications // 20))


@cache
def _application_rows(users: int, staff: int, opportunities: int, count: int, persona: int, seed: int) -> tuple:
    """(application id, opportunity, user, status, seconds since submitted, seconds since answered or None)."""
    rnd = random.Random(seed + 61)
    published = [o for o in range(1, opportunities + 1) if opportunity_status(o) == "published"]
    statuses = [status for status, share in STATUSES for _ in range(share)]
    taken: set[tuple[int, int]] = set()
    rows = []
    while len(rows) < count:
        if len(rows) < persona:
            # Not opportunity 1: the persona stays a fast-track suggestion there (bench/seed_projects.py).
            user_id, opportunity_id = 1, published[1 + len(rows) % (len(published) - 1)]
        else:
            user_id, opportunity_id = rnd.randint(staff + 1, users), rnd.choice(published)
            if user_id % 11 == 0 or (opportunity_id, user_id) in taken:
                continue
        taken.add((opportunity_id, user_id))
        status = statuses[len(rows) * 37 % len(statuses)]  # 37 is coprime with 100: spread out
        submitted = rnd.randrange(DAY, 90 * DAY)
        answered = submitted - rnd.randrange(3600, DAY) if status in ANSWERED else None
        rows.append((len(rows) + 1, opportunity_id, user_id, status, submitted, answered))
    return tuple(rows)


def application_rows(plan: Plan) -> tuple:
    size = plan.size
    return _application_rows(size.users, plan.staff_count, size.opportunities, size.applications,
                             persona_application_count(plan), plan.seed)  # fmt: skip


def applications(plan: Plan) -> Iterator[tuple]:
    """careers_application: id, created_at, updated_at, opportunity, user, status, cover_note, cv, cv_size,
    share_portfolio, is_fast_track, submitted_at, responded_at, reminded_at, closed_at."""
    for app_id, opportunity_id, user_id, status, submitted, answered in application_rows(plan):
        last = answered if answered is not None else submitted
        closed = plan.ago(last) if status in FINAL else None
        yield (app_id, plan.ago(submitted), plan.ago(last), opportunity_id, user_id, status,
               "Здравствуйте! Мне интересна эта позиция.", "", 0, 1, 0, plan.ago(submitted),
               plan.ago(answered) if answered is not None else None, None, closed)  # fmt: skip


def status_changes(plan: Plan) -> Iterator[tuple]:
    """careers_statuschange: id, application, status, actor, reason, created_at (applied, then where it is now)."""
    row_id = 0
    for app_id, _opportunity, user_id, status, submitted, answered in application_rows(plan):
        row_id += 1
        yield (row_id, app_id, "applied", user_id, "", plan.ago(submitted))
        if status != "applied":
            row_id += 1
            actor = user_id if status == "withdrawn" else HR_USER_ID
            reason = "Ищем кандидата с опытом в SQL" if status == "rejected" else ""
            at = answered if answered is not None else submitted - 60
            yield (row_id, app_id, status, actor, reason, plan.ago(at))
