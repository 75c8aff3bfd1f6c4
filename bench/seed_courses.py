"""Row generators for the learning tables: courses with their structure, enrollments, progress.

Ids are arithmetic (course c owns modules, lessons and steps in fixed blocks), so no generator needs another's
output. The persona learns in a number of courses that grows with the size, so that "my courses", the dashboard
and the outline are tested against growth.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from functools import cache

from bench.seed_rows import DAY, YEAR, Plan

MODULES, LESSONS, STEPS = 3, 2, 3  # per course, per module, per lesson
STEPS_PER_COURSE = MODULES * LESSONS * STEPS
TOPICS = ["Python", "SQL", "аналитика", "Django", "React", "тестирование", "дизайн интерфейсов", "статистика"]
TEXT = "Прочитайте **этот** раздел и ответьте на вопросы. " * 8


@cache
def _ids(label: str) -> list[int]:
    """Ids of rows the migrations seed (directions, skills): courses point at them rather than at new ones.

    Cached: a generator runs while its table's COPY holds the PostgreSQL connection, where a query would wait
    for the COPY to end (bench/seed_load.PostgresLoader pulls the first chunk, hence this query, before it opens
    the COPY; later calls must not query)."""
    from django.apps import apps

    return list(apps.get_model(label).objects.order_by("pk").values_list("pk", flat=True))


def persona_course_count(plan: Plan) -> int:
    return max(2, min(40, plan.size.courses // 2))


def course_org(plan: Plan, course_id: int) -> int:
    schools = plan.schools()
    return schools[course_id % len(schools)]


def first_step_id(course_id: int) -> int:
    return (course_id - 1) * STEPS_PER_COURSE + 1


@cache
def _pairs(users: int, courses: int, enrollments: int, persona_courses: int) -> tuple[tuple[int, int], ...]:
    """(user, course) pairs, unique: the persona in its courses, then everyone else round-robin over courses."""
    pairs = [(1, course_id) for course_id in range(1, persona_courses + 1)]
    learners = list(range(3, users + 1))
    k = 0
    while len(pairs) < enrollments:
        for user_id in learners:
            # 17 is coprime with every size's course count, so pass k gives each user a course it does not hold yet.
            pairs.append((user_id, (user_id * 31 + k * 17) % courses + 1))
            if len(pairs) >= enrollments:
                break
        k += 1
    return tuple(pairs)


def enrollment_pairs(plan: Plan) -> tuple[tuple[int, int], ...]:
    size = plan.size
    return _pairs(size.users, size.courses, size.enrollments, persona_course_count(plan))


def _status_and_progress(rnd: random.Random, user_id: int) -> tuple[str, int]:
    if user_id == 1:
        return "active", rnd.randrange(0, 90)
    roll = rnd.random()
    if roll < 0.2:
        return "completed", 100
    if roll < 0.3:
        return "left", rnd.randrange(0, 40)
    return "active", rnd.randrange(0, 95)


def _enrollment_rows(plan: Plan) -> Iterator[tuple[int, int, int, str, int]]:
    """(enrollment id, user, course, status, progress): the one random draw every enrollment table shares."""
    rnd = random.Random(plan.seed + 20)
    for enrollment_id, (user_id, course_id) in enumerate(enrollment_pairs(plan), start=1):
        status, progress = _status_and_progress(rnd, user_id)
        yield enrollment_id, user_id, course_id, status, progress


def cohort_of(enrollment_id: int, user_id: int, course_id: int) -> int | None:
    """Every other enrollment learns in its course's one cohort (id = course id); the persona learns self-paced."""
    return course_id if user_id != 1 and enrollment_id % 2 == 0 else None


def cohort_dates(plan: Plan) -> tuple[str, str]:
    """Every cohort runs from 60 days ago to 60 days ahead, so its learners are mid-run on the at-risk desk."""
    today = plan.now.date()
    return str(today - timedelta(days=60)), str(today + timedelta(days=60))


def cohorts(plan: Plan) -> Iterator[tuple]:
    """courses_cohort: id, created_at, updated_at, course, title, starts_on, ends_on, capacity, enrollment_policy,
    invite_code, active_count, waitlist_count (one per course)."""
    active = Counter()
    for enrollment_id, user_id, course_id, status, _progress in _enrollment_rows(plan):
        if cohort_of(enrollment_id, user_id, course_id) and status == "active":
            active[course_id] += 1
    starts, ends = cohort_dates(plan)
    stamp = plan.ago(70 * DAY)
    for course_id in range(1, plan.size.courses + 1):
        yield (course_id, stamp, stamp, course_id, "Поток 1", starts, ends, None, "open", "", active[course_id], 0)


def cohort_curators(plan: Plan) -> Iterator[tuple]:
    """courses_cohort_curators: id, cohort, user. The persona curates cohort 1 (course 1, organization 2);
    each other cohort has a staff curator."""
    for cohort_id in range(1, plan.size.courses + 1):
        yield (cohort_id, cohort_id, 1 if cohort_id == 1 else 3 + cohort_id % (plan.staff_count - 2))


