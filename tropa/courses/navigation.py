"""Menu entries of the courses app (each area adds its entry here once its page exists)."""

from django.utils.translation import gettext_lazy as _  # noqa: F401

from tropa.core.navigation import NavEntry, is_authenticated, register  # noqa: F401
