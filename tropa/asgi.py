"""ASGI entry point: HTTP through Django, websockets through Channels (routes arrive with messaging)."""

import os

from django.core.asgi import get_asgi_application

from tropa.env import require_secret_key

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tropa.settings")
require_secret_key()
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402  (needs Django set up first)
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from channels.security.websocket import AllowedHostsOriginValidator  # noqa: E402

from tropa.messaging import routing as messaging_routing  # noqa: E402

websocket_urlpatterns: list = [
    *messaging_routing.websocket_urlpatterns,
]

application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(AuthMiddlewareStack(URLRouter(websocket_urlpatterns))),
    }
)
