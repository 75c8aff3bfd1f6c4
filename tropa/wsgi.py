"""WSGI entry point (management tools and WSGI servers); the site itself is served over ASGI."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tropa.settings")
application = get_wsgi_application()
