"""The organization's side of early warning: import and export history, the model, settings, did it help.

Owners and admins only (404 for anyone else); the impact page is open to everyone who sees the desk.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tropa.analytics import permissions, tasks
from tropa.analytics.bundle import BundleInvalid
from tropa.analytics.forms import AnalyticsSettingsForm, BundleUploadForm
from tropa.analytics.selectors import overview
from tropa.analytics.services.alerts import settings_for
from tropa.analytics.services.exports import history_export
from tropa.analytics.services.imports import bundle_import_uploads
from tropa.analytics.services.settings import analytics_settings_update
from tropa.analytics.views.common import organization_or_404
from tropa.core.exceptions import ServiceError
from tropa.core.forms import apply_service_error

REPORT_ROWS = 500


def _history_page(request, organization, *, form=None, report=None, status: int = 200):
    context = {
        "organization": organization,
        "form": form or BundleUploadForm(),
        "report": report,
        "report_errors": report.errors[:REPORT_ROWS] if report else [],
        "report_more": max(len(report.errors) - REPORT_ROWS, 0) if report else 0,
        "imports": overview.import_list(organization=organization),
        "status": overview.model_status(organization=organization),
    }
    return render(request, "analytics/history.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def history(request, org: str):
    """Upload a bundle; bad rows come back as a report (file, line, column, reason) and nothing is written."""
    organization = organization_or_404(request, org, permissions.can_manage_analytics)
    if request.method == "GET":
        return _history_page(request, organization)
    form = BundleUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _history_page(request, organization, form=form, status=400)
    try:
        batch = bundle_import_uploads(
            actor=request.user,
            organization=organization,
            files=form.cleaned_data["files"],
            skip_bad_rows=form.cleaned_data["skip_bad_rows"],
        )
    except BundleInvalid as invalid:
        return _history_page(request, organization, form=form, report=invalid.report, status=422)
    except ServiceError as error:
        apply_service_error(form, error)
        return _history_page(request, organization, form=form, status=400)
    messages.success(
        request,
        _("Imported %(enrollments)s enrollments, %(activity)s activity rows and %(submissions)s submissions.")
        % {"enrollments": batch.enrollments, "activity": batch.activity_rows, "submissions": batch.submissions},
    )
    if batch.skipped:
        messages.warning(request, _("%(count)s bad rows were skipped.") % {"count": len(batch.skipped)})
    return redirect("analytics:history", org)


@login_required
@require_GET
def export(request, org: str):
    organization = organization_or_404(request, org, permissions.can_manage_analytics)
    content = history_export(actor=request.user, organization=organization)
    response = HttpResponse(content, content_type="application/zip")
    name = f"{organization.slug}-history-{timezone.localdate():%Y-%m-%d}.zip"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def model(request, org: str):
    """Model versions with their metrics in plain words; POST trains a new version in the background."""
    organization = organization_or_404(request, org, permissions.can_manage_analytics)
    if request.method == "POST":
        tasks.train_organization(organization.pk, request.user.pk)
        messages.success(request, _("Training started. The new version appears here when it is ready."))
        return redirect("analytics:model", org)
    context = {
        "organization": organization,
        "status": overview.model_status(organization=organization),
        "versions": overview.model_versions(organization=organization),
    }
    return render(request, "analytics/model.html", context)


@login_required
@require_POST
def score_now(request, org: str):
    organization = organization_or_404(request, org, permissions.can_manage_analytics)
    tasks.score_organization(organization.pk)
    messages.success(request, _("Scoring started: the desk refreshes with today's scores in a minute."))
    return redirect("analytics:desk", org)


@login_required
@require_http_methods(["GET", "POST"])
def settings_page(request, org: str):
    organization = organization_or_404(request, org, permissions.can_manage_analytics)
    current = settings_for(organization.pk)
    form = AnalyticsSettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            analytics_settings_update(actor=request.user, organization=organization, values=values)
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("Settings saved."))
            return redirect("analytics:settings", org)
    status = 400 if request.method == "POST" else 200
    return render(request, "analytics/settings.html", {"organization": organization, "form": form}, status=status)


@login_required
@require_GET
def impact(request, org: str):
    organization = organization_or_404(request, org, permissions.can_view_risk_desk)
    context = {"organization": organization, "impact": overview.impact_summary(organization=organization)}
    return render(request, "analytics/impact.html", context)
