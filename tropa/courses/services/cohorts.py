"""Writes for cohorts: create and edit a run of a course, its curators and invitation link.

The schedule and the announcement of openings are in cohort_schedule.py."""

from __future__ import annotations

import logging
import secrets
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from tropa.activity.services import record
from tropa.core.exceptions import NotFound, ServiceError
from tropa.courses import events, permissions
from tropa.courses.models import (
    Cohort,
    CohortEnrollmentPolicy,
    Course,
    CourseMode,
    CourseStatus,
)
from tropa.courses.services.enrollment import waitlist_promote
from tropa.organizations.models import Membership

logger = logging.getLogger(__name__)


TITLE_MAX_LENGTH = 120
INVITE_CODE_BYTES = 18  # 24 URL-safe characters; the column holds 32


def _new_invite_code() -> str:
    return secrets.token_urlsafe(INVITE_CODE_BYTES)


def _clean_cohort_fields(
    *,
    title: str,
    starts_on: date | None,
    ends_on: date | None,
    capacity: int | None,
    enrollment_policy: str,
) -> str:
    """Check what create and update share; return the tidied title."""
    title = " ".join((title or "").split())
    if not title:
        raise ServiceError(_("Give the cohort a title, e.g. “Spring 2026”."), field="title")
    if len(title) > TITLE_MAX_LENGTH:
        raise ServiceError(
            _("Keep the title under %(limit)d characters.") % {"limit": TITLE_MAX_LENGTH + 1}, field="title"
        )
    if starts_on is None:
        raise ServiceError(_("Enter the date the cohort starts."), field="starts_on")
    if ends_on is None:
        raise ServiceError(_("Enter the date the cohort ends."), field="ends_on")
    if ends_on < starts_on:
        raise ServiceError(_("The cohort cannot end before it starts."), field="ends_on")
    if capacity is not None and capacity < 1:
        raise ServiceError(_("Give at least one seat, or leave the field empty for no limit."), field="capacity")
    if enrollment_policy not in CohortEnrollmentPolicy.values:
        raise ServiceError(_("Choose how learners enroll."), field="enrollment_policy")
    return title


@transaction.atomic
def cohort_create(
    *,
    actor,
    course: Course,
    title: str,
    starts_on: date,
    ends_on: date,
    capacity: int | None,
    enrollment_policy: str,
) -> Cohort:
    """Open a new run of a cohort course; invite-only cohorts get their invitation code at once."""
    if not permissions.can_manage_cohorts(actor, course):
        raise NotFound()
    if course.status == CourseStatus.ARCHIVED:
        raise ServiceError(_("The course is archived: it takes no new cohorts."))
    if course.mode != CourseMode.COHORT:
        raise ServiceError(_("This course is self-paced. Switch it to cohort mode to run it in cohorts."))
    title = _clean_cohort_fields(
        title=title,
        starts_on=starts_on,
        ends_on=ends_on,
        capacity=capacity,
        enrollment_policy=enrollment_policy,
    )
    cohort = Cohort.objects.create(
        course=course,
        title=title,
        starts_on=starts_on,
        ends_on=ends_on,
        capacity=capacity,
        enrollment_policy=enrollment_policy,
        invite_code=_new_invite_code() if enrollment_policy == CohortEnrollmentPolicy.INVITE else "",
    )
    record(
        actor=actor,
        verb=events.COHORT_CREATED,
        obj=cohort,
        organization_id=course.organization_id,
        course_id=course.pk,
        payload={"cohort_id": cohort.pk, "starts_on": starts_on.isoformat(), "capacity": capacity},
    )
    return cohort


def cohort_locked(cohort: Cohort) -> Cohort:
    """The cohort's row, locked: enrollments change its counters concurrently."""
    fresh = Cohort.objects.select_for_update(of=("self",)).select_related("course").filter(pk=cohort.pk).first()
    if fresh is None:
        raise NotFound()
    # Keep what the caller's selector annotated (viewer_role on the course) so checks cost no query.
    fresh.course = cohort.course
    return fresh


