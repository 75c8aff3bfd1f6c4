"""URL routes of the roadmaps app."""

from django.urls import path

from tropa.roadmaps.views import diagnostic, recommendations, roadmap

app_name = "roadmaps"

urlpatterns = [
    path("", roadmap.my_roadmap, name="roadmap"),
    path("<int:roadmap_id>/", roadmap.roadmap_detail, name="detail"),
    path("<int:roadmap_id>/comments/", roadmap.comment, name="comment"),
    path("<int:roadmap_id>/steps/", roadmap.step_add, name="step_add"),
    path("steps/<int:step_id>/swap/", roadmap.step_swap, name="step_swap"),
    path("steps/<int:step_id>/remove/", roadmap.step_remove, name="step_remove"),
    path("steps/<int:step_id>/move/", roadmap.step_move, name="step_move"),
    path("mentees/", roadmap.mentees, name="mentees"),
    path("diagnostic/", diagnostic.diagnostic, name="diagnostic"),
    path("diagnostic/start/", diagnostic.diagnostic_start, name="diagnostic_start"),
    path("skills/", diagnostic.skill_profile, name="profile"),
    path("recommendations/", recommendations.recommendations, name="recommendations"),
    path("recommendations/accept/", recommendations.accept, name="recommendation_accept"),
    path("recommendations/dismiss/", recommendations.dismiss, name="recommendation_dismiss"),
]
