"""Menu entries of the messaging app: the unread badge in the navbar, the moderators' queue in the user menu."""

from django.utils.translation import gettext_lazy as _

from tropa.core.navigation import NavEntry, register, register_navbar_template


def moderates(request) -> bool:
    """Platform staff, or a moderator: from the memberships the request carries, no query of its own."""
    if not request.user.is_authenticated:
        return False
    if request.user.is_staff:
        return True
    org = getattr(request, "org", None)
    return org is not None and any(membership.role == "moderator" for membership in org.memberships)


register_navbar_template("messaging/partials/_badge.html")
register(NavEntry("message_moderation", _("Reported messages"), "messaging:moderation", "user", moderates, order=40))