def courses(plan: Plan) -> Iterator[tuple]:
    """courses_course: id, created_at, updated_at, organization, title, slug, language, summary, description,
    outcomes, direction, level, format, mode, price, currency, duration_weeks, weekly_hours, cover, author, status,
    published_at, review_note, rating_average, rating_count, learners_count, completed_count."""
    rnd = random.Random(plan.seed + 21)
    direction_ids = _ids("courses.Direction")
    learners, completed = Counter(), Counter()
    for _id, _user, course_id, status, _progress in _enrollment_rows(plan):
        learners[course_id] += status != "left"
        completed[course_id] += status == "completed"
    for course_id in range(1, plan.size.courses + 1):
        topic = TOPICS[course_id % len(TOPICS)]
        published = plan.ago(rnd.randrange(YEAR))
        price = "0" if course_id % 3 else f"{rnd.randrange(5, 90) * 1000}"
        rating_count = rnd.randrange(0, 200)
        rating = f"{rnd.uniform(3.5, 5):.2f}" if rating_count else "0"
        author = rnd.randint(3, plan.staff_count)  # the persona learns here; it never teaches
        yield (course_id, published, published, course_org(plan, course_id), f"{topic}: курс №{course_id}",
               f"bench-course-{course_id}", "ru" if course_id % 5 else "en", f"Практический курс: {topic}", TEXT,
               "Писать код\nЧитать данные\nДелать проект", direction_ids[course_id % len(direction_ids)],
               ("beginner", "intermediate", "advanced")[course_id % 3], "long" if course_id % 4 == 0 else "short",
               "self_paced", price, "RUB", 4 + course_id % 8, 2 + course_id % 6, "", author, "published", published,
               "", rating, rating_count, learners[course_id], completed[course_id])  # fmt: skip


def course_skills(plan: Plan) -> Iterator[tuple]:
    """courses_course_skills: id, course, skill (two or three skills a course)."""
    skill_ids = _ids("courses.Skill")
    row_id = 0
    for course_id in range(1, plan.size.courses + 1):
        for offset in range(2 + course_id % 2):
            row_id += 1
            yield (row_id, course_id, skill_ids[(course_id + offset * 5) % len(skill_ids)])


def modules(plan: Plan) -> Iterator[tuple]:
    """courses_module: id, created_at, updated_at, course, position, title, summary, unlock_rule, archived_at."""
    stamp = plan.ago(200 * DAY)
    for course_id in range(1, plan.size.courses + 1):
        for position in range(MODULES):
            module_id = (course_id - 1) * MODULES + position + 1
            yield (module_id, stamp, stamp, course_id, position, f"Модуль {position + 1}", "", "open", None)


def lessons(plan: Plan) -> Iterator[tuple]:
    """courses_lesson: id, created_at, updated_at, module, position, title, archived_at."""
    stamp = plan.ago(200 * DAY)
    for module_id in range(1, plan.size.courses * MODULES + 1):
        for position in range(LESSONS):
            lesson_id = (module_id - 1) * LESSONS + position + 1
            yield (lesson_id, stamp, stamp, module_id, position, f"Урок {lesson_id}", None)


def steps(plan: Plan) -> Iterator[tuple]:
    """courses_step: id, created_at, updated_at, lesson, course, position, kind, title, body, video_file,
    video_url, required, max_attempts, pass_score, archived_at (text steps: what the page costs, not a quiz's)."""
    stamp = plan.ago(200 * DAY)
    for lesson_id in range(1, plan.size.courses * MODULES * LESSONS + 1):
        course_id = (lesson_id - 1) // (MODULES * LESSONS) + 1
        for position in range(STEPS):
            step_id = (lesson_id - 1) * STEPS + position + 1
            yield (step_id, stamp, stamp, lesson_id, course_id, position, "text", f"Шаг {step_id}", TEXT, "", "", 1,
                   None, 100, None)  # fmt: skip


def enrollment_times(plan: Plan) -> Iterator[tuple[int, int]]:
    """(seconds since enrolling, seconds since last active) per enrollment: shared with the analytics history."""
    rnd = random.Random(plan.seed + 22)
    for _row in range(plan.size.enrollments):
        yield rnd.randrange(30 * DAY, YEAR), rnd.randrange(0, 30 * DAY)


def enrollments(plan: Plan) -> Iterator[tuple]:
    """courses_enrollment: id, created_at, updated_at, user, course, cohort, status, enrolled_at, completed_at,
    left_at, leave_reason, leave_comment, progress_percent, last_step, last_activity_at."""
    times = enrollment_times(plan)
    for enrollment_id, user_id, course_id, status, progress in _enrollment_rows(plan):
        enrolled, active = next(times)
        done = progress * STEPS_PER_COURSE // 100
        last_step = first_step_id(course_id) + max(done - 1, 0) if progress else None
        ended = plan.ago(active)
        cohort = cohort_of(enrollment_id, user_id, course_id)
        yield (enrollment_id, plan.ago(enrolled), ended, user_id, course_id, cohort, status, plan.ago(enrolled),
               ended if status == "completed" else None, ended if status == "left" else None,
               "no_time" if status == "left" else "", "", progress, last_step,
               plan.ago(active) if progress else None)  # fmt: skip


def step_progress(plan: Plan) -> Iterator[tuple]:
    """courses_stepprogress: id, enrollment, step, viewed_at, completed_at, score (the first steps, in order)."""
    row_id = 0
    stamp = plan.ago(20 * DAY)
    for enrollment_id, _user, course_id, _status, progress in _enrollment_rows(plan):
        first = first_step_id(course_id)
        for offset in range(progress * STEPS_PER_COURSE // 100):
            row_id += 1
            yield (row_id, enrollment_id, first + offset, stamp, stamp, None)
