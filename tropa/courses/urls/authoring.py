"""URL routes of the courses app: authoring."""

urlpatterns: list = []
