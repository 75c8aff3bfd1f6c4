"""The diagnostic: an intro, the goal, the self-assessment, the quiz one question at a time, the result."""

from __future__ import annotations

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tropa.core.exceptions import ServiceError
from tropa.core.forms import apply_service_error
from tropa.roadmaps.forms import AnswerForm, GoalForm, SkillsForm
from tropa.roadmaps.models import DiagnosticStep, Level
from tropa.roadmaps.selectors import facts, profile, roadmap
from tropa.roadmaps.services import diagnostic as services

STEPS = [DiagnosticStep.GOAL, DiagnosticStep.SKILLS, DiagnosticStep.QUIZ]


def _goal_form(diagnostic, data=None) -> GoalForm:
    initial = {
        "role": diagnostic.role_id,
        "direction": diagnostic.direction_id,
        "interests": diagnostic.interest_ids,
        "experience": diagnostic.experience,
        "hours_per_week": diagnostic.hours_per_week,
    }
    return GoalForm(data, initial=initial, roles=facts.role_list(), directions=facts.direction_list())


def _skills_form(diagnostic, data=None) -> SkillsForm:
    ids = services.assessed_skill_ids(diagnostic)
    names = facts.skills_by_id(ids=ids)
    skills = [names[pk] for pk in ids if pk in names]
    initial = {f"skill_{pk}": level for pk, level in diagnostic.self_levels.items()}
    return SkillsForm(data, initial=initial, skills=skills)


def _render(request, diagnostic, *, form=None, status=200):
    context = {"diagnostic": diagnostic, "steps": STEPS}
    if diagnostic.step == DiagnosticStep.GOAL:
        context["form"] = form or _goal_form(diagnostic)
    elif diagnostic.step == DiagnosticStep.SKILLS:
        context["form"] = form or _skills_form(diagnostic)
    elif diagnostic.step == DiagnosticStep.QUIZ:
        question = services.current_question(diagnostic)
        answered = sum(len(rows) for rows in diagnostic.quiz.get("answers", {}).values())
        context.update(
            question=question,
            answered=answered,
            total=len(diagnostic.quiz.get("queue", [])) * services.QUESTIONS_PER_SKILL,
            form=form or AnswerForm(question=question),
        )
    return render(request, "roadmaps/diagnostic.html", context, status=status)


def _save_goal(request, diagnostic):
    form = _goal_form(diagnostic, request.POST)
    if not form.is_valid():
        return _render(request, diagnostic, form=form, status=400)
    data = form.cleaned_data
    try:
        saved = services.diagnostic_save_goal(
            actor=request.user,
            diagnostic=diagnostic,
            role_id=data["role"],
            direction_id=data["direction"],
            interest_ids=data["interests"],
            experience=data["experience"],
            hours_per_week=data["hours_per_week"],
            advance=request.POST.get("action") == "next",
        )
    except ServiceError as error:
        apply_service_error(form, error)
        return _render(request, diagnostic, form=form, status=400)
    if saved.missing:
        form = _goal_form(saved.diagnostic, request.POST)
        form.is_valid()
        messages = {
            "role": _("Choose a target role or a direction."),
            "experience": _("Tell us about your experience."),
            "hours_per_week": _("Say how many hours a week you can study."),
        }
        form.add_error(saved.missing, messages[saved.missing])
        return _render(request, saved.diagnostic, form=form, status=400)
    if request.POST.get("action") != "next":
        flash.success(request, _("Saved. You can come back and go on at any time."))
    return redirect("roadmaps:diagnostic")


def _save_skills(request, diagnostic):
    form = _skills_form(diagnostic, request.POST)
    if not form.is_valid():
        return _render(request, diagnostic, form=form, status=400)
    advance = request.POST.get("action") == "next"
    try:
        services.diagnostic_save_skills(
            actor=request.user, diagnostic=diagnostic, levels=form.levels(), advance=advance
        )
    except ServiceError as error:
        apply_service_error(form, error)
        return _render(request, diagnostic, form=form, status=400)
    if not advance:
        flash.success(request, _("Saved. You can come back and go on at any time."))
    return redirect("roadmaps:diagnostic")


def _answer(request, diagnostic):
    if request.POST.get("action") == "finish":
        services.diagnostic_finish_quiz(actor=request.user, diagnostic=diagnostic)
        return redirect("roadmaps:diagnostic")
    question = services.current_question(diagnostic)
    form = AnswerForm(request.POST, question=question)
    if not form.is_valid():
        return _render(request, diagnostic, form=form, status=400)
    try:
        services.diagnostic_answer(
            actor=request.user,
            diagnostic=diagnostic,
            question_id=form.cleaned_data["question"],
            choice=form.cleaned_data["choice"],
        )
    except ServiceError as error:
        apply_service_error(form, error)
        return _render(request, diagnostic, form=form, status=400)
    return redirect("roadmaps:diagnostic")


@login_required
@require_http_methods(["GET", "POST"])
def diagnostic(request):
    """The diagnostic in progress at its current step; without one, the intro or the last result."""
    current = roadmap.diagnostic_in_progress(user=request.user)
    if current is None:
        if request.method == "POST":
            flash.info(request, _("Start the diagnostic first."))
            return redirect("roadmaps:diagnostic")
        last = facts.last_completed_diagnostic(user=request.user)
        return render(request, "roadmaps/diagnostic_intro.html", {"last": last})
    if request.method == "GET":
        return _render(request, current)
    handlers = {DiagnosticStep.GOAL: _save_goal, DiagnosticStep.SKILLS: _save_skills, DiagnosticStep.QUIZ: _answer}
    return handlers[current.step](request, current)


@login_required
@require_POST
def diagnostic_start(request):
    """Start the diagnostic, or retake it (prefilled with the last answers); an unfinished one is resumed."""
    services.diagnostic_start(actor=request.user)
    return redirect("roadmaps:diagnostic")


@login_required
@require_GET
def skill_profile(request):
    """The skill profile as a chart: the learner's level and the target role's need per skill."""
    entries = profile.skill_profile(user=request.user)
    chart = {
        "labels": [entry.name for entry in entries],
        "have": [entry.level for entry in entries],
        "need": [entry.need for entry in entries],
        "have_label": _("My level"),
        "need_label": _("The role needs"),
        "levels": [str(label) for _value, label in Level.choices],
    }
    return render(
        request,
        "roadmaps/profile.html",
        {
            "entries": entries,
            "chart": chart,
            "role": facts.role_get(role_id=profile.target_role_id(user=request.user)),
            "last": facts.last_completed_diagnostic(user=request.user),
        },
    )
