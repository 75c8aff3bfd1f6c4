"""Course analytics pages: completion against the target, the drop-off funnel, retention, lesson feedback.

Aggregates only; open to the organization's course team and curators, 404 for anyone else.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from tropa.analytics import permissions
from tropa.analytics.selectors import courses as selectors
from tropa.analytics.selectors.surveys import course_nps
from tropa.analytics.services.alerts import settings_for
from tropa.analytics.views.common import organization_or_404


@login_required
@require_GET
def course_list(request, org: str):
    organization = organization_or_404(request, org, permissions.can_view_course_analytics)
    target = settings_for(organization.pk).completion_target
    courses = list(selectors.course_list_for_analytics(organization=organization))
    for course in courses:
        course.completion = selectors.completion_rate(course)
        course.below_target = course.completion is not None and course.completion < target
    context = {"organization": organization, "courses": courses, "target": target}
    return render(request, "analytics/courses.html", context)


@login_required
@require_GET
def course_detail(request, org: str, course_id: int):
    organization = organization_or_404(request, org, permissions.can_view_course_analytics)
    course = selectors.course_get_for_analytics(organization=organization, course_id=course_id)
    if course is None:
        raise Http404
    course.completion = selectors.completion_rate(course)
    lessons, comments = selectors.lesson_feedback(course=course)
    retention = selectors.retention_curves(course=course)
    context = {
        "organization": organization,
        "course": course,
        "target": settings_for(organization.pk).completion_target,
        "funnel": selectors.course_funnel(course=course),
        "retention": retention,
        "retention_chart": {**retention, "week": _("wk")},
        "lessons": lessons,
        "comments": comments,
        "nps": course_nps(course=course),
    }
    return render(request, "analytics/course.html", context)
