"""The careers app's kind of recommendation: opportunities that fit the learner's roadmap, each with "why this".

Registered with the roadmaps registry from `CareersConfig.ready()`; the roadmaps app never imports careers.
"""

from __future__ import annotations

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tropa.careers.selectors.recommended import opportunities_fitting
from tropa.roadmaps.sources import Context, Recommendation, Source, register

KIND = "opportunity"
SHOWN = 3


def _reasons(fit, context: Context) -> list[str]:
    reasons = []
    if fit.gap_skill_ids:
        names = ", ".join(context.skill_names.get(pk, "") for pk in fit.gap_skill_ids[:3])
        reasons.append(_("Needs what your roadmap builds: %(skills)s") % {"skills": names})
    if fit.evidence:
        reasons.append(_("You have shown it: %(evidence)s") % {"evidence": "; ".join(fit.evidence[:2])})
    if fit.direction:
        reasons.append(_("In your direction: %(direction)s") % {"direction": fit.direction})
    if fit.opportunity.deadline:
        reasons.append(_("Apply by %(date)s") % {"date": date_format(fit.opportunity.deadline, "SHORT_DATE_FORMAT")})
    return reasons


def opportunities_for(user, context: Context, limit: int = SHOWN) -> list[Recommendation]:
    dismissed = [item_id for kind, item_id in getattr(context, "dismissed", ()) if kind == KIND]
    fits = opportunities_fitting(
        user=user, gap=context.gap, direction_id=context.direction_id, exclude_ids=dismissed, limit=limit
    )
    items = []
    for fit in fits:
        opportunity = fit.opportunity
        where = opportunity.city or ""
        if opportunity.is_remote:
            where = f"{where}, {_('remote')}" if where else _("Remote")
        items.append(
            Recommendation(
                kind=KIND,
                id=opportunity.pk,
                title=opportunity.title,
                url=reverse("careers:opportunity", args=[opportunity.pk]),
                reasons=_reasons(fit, context),
                source="content",
                score=float(fit.score),
                reason_key="content",
                extra={
                    "organization": opportunity.organization.name,
                    "details": [
                        str(detail)
                        for detail in (opportunity.get_kind_display(), opportunity.get_level_display(), where)
                        if detail
                    ],
                },
            )
        )
    return items


register(Source(KIND, gettext_lazy("Opportunities"), opportunities_for, order=20))
