"""URL routes of the projects app under /projects/."""

from django.urls import path

from tropa.projects.views import learner, portfolio, reviewing, studio, teams

app_name = "projects"

urlpatterns = [
    path("", learner.mine, name="mine"),
    path("course/<slug:slug>/", learner.project_detail, name="detail"),
    path("course/<slug:slug>/team/invite/", teams.team_invite, name="team_invite"),
    path("course/<slug:slug>/team/<int:member_id>/remove/", teams.team_member_remove, name="team_member_remove"),
    path("team-invites/<int:invite_id>/answer/", teams.team_invite_answer, name="team_invite_answer"),
    path("team-invites/<int:invite_id>/cancel/", teams.team_invite_cancel, name="team_invite_cancel"),
    path("my-reviews/<int:review_id>/appeal/", learner.appeal_create, name="appeal_create"),
    path("my-reviews/<int:review_id>/rate/", learner.review_rate, name="review_rate"),
    path("files/<int:file_id>/", learner.file_download, name="file"),
    path("reviews/", reviewing.queue, name="queue"),
    path("reviews/<int:work_id>/", reviewing.review, name="review"),
    path("appeals/<int:appeal_id>/", reviewing.appeal_resolve, name="appeal_resolve"),
    path("studio/<slug:slug>/", studio.studio, name="studio"),
    path("studio/<slug:slug>/criteria/", studio.criterion_add, name="criterion_add"),
    path("studio/<slug:slug>/criteria/<int:criterion_id>/delete/", studio.criterion_delete, name="criterion_delete"),
    path("studio/<slug:slug>/cohorts/<int:cohort_id>/deadline/", studio.cohort_deadline, name="cohort_deadline"),
    path("people/<int:user_id>/", portfolio.portfolio, name="portfolio"),
    path("people/<int:user_id>/resume.json", portfolio.portfolio_resume, name="portfolio_resume"),
    path("portfolio/item/", portfolio.portfolio_item, name="portfolio_item"),
    path("portfolio/works/<int:work_id>/sharing/", portfolio.work_sharing, name="work_sharing"),
]
