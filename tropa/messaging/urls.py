"""URL routes of the messaging app."""

from django.urls import path

from tropa.messaging.views import conversations, messages, moderation

app_name = "messaging"

urlpatterns = [
    path("", conversations.inbox, name="inbox"),
    path("<int:conversation_id>/", conversations.conversation, name="conversation"),
    path("<int:conversation_id>/poll/", conversations.poll, name="poll"),
    path("<int:conversation_id>/send/", conversations.send, name="send"),
    path("with/<int:user_id>/", conversations.direct, name="direct"),
    path("block/<int:user_id>/", conversations.block, name="block"),
    path("cohort/<int:cohort_id>/", conversations.cohort, name="cohort"),
    path("course/<slug:slug>/", conversations.course_qa, name="course_qa"),
    path("attachments/<int:attachment_id>/", conversations.attachment, name="attachment"),
    path("badge/", conversations.badge, name="badge"),
    path("message/<int:message_id>/edit/", messages.edit, name="message_edit"),
    path("message/<int:message_id>/delete/", messages.delete, name="message_delete"),
    path("message/<int:message_id>/report/", messages.report, name="message_report"),
    path("moderation/", moderation.queue, name="moderation"),
    path("moderation/<int:report_id>/", moderation.act, name="moderation_act"),
]
