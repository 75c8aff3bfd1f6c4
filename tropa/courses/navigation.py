"""Menu entries of the courses app (each area adds its entry here once its page exists)."""

from django.utils.translation import gettext_lazy as _

from tropa.core.navigation import NavEntry, is_authenticated, register


def everyone(request) -> bool:
    return True


register(NavEntry("courses", _("Courses"), "courses:catalogue", "main", everyone, order=10))


def runs_cohorts(request) -> bool:
    """Curators, owners and admins of some organization: from the memberships the request carries."""
    from tropa.courses.selectors.cohorts import has_cohort_staff_role

    org = getattr(request, "org", None)
    return request.user.is_authenticated and org is not None and has_cohort_staff_role(org.memberships)


register(NavEntry("my_cohorts", _("My cohorts"), "courses:my_cohorts", "user", runs_cohorts, order=12))
register(
    NavEntry("my_certificates", _("My certificates"), "courses:my_certificates", "user", is_authenticated, order=25)
)


def reviews_work(request) -> bool:
    """Curators, owners and admins: from the memberships the request carries, no query of its own."""
    from tropa.courses.permissions import can_view_review_queue

    org = getattr(request, "org", None)
    return org is not None and can_view_review_queue(request.user, org.memberships)


register(NavEntry("review_queue", _("Review queue"), "courses:review_queue", "user", reviews_work, order=13))
register(NavEntry("my_learning", _("My learning"), "courses:my_courses", "main", is_authenticated, order=15))


def writes_courses(request) -> bool:
    """Authors, methodologists, editors, owners and admins: from the memberships the request carries."""
    from tropa.courses.permissions import can_open_studio

    org = getattr(request, "org", None)
    return org is not None and can_open_studio(request.user, org.memberships)


register(NavEntry("studio", _("Teaching"), "courses:studio", "main", writes_courses, order=35))
