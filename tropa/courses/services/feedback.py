"""Learners' feedback: a useful / not useful mark on each lesson, and a review of the course once it is done."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.db.models import Avg, Count
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses import events
from tropa.courses.models import (
    Course,
    CourseReview,
    Enrollment,
    EnrollmentStatus,
    Lesson,
    LessonRating,
    StepProgress,
)

MAX_RATING_COMMENT = 2_000
MAX_REVIEW_TEXT = 5_000


def _enrollment(*, actor, course_id: int, statuses) -> Enrollment | None:
    if not getattr(actor, "is_authenticated", False):
        return None
    return (
        Enrollment.objects.select_for_update()
        .filter(user=actor, course_id=course_id, status__in=statuses)
        .select_related("course")
        .first()
    )


@transaction.atomic
def lesson_rating_save(*, actor, lesson: Lesson, useful: bool, comment: str = "") -> LessonRating:
    """Mark a lesson the learner has opened as useful or not, with an optional comment; a new mark replaces the old."""
    course_id = lesson.module.course_id
    enrollment = _enrollment(
        actor=actor, course_id=course_id, statuses=[EnrollmentStatus.ACTIVE, EnrollmentStatus.COMPLETED]
    )
    if enrollment is None:
        raise NotFound()
    if not StepProgress.objects.filter(enrollment=enrollment, step__lesson=lesson).exists():
        raise ServiceError(_("Open the lesson before rating it."), code="not_opened")
    if not isinstance(useful, bool):
        raise ServiceError(_("Say whether the lesson was useful."), field="useful")
    comment = (comment or "").strip()
    if len(comment) > MAX_RATING_COMMENT:
        raise ServiceError(
            _("The comment is too long: at most %(count)d characters.") % {"count": MAX_RATING_COMMENT},
            field="comment",
        )
    rating = LessonRating.objects.filter(enrollment=enrollment, lesson=lesson).first()
    changed = rating is not None
    if rating is None:
        rating = LessonRating.objects.create(
            enrollment=enrollment, lesson=lesson, useful=useful, comment=comment, created_at=timezone.now()
        )
    else:
        rating.useful, rating.comment = useful, comment
        rating.save(update_fields=["useful", "comment"])
    record(
        actor=actor,
        verb=events.LESSON_RATED,
        obj=rating,
        organization_id=enrollment.course.organization_id,
        course_id=course_id,
        payload={"lesson_id": lesson.pk, "useful": useful, "has_comment": bool(comment), "changed": changed},
    )
    return rating


def _rating_average(value) -> Decimal:
    return Decimal(value or 0).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@transaction.atomic
def course_review_save(*, actor, course: Course, rating: int, text: str = "") -> CourseReview:
    """Write or edit the learner's review of a course they have completed; keeps the course's rating counters."""
    enrollment = _enrollment(
        actor=actor,
        course_id=course.pk,
        statuses=[EnrollmentStatus.ACTIVE, EnrollmentStatus.COMPLETED, EnrollmentStatus.LEFT],
    )
    if enrollment is None:
        raise NotFound()
    if enrollment.status != EnrollmentStatus.COMPLETED:
        raise ServiceError(_("You can review the course once you have completed it."), code="not_completed")
    if isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5:
        raise ServiceError(_("Choose a rating from 1 to 5."), field="rating")
    text = (text or "").strip()
    if len(text) > MAX_REVIEW_TEXT:
        raise ServiceError(
            _("The review is too long: at most %(count)d characters.") % {"count": MAX_REVIEW_TEXT}, field="text"
        )
    # The course row is the lock: two reviews saved at once must not both write a stale average.
    locked = Course.objects.select_for_update().get(pk=course.pk)
    review = CourseReview.objects.filter(enrollment=enrollment).first()
    updated = review is not None
    if review is None:
        review = CourseReview.objects.create(enrollment=enrollment, course=locked, rating=rating, text=text)
    else:
        review.rating, review.text = rating, text
        review.save(update_fields=["rating", "text", "updated_at"])
    totals = CourseReview.objects.filter(course=locked).aggregate(average=Avg("rating"), count=Count("pk"))
    locked.rating_average = _rating_average(totals["average"])
    locked.rating_count = totals["count"]
    locked.save(update_fields=["rating_average", "rating_count"])
    course.rating_average, course.rating_count = locked.rating_average, locked.rating_count
    record(
        actor=actor,
        verb=events.COURSE_REVIEWED,
        obj=review,
        organization_id=locked.organization_id,
        course_id=locked.pk,
        payload={"rating": rating, "updated": updated, "has_text": bool(text)},
    )
    return review
