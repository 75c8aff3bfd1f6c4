"""The course studio: the team's courses, creating one, its page with the structure, settings, preview and workflow.

Every studio page answers 404 to anyone outside the course's organization team, the same as for a
course that does not exist. The structure editor's own actions are in views/authoring_structure.py.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.forms import apply_service_error
from tropa.courses import permissions
from tropa.courses.forms.authoring import CourseCreateForm, CourseSettingsForm, MoveForm, ReturnForm
from tropa.courses.models import Course
from tropa.courses.selectors import authoring as selectors
from tropa.courses.services import authoring as services
from tropa.courses.services import workflow

COURSES_PER_PAGE = 30


# Shared by the studio's views


def studio_course_or_404(request, slug: str, allowed: Callable[[object, Course], bool] | None = None) -> Course:
    """The course as its team sees it; 404 when missing, outside the user's team, or not allowed."""
    course = selectors.studio_course_get_for(user=request.user, slug=slug)
    if course is None or (allowed is not None and not allowed(request.user, course)):
        raise Http404
    return course


def editable_course_or_404(request, slug: str) -> Course:
    """The course for its writers (not archived); 404 for everyone else."""
    return studio_course_or_404(request, slug, permissions.can_edit_course)


def studio_course_url(course: Course, anchor: str = "") -> str:
    url = reverse("courses:studio_course", args=[course.slug])
    return f"{url}#{anchor}" if anchor else url


def studio_form(request, template: str, context: dict, status: int):
    return render(request, f"courses/studio/{template}", context, status=status)


def move_direction(request) -> str:
    """ "up" or "down" from a move button's form; "" (which the services refuse) for anything else."""
    form = MoveForm(request.POST)
    return form.cleaned_data["direction"] if form.is_valid() else ""


def studio_tabs(user, course: Course, active: str) -> list[dict]:
    """The sub-navigation of a course's studio pages, showing only what this user may open."""
    candidates = [
        ("structure", _("Structure"), "courses:studio_course", True),
        ("settings", _("Settings"), "courses:studio_settings", permissions.can_edit_course(user, course)),
        ("preview", _("Preview"), "courses:studio_preview", True),
        # The cohorts area lands separately; its tab appears once its page exists.
        ("cohorts", _("Cohorts"), "courses:cohorts", permissions.can_manage_cohorts(user, course)),
    ]
    tabs = []
    for key, label, name, allowed in candidates:
        if not allowed:
            continue
        try:
            url = reverse(name, args=[course.slug])
        except NoReverseMatch:
            continue
        tabs.append({"key": key, "label": label, "url": url, "active": key == active})
    return tabs


def _writer_organizations(request) -> list:
    return [m.organization for m in request.org.memberships if m.role in permissions.WRITER_ROLES]


# The studio home


