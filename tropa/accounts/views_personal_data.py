"""Your data: download everything Tropa holds about you, and delete your account."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tropa.accounts import account_deletion, data_export, selectors
from tropa.accounts.forms import AccountDeleteForm
from tropa.core.exceptions import ServiceError
from tropa.core.forms import apply_service_error
from tropa.core.ratelimit import exceeded, hit

DELETE_ATTEMPT_SCOPE = "account-delete-attempt"


def _context(request, form: AccountDeleteForm | None = None) -> dict:
    exports = list(selectors.data_export_list(user=request.user))
    return {
        "exports": exports,
        "pending": any(export.status == "pending" for export in exports),
        "export_days": settings.PERSONAL_DATA_EXPORT_DAYS,
        "delete_form": form or AccountDeleteForm(),
        "confirm_with": account_deletion.account_confirmation_field(request.user),
        "blockers": account_deletion.account_delete_blockers(user=request.user),
    }


@login_required
@require_GET
def personal_data(request):
    if request.htmx and not request.htmx.boosted:
        # The export list polls itself while a file is being prepared.
        exports = list(selectors.data_export_list(user=request.user))
        context = {"exports": exports, "pending": any(export.status == "pending" for export in exports)}
        return render(request, "accounts/partials/_data_exports.html", context)
    response = render(request, "accounts/personal_data.html", _context(request))
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def data_export_request(request):
    if not hit("personal-data-export", str(request.user.pk), settings.PERSONAL_DATA_EXPORT_RATE):
        messages.error(request, _("You have asked for your data several times today. Try again tomorrow."))
        return redirect("accounts:personal_data")
    try:
        data_export.data_export_request(actor=request.user)
    except ServiceError as error:
        messages.info(request, error.message)
    else:
        messages.success(
            request, _("We are preparing your file. It will appear here, and we will email you when it is ready.")
        )
    return redirect("accounts:personal_data")


@login_required
@require_GET
def data_export_download(request, export_id: int):
    export = selectors.data_export_get_for(request.user, export_id)
    if export is None:
        raise Http404
    filename = f"tropa-data-{export.requested_at:%Y-%m-%d}.json"
    response = FileResponse(
        export.file.open("rb"), as_attachment=True, filename=filename, content_type="application/json"
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["POST"])
def account_delete(request):
    form = AccountDeleteForm(request.POST)
    key = str(request.user.pk)
    if exceeded(DELETE_ATTEMPT_SCOPE, key, settings.ACCOUNT_DELETE_ATTEMPT_RATE):
        messages.error(request, _("Too many wrong attempts. Try again in an hour."))
        return render(request, "accounts/personal_data.html", _context(request, form), status=429)
    if form.is_valid():
        try:
            account_deletion.account_delete(
                actor=request.user, password=form.cleaned_data["password"], email=form.cleaned_data["email"]
            )
        except ServiceError as error:
            if error.field:
                hit(DELETE_ATTEMPT_SCOPE, key, settings.ACCOUNT_DELETE_ATTEMPT_RATE)
            apply_service_error(form, error)
        else:
            logout(request)
            messages.success(request, _("Your account has been deleted. Thank you for learning with us."))
            return redirect("core:home")
    return render(request, "accounts/personal_data.html", _context(request, form), status=400)
