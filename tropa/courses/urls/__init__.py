"""URL routes of the courses app, one module per area.

The catalogue comes last: its `<slug>/` would otherwise swallow /courses/my/, /courses/studio/ and the
other fixed words, which course slugs may not take (see services/authoring.py, RESERVED_SLUGS).
"""

from tropa.courses.urls import authoring, catalogue, certificates, cohorts, family, learning, player

app_name = "courses"

urlpatterns = (
    learning.urlpatterns
    + family.urlpatterns
    + player.urlpatterns
    + authoring.urlpatterns
    + cohorts.urlpatterns
    + certificates.urlpatterns
    + catalogue.urlpatterns
)
