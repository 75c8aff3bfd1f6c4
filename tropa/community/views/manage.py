"""The staff page for forum categories: platform staff and schools' owners/admins open and edit them here."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from tropa.community import permissions, selectors
from tropa.community.forms import CategoryForm
from tropa.community.services.spaces import category_save
from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.forms import apply_service_error
from tropa.courses.selectors.community import managed_course_options


@login_required
@require_GET
def categories(request):
    if not permissions.can_see_category_manager(request.user):
        raise Http404
    return render(
        request, "community/manage_categories.html", {"categories": selectors.managed_category_list(user=request.user)}
    )


def _form(request, data=None, initial=None) -> CategoryForm:
    courses, cohorts, directions = managed_course_options(
        organization_ids=selectors.managed_organization_ids(user=request.user), everything=request.user.is_staff
    )
    return CategoryForm(data, initial=initial, courses=courses, cohorts=cohorts, directions=directions)


def _edit(request, category):
    initial = None
    if category is not None:
        initial = {
            "name": category.name, "slug": category.slug, "kind": category.kind, "description": category.description,
            "course": category.course_id, "cohort": category.cohort_id, "direction": category.direction_id,
            "position": category.position,
        }  # fmt: skip
    form = _form(request, request.POST if request.method == "POST" else None, initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                saved = category_save(actor=request.user, category=category, **form.cleaned_data)
            except NotFound as error:
                raise Http404 from error
            except ServiceError as error:
                apply_service_error(form, error)
            else:
                return redirect("community:category", saved.slug)
        status = 400
    return render(request, "community/manage_category.html", {"form": form, "category": category}, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def category_new(request):
    if not permissions.can_see_category_manager(request.user):
        raise Http404
    return _edit(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def category_edit(request, slug: str):
    category = selectors.managed_category_get(user=request.user, slug=slug)
    if category is None:
        raise Http404
    return _edit(request, category)
