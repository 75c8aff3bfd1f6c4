"""The product's URLconf plus /bench/floor, the cheapest page behind the same middleware and session stack."""

from django.http import HttpResponse
from django.urls import path

from tropa.urls import handler403, handler404, handler500  # noqa: F401
from tropa.urls import urlpatterns as tropa_urlpatterns


def floor(request):
    # Touch the user so the session row and the user row are loaded, as on every signed-in page.
    return HttpResponse(b"ok" if request.user.is_authenticated else b"anonymous", content_type="text/plain")


urlpatterns = [path("bench/floor", floor, name="bench_floor"), *tropa_urlpatterns]
