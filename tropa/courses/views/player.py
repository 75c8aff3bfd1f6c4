"""The course player: a step's page, marking it done, quiz attempts, submitted work, lesson marks, course reviews."""

from __future__ import annotations

from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.forms import apply_service_error
from tropa.courses.forms.player import (
    CourseReviewForm,
    LessonRatingForm,
    QuizInputError,
    SubmissionForm,
    quiz_answers_from_post,
)
from tropa.courses.models import EnrollmentStatus, StepKind, SubmissionStatus
from tropa.courses.selectors import deadlines as deadline_selectors
from tropa.courses.selectors import learning as learning_selectors
from tropa.courses.selectors import player as selectors
from tropa.courses.services.feedback import course_review_save, lesson_rating_save
from tropa.courses.services.progress import step_complete, step_open
from tropa.courses.services.quiz import attempts_left, quiz_attempt_submit
from tropa.courses.services.submissions import submission_create

# step_open refuses these when the user is not learning the course: the way in is the course page.
NOT_LEARNING = {"not_enrolled", "waitlisted"}
LOCKED = "locked"
SELF_COMPLETED = {StepKind.TEXT, StepKind.VIDEO}


def _partial(request) -> bool:
    return bool(request.htmx) and not request.htmx.boosted


def _course_and_step(slug: str, step_id: int):
    course = selectors.player_course_get(slug=slug)
    step = selectors.player_step_get(course=course, step_id=step_id) if course is not None else None
    if step is None:
        raise Http404
    return course, step


def _step_url(course, step_id: int) -> str:
    return reverse("courses:step", args=[course.slug, step_id])


def _navigation(outline, step):
    """The step's place in the course: its module and lesson, the neighbours, and its number in the lesson."""
    items = [item for item in outline.steps if not item.archived or item.step.pk == step.pk]
    index = next((i for i, item in enumerate(items) if item.step.pk == step.pk), None)
    module_item = next((m for m in outline if any(i.step.pk == step.pk for i in m.steps)), None)
    lesson_item = None
    if module_item is not None:
        lesson_item = next(lesson for lesson in module_item.lessons if any(i.step.pk == step.pk for i in lesson.steps))
    lesson_steps = [i for i in lesson_item.steps if not i.archived or i.step.pk == step.pk] if lesson_item else []
    position = next((n for n, i in enumerate(lesson_steps, start=1) if i.step.pk == step.pk), 1)
    return {
        "item": items[index] if index is not None else None,
        "previous": items[index - 1] if index else None,
        "next": items[index + 1] if index is not None and index + 1 < len(items) else None,
        "module_item": module_item,
        "lesson_item": lesson_item,
        "lesson_steps": lesson_steps,
        "position": position,
        "step_percent": (position * 100) // len(lesson_steps) if lesson_steps else 100,
    }


def _quiz_context(step, enrollment, *, answers=None, errors=None) -> dict:
    attempts = selectors.quiz_attempt_list(enrollment=enrollment, step=step)
    latest = attempts[-1] if attempts else None
    left = attempts_left(step=step, used=len(attempts))
    return {
        "attempts": attempts,
        "latest_attempt": latest if answers is None else None,
        "attempts_left": left,
        "best_score": max((a.score for a in attempts), default=None),
        "passed": any(a.passed for a in attempts),
        "can_attempt": left is None or left > 0,
        "questions": selectors.quiz_question_views(step=step, attempt=latest, answers=answers, errors=errors),
    }


def _assignment_context(step, enrollment, *, form=None) -> dict:
    submissions = selectors.submission_list_for_learner(enrollment=enrollment, step=step)
    latest = submissions[0] if submissions else None
    return {
        "submissions": submissions,
        "latest_submission": latest,
        "can_submit": latest is None or latest.status == SubmissionStatus.RETURNED,
        "submission_form": form or SubmissionForm(),
    }


