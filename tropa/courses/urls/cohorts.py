"""URL routes of the courses app: cohorts."""

urlpatterns: list = []
