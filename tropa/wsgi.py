"""WSGI entry point (management tools and WSGI servers); the site itself is served over ASGI."""

import os

from django.core.wsgi import get_wsgi_application

from tropa.env import require_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tropa.settings")
require_secret_key()
application = get_wsgi_application()
