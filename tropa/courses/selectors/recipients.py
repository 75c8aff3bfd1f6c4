"""Who hears about what in the courses app: the objects of events and the people to tell, for event handlers.

Staff are named only while they still hold the role in the course's organization: someone who has
left the school hears nothing more about its courses or its learners' work.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models

from tropa.courses.models import Certificate, Course, Enrollment, Submission
from tropa.courses.permissions import CURATOR_ROLES, EDITOR_ROLES, PUBLISHER_ROLES, TEAM_ROLES
from tropa.organizations.models import Membership


def _object_pk(event, model: type[models.Model]) -> str | None:
    """The event's object id when the object is a `model`, else None."""
    if not event.object_id or event.object_type_id != ContentType.objects.get_for_model(model).pk:
        return None
    return event.object_id


def enrollment_for_event(event) -> Enrollment | None:
    """The enrollment an event is about: its object, else the actor's enrollment in the event's course."""
    enrollments = Enrollment.objects.select_related("user", "course__organization", "cohort")
    pk = _object_pk(event, Enrollment)
    if pk is not None:
        return enrollments.filter(pk=pk).first()
    if event.actor_id and event.course_id:
        return enrollments.filter(user_id=event.actor_id, course_id=event.course_id).first()
    return None


def submission_for_event(event) -> Submission | None:
    pk = _object_pk(event, Submission)
    if pk is None:
        return None
    return (
        Submission.objects.select_related("enrollment__user", "enrollment__course", "enrollment__cohort", "step")
        .filter(pk=pk)
        .first()
    )


def certificate_for_event(event) -> Certificate | None:
    pk = _object_pk(event, Certificate)
    if pk is None:
        return None
    return Certificate.objects.select_related("enrollment__user", "enrollment__course").filter(pk=pk).first()


def course_for_event(event) -> Course | None:
    """The course an event is about: its object when that is a course, else the event's course_id."""
    pk = _object_pk(event, Course) or event.course_id
    if not pk:
        return None
    return Course.objects.select_related("organization").filter(pk=pk).first()


def _staff_ids(*, course: Course, roles, among=None) -> list[int]:
    staff = Membership.objects.filter(organization_id=course.organization_id, role__in=roles, user__is_active=True)
    if among is not None:
        staff = staff.filter(user_id__in=among)
    return list(staff.order_by("user_id").values_list("user_id", flat=True))


def submission_reviewer_ids(*, submission: Submission) -> list[int]:
    """Who should check a submission: the cohort's curators, or the school's curators for a self-paced course.

    When nobody fits (a cohort without curators, a school without any), the owners and administrators
    hear instead, so that the work does not wait unseen. Never the learner who submitted it.
    """
    enrollment = submission.enrollment
    course = enrollment.course
    if enrollment.cohort_id:
        curators = enrollment.cohort.curators.values("pk")
        ids = _staff_ids(course=course, roles=CURATOR_ROLES | PUBLISHER_ROLES, among=curators)
    else:
        ids = _staff_ids(course=course, roles=CURATOR_ROLES)
    if not ids:
        ids = _staff_ids(course=course, roles=PUBLISHER_ROLES)
    return [user_id for user_id in ids if user_id != enrollment.user_id]


def course_reviewer_ids(*, course: Course) -> list[int]:
    """Who may approve or return a course in review: its school's owners, administrators and editors."""
    return _staff_ids(course=course, roles=EDITOR_ROLES)


def course_publisher_ids(*, course: Course) -> list[int]:
    """Who may publish an approved course: its school's owners and administrators."""
    return _staff_ids(course=course, roles=PUBLISHER_ROLES)


def course_author_ids(*, course: Course) -> list[int]:
    """The course's lead author and its team, while they are on the school's course team."""
    people = [course.author_id, *course.team.values_list("pk", flat=True)]
    return _staff_ids(course=course, roles=TEAM_ROLES, among=people)
