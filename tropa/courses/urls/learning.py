"""URL routes of the courses app: a learner's courses, joining, the outline and leaving."""

from django.urls import path

from tropa.courses.views import learning as views

urlpatterns: list = [
    path("my/", views.my_courses, name="my_courses"),
    path("<slug:slug>/enroll/", views.enroll, name="enroll"),
    path("<slug:slug>/learn/", views.learn, name="learn"),
    path("<slug:slug>/leave/", views.leave, name="leave"),
]
