"""URL routes of the mentorship app."""

from django.urls import path

from tropa.mentorship import views, views_ama, views_sessions

app_name = "mentorship"

urlpatterns = [
    path("", views.mentor_list, name="list"),
    path("<int:mentor_id>/", views.mentor_detail, name="detail"),
    path("my/", views.my, name="my"),
    path("profile/", views.profile, name="profile"),
    path("profile/slots/", views.slot_add, name="slot_add"),
    path("requests/<int:request_id>/decide/", views.decide, name="decide"),
    path("requests/<int:request_id>/schedule/", views.schedule, name="schedule"),
    path("requests/<int:request_id>/consent/", views_sessions.consent, name="consent"),
    path("mentees/<int:request_id>/", views_sessions.mentee, name="mentee"),
    path("sessions/<int:session_id>/", views_sessions.session_detail, name="session"),
    path("sessions/<int:session_id>/outcome/", views_sessions.session_outcome, name="session_outcome"),
    path("sessions/<int:session_id>/rating/", views_sessions.session_rating, name="session_rating"),
    path("sessions/<int:session_id>/notes/", views_sessions.session_notes, name="session_notes"),
    path("sessions/<int:session_id>/cancel/", views_sessions.session_cancel, name="session_cancel"),
    path("sessions/<int:session_id>/calendar.ics", views.session_ics, name="session_ics"),
    path("ama/", views_ama.ama_list, name="ama_list"),
    path("ama/new/", views_ama.ama_create, name="ama_create"),
    path("ama/<int:session_id>/", views_ama.ama, name="ama"),
    path("ama/<int:session_id>/live/", views_ama.ama_live, name="ama_live"),
    path("ama/questions/<int:question_id>/vote/", views_ama.ama_vote, name="ama_vote"),
    path("ama/questions/<int:question_id>/answer/", views_ama.ama_answer, name="ama_answer"),
]