@transaction.atomic
def cohort_update(
    *,
    actor,
    cohort: Cohort,
    title: str,
    starts_on: date,
    ends_on: date,
    capacity: int | None,
    enrollment_policy: str,
) -> Cohort:
    """Edit a cohort's dates, seats and enrollment policy.

    Seats cannot drop below the learners already in; more seats take people off the waitlist, in
    the order they joined it.
    """
    course = cohort.course
    if not permissions.can_manage_cohorts(actor, course):
        raise NotFound()
    cohort = cohort_locked(cohort)
    title = _clean_cohort_fields(
        title=title,
        starts_on=starts_on,
        ends_on=ends_on,
        capacity=capacity,
        enrollment_policy=enrollment_policy,
    )
    if capacity is not None and capacity < cohort.active_count:
        raise ServiceError(
            _("%(count)d learners are already in this cohort: give at least that many seats.")
            % {"count": cohort.active_count},
            field="capacity",
        )
    more_seats = cohort.capacity is not None and (capacity is None or capacity > cohort.capacity)
    changed = {}
    for name, value in (
        ("title", title),
        ("starts_on", starts_on),
        ("ends_on", ends_on),
        ("capacity", capacity),
        ("enrollment_policy", enrollment_policy),
    ):
        if getattr(cohort, name) != value:
            changed[name] = value.isoformat() if isinstance(value, date) else value
            setattr(cohort, name, value)
    if cohort.enrollment_policy == CohortEnrollmentPolicy.INVITE and not cohort.invite_code:
        cohort.invite_code = _new_invite_code()
        changed["invite_code"] = "new"
    if not changed:
        return cohort
    cohort.save(update_fields=[*(name for name in changed), "updated_at"])
    record(
        actor=actor,
        verb=events.COHORT_UPDATED,
        obj=cohort,
        organization_id=course.organization_id,
        course_id=course.pk,
        payload={"cohort_id": cohort.pk, "changed": {k: v for k, v in changed.items() if k != "invite_code"}},
    )
    if more_seats and cohort.waitlist_count:
        waitlist_promote(cohort=cohort)
        cohort.refresh_from_db(fields=["active_count", "waitlist_count"])
    return cohort


@transaction.atomic
def cohort_curators_set(*, actor, cohort: Cohort, users: list) -> Cohort:
    """Name the people who run the cohort: curators, owners or admins of the course's organization."""
    course = cohort.course
    if not permissions.can_manage_cohorts(actor, course):
        raise NotFound()
    cohort = cohort_locked(cohort)
    wanted = {user.pk: user for user in users}
    eligible = set(
        Membership.objects.filter(
            organization_id=course.organization_id, user_id__in=wanted, role__in=permissions.COHORT_STAFF_ROLES
        ).values_list("user_id", flat=True)
    )
    strangers = [user for pk, user in wanted.items() if pk not in eligible]
    if strangers:
        raise ServiceError(
            _("%(name)s is not a curator, owner or administrator of the organization.")
            % {"name": strangers[0].display_name},
            field="curators",
        )
    before = set(cohort.curators.values_list("pk", flat=True))
    if before == set(wanted):
        return cohort
    cohort.curators.set(list(wanted))
    record(
        actor=actor,
        verb=events.COHORT_CURATORS_CHANGED,
        obj=cohort,
        organization_id=course.organization_id,
        course_id=course.pk,
        payload={
            "cohort_id": cohort.pk,
            "added": sorted(set(wanted) - before),
            "removed": sorted(before - set(wanted)),
        },
    )
    return cohort


@transaction.atomic
def cohort_invite_code_rotate(*, actor, cohort: Cohort) -> Cohort:
    """Give the cohort a new invitation code; every link shared with the old one stops working."""
    course = cohort.course
    if not permissions.can_manage_cohorts(actor, course):
        raise NotFound()
    cohort = cohort_locked(cohort)
    cohort.invite_code = _new_invite_code()
    cohort.save(update_fields=["invite_code", "updated_at"])
    # The code itself stays out of the event: events are exported and the code is a credential.
    record(
        actor=actor,
        verb=events.COHORT_INVITE_ROTATED,
        obj=cohort,
        organization_id=course.organization_id,
        course_id=course.pk,
        payload={"cohort_id": cohort.pk},
    )
    return cohort
