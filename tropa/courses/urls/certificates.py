"""URL routes of the courses app: certificates."""

from django.urls import path

from tropa.courses.views import certificates as views

urlpatterns = [
    path("my-certificates/", views.my_certificates, name="my_certificates"),
    path("certificates/<str:code>/", views.certificate_verify, name="certificate_verify"),
    path("certificates/<str:code>/pdf/", views.certificate_pdf, name="certificate_pdf"),
]
