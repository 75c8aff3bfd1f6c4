"""URL routes of the courses app: cohorts (in the studio) and "My cohorts"."""

from django.urls import path

from tropa.courses.views import cohorts

urlpatterns: list = [
    path("my-cohorts/", cohorts.my_cohorts, name="my_cohorts"),
    path("studio/<slug:slug>/cohorts/", cohorts.cohort_list, name="cohorts"),
    path("studio/<slug:slug>/cohorts/<int:cohort_id>/", cohorts.cohort_detail, name="cohort"),
    path("studio/<slug:slug>/cohorts/<int:cohort_id>/schedule/", cohorts.cohort_schedule, name="cohort_schedule"),
    path("studio/<slug:slug>/cohorts/<int:cohort_id>/curators/", cohorts.cohort_curators, name="cohort_curators"),
    path(
        "studio/<slug:slug>/cohorts/<int:cohort_id>/invite/rotate/",
        cohorts.cohort_invite_rotate,
        name="cohort_invite_rotate",
    ),
]
