"""Top-level URL routes."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path

from tropa.api import api

handler403 = "tropa.core.views.error_403"
handler404 = "tropa.core.views.error_404"
handler500 = "tropa.core.views.error_500"

urlpatterns = [
    path("", include("tropa.core.urls")),
    path("accounts/", include("allauth.urls")),
    path("me/", include("tropa.accounts.urls")),
    path("orgs/", include("tropa.organizations.urls")),
    path("notifications/", include("tropa.notifications.urls")),
    path("courses/", include("tropa.courses.urls")),
    path("projects/", include("tropa.projects.urls")),
    path("play/", include("tropa.gamification.urls")),
    path("analytics/", include("tropa.analytics.urls")),
    path("messages/", include("tropa.messaging.urls")),
    path("mentors/", include("tropa.mentorship.urls")),
    path("community/", include("tropa.community.urls")),
    path("careers/", include("tropa.careers.urls")),
    path("assistant/", include("tropa.assistant.urls")),
    path("roadmap/", include("tropa.roadmaps.urls")),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
