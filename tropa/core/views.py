"""Site-wide pages: the landing page, health check, web app manifest and the styled error pages."""

import logging

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpResponseServerError, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.templatetags.static import static
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from tropa.core.dashboard import panels_for

logger = logging.getLogger(__name__)


@require_GET
def home(request):
    if request.user.is_authenticated:
        return redirect("core:dashboard")
    return render(request, "core/landing.html")


@login_required
@require_GET
def dashboard(request):
    return render(request, "core/dashboard.html", {"panels": panels_for(request)})


@require_GET
def healthz(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


@require_GET
@cache_control(max_age=3600, public=True)
def manifest(request):
    data = {
        "name": "Tropa",
        "short_name": "Tropa",
        "description": _("From learning to a job: courses, projects, career."),
        "lang": request.LANGUAGE_CODE,
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": "#1f6f5c",
        "icons": [
            {"src": static("icons/icon-192.png"), "sizes": "192x192", "type": "image/png"},
            {"src": static("icons/icon-512.png"), "sizes": "512x512", "type": "image/png"},
            {
                "src": static("icons/icon-maskable-512.png"),
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
        ],
    }
    return JsonResponse(data, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False})


def error_403(request, exception=None):
    return render(request, "errors/403.html", status=403)


def error_404(request, exception=None):
    return render(request, "errors/404.html", status=404)


def error_500(request):
    # No context processors that might query: the database may be what failed. And if even the template
    # cannot render (say, static files were never collected), answer in plain words rather than fail again.
    try:
        body = loader.get_template("errors/500.html").render({"SITE_NAME": "Tropa", "DEBUG": settings.DEBUG})
    except Exception:
        logger.exception("the 500 page itself failed to render")
        body = "<!DOCTYPE html><title>Tropa</title><h1>Something went wrong / Что-то пошло не так</h1>"
    return HttpResponseServerError(body)
