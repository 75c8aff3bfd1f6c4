"""The forum, feedback on solutions, reputation and trust, moderation, follows, the activity feed and digests."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "tropa.community"
    verbose_name = _("Community")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from tropa.community import handlers, navigation  # noqa: F401  (feed handlers, menu entries)