@login_required
@require_GET
def studio(request):
    """The courses the user writes, reviews or publishes, with what waits for them first."""
    if not permissions.can_open_studio(request.user, request.org.memberships):
        raise Http404
    page = Paginator(selectors.studio_course_list(user=request.user), COURSES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    context = {
        "page": page,
        "actions": selectors.studio_action_list(user=request.user),
        "can_create": bool(_writer_organizations(request)),
    }
    return render(request, "courses/studio/home.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def studio_create(request):
    organizations = _writer_organizations(request)
    if not organizations:
        raise Http404
    active = request.org.active
    initial = {"format": "short", "language": translation.get_language() or "ru"}
    if active is not None and active.organization in organizations:
        initial["organization"] = active.organization_id
    form = CourseCreateForm(request.POST or None, organizations=organizations, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            chosen = next(o for o in organizations if o.pk == data["organization"])
            try:
                course = services.course_create(
                    actor=request.user,
                    organization=chosen,
                    title=data["title"],
                    format=data["format"],
                    language=data["language"],
                )
            except ServiceError as error:
                apply_service_error(form, error)
            else:
                messages.success(request, _("Course created. Add its first module below."))
                return redirect("courses:studio_course", course.slug)
        status = 400
    return render(request, "courses/studio/create.html", {"form": form}, status=status)


# One course


def course_page(request, course: Course, *, return_form=None, error: str = "", status: int = 200):
    """The course's studio page: workflow panel and the structure tree (also the fallback of every tree action)."""
    user = request.user
    can_edit = permissions.can_edit_course(user, course)
    readiness = selectors.course_readiness(course=course)
    context = {
        "course": course,
        "tree": selectors.course_tree(course=course),
        "archived_steps": selectors.archived_step_count(course=course),
        "can_edit": can_edit,
        "can_submit": permissions.can_submit_course_for_review(user, course),
        "can_review": permissions.can_review_course(user, course),
        "can_publish": permissions.can_publish_course(user, course),
        "can_archive": permissions.can_archive_course(user, course),
        "readiness": readiness,
        "return_form": return_form or ReturnForm(),
        "error": error,
        "tabs": studio_tabs(user, course, "structure"),
    }
    return render(request, "courses/studio/course.html", context, status=status)


@login_required
@require_GET
def studio_course(request, slug: str):
    return course_page(request, studio_course_or_404(request, slug))


def _settings_initial(course: Course) -> dict:
    return {
        "title": course.title,
        "summary": course.summary,
        "description": course.description,
        "outcomes": course.outcomes,
        "direction": course.direction_id,
        "skills": [skill.pk for skill in course.skills.all()],
        "level": course.level,
        "format": course.format,
        "mode": course.mode,
        "language": course.language,
        "price": course.price,
        "currency": course.currency,
        "duration_weeks": course.duration_weeks,
        "weekly_hours": course.weekly_hours,
        "author": course.author_id,
        "team": [member.pk for member in course.team.all()],
    }


@login_required
@require_http_methods(["GET", "POST"])
def studio_settings(request, slug: str):
    course = studio_course_or_404(request, slug, permissions.can_edit_course)
    choices = {
        "directions": selectors.direction_list(),
        "skills": selectors.skill_list(),
        "members": selectors.team_candidates(organization_id=course.organization_id),
    }
    status = 200
    if request.method == "POST":
        form = CourseSettingsForm(request.POST, request.FILES, **choices)
        if form.is_valid():
            data = dict(form.cleaned_data)
            try:
                services.course_update(
                    actor=request.user,
                    course=course,
                    direction_id=data.pop("direction"),
                    skill_ids=data.pop("skills"),
                    author_id=data.pop("author"),
                    team_ids=data.pop("team"),
                    **data,
                )
            except NotFound:
                raise Http404 from None
            except ServiceError as error:
                apply_service_error(form, error)
            else:
                messages.success(request, _("Changes saved."))
                return redirect("courses:studio_settings", course.slug)
        status = 400
    else:
        form = CourseSettingsForm(initial=_settings_initial(course), **choices)
    context = {"course": course, "form": form, "tabs": studio_tabs(request.user, course, "settings")}
    return render(request, "courses/studio/settings.html", context, status=status)


@login_required
@require_GET
def studio_preview(request, slug: str):
    """The course as a learner reads it, one lesson at a time; nothing is recorded."""
    course = studio_course_or_404(request, slug)
    lesson_id = request.GET.get("lesson")
    lesson = selectors.preview_lesson(
        course=course, lesson_id=int(lesson_id) if lesson_id and lesson_id.isdigit() else None
    )
    if lesson is None and lesson_id:
        raise Http404
    context = {
        "course": course,
        "tree": selectors.course_tree(course=course),
        "lesson": lesson,
        "tabs": studio_tabs(request.user, course, "preview"),
    }
    return render(request, "courses/studio/preview.html", context)


# Workflow


def _workflow(request, slug: str, action, success: str):
    course = studio_course_or_404(request, slug)
    try:
        action(course)
    except NotFound:
        raise Http404 from None
    except ServiceError as error:
        return course_page(request, course, error=error.message, status=400)
    messages.success(request, success)
    return redirect("courses:studio_course", course.slug)


@login_required
@require_POST
def studio_submit(request, slug: str):
    return _workflow(
        request,
        slug,
        lambda course: workflow.course_submit_for_review(actor=request.user, course=course),
        _("The course is sent for review. An editor will approve it or return it with a note."),
    )


@login_required
@require_POST
def studio_approve(request, slug: str):
    return _workflow(
        request,
        slug,
        lambda course: workflow.course_approve(actor=request.user, course=course),
        _("Course approved. An owner or administrator of the organization can now publish it."),
    )


def _is_editor(user, course: Course) -> bool:
    return permissions.course_role(user, course) in permissions.EDITOR_ROLES


@login_required
@require_POST
def studio_return(request, slug: str):
    course = studio_course_or_404(request, slug, _is_editor)
    form = ReturnForm(request.POST)
    if form.is_valid():
        try:
            workflow.course_return(actor=request.user, course=course, note=form.cleaned_data["note"])
        except NotFound:
            raise Http404 from None
        except ServiceError as error:
            if error.field != "note":
                return course_page(request, course, error=error.message, status=400)
            apply_service_error(form, error)
        else:
            messages.success(request, _("The course is returned to its authors with your note."))
            return redirect("courses:studio_course", course.slug)
    return course_page(request, course, return_form=form, status=400)


@login_required
@require_POST
def studio_publish(request, slug: str):
    return _workflow(
        request,
        slug,
        lambda course: workflow.course_publish(actor=request.user, course=course),
        _("The course is published and appears in the catalogue."),
    )


@login_required
@require_POST
def studio_archive(request, slug: str):
    return _workflow(
        request,
        slug,
        lambda course: workflow.course_archive(actor=request.user, course=course),
        _("The course is archived: it has left the catalogue, and its learners keep their progress."),
    )
