"""Public badge pages: what a badge is for, a credential's verification page, its Open Badges 3.0 JSON."""

from __future__ import annotations

import json

from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tropa.gamification.badges import openbadges
from tropa.gamification.badges.catalog import BADGES
from tropa.gamification.selectors import badges as selectors


@require_GET
def badge(request, key: str):
    badge = BADGES.get(key)
    if badge is None:
        raise Http404
    return render(request, "gamification/badge.html", {"badge": badge, "holders": selectors.holder_count(key=key)})


@require_GET
def badge_verify(request, uuid):
    award = selectors.award_get_by_uuid(uuid=uuid)
    if award is None:
        raise Http404
    context = {
        "award": award,
        "badge": BADGES[award.badge],
        "holder_name": selectors.public_holder_name(award, viewer=request.user),
        "is_holder": request.user.is_authenticated and request.user.pk == award.user_id,
        "verify_url": openbadges.verify_url(award),
    }
    return render(request, "gamification/badge_verify.html", context)


@require_GET
def badge_credential(request, uuid):
    award = selectors.award_get_by_uuid(uuid=uuid)
    if award is None:
        raise Http404
    body = json.dumps(openbadges.credential(award, BADGES[award.badge]), ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/ld+json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="tropa-badge-{award.badge}.json"'
    return response


@require_GET
def issuer(request):
    from django.conf import settings

    site = settings.SITE_URL.rstrip("/")
    return JsonResponse(
        {
            "@context": openbadges.CONTEXT,
            "id": site + request.path,
            "type": ["Profile"],
            "name": "Tropa",
            "url": site + "/",
        },
        content_type="application/ld+json",
    )
