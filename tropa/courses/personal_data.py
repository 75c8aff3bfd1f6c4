"""What courses holds about a person (enrollments, progress, answers, submissions, ratings, certificates).

Erasure keeps the enrollment rows (on the deleted account's tombstone) with their status, dates, progress and
scores, so that completion counts, ratings and the early-warning history do not change; it removes what the
person wrote or uploaded and takes their name off certificates, which it revokes (a deleted person's
certificate can no longer be verified). Courses they authored belong to the organization and stay.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from tropa.accounts.data_registry import register, rows
from tropa.courses.models import (
    Certificate,
    Cohort,
    Course,
    CourseReview,
    DeadlineExtension,
    Enrollment,
    EnrollmentStatus,
    LeaveReason,
    LessonRating,
    QuizAttempt,
    StepProgress,
    Submission,
)

REVOKED_BECAUSE_DELETED = "The holder deleted their account."


def export(user) -> dict:
    enrollments = Enrollment.objects.filter(user=user)
    return {
        "enrollments": rows(
            enrollments.order_by("enrolled_at"),
            "id",
            "course__title",
            "cohort__title",
            "status",
            "enrolled_at",
            "completed_at",
            "left_at",
            "leave_reason",
            "leave_comment",
            "progress_percent",
            "last_activity_at",
        ),
        "step_progress": rows(
            StepProgress.objects.filter(enrollment__user=user).order_by("viewed_at"),
            "enrollment_id",
            "step__title",
            "viewed_at",
            "completed_at",
            "score",
        ),
        "quiz_attempts": rows(
            QuizAttempt.objects.filter(enrollment__user=user).order_by("created_at"),
            "enrollment_id",
            "step__title",
            "number",
            "answers",
            "results",
            "score",
            "passed",
            "created_at",
        ),
        "submissions": rows(
            Submission.objects.filter(enrollment__user=user).order_by("submitted_at"),
            "enrollment_id",
            "step__title",
            "text",
            "file",
            "link",
            "status",
            "submitted_at",
            "review_comment",
            "reviewed_at",
        ),
        "lesson_ratings": rows(
            LessonRating.objects.filter(enrollment__user=user), "lesson__title", "useful", "comment", "created_at"
        ),
        "course_reviews": rows(
            CourseReview.objects.filter(enrollment__user=user), "course__title", "rating", "text", "created_at"
        ),
        "certificates": rows(
            Certificate.objects.filter(enrollment__user=user),
            "code",
            "learner_name",
            "course_title",
            "organization_name",
            "issued_at",
            "revoked_at",
        ),
        "deadline_extensions": rows(
            DeadlineExtension.objects.filter(enrollment__user=user),
            "step__course__title",
            "step__title",
            "previous_due_at",
            "due_at",
            "reason",
        ),
        "courses_authored": rows(Course.objects.filter(author=user), "title", "slug", "status"),
        "course_teams": rows(Course.objects.filter(team=user), "title", "slug"),
        "cohorts_curated": rows(Cohort.objects.filter(curators=user), "course__title", "title"),
    }


def erase(user) -> None:
    from tropa.courses.services.enrollment import enrollment_leave

    # Leaving through the service frees the seat for the waitlist and keeps the course's learner count true.
    for enrollment in Enrollment.objects.filter(
        user=user, status__in=[EnrollmentStatus.ACTIVE, EnrollmentStatus.WAITLISTED]
    ):
        enrollment_leave(actor=user, enrollment=enrollment, reason=LeaveReason.OTHER)
    Enrollment.objects.filter(user=user).exclude(leave_comment="").update(leave_comment="")
    QuizAttempt.objects.filter(enrollment__user=user).update(answers={})
    submissions = Submission.objects.filter(enrollment__user=user)
    files = [(submission.file.storage, submission.file.name) for submission in submissions if submission.file]
    submissions.update(text="", file="", link="", review_comment="")
    for storage, name in files:
        transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
    LessonRating.objects.filter(enrollment__user=user).exclude(comment="").update(comment="")
    CourseReview.objects.filter(enrollment__user=user).exclude(text="").update(text="")
    DeadlineExtension.objects.filter(enrollment__user=user).update(reason="")
    Certificate.objects.filter(enrollment__user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoke_reason=REVOKED_BECAUSE_DELETED
    )
    Certificate.objects.filter(enrollment__user=user).update(learner_name="")
    for course in Course.objects.filter(team=user):
        course.team.remove(user)
    for cohort in Cohort.objects.filter(curators=user):
        cohort.curators.remove(user)


register(
    "courses",
    export=export,
    erase=erase,
    covers=["courses.Enrollment.user", "courses.Course.team", "courses.Cohort.curators"],
    kept={
        "courses.Course.author": "A course belongs to its organization; its author is shown as “Deleted user”.",
        "courses.Submission.reviewer": "A curator's review of another learner's work stays with that learner.",
        "courses.DeadlineExtension.granted_by": "A curator's extension of another learner's deadline stays with them.",
    },
)