def _step_context(
    request,
    course,
    step,
    *,
    opened=None,
    locked_reason: str = "",
    error: str = "",
    answers=None,
    errors=None,
    form=None,
) -> dict:
    """Everything the step page shows, read in a fixed number of queries whatever the course's size.

    `opened` is the progress step_open returned: its enrollment and course rows are reused, not read again.
    """
    if opened is not None:
        enrollment = opened.enrollment
        outline = learning_selectors.course_outline(course=course, enrollment=enrollment, rows=opened.course_rows)
    else:
        enrollment = learning_selectors.enrollment_get_for(user=request.user, course=course)
        outline = learning_selectors.course_outline(course=course, enrollment=enrollment)
    context = {
        "course": course,
        "step": step,
        "enrollment": enrollment,
        "outline": outline,
        "locked_reason": locked_reason,
        "error": error,
        **_navigation(outline, step),
    }
    if enrollment is not None and step.kind in deadline_selectors.GRADED_KINDS:
        own = deadline_selectors.deadline_extension_get(enrollment_id=enrollment.pk, step_id=step.pk)
        context["own_deadline"] = own
    if locked_reason:
        return context
    if step.kind == StepKind.QUIZ:
        context.update(_quiz_context(step, enrollment, answers=answers, errors=errors))
    elif step.is_checked_by_curator:
        context.update(_assignment_context(step, enrollment, form=form))
    lesson_item = context["lesson_item"]
    if lesson_item is not None:
        rating = selectors.lesson_rating_get(enrollment=enrollment, lesson_id=lesson_item.lesson.pk)
        context["lesson"] = lesson_item.lesson
        context["lesson_rating"] = rating
        context["rating_form"] = LessonRatingForm(
            initial={"useful": "yes" if rating.useful else "no", "comment": rating.comment} if rating else None
        )
    if enrollment is not None and enrollment.status == EnrollmentStatus.COMPLETED:
        context["course_review"] = selectors.course_review_get(enrollment=enrollment)
    return context


def _step_page(request, course, step, *, status: int = 200, **extra):
    return render(request, "courses/player/step.html", _step_context(request, course, step, **extra), status=status)


@login_required
@require_GET
def step_detail(request, slug: str, step_id: int):
    course, step = _course_and_step(slug, step_id)
    try:
        opened = step_open(actor=request.user, step=step)
    except NotFound:
        raise Http404 from None
    except ServiceError as error:
        if error.code in NOT_LEARNING:
            messages.info(request, error.message)
            return redirect("courses:detail", course.slug)
        # Locked: the page stays, with the outline and the reason instead of the content.
        return _step_page(request, course, step, locked_reason=error.message)
    return _step_page(request, course, step, opened=opened)


def _refused(error: ServiceError) -> None:
    """Refusals that mean "not yours" look like a missing page."""
    if isinstance(error, NotFound) or error.code in NOT_LEARNING:
        raise Http404


def _refusal(error: ServiceError) -> dict:
    """How the step page shows a refusal: a locked step keeps its content hidden behind the reason."""
    return {"locked_reason": error.message} if error.code == LOCKED else {"error": error.message}


@login_required
@require_POST
def step_done(request, slug: str, step_id: int):
    course, step = _course_and_step(slug, step_id)
    enrollment = learning_selectors.enrollment_get_for(user=request.user, course=course)
    if enrollment is None:
        raise Http404
    if step.kind not in SELF_COMPLETED:
        message = _("This step is completed by answering its quiz or by the curator accepting your work.")
        return _step_page(request, course, step, error=message, status=400)
    try:
        step_complete(enrollment=enrollment, step=step)
    except ServiceError as error:
        _refused(error)
        return _step_page(request, course, step, status=400, **_refusal(error))
    outline = learning_selectors.course_outline(course=course, enrollment=enrollment)
    following = _navigation(outline, step)["next"]
    if enrollment.status == EnrollmentStatus.COMPLETED and (following is None or following.done):
        messages.success(request, _("You have completed the course. Congratulations!"))
        return redirect("courses:learn", course.slug)
    if following is None:
        return redirect("courses:learn", course.slug)
    return redirect(_step_url(course, following.step.pk))


def _quiz_response(request, course, step, *, status: int = 200, **extra):
    if _partial(request):
        context = _step_context(request, course, step, **extra)
        return render(request, "courses/player/partials/_quiz_htmx.html", context, status=status)
    return _step_page(request, course, step, status=status, **extra)


@login_required
@require_POST
def quiz_attempt(request, slug: str, step_id: int):
    course, step = _course_and_step(slug, step_id)
    if step.kind != StepKind.QUIZ:
        raise Http404
    try:
        answers = quiz_answers_from_post(request.POST, step)
    except QuizInputError as error:
        message = _("The field “%(name)s” names no question of this quiz.") % {"name": error.field}
        return _quiz_response(request, course, step, error=message, status=400)
    try:
        attempt = quiz_attempt_submit(actor=request.user, step=step, answers=answers)
    except ServiceError as error:
        _refused(error)
        if error.code == LOCKED:
            return _quiz_response(request, course, step, locked_reason=error.message, status=400)
        typed = {str(key): value for key, value in answers.items()}
        errors = {error.field: error.message} if error.field else {}
        return _quiz_response(request, course, step, answers=typed, errors=errors, error=error.message, status=400)
    if _partial(request):
        return _quiz_response(request, course, step)
    if attempt.passed:
        messages.success(request, _("Passed with %(score)d%%.") % {"score": attempt.score})
    else:
        messages.warning(request, _("%(score)d%% this time. See the explanations below.") % {"score": attempt.score})
    return redirect(_step_url(course, step.pk) + "#quiz")


