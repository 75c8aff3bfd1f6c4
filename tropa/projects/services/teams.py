"""Teams on a final project: the author invites classmates by email; they join only by accepting.

Rules, so that a team's quality score means the same as a solo one:
- the project allows teams (`max_team_size` > 1) and the team never grows past it, pending invitations included;
- teams form within a cohort (learners without a cohort team up with other learners without one), which also keeps
  children among the classmates their school put them with;
- a team is fixed once its first version is handed in: joining, leaving and removing happen before that;
- a learner belongs to one work per project: joining a team drops their own empty draft, and whoever has handed in
  work of their own cannot join another team.
Everyone in the team may hand in versions, sees the reviews, and has the accepted project on their portfolio.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses.models import Enrollment
from tropa.projects import events
from tropa.projects.models import FinalProject, ProjectWork, TeamInvite, TeamInviteStatus, WorkStatus
from tropa.projects.permissions import LEARNING_STATUSES


def _record(work: ProjectWork, *, actor, verb: str, obj, **payload) -> None:
    course = work.project.course
    record(
        actor=actor,
        verb=verb,
        obj=obj,
        organization_id=course.organization_id,
        course_id=course.pk,
        payload={"work_id": work.pk, "author_id": work.user_id, **payload},
    )


def _enrollment(user, project: FinalProject) -> Enrollment | None:
    return Enrollment.objects.filter(user=user, course_id=project.course_id, status__in=LEARNING_STATUSES).first()


def _member_work(user, project: FinalProject) -> ProjectWork | None:
    return ProjectWork.objects.filter(project=project).filter(Q(user=user) | Q(teammates=user)).distinct().first()


def _check_still_open(work: ProjectWork) -> None:
    if work.status != WorkStatus.DRAFT or work.versions.exists():
        raise ServiceError(_("The team is fixed once the project has been handed in."), field="email")


def _seats_taken(work: ProjectWork) -> int:
    pending = work.team_invites.filter(status=TeamInviteStatus.PENDING).count()
    return 1 + work.teammates.count() + pending


def _check_can_join(invitee, work: ProjectWork, *, field: str) -> Enrollment:
    """The invitee learns the course in the author's cohort and has no work of their own on this project."""
    enrollment = _enrollment(invitee, work.project)
    if enrollment is None or enrollment.cohort_id != work.enrollment.cohort_id:
        raise ServiceError(_("No classmate in your cohort has this email."), field=field)
    if enrollment.cohort_id is None and (invitee.is_minor or work.user.is_minor):
        # Without a cohort "classmates" are strangers: children team up only inside the group their school made.
        raise ServiceError(_("No classmate in your cohort has this email."), field=field)
    own = _member_work(invitee, work.project)
    taken = own is not None and (own.user_id != invitee.pk or own.versions.exists() or own.teammates.exists())
    if own is not None and own.pk != work.pk and taken:
        raise ServiceError(_("This classmate already works on the project in another team or alone."), field=field)
    if own is not None and own.pk == work.pk:
        raise ServiceError(_("This classmate is already in your team."), field=field)
    return enrollment


@transaction.atomic
def team_invite(*, actor, project: FinalProject, email: str) -> TeamInvite:
    """The author of a work invites a classmate by email; the invitation waits for their answer."""
    if project.max_team_size <= 1:
        raise ServiceError(_("This project is done alone."), field="email")
    enrollment = _enrollment(actor, project)
    if enrollment is None:
        raise NotFound()
    work = _member_work(actor, project)
    if work is not None and work.user_id != actor.pk:
        raise ServiceError(_("Only the author of the team's work invites classmates."), field="email")
    if work is None:
        work = ProjectWork.objects.create(project=project, user=actor, enrollment=enrollment)
    work = (
        ProjectWork.objects.select_for_update(of=("self",))
        .select_related("project__course", "enrollment", "user")
        .get(pk=work.pk)
    )
    _check_still_open(work)
    email = (email or "").strip().lower()
    if not email:
        raise ServiceError(_("Enter your classmate's email."), field="email")
    if email == actor.email.lower():
        raise ServiceError(_("You are in your team already."), field="email")
    invitee = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
    if invitee is None:
        raise ServiceError(_("No classmate in your cohort has this email."), field="email")
    _check_can_join(invitee, work, field="email")
    if work.team_invites.filter(invitee=invitee, status=TeamInviteStatus.PENDING).exists():
        raise ServiceError(_("This classmate has been invited already."), field="email")
    if _seats_taken(work) >= project.max_team_size:
        raise ServiceError(
            _("A team has at most %(count)d people, invitations included.") % {"count": project.max_team_size},
            field="email",
        )
    invite = TeamInvite.objects.create(work=work, invitee=invitee, invited_by=actor)
    _record(work, actor=actor, verb=events.TEAM_INVITED, obj=invite, invite_id=invite.pk, invitee_id=invitee.pk)
    return invite


def _locked_invite(actor, invite_id: int, *, as_invitee: bool) -> TeamInvite:
    invite = (
        TeamInvite.objects.select_for_update(of=("self",))
        .select_related("work__project__course", "work__enrollment")
        .filter(pk=invite_id)
        .first()
    )
    allowed = invite is not None and (invite.invitee_id if as_invitee else invite.work.user_id) == actor.pk
    if not allowed:
        raise NotFound()
    if invite.status != TeamInviteStatus.PENDING:
        raise ServiceError(_("This invitation has already been answered."), field="invite")
    return invite


@transaction.atomic
def team_invite_answer(*, actor, invite_id: int, accept: bool) -> TeamInvite:
    """The invitee joins the team (their own empty draft is dropped) or declines."""
    invite = _locked_invite(actor, invite_id, as_invitee=True)
    work = (
        ProjectWork.objects.select_for_update(of=("self",))
        .select_related("project__course", "enrollment", "user")
        .get(pk=invite.work_id)
    )
    if accept:
        _check_still_open(work)
        _check_can_join(actor, work, field="invite")
        ProjectWork.objects.filter(project=work.project, user=actor, versions__isnull=True).delete()
        work.teammates.add(actor)
    invite.status = TeamInviteStatus.ACCEPTED if accept else TeamInviteStatus.DECLINED
    invite.answered_at = timezone.now()
    invite.save(update_fields=["status", "answered_at"])
    verb = events.TEAM_JOINED if accept else events.TEAM_DECLINED
    _record(work, actor=actor, verb=verb, obj=invite, invite_id=invite.pk, member_id=actor.pk)
    return invite


@transaction.atomic
def team_invite_cancel(*, actor, invite_id: int) -> TeamInvite:
    invite = _locked_invite(actor, invite_id, as_invitee=False)
    invite.status, invite.answered_at = TeamInviteStatus.CANCELLED, timezone.now()
    invite.save(update_fields=["status", "answered_at"])
    return invite


@transaction.atomic
def team_member_remove(*, actor, project: FinalProject, member_id: int) -> ProjectWork:
    """A teammate leaves, or the author removes one, before the project is handed in."""
    work = _member_work(actor, project)
    if work is None:
        raise NotFound()
    work = ProjectWork.objects.select_for_update(of=("self",)).select_related("project__course").get(pk=work.pk)
    if actor.pk != work.user_id and actor.pk != member_id:
        raise NotFound()
    if not work.teammates.filter(pk=member_id).exists():
        raise ServiceError(_("This person is not in the team."), field="member")
    _check_still_open(work)
    work.teammates.remove(member_id)
    _record(work, actor=actor, verb=events.TEAM_LEFT, obj=work, member_id=member_id)
    return work
