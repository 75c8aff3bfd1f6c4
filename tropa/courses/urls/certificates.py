"""URL routes of the courses app: certificates."""

urlpatterns: list = []
