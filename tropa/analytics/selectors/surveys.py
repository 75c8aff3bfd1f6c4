"""The NPS survey: the learner's enrollment for it, and the course's score for the team."""

from __future__ import annotations

from django.db.models import Count, Q

from tropa.analytics.models import NpsResponse
from tropa.courses.models import Enrollment, EnrollmentStatus


def survey_enrollment_for(*, user, slug: str) -> Enrollment | None:
    """The user's own enrollment in the course (learning or completed), else None."""
    if not user.is_authenticated:
        return None
    return (
        Enrollment.objects.filter(
            user=user, course__slug=slug, status__in=[EnrollmentStatus.ACTIVE, EnrollmentStatus.COMPLETED]
        )
        .select_related("course")
        .first()
    )


def nps_answered(*, enrollment: Enrollment, milestone: str) -> bool:
    return NpsResponse.objects.filter(enrollment=enrollment, milestone=milestone).exists()


def course_nps(*, course) -> dict:
    """Net promoter score: % of 9-10 minus % of 0-6, over every answer; None without answers."""
    counts = NpsResponse.objects.filter(course=course).aggregate(
        total=Count("pk"), promoters=Count("pk", filter=Q(score__gte=9)), detractors=Count("pk", filter=Q(score__lte=6))
    )
    total = counts["total"]
    nps = round(100 * (counts["promoters"] - counts["detractors"]) / total) if total else None
    return {**counts, "nps": nps}
