"""The curator's desk: learners ranked by risk, one learner's page, one-click actions and alert marks.

Staff with a role that allows it see the desk (curators: their cohorts only); anyone else gets 404.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tropa.analytics import permissions
from tropa.analytics.forms import AlertMarkForm, DeskFilterForm, ExtendForm, InterventionForm
from tropa.analytics.models import InterventionKind
from tropa.analytics.selectors import desk as selectors
from tropa.analytics.selectors.overview import home_organizations, model_status
from tropa.analytics.services import alerts as alert_services
from tropa.analytics.services.interventions import intervention_log
from tropa.analytics.views.common import organization_or_404, partial
from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.forms import apply_service_error


@login_required
@require_GET
def home(request):
    """Where the menu entry leads: the desk of the only organization, or a choice among several."""
    organizations = home_organizations(user=request.user)
    if len(organizations) == 1:
        return redirect("analytics:desk", organizations[0].slug)
    return render(request, "analytics/home.html", {"organizations": organizations})


@login_required
@require_GET
def desk(request, org: str):
    organization = organization_or_404(request, org, permissions.can_view_risk_desk)
    options = selectors.desk_options(user=request.user, organization=organization)
    form = DeskFilterForm(request.GET or None, options=options)
    data = form.cleaned_data if form.is_valid() else {}
    filters = selectors.DeskFilters(
        course_id=data.get("course"), cohort_id=data.get("cohort"), curator_id=data.get("curator")
    )
    page = selectors.desk_page(
        user=request.user, organization=organization, filters=filters, page_number=request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "organization": organization,
        "form": form,
        "page": page,
        "query": query.urlencode(),
        "status": model_status(organization=organization),
        "can_manage": permissions.can_manage_analytics(request.user, organization),
    }
    template = "analytics/partials/_desk_rows.html" if partial(request) else "analytics/desk.html"
    return render(request, template, context)


def _history_or_404(request, organization, history_id: int):
    row = selectors.history_get_for(user=request.user, organization=organization, history_id=history_id)
    if row is None:
        raise Http404
    return row


def _learner_page(request, organization, row, *, form=None, status: int = 200):
    context = {
        "organization": organization,
        "row": row,
        "form": form or InterventionForm(steps=selectors.extendable_steps_for(row=row)),
        **selectors.history_detail(row=row),
    }
    return render(request, "analytics/learner.html", context, status=status)


@login_required
@require_GET
def learner(request, org: str, history_id: int):
    organization = organization_or_404(request, org, permissions.can_view_risk_desk)
    return _learner_page(request, organization, _history_or_404(request, organization, history_id))


def _log_from(request, organization, row, form, *, kind: str) -> bool:
    """Log the intervention a valid desk form describes; False with the service's error put on the form."""
    data = form.cleaned_data
    alert = None
    if data["alert"]:
        alert = selectors.alert_get_for(user=request.user, organization=organization, alert_id=data["alert"])
    try:
        intervention_log(
            actor=request.user,
            history=row,
            kind=kind,
            note=data["note"],
            alert=alert,
            step_id=data["step"],
            due_on=data["due_on"],
        )
    except NotFound:
        raise Http404 from None
    except ServiceError as error:
        apply_service_error(form, error)
        return False
    return True


@login_required
@require_POST
def act(request, org: str, history_id: int):
    """One click on the desk: message, mentor, extend, parent, contacted; logged as an intervention."""
    organization = organization_or_404(request, org, permissions.can_view_risk_desk)
    row = _history_or_404(request, organization, history_id)
    form = InterventionForm(request.POST, steps=selectors.extendable_steps_for(row=row))
    if form.is_valid() and _log_from(request, organization, row, form, kind=form.cleaned_data["kind"]):
        messages.success(request, _("Done: the action is logged."))
        if request.POST.get("next"):
            return redirect(_safe_next(request, org))
        return redirect("analytics:learner", org, history_id)
    return _learner_page(request, organization, row, form=form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def extend(request, org: str, history_id: int):
    """The desk's "Extend a deadline": a small form (step, new date, reason); logged and the learner told."""
    organization = organization_or_404(request, org, permissions.can_view_risk_desk)
    row = _history_or_404(request, organization, history_id)
    steps = selectors.extendable_steps_for(row=row)
    form = ExtendForm(request.POST or None, steps=steps, initial={"alert": request.GET.get("alert")})
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid() and _log_from(request, organization, row, form, kind=InterventionKind.EXTEND):
            messages.success(request, _("Done: the new deadline is set and the learner is told."))
            return redirect("analytics:learner", org, history_id)
    context = {"organization": organization, "row": row, "form": form, "steps": steps}
    return render(request, "analytics/extend.html", context, status=status)


def _safe_next(request, org: str) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("analytics:desk", args=[org])


@login_required
@require_POST
def alert_mark(request, org: str, alert_id: int):
    organization = organization_or_404(request, org, permissions.can_view_risk_desk)
    alert = selectors.alert_get_for(user=request.user, organization=organization, alert_id=alert_id)
    if alert is None:
        raise Http404
    form = AlertMarkForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose useful or not useful."))
    else:
        alert_services.alert_mark(actor=request.user, alert=alert, useful=form.cleaned_data["useful"])
        if partial(request):
            return render(
                request, "analytics/partials/_alert_mark.html", {"alert": alert, "organization": organization}
            )
        messages.success(request, _("Thank you: this helps the model learn what matters."))
    return redirect(_safe_next(request, org))
