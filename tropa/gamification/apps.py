"""XP ledger, levels, badges, streaks, daily challenges, battles and leaderboards; a consumer of the activity spine."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GamificationConfig(AppConfig):
    name = "tropa.gamification"
    verbose_name = _("Gamification")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from tropa.core.navigation import register_navbar_template
        from tropa.gamification import dashboard, handlers, navigation  # noqa: F401  (panel, handlers, menu)

        register_navbar_template("gamification/partials/_xp_toasts.html")

        from tropa.gamification.portfolio import register_section

        register_section()
