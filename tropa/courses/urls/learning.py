"""URL routes of the courses app: learning."""

urlpatterns: list = []
