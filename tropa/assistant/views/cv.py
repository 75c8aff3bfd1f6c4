"""The CV: the owner's editor with a preview, PDF (Russian or English) and JSON Resume downloads, and the
opt-in shared PDF link (never for a minor)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tropa.assistant.cv_document import cv_document_for
from tropa.assistant.cv_pdf import cv_pdf
from tropa.assistant.forms import CVForm
from tropa.assistant.permissions import can_share_cv
from tropa.assistant.selectors import cv_get_shared
from tropa.assistant.services import cv as services
from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.forms import apply_service_error


def _page(request, document, form, *, status: int = 200):
    context = {
        "document": document,
        "form": form,
        "items": form.bound_items(),
        "can_share": can_share_cv(request.user),
        "share_url": request.build_absolute_uri(reverse("assistant:cv_shared", args=[document.edits.share_token]))
        if document.edits.share_token
        else "",
    }
    return render(request, "assistant/cv.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def cv(request):
    document = cv_document_for(owner=request.user)
    if document is None:
        raise Http404
    if request.method == "GET":
        return _page(request, document, CVForm(instance=document.edits, items=document.items))
    form = CVForm(request.POST, instance=document.edits, items=document.items)
    if form.is_valid():
        hidden, order = form.choices()
        data = {name: form.cleaned_data[name] for name in CVForm.Meta.fields}
        try:
            services.cv_update(actor=request.user, hidden_items=hidden, item_order=order,
                               known_items={item.key for item in document.items}, **data)  # fmt: skip
        except NotFound:
            raise Http404 from None
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("Your CV was saved."))
            return redirect("assistant:cv")
    return _page(request, document, form, status=400)


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def cv_download(request, fmt: str):
    """?lang=ru|en (default: the language chosen in the editor)."""
    language = request.GET.get("lang") or ""
    if not language:
        document = cv_document_for(owner=request.user)
        language = document.edits.language if document else "ru"
    try:
        content, content_type, filename = services.cv_export(actor=request.user, fmt=fmt, language=language)
    except NotFound:
        raise Http404 from None
    except ServiceError as error:
        return HttpResponse(f"{error.field}: {error.message}", status=400, content_type="text/plain; charset=utf-8")
    return _download(content, content_type, filename)


@login_required
@require_POST
def cv_share(request):
    try:
        cv = services.cv_share_set(actor=request.user, shared=request.POST.get("shared") == "on")
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("assistant:cv")
    if cv.share_token:
        messages.success(request, _("Anyone with the link can now download your CV as PDF."))
    else:
        messages.success(request, _("The link was turned off: it no longer works."))
    return redirect("assistant:cv")


@require_GET
def cv_shared(request, token: str):
    """The shared PDF, in the language the owner chose; 404 for a revoked link or a minor's CV."""
    cv = cv_get_shared(token=token)
    if cv is None:
        raise Http404
    document = cv_document_for(owner=cv.user, edits=cv)
    if document is None:
        raise Http404
    with translation.override(cv.language):
        content = cv_pdf(document)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="cv.pdf"'
    response["X-Robots-Tag"] = "noindex"
    return response
