"""URL routes of the assistant app under /assistant/."""

from django.urls import path

from tropa.assistant.views import chat, cv

app_name = "assistant"

urlpatterns = [
    path("", chat.chat, name="chat"),
    path("panel/", chat.panel, name="panel"),
    path("ask/", chat.ask, name="ask"),
    path("clear/", chat.clear, name="clear"),
    path("cv/", cv.cv, name="cv"),
    path("cv/download/<str:fmt>/", cv.cv_download, name="cv_download"),
    path("cv/share/", cv.cv_share, name="cv_share"),
    path("cv/shared/<str:token>/", cv.cv_shared, name="cv_shared"),
]
