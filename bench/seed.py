"""Bulk seeder: `python -m bench.seed --size smoke|small|large [--db sqlite|postgres]` fills a bench database."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

from bench import env
from bench.sizes import PASSWORD, PERSONA_EMAIL, SIZES


def recreate_database(url: str) -> None:
    """Start from nothing: delete the SQLite file, or drop and create the PostgreSQL database."""
    parsed = urlparse(url)
    name = Path(parsed.path).name if parsed.scheme == "sqlite" else parsed.path.lstrip("/")
    if "bench" not in name:
        sys.exit(f"refusing to wipe {env.describe_database(url)}: a bench database's name contains 'bench'")
    if parsed.scheme == "sqlite":
        path = env.parse_sqlite_path(url)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        return
    import psycopg

    maintenance = urlunparse(parsed._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def already_seeded(size) -> bool:
    from django.db import DatabaseError, connection

    from tropa.accounts.models import User
    from tropa.activity.models import ActivityEvent
    from tropa.careers.models import Application, Opportunity
    from tropa.community.models import Post
    from tropa.courses.models import Enrollment
    from tropa.gamification.models import XPAward
    from tropa.messaging.models import Conversation
    from tropa.notifications.models import Notification
    from tropa.roadmaps.models import Roadmap

    try:
        # Ids are assigned 1..N by the seeder; runs add sessions, tokens and their events, never users.
        seeded = (
            User.objects.filter(email=PERSONA_EMAIL).exists()
            and User.objects.count() == size.users
            and Notification.objects.filter(pk=size.notifications).exists()
            and ActivityEvent.objects.filter(pk=size.events).exists()
            and Enrollment.objects.filter(pk=size.enrollments).exists()
            and XPAward.objects.filter(pk=size.xp_awards).exists()
            and Post.objects.filter(pk=size.posts).exists()
            and Opportunity.objects.filter(pk=size.opportunities).exists()
            and Application.objects.filter(pk=size.applications).exists()
            and Conversation.objects.filter(pk=1).exists()
            and Roadmap.objects.filter(user__email=PERSONA_EMAIL).exists()
        )
    except DatabaseError:
        seeded = False
    connection.close()
    return seeded


def tables(plan):
    """(model, field names in the generator's column order, generator) for each table, parents first."""
    from allauth.account.models import EmailAddress

    from bench import seed_careers as careers
    from bench import seed_courses as learning
    from bench import seed_history as history
    from bench import seed_messages as messaging
    from bench import seed_play as play
    from bench import seed_projects as projects
    from bench import seed_rows as rows
    from tropa.accounts.models import Profile, User
    from tropa.activity.models import ActivityEvent
    from tropa.analytics.models import HistoryEnrollment, RiskScore
    from tropa.careers.models import Application, CandidateProfile, EmployerProfile, Opportunity, StatusChange
    from tropa.community.models import Category, Post, Topic
    from tropa.courses.models import Cohort, Course, Enrollment, Lesson, Module, Step, StepProgress
    from tropa.gamification.models import BoardEntry, GamerProfile, SkillXP, XPAward
    from tropa.messaging.models import Conversation, Message, Participant
    from tropa.notifications.models import Notification
    from tropa.organizations.models import Membership, Organization
    from tropa.projects.models import Criterion, CriterionScore, FinalProject, ProjectWork, Review, Version

    def fields(names: str) -> list[str]:
        return names.split()

    stamps = "created_at updated_at"
    return [
        (
            User,
            fields("id password last_login is_superuser email first_name last_name is_staff is_active date_joined "
                   "language is_minor"),
            rows.users(plan),
        ),
        (EmailAddress, fields("id user email verified primary"), rows.email_addresses(plan)),
        (
            Profile,
            fields(f"user {stamps} avatar headline city about skills links visibility"),
            rows.profiles(plan),
        ),
        (
            Organization,
            fields(f"id {stamps} name slug kind description website city is_verified created_by"),
            rows.organizations(plan),
        ),
        (Membership, fields(f"id {stamps} organization user role"), rows.memberships(plan)),
        (
            Course,
            fields(f"id {stamps} organization title slug language summary description outcomes direction level "
                   "format mode price currency duration_weeks weekly_hours cover author status published_at "
                   "review_note rating_average rating_count learners_count completed_count"),
            learning.courses(plan),
        ),
        (Course.skills.through, fields("id course skill"), learning.course_skills(plan)),
        (Module, fields(f"id {stamps} course position title summary unlock_rule archived_at"), learning.modules(plan)),
        (Lesson, fields(f"id {stamps} module position title archived_at"), learning.lessons(plan)),
        (
            Step,
            fields(f"id {stamps} lesson course position kind title body video_file video_url required max_attempts "
                   "pass_score archived_at"),
            learning.steps(plan),
        ),
        (
            Cohort,
            fields(f"id {stamps} course title starts_on ends_on capacity enrollment_policy invite_code active_count "
                   "waitlist_count"),
            learning.cohorts(plan),
        ),
        (Cohort.curators.through, fields("id cohort user"), learning.cohort_curators(plan)),
        (
            Enrollment,
            fields(f"id {stamps} user course cohort status enrolled_at completed_at left_at leave_reason "
                   "leave_comment progress_percent last_step last_activity_at"),
            learning.enrollments(plan),
        ),
        (StepProgress, fields("id enrollment step viewed_at completed_at score"), learning.step_progress(plan)),
        (
            Notification,
            fields("id recipient kind title body url event_id created_at read_at"),
            rows.notifications(plan),
        ),
        (
            ActivityEvent,
            fields("id uuid actor verb object_type object_id organization_id course_id payload occurred_at "
                   "processed_at"),
            rows.activity_events(plan),
        ),
        (
            XPAward,
            fields("id user rule event points once_key organization_id course_id direction_id cohort_id skill_ids "
                   "title created_at"),
            play.xp_awards(plan),
        ),
        (
            GamerProfile,
            fields("user total_xp level hidden_from_boards streak_current streak_longest streak_last_day "
                   "streak_freezes streak_reminded_on"),
            play.gamer_profiles(plan),
        ),
        (SkillXP, fields("id user skill xp"), play.skill_xp(plan)),
        (BoardEntry, fields("id scope scope_id period_key user xp updated_at"), play.board_entries(plan)),
        (
            Category,
            fields(f"id {stamps} name slug description kind organization direction course cohort position"),
            play.categories(plan),
        ),
        (
            Topic,
            fields(f"id {stamps} category author title kind work_url step solution is_closed is_hidden "
                   "slow_mode_seconds post_count last_posted_at"),
            play.topics(plan),
        ),
        (
            Post,
            fields(f"id {stamps} topic author number body is_hidden is_alumni is_helpful edited_at edit_reason "
                   "like_count"),
            play.posts(plan),
        ),
        (
            HistoryEnrollment,
            fields("id organization source external_id learner_key course_key enrolled_on start_on end_on outcome "
                   "outcome_on enrollment import_batch latest_score"),
            history.history_enrollments(plan),
        ),
        (
            RiskScore,
            fields("id enrollment day at_day probability reasons method model_version"),
            history.risk_scores(plan),
        ),
        (
            FinalProject,
            fields(f"id {stamps} course step title brief require_repository require_files require_demo "
                   "require_writeup deadline late_policy late_penalty_percent revisions_allowed pass_score "
                   "review_by_curator review_by_mentor review_by_expert peer_count peer_anonymous peer_review_days "
                   "max_team_size created_by"),
            projects.final_projects(plan),
        ),
        (Criterion, fields("id project position title description weight levels"), projects.criteria(plan)),
        (Criterion.skills.through, fields("id criterion skill"), projects.criterion_skills(plan)),
        (
            ProjectWork,
            fields(f"id {stamps} project user enrollment title summary status revisions_used quality_score "
                   "needs_curator_attention accepted_at share_feedback"),
            projects.project_works(plan),
        ),
        (
            Version,
            fields("id work number repository_url demo_url writeup submitted_at is_late penalty_percent"),
            projects.versions(plan),
        ),
        (
            Review,
            fields(f"id {stamps} work version reviewer role status due_at reminded_at submitted_at score feedback "
                   "decision is_outlier excluded helpful"),
            projects.reviews(plan),
        ),
        (CriterionScore, fields("id review criterion level comment"), projects.criterion_scores(plan)),
        (
            EmployerProfile,
            fields(f"organization {stamps} tagline response_days rating_average rating_count"),
            careers.employer_profiles(plan),
        ),
        (
            Opportunity,
            fields(f"id {stamps} organization kind title description level city is_remote salary_min salary_max "
                   "currency deadline status published_at created_by fast_track_course fast_track_min_score"),
            careers.opportunities(plan),
        ),
        (Opportunity.skills.through, fields("id opportunity skill"), careers.opportunity_skills(plan)),
        (
            CandidateProfile,
            fields(f"user {stamps} is_visible availability level city open_to_remote"),
            careers.candidate_profiles(plan),
        ),
        (
            Application,
            fields(f"id {stamps} opportunity user status cover_note cv cv_size share_portfolio is_fast_track "
                   "submitted_at responded_at reminded_at closed_at"),
            careers.applications(plan),
        ),
        (StatusChange, fields("id application status actor reason created_at"), careers.status_changes(plan)),
        (
            Conversation,
            fields("id kind title context_key pair_key cohort course organization is_closed created_at "
                   "last_message_at"),
            messaging.conversations(plan),
        ),
        (
            Participant,
            fields("id conversation user last_read_id digested_id joined_at left_at"),
            messaging.participants(plan),
        ),
        (
            Message,
            fields("id conversation author body reply_to created_at edited_at deleted_at hidden_at"),
            messaging.messages(plan),
        ),
    ]  # fmt: skip


def columns_of(model, names: list[str]) -> list[str]:
    """Database columns for the names; stops with a clear message when a new required field is not seeded."""
    from django.db.models import NOT_PROVIDED

    missing = [
        f.name
        for f in model._meta.concrete_fields
        if f.name not in names and not f.null and f.db_default is NOT_PROVIDED
    ]
    if missing:
        sys.exit(f"bench/seed_rows.py does not fill {model._meta.label}.{', '.join(missing)}: add it there")
    return [f'"{model._meta.get_field(name).column}"' for name in names]


def seed(size_name: str, url: str) -> dict:
    size = SIZES[size_name]
    started = time.perf_counter()
    recreate_database(url)
    env.setup_django(url)
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import connection

    from bench.seed_load import loader_for
    from bench.seed_rows import Plan

    call_command("migrate", verbosity=0, interactive=False)
    migrated = time.perf_counter() - started
    plan_tables = tables(Plan(size=size, ts=lambda x: "", password_hash=""))
    loader = loader_for(connection.vendor, [model._meta.db_table for model, _, _ in plan_tables])
    # One hash for everyone: hashing 50,000 passwords with Argon2 would take longer than the whole load.
    plan = Plan(size=size, ts=loader.ts, password_hash=make_password(PASSWORD))
    loader.prepare()
    report = {"size": size_name, "database": env.describe_database(url), "migrate_seconds": round(migrated, 2)}
    report["tables"] = {}
    for model, names, generator in tables(plan):
        table_started = time.perf_counter()
        count = loader.load(model._meta.db_table, columns_of(model, names), generator)
        seconds = time.perf_counter() - table_started
        report["tables"][model._meta.db_table] = {
            "rows": count,
            "seconds": round(seconds, 2),
            "rows_per_second": round(count / seconds) if seconds else None,
        }
        print(f"  {model._meta.db_table:32} {count:>10,} rows {seconds:8.1f} s {count / max(seconds, 1e-9):>12,.0f}/s")
    report["index_and_analyze_seconds"] = round(loader.finish([model for model, _, _ in plan_tables]), 2)
    from bench.seed_roadmap import seed_persona_roadmap

    roadmap_started = time.perf_counter()
    report["persona_roadmap_steps"] = seed_persona_roadmap()
    report["persona_roadmap_seconds"] = round(time.perf_counter() - roadmap_started, 2)
    total_rows = sum(t["rows"] for t in report["tables"].values())
    report["seconds"] = round(time.perf_counter() - started, 2)
    report["rows"] = total_rows
    report["rows_per_second"] = round(total_rows / report["seconds"])
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", choices=SIZES, required=True)
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite", help="picks the default URL")
    parser.add_argument("--database-url", help="default: $DATABASE_URL, else var/bench-<size>.sqlite3")
    parser.add_argument("--if-needed", action="store_true", help="skip when the database already holds this size")
    parser.add_argument("--report", type=Path, help="also write the load report as JSON here")
    args = parser.parse_args(argv)
    # No connection pool in the seeder: the pool would keep the connection that checked the database open, and
    # dropping the database then kills it under the migrations ("terminating connection due to administrator
    # command"). One process, one connection.
    os.environ["DATABASE_POOL_SIZE"] = "0"
    url = args.database_url or os.environ.get("DATABASE_URL") or env.database_url(args.db, args.size)
    if args.if_needed:
        env.setup_django(url)
        if already_seeded(SIZES[args.size]):
            from django.core.management import call_command

            # A reused database still gets the migrations added since it was seeded (new tables start empty).
            call_command("migrate", verbosity=0, interactive=False)
            print(f"{env.describe_database(url)} already holds size {args.size}; migrated, not seeding")
            return 0
    print(f"seeding {args.size} into {env.describe_database(url)}")
    report = seed(args.size, url)
    print(f"done: {report['rows']:,} rows in {report['seconds']} s ({report['rows_per_second']:,} rows/s overall)")
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
