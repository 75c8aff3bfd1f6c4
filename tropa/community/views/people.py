"""Communities around people and courses: an author's page, a course's community, following them and schools."""

from __future__ import annotations

import contextlib

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from tropa.community.selectors.people import author_page_for, course_community_for
from tropa.community.services import forum as services
from tropa.core.exceptions import ServiceError


@require_GET
def author(request, author_id: int):
    page = author_page_for(viewer=request.user, author_id=author_id)
    if page is None:
        raise Http404
    return render(request, "community/author.html", {"page": page})


@login_required
@require_POST
def author_follow(request, author_id: int):
    page = author_page_for(viewer=request.user, author_id=author_id)
    if page is None:
        raise Http404
    with contextlib.suppress(ServiceError):  # an author following themselves: nothing to do
        services.follow_toggle(actor=request.user, person=page.author)
    return redirect("community:author", author_id)


@require_GET
def course(request, course_slug: str):
    community = course_community_for(viewer=request.user, slug=course_slug)
    if community is None:
        raise Http404
    return render(request, "community/course.html", {"community": community})


@login_required
@require_POST
def course_follow(request, course_slug: str):
    community = course_community_for(viewer=request.user, slug=course_slug)
    if community is None:
        raise Http404
    if request.POST.get("what") == "school":
        services.follow_toggle(actor=request.user, organization=community.course.organization)
    else:
        services.follow_toggle(actor=request.user, course=community.course)
    return redirect("community:course", course_slug)
