"""Cohort pages of the studio: a course's cohorts, one cohort (settings, schedule, curators, invitation
link, roster), and "My cohorts" for the people who run them.

Organizers (owner, admin) change everything; a curator sees the cohorts they run, read-only; anyone
else gets 404, the same as for a cohort that does not exist.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.forms import apply_service_error
from tropa.courses import permissions
from tropa.courses.forms.cohorts import CohortForm, CuratorsForm, ScheduleForm
from tropa.courses.models import CohortEnrollmentPolicy, CourseMode, CourseStatus
from tropa.courses.selectors import cohorts as selectors
from tropa.courses.services import cohort_schedule as schedule_services
from tropa.courses.services import cohorts as services

MY_COHORTS_PER_PAGE = 30


def _partial(request) -> bool:
    return bool(request.htmx) and not request.htmx.boosted


def _course_for_organizer(request, slug: str):
    course = selectors.course_get_for_cohorts(user=request.user, slug=slug)
    if course is None or not permissions.can_manage_cohorts(request.user, course):
        raise Http404
    return course


def _cohort_or_404(request, slug: str, cohort_id: int, allowed=permissions.can_view_cohort):
    cohort = selectors.cohort_get_for(user=request.user, slug=slug, cohort_id=cohort_id)
    if cohort is None or not allowed(request.user, cohort):
        raise Http404
    return cohort


def _cohort_url(cohort) -> str:
    return reverse("courses:cohort", args=[cohort.course.slug, cohort.pk])


def share_url(cohort) -> str:
    """The link organizers share. Invite-only: the enroll page with the code, which names the cohort,
    links to the course and asks to confirm (the course page does not pass a code on). Open: the course page.
    """
    slug = cohort.course.slug
    if cohort.enrollment_policy == CohortEnrollmentPolicy.INVITE and cohort.invite_code:
        path = reverse("courses:enroll", args=[slug]) + "?" + urlencode({"code": cohort.invite_code})
    else:
        path = reverse("courses:detail", args=[slug])
    return settings.SITE_URL + path


# A course's cohorts


def _cohort_list_page(request, course, *, form=None, status: int = 200):
    context = {
        "course": course,
        "cohorts": selectors.cohort_list_for_course(course=course),
        "form": form or CohortForm(),
        "can_create": course.mode == CourseMode.COHORT and course.status != CourseStatus.ARCHIVED,
    }
    return render(request, "courses/cohorts/list.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def cohort_list(request, slug: str):
    course = _course_for_organizer(request, slug)
    if request.method == "GET":
        return _cohort_list_page(request, course)
    form = CohortForm(request.POST)
    if form.is_valid():
        try:
            cohort = services.cohort_create(actor=request.user, course=course, **form.cleaned_data)
        except NotFound:
            raise Http404 from None
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("Cohort “%(title)s” created.") % {"title": cohort.title})
            return redirect(_cohort_url(cohort))
    return _cohort_list_page(request, course, form=form, status=400)


# One cohort


def _cohort_context(request, cohort, *, settings_form=None, schedule_form=None, curators_form=None) -> dict:
    can_edit = permissions.can_edit_cohort(request.user, cohort)
    schedule = selectors.cohort_schedule(cohort=cohort)
    context = {
        "course": cohort.course,
        "cohort": cohort,
        "can_edit": can_edit,
        "schedule": schedule,
        "roster": selectors.cohort_roster(cohort=cohort),
        "stalled_after_days": selectors.STALLED_AFTER_DAYS,
        "time_zone": settings.TIME_ZONE,
    }
    if can_edit:
        candidates = selectors.cohort_curator_candidates(organization_id=cohort.course.organization_id)
        context.update(
            settings_form=settings_form or CohortForm.for_cohort(cohort),
            schedule_form=schedule_form or ScheduleForm(schedule=schedule),
            curators_form=curators_form
            or CuratorsForm(
                candidates=candidates, initial={"curators": [str(user.pk) for user in cohort.curators.all()]}
            ),
            share_url=share_url(cohort),
        )
    return context


def _cohort_page(request, cohort, *, status: int = 200, **forms):
    return render(request, "courses/cohorts/detail.html", _cohort_context(request, cohort, **forms), status=status)


@login_required
@require_http_methods(["GET", "POST"])
def cohort_detail(request, slug: str, cohort_id: int):
    """The cohort page; a POST saves its settings (organizers only)."""
    cohort = _cohort_or_404(request, slug, cohort_id)
    if request.method == "GET":
        return _cohort_page(request, cohort)
    if not permissions.can_edit_cohort(request.user, cohort):
        raise Http404
    form = CohortForm(request.POST, prefix="settings")
    if form.is_valid():
        try:
            services.cohort_update(actor=request.user, cohort=cohort, **form.cleaned_data)
        except NotFound:
            raise Http404 from None
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("Cohort settings saved."))
            return redirect(_cohort_url(cohort))
    return _cohort_page(request, cohort, settings_form=form, status=400)


@login_required
@require_POST
def cohort_schedule(request, slug: str, cohort_id: int):
    """Save the schedule; htmx swaps in the schedule section, a plain form post gets the whole page."""
    cohort = _cohort_or_404(request, slug, cohort_id, permissions.can_edit_cohort)
    form = ScheduleForm(request.POST, schedule=selectors.cohort_schedule(cohort=cohort))
    saved = False
    if form.is_valid():
        try:
            schedule_services.cohort_schedule_set(actor=request.user, cohort=cohort, rows=form.schedule_rows())
        except NotFound:
            raise Http404 from None
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            saved = True
    if _partial(request):
        if saved:  # show the dates as stored, in a fresh form
            form = ScheduleForm(schedule=selectors.cohort_schedule(cohort=cohort))
        context = {"cohort": cohort, "course": cohort.course, "schedule_form": form, "saved": saved}
        context["time_zone"] = settings.TIME_ZONE
        # htmx swaps only 2xx answers by default, so the form with its errors comes back as 200 here.
        return render(request, "courses/cohorts/partials/_schedule.html", context)
    if saved:
        messages.success(request, _("Schedule saved."))
        return redirect(_cohort_url(cohort) + "#schedule")
    return _cohort_page(request, cohort, schedule_form=form, status=400)


@login_required
@require_POST
def cohort_curators(request, slug: str, cohort_id: int):
    cohort = _cohort_or_404(request, slug, cohort_id, permissions.can_edit_cohort)
    candidates = selectors.cohort_curator_candidates(organization_id=cohort.course.organization_id)
    form = CuratorsForm(request.POST, candidates=candidates)
    if form.is_valid():
        try:
            services.cohort_curators_set(actor=request.user, cohort=cohort, users=form.chosen_users())
        except NotFound:
            raise Http404 from None
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            messages.success(request, _("Curators saved."))
            return redirect(_cohort_url(cohort) + "#curators")
    return _cohort_page(request, cohort, curators_form=form, status=400)


@login_required
@require_POST
def cohort_invite_rotate(request, slug: str, cohort_id: int):
    cohort = _cohort_or_404(request, slug, cohort_id, permissions.can_edit_cohort)
    try:
        services.cohort_invite_code_rotate(actor=request.user, cohort=cohort)
    except NotFound:
        raise Http404 from None
    messages.success(request, _("New invitation link made. The old link no longer works."))
    return redirect(_cohort_url(cohort) + "#invite")


# My cohorts


@login_required
@require_GET
def my_cohorts(request):
    if not selectors.has_cohort_staff_role(request.org.memberships):
        raise Http404
    page = Paginator(selectors.cohort_list_for_staff(user=request.user), MY_COHORTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {"page": page, "stalled_after_days": selectors.STALLED_AFTER_DAYS}
    return render(request, "courses/cohorts/my_cohorts.html", context)
