"""URL routes of the courses app: the course player, learners' feedback and the curators' review queue."""

from django.urls import path

from tropa.courses.views import player, review_queue

urlpatterns: list = [
    path("review-queue/", review_queue.review_queue, name="review_queue"),
    path("review-queue/<int:submission_id>/", review_queue.submission_review, name="submission_review"),
    path("<slug:slug>/steps/<int:step_id>/", player.step_detail, name="step"),
    path("<slug:slug>/steps/<int:step_id>/done/", player.step_done, name="step_complete"),
    path("<slug:slug>/steps/<int:step_id>/quiz/", player.quiz_attempt, name="quiz_attempt"),
    path("<slug:slug>/steps/<int:step_id>/submit/", player.submission_new, name="submission_create"),
    path("<slug:slug>/submissions/<int:submission_id>/file/", player.submission_file, name="submission_file"),
    path("<slug:slug>/lessons/<int:lesson_id>/rate/", player.lesson_rate, name="lesson_rate"),
    path("<slug:slug>/review/", player.review_create, name="review_create"),
]
