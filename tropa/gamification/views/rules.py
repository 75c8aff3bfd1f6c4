"""An organization's XP rules for its courses: owners and administrators tune points, caps, on/off."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tropa.core.exceptions import ServiceError
from tropa.core.forms import apply_service_error
from tropa.gamification import permissions
from tropa.gamification.forms import XPRuleForm
from tropa.gamification.rules import RULES
from tropa.gamification.selectors import xp as selectors
from tropa.gamification.services import xp as services
from tropa.organizations.selectors import organization_get_for


@login_required
@require_http_methods(["GET", "POST"])
def xp_rules(request, slug: str):
    organization = organization_get_for(user=request.user, slug=slug)
    if organization is None or not permissions.can_tune_xp_rules(request.user, organization):
        raise Http404
    form, status = None, 200
    if request.method == "POST":
        form = XPRuleForm(request.POST)
        rule = RULES.get(request.POST.get("rule", ""))
        if rule is None or not rule.course_rule:
            form.add_error(None, _("Unknown rule."))
        elif request.POST.get("action") == "reset":
            services.xp_rule_reset(actor=request.user, organization=organization, rule=rule)
            messages.success(request, _("The rule is back to its default."))
            return redirect("gamification:xp_rules", slug)
        elif form.is_valid():
            try:
                services.xp_rule_set(
                    actor=request.user,
                    organization=organization,
                    rule=rule,
                    points=form.cleaned_data["points"],
                    daily_cap=form.cleaned_data["daily_cap"],
                    enabled=form.cleaned_data["enabled"],
                )
            except ServiceError as error:
                apply_service_error(form, error)
            else:
                messages.success(request, _("Saved: new awards follow the new setting."))
                return redirect("gamification:xp_rules", slug)
        status = 400
    context = {"organization": organization, "rows": selectors.rule_settings(organization=organization), "form": form}
    return render(request, "gamification/xp_rules.html", context, status=status)
