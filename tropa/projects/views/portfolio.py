"""The portfolio: a learner's verified achievements as a page (with OpenGraph tags), as JSON Resume, and the
owner's choice of who sees each item."""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tropa.accounts.models import Visibility
from tropa.core.exceptions import NotFound, ServiceError
from tropa.projects.forms.work import PortfolioItemForm
from tropa.projects.resume import json_resume
from tropa.projects.selectors.portfolio import portfolio_get_for
from tropa.projects.services import portfolio as services


@require_GET
def portfolio(request, user_id: int):
    found = portfolio_get_for(request.user, user_id)
    if found is None:
        raise Http404
    context = {"portfolio": found, "person": found.owner, "visibility_choices": Visibility.choices}
    return render(request, "projects/portfolio.html", context)


@require_GET
def portfolio_resume(request, user_id: int):
    found = portfolio_get_for(request.user, user_id)
    if found is None:
        raise Http404
    body = json.dumps(json_resume(found), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    name = slugify(found.owner.display_name) or f"user-{found.owner.pk}"
    response["Content-Disposition"] = f'attachment; filename="{name}-resume.json"'
    return response


@login_required
@require_POST
def portfolio_item(request):
    """The owner sets who sees one item; back to their portfolio."""
    form = PortfolioItemForm(request.POST)
    if form.is_valid():
        try:
            services.portfolio_visibility_set(actor=request.user, **form.cleaned_data)
        except NotFound:
            raise Http404 from None
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Saved: who can see this item has changed."))
    return redirect("projects:portfolio", user_id=request.user.pk)


@login_required
@require_POST
def work_sharing(request, work_id: int):
    try:
        services.work_sharing_set(
            actor=request.user, work_id=work_id, share_feedback=request.POST.get("share_feedback") == "on"
        )
    except NotFound:
        raise Http404 from None
    messages.success(request, _("Saved."))
    return redirect("projects:portfolio", user_id=request.user.pk)
