"""Values every template needs: the site name and the navigation for the current user."""

from django.conf import settings

from tropa.core.navigation import navbar_templates, navigation_for


def site(request):
    return {
        "SITE_NAME": "Tropa",
        "SITE_URL": settings.SITE_URL,
        "nav": navigation_for(request),
        "nav_extra_templates": navbar_templates(),
    }
