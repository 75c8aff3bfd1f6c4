"""Routes of the gamification app, under /play/."""

from django.urls import path

from tropa.gamification.views import badges, boards, challenges, me, rules

app_name = "gamification"

urlpatterns = [
    path("", me.home, name="home"),
    path("xp/", me.history, name="history"),
    path("xp/toasts/", me.toasts, name="toasts"),
    path("boards/", boards.leaderboard, name="leaderboard"),
    path("boards/visibility/", me.visibility, name="visibility"),
    path("league/", me.league, name="league"),
    path("daily/", challenges.daily, name="daily"),
    path("battles/", challenges.battles, name="battles"),
    path("battles/<int:battle_id>/", challenges.battle, name="battle"),
    path("badges/<slug:key>/", badges.badge, name="badge"),
    path("credentials/<uuid:uuid>/", badges.badge_verify, name="badge_verify"),
    path("credentials/<uuid:uuid>/credential.json", badges.badge_credential, name="badge_credential"),
    path("issuer/", badges.issuer, name="issuer"),
    path("orgs/<slug:slug>/xp-rules/", rules.xp_rules, name="xp_rules"),
]
