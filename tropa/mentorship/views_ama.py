"""AMA pages: the list, scheduling (experts, HR, mentors, staff), a session with its questions, votes and answers."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.forms import apply_service_error
from tropa.mentorship import selectors
from tropa.mentorship.forms import AmaForm, AnswerForm, QuestionForm
from tropa.mentorship.services import ama as services


@login_required
@require_GET
def ama_list(request):
    context = {"sessions": selectors.ama_list(), "can_host": services.can_host_ama(request.user), "now": timezone.now()}
    return render(request, "mentorship/ama_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def ama_create(request):
    if not services.can_host_ama(request.user):
        raise Http404
    form = AmaForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.ama_schedule(actor=request.user, **form.cleaned_data)
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            return redirect("mentorship:ama", session.pk)
    status = 400 if request.method == "POST" else 200
    return render(request, "mentorship/ama_create.html", {"form": form}, status=status)


def _session_or_404(session_id: int):
    session = selectors.ama_get(session_id=session_id)
    if session is None:
        raise Http404
    return session


@login_required
@require_http_methods(["GET", "POST"])
def ama(request, session_id: int):
    """The session: ask (POST), open questions by votes, answered ones as a thread; the archive stays readable."""
    session = _session_or_404(session_id)
    form = QuestionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.ama_question_ask(actor=request.user, session=session, text=form.cleaned_data["text"])
            except ServiceError as error:
                apply_service_error(form, error)
            else:
                return redirect("mentorship:ama", session.pk)
        status = 400
    context = {**_thread(request, session), "form": form, "answer_form": AnswerForm()}
    return render(request, "mentorship/ama.html", context, status=status)


def _thread(request, session) -> dict:
    waiting, answered = selectors.ama_questions(session=session, user=request.user)
    now = timezone.now()
    return {
        "session": session,
        "waiting": waiting,
        "answered": answered,
        "is_host": session.host_id == request.user.pk,
        "started": session.starts_at <= now,
        # Until it ends the page refreshes its thread (htmx polling); the archive stands still.
        "live": now <= session.starts_at + timedelta(minutes=session.minutes),
    }


@login_required
@require_GET
def ama_live(request, session_id: int):
    """The live part of the page (answers, and the open questions with votes for participants): htmx polls it
    every 10 s while the session runs; a plain request goes to the page."""
    session = _session_or_404(session_id)
    if not request.htmx or request.htmx.boosted:
        return redirect("mentorship:ama", session.pk)
    return render(request, "mentorship/partials/_ama_live.html", _thread(request, session))


def _question_or_404(question_id: int):
    question = selectors.ama_question_get(question_id=question_id)
    if question is None:
        raise Http404
    return question


@login_required
@require_POST
def ama_vote(request, question_id: int):
    question = _question_or_404(question_id)
    try:
        services.ama_question_vote(actor=request.user, question=question)
    except ServiceError as error:
        flash.error(request, error.message)
    return redirect("mentorship:ama", question.session_id)


@login_required
@require_POST
def ama_answer(request, question_id: int):
    question = _question_or_404(question_id)
    if question.session.host_id != request.user.pk:
        raise Http404
    form = AnswerForm(request.POST)
    if not form.is_valid():
        flash.error(request, form.errors["answer"][0])
        return redirect("mentorship:ama", question.session_id)
    try:
        services.ama_answer(actor=request.user, question=question, answer=form.cleaned_data["answer"])
    except NotFound:
        raise Http404 from None
    except ServiceError as error:
        flash.error(request, error.message)
    return redirect("mentorship:ama", question.session_id)
