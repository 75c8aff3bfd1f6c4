"""Certificate pages: the public verification page (with the revoke form for the school's managers), the PDF,
and "My certificates".

Anyone may verify a code; the PDF is for the holder and the school's owners and administrators; anyone
else gets 404, the same as for a code that does not exist.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.forms import apply_service_error
from tropa.courses import pdf, permissions
from tropa.courses.forms.certificates import CertificateRevokeForm
from tropa.courses.models import CourseStatus
from tropa.courses.selectors import certificates as selectors
from tropa.courses.services import certificates as services


def _verify_page(request, certificate, *, can_revoke: bool, form=None, status: int = 200):
    user = request.user
    is_holder = user.is_authenticated and certificate.enrollment.user_id == user.pk
    sees_full_name = is_holder or can_revoke
    verify_url = selectors.certificate_verify_url(certificate)
    course = certificate.enrollment.course
    context = {
        "certificate": certificate,
        "holder_name": certificate.learner_name if sees_full_name else selectors.certificate_public_name(certificate),
        "public_name": selectors.certificate_public_name(certificate),
        "name_hidden_publicly": certificate.enrollment.user.is_minor,
        "is_holder": is_holder,
        "can_download": sees_full_name,
        "can_revoke": can_revoke and certificate.is_valid,
        "course_url_slug": course.slug if course.status == CourseStatus.PUBLISHED else "",
        "verify_url": verify_url,
        "qr_svg": pdf.verification_qr_svg(verify_url, title=_("QR code of this page")),
        "linkedin_url": selectors.certificate_linkedin_url(certificate) if is_holder and certificate.is_valid else "",
        "form": form or (CertificateRevokeForm() if can_revoke and certificate.is_valid else None),
    }
    return render(request, "courses/certificates/verify.html", context, status=status)


@require_http_methods(["GET", "POST"])
def certificate_verify(request, code: str):
    """Public: who holds the certificate, for which course, from which school, and whether it still stands."""
    certificate = selectors.certificate_get_by_code(code=code)
    if certificate is None:
        raise Http404
    if request.method == "GET" and code != certificate.code:
        return redirect("courses:certificate_verify", certificate.code)  # a typed code, to the canonical address
    can_revoke = permissions.can_revoke_certificate(request.user, certificate.enrollment.course)
    if request.method == "GET":
        return _verify_page(request, certificate, can_revoke=can_revoke)
    if not can_revoke:
        raise Http404
    if not certificate.is_valid:  # a second click, or two managers at once
        messages.info(request, _("This certificate has already been revoked."))
        return redirect("courses:certificate_verify", certificate.code)
    form = CertificateRevokeForm(request.POST)
    if form.is_valid():
        try:
            services.certificate_revoke(actor=request.user, certificate=certificate, reason=form.cleaned_data["reason"])
        except NotFound:
            raise Http404 from None
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("The certificate was revoked. Its verification page now says so."))
            return redirect("courses:certificate_verify", certificate.code)
    return _verify_page(request, certificate, can_revoke=can_revoke, form=form, status=400)


@login_required
@require_GET
def certificate_pdf(request, code: str):
    """The PDF, for its holder and the school's owners and administrators; a revoked one comes stamped REVOKED."""
    certificate = selectors.certificate_get_for(user=request.user, code=code)
    if certificate is None:
        raise Http404
    content = pdf.certificate_pdf_cached(
        certificate=certificate, verify_url=selectors.certificate_verify_url(certificate)
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.code}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def my_certificates(request):
    certificates = list(selectors.certificate_list_for_user(user=request.user))
    for certificate in certificates:  # pure string building: no query per certificate
        certificate.linkedin_url = selectors.certificate_linkedin_url(certificate) if certificate.is_valid else ""
    return render(request, "courses/certificates/my_list.html", {"certificates": certificates})
