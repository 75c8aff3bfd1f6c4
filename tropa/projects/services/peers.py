"""Peer review: automatic assignment of N peers to each version in review, and reminders before the due date."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.utils import timezone

from tropa.activity.services import record
from tropa.projects import events
from tropa.projects.models import FinalProject, ProjectWork, Review, ReviewerRole, ReviewStatus, WorkStatus


def _latest_version(work: ProjectWork):
    return work.versions.order_by("-number").first()


@transaction.atomic
def peers_assign(*, project: FinalProject, actor=None) -> list[Review]:
    """Give every version in review up to `peer_count` peers; safe to run again (it only tops up).

    A peer is a learner who has handed in work on the same project; never the author nor a teammate (nor
    anyone whose own team includes the author). Whoever reviewed the previous version is asked first, then
    the least loaded. Open assignments of superseded versions are cancelled.
    """
    if not project.peer_count:
        return []
    works = list(
        ProjectWork.objects.filter(project=project)
        .exclude(status=WorkStatus.DRAFT)
        .prefetch_related("teammates")
        .order_by("pk")
    )
    members = {work.pk: {work.user_id, *(mate.pk for mate in work.teammates.all())} for work in works}
    pool = {work.user_id for work in works}
    load = dict(
        Review.objects.filter(work__project=project, role=ReviewerRole.PEER, status=ReviewStatus.ASSIGNED)
        .values_list("reviewer_id")
        .annotate(n=Count("pk"))
    )
    created: list[Review] = []
    due = timezone.now() + timedelta(days=project.peer_review_days)
    for work in works:
        if work.status != WorkStatus.SUBMITTED:
            continue
        version = _latest_version(work)
        Review.objects.filter(work=work, role=ReviewerRole.PEER, status=ReviewStatus.ASSIGNED).exclude(
            version=version
        ).update(status=ReviewStatus.CANCELLED)
        current = set(
            Review.objects.filter(version=version, role=ReviewerRole.PEER)
            .exclude(status=ReviewStatus.CANCELLED)
            .values_list("reviewer_id", flat=True)
        )
        missing = project.peer_count - len(current)
        if missing <= 0:
            continue
        earlier = set(
            Review.objects.filter(work=work, role=ReviewerRole.PEER, status=ReviewStatus.SUBMITTED).values_list(
                "reviewer_id", flat=True
            )
        )
        # Teams work both ways: a learner never reviews a work whose team they are in, nor one of their teammates'.
        blocked = members[work.pk] | {
            other.user_id for other in works if members[other.pk] & members[work.pk]
        }  # fmt: skip
        candidates = sorted(
            (user_id for user_id in pool - blocked - current),
            key=lambda user_id: (user_id not in earlier, load.get(user_id, 0), user_id),
        )
        for reviewer_id in candidates[:missing]:
            review = Review.objects.create(
                work=work, version=version, reviewer_id=reviewer_id, role=ReviewerRole.PEER, due_at=due
            )
            load[reviewer_id] = load.get(reviewer_id, 0) + 1
            record(
                actor=actor,
                verb=events.REVIEW_ASSIGNED,
                obj=review,
                organization_id=project.course.organization_id,
                course_id=project.course_id,
                payload={
                    "review_id": review.pk,
                    "work_id": work.pk,
                    "reviewer_id": reviewer_id,
                    "due_at": due.isoformat(),
                },
            )
            created.append(review)
    return created


@transaction.atomic
def review_reminders_send(*, now=None) -> int:
    """Remind each peer once, when their open review falls due within the reminder window; returns how many."""
    now = now or timezone.now()
    window = now + timedelta(hours=settings.PROJECT_REVIEW_REMINDER_HOURS)
    due = (
        Review.objects.select_for_update(of=("self",))
        .select_related("work__project__course")
        .filter(
            Q(due_at__gt=now, due_at__lte=window),
            status=ReviewStatus.ASSIGNED,
            role=ReviewerRole.PEER,
            reminded_at__isnull=True,
        )
    )
    count = 0
    for review in due:
        review.reminded_at = now
        review.save(update_fields=["reminded_at", "updated_at"])
        course = review.work.project.course
        record(
            actor=None,
            verb=events.REVIEW_REMINDED,
            obj=review,
            organization_id=course.organization_id,
            course_id=course.pk,
            payload={"review_id": review.pk, "reviewer_id": review.reviewer_id, "due_at": review.due_at.isoformat()},
        )
        count += 1
    return count
