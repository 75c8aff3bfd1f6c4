"""Pages of one mentoring session for its two sides (outcome, rating, notes, cancelling), consent and the mentee
page a consenting mentee's mentor sees."""

from __future__ import annotations

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.forms import apply_service_error
from tropa.mentorship import selectors, services
from tropa.mentorship.forms import ConsentForm, NotesForm, OutcomeForm, RatingForm


def _view_or_404(request, session_id: int) -> selectors.SessionView:
    view = selectors.session_view_for(user=request.user, session_id=session_id)
    if view is None:
        raise Http404
    return view


def _page(request, view, *, status: int = 200, **forms):
    """The session page; a refused form comes back bound, with its errors, and the status says why."""
    context = {
        "view": view,
        "session": view.session,
        "outcome_form": forms.get("outcome_form") or OutcomeForm(),
        "rating_form": forms.get("rating_form") or RatingForm(),
        "notes_form": forms.get("notes_form")
        or NotesForm(initial={"notes": view.my_notes, "shared": view.my_notes_shared}),
    }
    return render(request, "mentorship/session.html", context, status=status)


@login_required
@require_GET
def session_detail(request, session_id: int):
    return _page(request, _view_or_404(request, session_id))


def _run(request, view, form, form_name: str, call, done: str):
    if form.is_valid():
        try:
            call(form.cleaned_data)
        except NotFound:
            raise Http404 from None
        except ServiceError as error:
            apply_service_error(form, error)
        else:
            flash.success(request, done)
            return redirect("mentorship:session", view.session.pk)
    return _page(request, view, status=400, **{form_name: form})


@login_required
@require_POST
def session_outcome(request, session_id: int):
    """The mentor records held or missed (and by whom), with private or shared notes and feedback."""
    view = _view_or_404(request, session_id)
    if view.side != "mentor":
        raise Http404

    def call(data):
        outcome = data["outcome"]
        services.session_close(
            actor=request.user,
            session=view.session,
            held=outcome == "held",
            missed_by=outcome.removeprefix("missed_by_") if outcome != "held" else "",
            notes=data["notes"],
            share_notes=data["share_notes"],
            feedback=data["feedback"],
        )

    return _run(request, view, OutcomeForm(request.POST), "outcome_form", call, _("Outcome recorded."))


@login_required
@require_POST
def session_rating(request, session_id: int):
    """The mentee rates a held session once, with notes."""
    view = _view_or_404(request, session_id)
    if view.side != "mentee":
        raise Http404

    def call(data):
        services.session_feedback(
            actor=request.user,
            session=view.session,
            rating=data["rating"],
            notes=data["notes"],
            share_notes=data["share_notes"],
        )

    return _run(request, view, RatingForm(request.POST), "rating_form", call, _("Thank you for the rating."))


@login_required
@require_POST
def session_notes(request, session_id: int):
    """Either side saves their own notes, private unless shared."""
    view = _view_or_404(request, session_id)

    def call(data):
        services.session_notes_save(
            actor=request.user, session=view.session, notes=data["notes"], shared=data["shared"]
        )

    return _run(request, view, NotesForm(request.POST), "notes_form", call, _("Notes saved."))


@login_required
@require_POST
def session_cancel(request, session_id: int):
    view = _view_or_404(request, session_id)
    try:
        services.session_cancel(actor=request.user, session=view.session)
    except ServiceError as error:
        flash.error(request, error.message)
        return redirect("mentorship:session", view.session.pk)
    flash.success(request, _("Session cancelled; the time is free again."))
    return redirect("mentorship:my")


@login_required
@require_POST
def consent(request, request_id: int):
    """The mentee allows their mentor to see their progress and projects, or takes it back."""
    mentorship = selectors.request_get_for(user=request.user, request_id=request_id)
    if mentorship is None or mentorship.mentee_id != request.user.pk:
        raise Http404
    form = ConsentForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Consent: choose to allow or to take back."), status=400)
    allowed = form.cleaned_data["consent"] == "on"
    services.consent_set(actor=request.user, request=mentorship, consent=allowed)
    if allowed:
        flash.success(request, _("Your mentor can now see your progress and projects."))
    else:
        flash.success(request, _("Your mentor no longer sees your progress and projects."))
    return redirect("mentorship:my")


@login_required
@require_GET
def mentee(request, request_id: int):
    """A consenting mentee's courses and projects, for their mentor; 404 without consent."""
    mentorship = selectors.mentee_request_for_mentor(user=request.user, request_id=request_id)
    if mentorship is None:
        raise Http404
    return render(request, "mentorship/mentee.html", {"progress": selectors.mentee_progress(request=mentorship)})
