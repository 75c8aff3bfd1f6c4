"""URL routes of the courses app: the catalogue and the course page."""

from django.urls import path

from tropa.courses.views import catalogue as views

urlpatterns: list = [
    path("", views.catalogue, name="catalogue"),
    path("<slug:slug>/", views.course_detail, name="detail"),
]
