"""URL routes of the courses app: what a guardian follows of a child's learning."""

from django.urls import path

from tropa.courses.views import family as views

urlpatterns: list = [
    path("children/<int:child_id>/", views.child_learning, name="child_learning"),
]
