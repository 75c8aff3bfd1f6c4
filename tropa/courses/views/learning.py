"""A learner's pages: my courses, joining a course, its outline with "continue", and leaving it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.forms import apply_service_error
from tropa.courses.forms.learning import EnrollForm, LeaveForm
from tropa.courses.models import CourseStatus, EnrollmentStatus
from tropa.courses.selectors import learning as selectors
from tropa.courses.services.enrollment import enrollment_create, enrollment_leave


def _course_or_404(request, slug: str):
    course = selectors.course_get_for_learning(user=request.user, slug=slug)
    if course is None:
        raise Http404
    return course


@login_required
@require_GET
def my_courses(request):
    enrollments = list(selectors.enrollment_list_for_user(user=request.user))
    for enrollment in enrollments:
        enrollment.continue_step_id = selectors.continue_step_id(enrollment)
    context = {
        "learning": [e for e in enrollments if e.status == EnrollmentStatus.ACTIVE],
        "waitlisted": [e for e in enrollments if e.status == EnrollmentStatus.WAITLISTED],
        "completed": [e for e in enrollments if e.status == EnrollmentStatus.COMPLETED],
        "deadlines": selectors.deadline_list_for_user(user=request.user),
    }
    return render(request, "courses/learning/my_courses.html", context)


def _enroll_page(request, course, form, *, invited=None, status: int = 200):
    context = {
        "course": course,
        "form": form,
        "invited": invited,
        "cohorts": selectors.cohort_list_open_for_enrollment(course=course),
    }
    return render(request, "courses/learning/enroll.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def enroll(request, slug: str):
    """GET: the page to confirm joining (an invitation link's cohort, or a choice of cohorts).

    POST: join; on success to the course outline (or, waitlisted, back to the course page with the
    place in line); a refusal comes back as this page with the message and status 400.
    """
    course = _course_or_404(request, slug)
    if course.status != CourseStatus.PUBLISHED:
        raise Http404
    enrollment = selectors.enrollment_get_for(user=request.user, course=course)
    if enrollment is not None and enrollment.status in selectors.LEARNING_STATUSES:
        return redirect("courses:learn", slug=course.slug)
    data = request.POST if request.method == "POST" else request.GET
    code = (data.get("code") or request.GET.get("code") or "").strip()
    form = EnrollForm({"cohort": data.get("cohort") or "", "code": code}, course=course)
    invited = selectors.cohort_get_by_invite_code(course=course, code=code)
    if request.method == "GET":
        return _enroll_page(request, course, EnrollForm(initial={"code": code}, course=course), invited=invited)
    if not form.is_valid():
        return _enroll_page(request, course, form, invited=invited, status=400)
    cohort = form.cleaned_data["cohort"] or invited
    try:
        enrollment = enrollment_create(actor=request.user, course=course, cohort=cohort, invite_code=code)
    except NotFound:
        raise Http404 from None
    except ServiceError as error:
        if error.code == "already_enrolled":
            messages.info(request, error.message)
            return redirect("courses:my_courses")
        apply_service_error(form, error)
        return _enroll_page(request, course, form, invited=invited, status=400)
    if enrollment.status == EnrollmentStatus.WAITLISTED:
        position = selectors.enrollment_waitlist_position(enrollment=enrollment)
        messages.info(
            request,
            _(
                "The cohort is full, so you are on its waitlist (number %(position)d in line). "
                "We will tell you when a seat frees up."
            )
            % {"position": position or 1},
        )
        return redirect("courses:detail", slug=course.slug)
    messages.success(request, _("You are enrolled. Welcome to the course!"))
    return redirect("courses:learn", slug=course.slug)


@login_required
@require_GET
def learn(request, slug: str):
    """The course outline for its learner; anyone else is sent to the course page."""
    course = _course_or_404(request, slug)
    enrollment = selectors.enrollment_get_for(user=request.user, course=course)
    if enrollment is None or enrollment.status not in selectors.LEARNING_STATUSES:
        if enrollment is not None and enrollment.status == EnrollmentStatus.WAITLISTED:
            messages.info(request, _("You are on the waitlist: the course opens to you when a seat frees up."))
        return redirect("courses:detail", slug=course.slug)
    outline = selectors.course_outline(course=course, enrollment=enrollment)
    context = {"course": course, "enrollment": enrollment, "outline": outline, "continue": outline.continue_item}
    return render(request, "courses/learning/learn.html", context)


def _leave_page(request, course, enrollment, form, status: int = 200):
    context = {"course": course, "enrollment": enrollment, "form": form}
    return render(request, "courses/learning/leave.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def leave(request, slug: str):
    """Asks why, then leaves the course (or its waitlist); the seat goes to the next in line."""
    course = _course_or_404(request, slug)
    enrollment = selectors.enrollment_get_for(user=request.user, course=course)
    if enrollment is None or enrollment.status not in (EnrollmentStatus.ACTIVE, EnrollmentStatus.WAITLISTED):
        raise Http404
    if request.method == "GET":
        return _leave_page(request, course, enrollment, LeaveForm())
    form = LeaveForm(request.POST)
    if form.is_valid():
        try:
            enrollment_leave(
                actor=request.user,
                enrollment=enrollment,
                reason=form.cleaned_data["reason"],
                comment=form.cleaned_data["comment"],
            )
        except NotFound:
            raise Http404 from None
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            messages.success(
                request, _("You have left “%(title)s”. Thank you for telling us why.") % {"title": course.title}
            )
            return redirect("courses:my_courses")
    return _leave_page(request, course, enrollment, form, status=400)