@login_required
@require_POST
def submission_new(request, slug: str, step_id: int):
    course, step = _course_and_step(slug, step_id)
    if not step.is_checked_by_curator:
        raise Http404
    form = SubmissionForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            submission_create(
                actor=request.user,
                step=step,
                text=form.cleaned_data["text"],
                file=form.cleaned_data["file"],
                link=form.cleaned_data["link"],
            )
        except ServiceError as error:
            _refused(error)
            if error.field in form.fields:
                apply_service_error(form, error)
            else:
                return _step_page(request, course, step, form=form, status=400, **_refusal(error))
        else:
            messages.success(request, _("Your work has been sent for review."))
            return redirect(_step_url(course, step.pk) + "#assignment")
    return _step_page(request, course, step, form=form, status=400)


@login_required
@require_GET
def submission_file(request, slug: str, submission_id: int):
    """A submitted file, to the learner who sent it and to their reviewers only (never a public /media/ link)."""
    course = selectors.player_course_get(slug=slug)
    submission = (
        selectors.submission_get_for_file(user=request.user, course=course, submission_id=submission_id)
        if course is not None
        else None
    )
    if submission is None:
        raise Http404
    try:
        handle = submission.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=PurePath(submission.file.name).name,
        content_type="application/octet-stream",
    )
    response["Cache-Control"] = "private, no-store"
    return response


def _safe_next(request) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


@login_required
@require_POST
def lesson_rate(request, slug: str, lesson_id: int):
    course = selectors.player_course_get(slug=slug)
    lesson = selectors.player_lesson_get(course=course, lesson_id=lesson_id) if course is not None else None
    if lesson is None:
        raise Http404
    # Only someone learning the course may rate its lessons; anyone else gets the same answer as for no lesson.
    if learning_selectors.enrollment_get_for(user=request.user, course=course) is None:
        raise Http404
    form = LessonRatingForm(request.POST)
    rating, status = None, 200
    if form.is_valid():
        try:
            rating = lesson_rating_save(
                actor=request.user,
                lesson=lesson,
                useful=form.cleaned_data["useful"],
                comment=form.cleaned_data["comment"],
            )
        except ServiceError as error:
            _refused(error)
            apply_service_error(form, error)
    if rating is None:
        status = 400
    if _partial(request):
        context = {
            "course": course,
            "lesson": lesson,
            "lesson_rating": rating,
            "rating_form": form,
            "just_rated": rating,
        }
        return render(request, "courses/player/partials/_lesson_rating.html", context, status=status)
    if rating is None:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    else:
        messages.success(request, _("Thank you for the feedback."))
    return redirect(_safe_next(request) or reverse("courses:learn", args=[course.slug]))


@login_required
@require_http_methods(["GET", "POST"])
def review_create(request, slug: str):
    course = selectors.player_course_get(slug=slug)
    enrollment = learning_selectors.enrollment_get_for(user=request.user, course=course) if course else None
    if enrollment is None or enrollment.status not in (EnrollmentStatus.ACTIVE, EnrollmentStatus.COMPLETED):
        raise Http404
    if enrollment.status != EnrollmentStatus.COMPLETED:
        messages.info(request, _("You can review the course once you have completed it."))
        return redirect("courses:learn", course.slug)
    review = selectors.course_review_get(enrollment=enrollment)
    status = 200
    if request.method == "POST":
        form = CourseReviewForm(request.POST)
        if form.is_valid():
            try:
                course_review_save(
                    actor=request.user,
                    course=course,
                    rating=form.cleaned_data["rating"],
                    text=form.cleaned_data["text"],
                )
            except ServiceError as error:
                _refused(error)
                apply_service_error(form, error)
            else:
                messages.success(request, _("Thank you! Your review has been saved."))
                return redirect(reverse("courses:detail", args=[course.slug]) + "#reviews")
        status = 400
    else:
        form = CourseReviewForm(initial={"rating": review.rating, "text": review.text} if review else None)
    context = {"course": course, "form": form, "review": review}
    return render(request, "courses/player/review_create.html", context, status=status)
