"""The public catalogue (search, filters, sorting; live with htmx) and the course page."""

from __future__ import annotations

from django.http import Http404, QueryDict
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tropa.courses.forms.catalogue import CatalogueFilterForm
from tropa.courses.selectors import catalogue as selectors


def _partial(request) -> bool:
    return bool(request.htmx) and not request.htmx.boosted


def _shareable_query(request) -> str:
    """The filters as a short query string: empty fields and the default sort left out, the page apart."""
    params = QueryDict(mutable=True)
    for name in CatalogueFilterForm.base_fields:
        value = request.GET.get(name, "").strip()
        if value and not (name == "sort" and value == selectors.SORT_RELEVANCE):
            params[name] = value
    return params.urlencode()


@require_GET
def catalogue(request):
    form = CatalogueFilterForm(request.GET, options=selectors.catalogue_options())
    filters = form.filters()
    page = selectors.course_catalogue_page(filters=filters, page_number=request.GET.get("page") or 1)
    query = _shareable_query(request)
    context = {"form": form, "filters": filters, "page": page, "searching": bool(filters.q), "query": query}
    # A bad value in a shared link is named on the page; the results still apply every valid filter.
    status = 400 if form.errors else 200
    if not _partial(request):
        return render(request, "courses/catalogue/list.html", context, status=status)
    response = render(request, "courses/catalogue/partials/_results_htmx.html", context, status=status)
    # The address bar gets the short form of what the form sent, so that the link is worth sharing.
    if page.number > 1:
        query = f"{query}&page={page.number}" if query else f"page={page.number}"
    response["HX-Push-Url"] = f"{request.path}?{query}" if query else request.path
    return response


@require_GET
def course_detail(request, slug: str):
    course_page = selectors.course_page_for(user=request.user, slug=slug)
    if course_page is None:
        raise Http404
    return render(request, "courses/catalogue/detail.html", {"page": course_page, "course": course_page.course})
