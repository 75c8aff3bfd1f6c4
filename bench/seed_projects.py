"""Row generators for final projects: one per course with a two-criterion rubric, and the work learners handed in.

Every completed enrollment has an accepted work with a quality score (what talent search and fast-track read);
one in twenty enrollments still learning has a work in review, assigned to its cohort's curator (the persona for
course 1, so its review queue grows with the size). The persona has an accepted work in each of its courses, so
its portfolio and candidate card grow with the size too.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator

from bench.seed_courses import _enrollment_rows
from bench.seed_rows import DAY, Plan

CRITERIA = 2  # per project; criterion k names the course's k-th skill
LEVELS = json.dumps(["Нет", "Частично", "Хорошо", "Отлично"], ensure_ascii=False)
WRITEUP = "## Что сделано\n\nОчистил данные, построил модель, описал выводы. " * 3


def reviewer_of(plan: Plan, course_id: int, user_id: int) -> int:
    """The course cohort's curator (bench/seed_courses.cohort_curators); never the author themself."""
    curator = 1 if course_id == 1 else 3 + course_id % (plan.staff_count - 2)
    return 3 + course_id % (plan.staff_count - 2) if curator == user_id else curator


def work_rows(plan: Plan) -> Iterator[tuple[int, int, int, int, str, int | None]]:
    """(work id, enrollment, user, course, status, score or None): the one draw the work tables share."""
    rnd = random.Random(plan.seed + 70)
    work_id = 0
    for enrollment_id, user_id, course_id, status, _progress in _enrollment_rows(plan):
        if user_id == 1 or status == "completed":
            work_id += 1
            score = rnd.randrange(55, 100)
            # The persona's pass opportunity 1's fast-track bar (60): HR's suggestions list it at every size.
            yield work_id, enrollment_id, user_id, course_id, "accepted", max(score, 70) if user_id == 1 else score
        elif status == "active" and enrollment_id % 20 == 0:
            work_id += 1
            yield work_id, enrollment_id, user_id, course_id, "submitted", None


def final_projects(plan: Plan) -> Iterator[tuple]:
    """projects_finalproject: id, created_at, updated_at, course, step, title, brief, require_repository,
    require_files, require_demo, require_writeup, deadline, late_policy, late_penalty_percent, revisions_allowed,
    pass_score, review_by_curator, review_by_mentor, review_by_expert, peer_count, peer_anonymous,
    peer_review_days, max_team_size, created_by (one per course, id = course id)."""
    stamp = plan.ago(180 * DAY)
    for course_id in range(1, plan.size.courses + 1):
        yield (course_id, stamp, stamp, course_id, None, f"Итоговый проект курса №{course_id}", WRITEUP, 1, 0, 0, 1,
               None, "mark_late", 10, 2, 60, 1, 0, 0, 0, 1, 5, 1, None)  # fmt: skip


def criteria(plan: Plan) -> Iterator[tuple]:
    """projects_criterion: id, project, position, title, description, weight, levels (id = 2 x project - k)."""
    for course_id in range(1, plan.size.courses + 1):
        for position in range(CRITERIA):
            yield (course_id * CRITERIA - CRITERIA + position + 1, course_id, position, f"Критерий {position + 1}",
                   "Насколько полно и аккуратно сделано.", 1 + position, LEVELS)  # fmt: skip


def criterion_skills(plan: Plan) -> Iterator[tuple]:
    """projects_criterion_skills: id, criterion, skill (the course's skills, one per criterion, and a shared one)."""
    from bench.seed_careers import course_skill_ids

    row_id = 0
    shared = course_skill_ids(1)[0]
    for course_id in range(1, plan.size.courses + 1):
        for position, skill_id in enumerate(course_skill_ids(course_id, CRITERIA)):
            criterion_id = course_id * CRITERIA - CRITERIA + position + 1
            # Every rubric's first criterion also judges the skill the pages filter by (course 1's first), so
            # talent search by it lists candidates at every size, as a common skill (Python, SQL) would.
            for skill in dict.fromkeys([shared, skill_id] if position == 0 else [skill_id]):
                row_id += 1
                yield (row_id, criterion_id, skill)


def project_works(plan: Plan) -> Iterator[tuple]:
    """projects_projectwork: id, created_at, updated_at, project, user, enrollment, title, summary, status,
    revisions_used, quality_score, needs_curator_attention, accepted_at, share_feedback."""
    for work_id, enrollment_id, user_id, course_id, status, score in work_rows(plan):
        made = plan.ago(40 * DAY + work_id % 1000 * 60)
        accepted = plan.ago(20 * DAY + work_id % 1000 * 60) if score is not None else None
        yield (work_id, made, accepted or made, course_id, user_id, enrollment_id, f"Проект {work_id}",
               "Модель оттока клиентов", status, 0, score, 0, accepted, 1)  # fmt: skip


def versions(plan: Plan) -> Iterator[tuple]:
    """projects_version: id, work, number, repository_url, demo_url, writeup, submitted_at, is_late,
    penalty_percent (one per work, id = work id)."""
    for work_id, _enrollment, user_id, course_id, _status, _score in work_rows(plan):
        yield (work_id, work_id, 1, f"https://git.example.com/u{user_id}/course-{course_id}", "", WRITEUP,
               plan.ago(30 * DAY + work_id % 1000 * 60), 0, 0)  # fmt: skip


def reviews(plan: Plan) -> Iterator[tuple]:
    """projects_review: id, created_at, updated_at, work, version, reviewer, role, status, due_at, reminded_at,
    submitted_at, score, feedback, decision, is_outlier, excluded, helpful (the curator's, id = work id)."""
    for work_id, _enrollment, user_id, course_id, _status, score in work_rows(plan):
        assigned = plan.ago(30 * DAY)
        reviewer = reviewer_of(plan, course_id, user_id)
        if score is None:
            yield (work_id, assigned, assigned, work_id, work_id, reviewer, "curator", "assigned",
                   plan.ago(-5 * DAY), None, None, None, "", "", 0, 0, None)  # fmt: skip
        else:
            done = plan.ago(25 * DAY)
            yield (work_id, assigned, done, work_id, work_id, reviewer, "curator", "submitted", None, None, done,
                   score, "Хорошая работа, аккуратный код.", "accept", 0, 0, None)  # fmt: skip


def criterion_scores(plan: Plan) -> Iterator[tuple]:
    """projects_criterionscore: id, review, criterion, level, comment (the submitted reviews)."""
    row_id = 0
    for work_id, _enrollment, _user, course_id, _status, score in work_rows(plan):
        if score is None:
            continue
        for position in range(CRITERIA):
            row_id += 1
            yield (row_id, work_id, course_id * CRITERIA - CRITERIA + position + 1, min(3, score // 25), "")
