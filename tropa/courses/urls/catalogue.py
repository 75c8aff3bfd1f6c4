"""URL routes of the courses app: catalogue."""

urlpatterns: list = []
