"""Reviews against the rubric, the combined quality score, and the decision on the work that follows."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses.models import Enrollment
from tropa.projects import events, permissions, scoring
from tropa.projects.models import (
    CriterionScore,
    ProjectWork,
    Review,
    ReviewDecision,
    ReviewerRole,
    ReviewStatus,
    Version,
    WorkStatus,
)
from tropa.projects.permissions import LEARNING_STATUSES

MAX_FEEDBACK = 10_000
MAX_COMMENT = 2_000


def _event(work: ProjectWork, *, actor, verb: str, obj, **payload) -> None:
    course = work.project.course
    record(
        actor=actor,
        verb=verb,
        obj=obj,
        organization_id=course.organization_id,
        course_id=course.pk,
        payload={"work_id": work.pk, "author_id": work.user_id, **payload},
    )


def counted_reviews(version: Version) -> list[Review]:
    return list(Review.objects.filter(version=version, status=ReviewStatus.SUBMITTED, excluded=False).order_by("pk"))


def work_rescore(*, work: ProjectWork, version: Version) -> Decimal | None:
    """Recombine the version's counted reviews (docs/projects.md), flag outliers, keep the score on the work.

    Writes only rows of this work; callers hold its lock.
    """
    reviews = counted_reviews(version)
    combined = scoring.combine([(r.role, r.score) for r in reviews], penalty_percent=version.penalty_percent)
    for index, review in enumerate(reviews):
        outlier = index in combined.outliers
        if review.is_outlier != outlier:
            review.is_outlier = outlier
            review.save(update_fields=["is_outlier", "updated_at"])
    open_appeals = work.appeals.filter(status="open").exists()
    work.needs_curator_attention = bool(combined.outliers) or open_appeals
    work.quality_score = combined.score
    work.save(update_fields=["quality_score", "needs_curator_attention", "updated_at"])
    return combined.score


def _skills_of(work: ProjectWork) -> list:
    """The skills the rubric evidences, as (id, slug) pairs in slug order."""
    skills = {}
    for criterion in work.project.criteria.prefetch_related("skills"):
        skills.update((skill.pk, skill.slug) for skill in criterion.skills.all())
    return sorted(skills.items(), key=lambda pair: pair[1])


def _members_with_enrollments(work: ProjectWork) -> list[tuple[int, int]]:
    """(user id, enrollment id) of the author and each teammate still learning the course."""
    members = [(work.user_id, work.enrollment_id)]
    teammate_ids = list(work.teammates.values_list("pk", flat=True))
    if teammate_ids:
        enrollments = Enrollment.objects.filter(
            course_id=work.project.course_id, user_id__in=teammate_ids, status__in=LEARNING_STATUSES
        ).values_list("user_id", "pk")
        members.extend(sorted(enrollments))
    return members


def _decide(work: ProjectWork, version: Version, decision: str, *, actor) -> None:
    now = timezone.now()
    Review.objects.filter(version=version, status=ReviewStatus.ASSIGNED).update(status=ReviewStatus.CANCELLED)
    if decision == ReviewDecision.ACCEPT:
        work.status, work.accepted_at = WorkStatus.ACCEPTED, now
        work.save(update_fields=["status", "accepted_at", "updated_at"])
        skills = _skills_of(work)
        # One event per member of the team: each one's course step completes, XP and portfolio follow.
        for learner_id, enrollment_id in _members_with_enrollments(work):
            _event(
                work,
                actor=actor,
                verb=events.PROJECT_ACCEPTED,
                obj=work,
                score=str(work.quality_score) if work.quality_score is not None else None,
                skills=[slug for _pk, slug in skills],
                skill_ids=[pk for pk, _slug in skills],
                learner_id=learner_id,
                project_id=work.project_id,
                title=work.title or work.project.title,
                step_id=work.project.step_id,
                enrollment_id=enrollment_id,
            )
    elif decision == ReviewDecision.REVISE:
        work.status = WorkStatus.REVISION_REQUESTED
        work.revisions_used += 1
        work.save(update_fields=["status", "revisions_used", "updated_at"])
        left = work.project.revisions_allowed - work.revisions_used
        _event(work, actor=actor, verb=events.PROJECT_REVISION_REQUESTED, obj=work, revisions_left=left)
    else:
        work.status = WorkStatus.NOT_ACCEPTED
        work.save(update_fields=["status", "updated_at"])
        _event(work, actor=actor, verb=events.PROJECT_NOT_ACCEPTED, obj=work, score=str(work.quality_score))


def _levels(work: ProjectWork, levels: dict, comments: dict) -> list[tuple]:
    criteria = list(work.project.criteria.all())
    if not criteria:
        raise ServiceError(_("The project has no rubric yet."), code="no_rubric")
    rows = []
    for criterion in criteria:
        raw = levels.get(criterion.pk, levels.get(str(criterion.pk)))
        try:
            level = int(raw)
        except (TypeError, ValueError):
            raise ServiceError(
                _("Choose a level for “%(criterion)s”.") % {"criterion": criterion.title}, field=f"c{criterion.pk}"
            ) from None
        if not 0 <= level <= criterion.top_level:
            raise ServiceError(_("Choose one of the levels."), field=f"c{criterion.pk}")
        comment = (comments.get(criterion.pk, comments.get(str(criterion.pk))) or "").strip()
        if len(comment) > MAX_COMMENT:
            raise ServiceError(_("The comment is too long."), field=f"c{criterion.pk}_comment")
        rows.append((criterion, level, comment))
    return rows


@transaction.atomic
def review_submit(
    *, actor, work_id: int, levels: dict, comments: dict | None = None, feedback: str = "", decision: str = ""
) -> Review:
    """Score the version in review against the rubric, with written feedback (and, for staff, a decision).

    Peers review what they were assigned; staff review by role (permissions.staff_role_for). Nobody reviews
    their own or a teammate's work (404), and a reviewer reviews a version once. A staff decision accepts the
    work (storing the quality score), asks for a revision (within the allowed count) or does not accept it.
    When only peers review, the work is decided once every peer has answered, against the pass mark.
    """
    work = (
        ProjectWork.objects.select_for_update(of=("self",))
        .select_related("project__course", "enrollment__cohort")
        .filter(pk=work_id)
        .first()
    )
    if work is None or permissions.is_work_member(actor, work):
        raise NotFound()
    version = work.versions.order_by("-number").first()
    assignment = Review.objects.filter(version=version, reviewer=actor).first() if version else None
    staff_role = permissions.staff_role_for(actor, work)
    if assignment is None and staff_role is None:
        raise NotFound()
    if assignment is not None and assignment.status == ReviewStatus.SUBMITTED:
        raise ServiceError(_("You have already reviewed this version."), code="already_reviewed")
    if assignment is not None and assignment.status == ReviewStatus.CANCELLED and staff_role is None:
        raise ServiceError(_("This review is no longer needed."), code="cancelled")
    if work.status != WorkStatus.SUBMITTED:
        raise ServiceError(_("This project is not waiting for review."), code="not_in_review")
    role = staff_role if staff_role is not None else ReviewerRole.PEER
    feedback = (feedback or "").strip()
    if not feedback:
        raise ServiceError(_("Write your feedback: what works and what to improve."), field="feedback")
    if len(feedback) > MAX_FEEDBACK:
        raise ServiceError(_("The feedback is too long."), field="feedback")
    rows = _levels(work, levels or {}, comments or {})
    if role != ReviewerRole.PEER:
        if decision not in ReviewDecision.values:
            raise ServiceError(_("Choose a decision."), field="decision")
        if decision == ReviewDecision.REVISE and work.revisions_used >= work.project.revisions_allowed:
            raise ServiceError(_("No revisions are left: accept the project or do not accept it."), field="decision")
    else:
        decision = ""
    score = scoring.rubric_score([(c.weight, level, c.top_level) for c, level, _ in rows])
    review = assignment or Review(work=work, version=version, reviewer=actor)
    review.role = role
    review.status, review.submitted_at = ReviewStatus.SUBMITTED, timezone.now()
    review.score, review.feedback, review.decision = score, feedback, decision
    review.save()
    CriterionScore.objects.bulk_create(
        [CriterionScore(review=review, criterion=c, level=level, comment=comment) for c, level, comment in rows]
    )
    _event(work, actor=actor, verb=events.REVIEW_SUBMITTED, obj=review, review_id=review.pk, role=role,
           score=str(score))  # fmt: skip
    work_rescore(work=work, version=version)
    if decision:
        _decide(work, version, decision, actor=actor)
    elif not work.project.staff_reviews:
        _decide_by_peers(work, version, actor=actor)
    return review


def _decide_by_peers(work: ProjectWork, version: Version, *, actor) -> None:
    open_count = Review.objects.filter(version=version, status=ReviewStatus.ASSIGNED).count()
    if open_count or work.quality_score is None:
        return
    if work.quality_score >= work.project.pass_score:
        _decide(work, version, ReviewDecision.ACCEPT, actor=actor)
    elif work.revisions_used < work.project.revisions_allowed:
        _decide(work, version, ReviewDecision.REVISE, actor=actor)
    else:
        _decide(work, version, ReviewDecision.REJECT, actor=actor)
