"""URL routes of the courses app, one module per area."""

from tropa.courses.urls import authoring, catalogue, certificates, cohorts, learning

app_name = "courses"

urlpatterns = (
    catalogue.urlpatterns
    + learning.urlpatterns
    + authoring.urlpatterns
    + cohorts.urlpatterns
    + certificates.urlpatterns
)
