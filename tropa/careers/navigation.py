"""Menu entries of the careers app."""

from django.utils.translation import gettext_lazy as _

from tropa.core.navigation import NavEntry, is_authenticated, is_staff, register


def everyone(request) -> bool:
    return True


def is_hr(request) -> bool:
    """A member of a company with a hiring role; reads the memberships the middleware already loaded."""
    from tropa.careers.permissions import HR_ROLES
    from tropa.organizations.models import OrganizationKind

    context = getattr(request, "org", None)
    if not request.user.is_authenticated or context is None:
        return False
    return any(m.role in HR_ROLES and m.organization.kind == OrganizationKind.COMPANY for m in context.memberships)


register(NavEntry("careers", _("Careers"), "careers:opportunities", "main", everyone, order=35))
register(
    NavEntry(
        "careers_applications", _("My applications"), "careers:my_applications", "user", is_authenticated, order=27
    )
)
register(NavEntry("careers_hr", _("HR cabinet"), "careers:hr_home", "user", is_hr, order=28))
register(NavEntry("careers_staff", _("Employers to verify"), "careers:staff", "user", is_staff, order=29))
