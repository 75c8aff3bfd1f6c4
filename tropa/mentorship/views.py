"""Views of the mentorship app: find a mentor, ask, decide, schedule from slots, a calendar file."""

from __future__ import annotations

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.forms import apply_service_error
from tropa.mentorship import ics, selectors, services
from tropa.mentorship.forms import DecisionForm, MatchForm, ProfileForm, RequestForm, ScheduleForm, SlotForm


@login_required
@require_GET
def mentor_list(request):
    form = MatchForm(request.GET or None)
    topics, language = [], request.user.language or ""
    if form.is_valid():
        topics = [skill.pk for skill in form.cleaned_data["topics"]]
        language = form.cleaned_data["language"] or language
    matches = selectors.mentor_ranking(user=request.user, topic_ids=topics, language=language)
    return render(request, "mentorship/mentor_list.html", {"form": form, "matches": matches})


def _mentor_or_404(mentor_id: int):
    mentor = selectors.mentor_get_published(mentor_id=mentor_id)
    if mentor is None:
        raise Http404
    return mentor


@login_required
@require_http_methods(["GET", "POST"])
def mentor_detail(request, mentor_id: int):
    """A mentor's profile and reliability record, with the request form."""
    mentor = _mentor_or_404(mentor_id)
    form = RequestForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.request_create(
                    actor=request.user,
                    mentor=mentor,
                    goal=form.cleaned_data["goal"],
                    project_url=form.cleaned_data["project_url"],
                    topics=list(form.cleaned_data["topics"]),
                    progress_consent=form.cleaned_data["progress_consent"],
                )
            except NotFound:
                raise Http404 from None
            except ServiceError as error:
                apply_service_error(form, error)
            else:
                flash.success(
                    request,
                    _("Request sent. The mentor answers within %(hours)d hours.") % {"hours": mentor.response_hours},
                )
                return redirect("mentorship:my")
        status = 400
    context = {"mentor": mentor, "form": form, "record": selectors.reliability(mentor=mentor)}
    return render(request, "mentorship/mentor_detail.html", context, status=status)


@login_required
@require_GET
def my(request):
    """Both sides of a person's mentorship: requests sent, and (for mentors) requests received."""
    profile = selectors.mentor_profile_for(user=request.user)
    context = {
        "sent": selectors.request_list_for_mentee(user=request.user),
        "received": selectors.request_list_for_mentor(user=request.user) if profile else [],
        "profile": profile,
        "now": timezone.now(),
    }
    return render(request, "mentorship/my.html", context)


def _request_or_404(request, request_id: int):
    found = selectors.request_get_for(user=request.user, request_id=request_id)
    if found is None:
        raise Http404
    return found


@login_required
@require_POST
def decide(request, request_id: int):
    mentorship = _request_or_404(request, request_id)
    if mentorship.mentor.user_id != request.user.pk:
        raise Http404
    form = DecisionForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Choose to accept or decline."), status=400)
    try:
        if form.cleaned_data["decision"] == "accept":
            services.request_accept(actor=request.user, request=mentorship)
        else:
            services.request_decline(actor=request.user, request=mentorship, reason=form.cleaned_data["reason"])
    except ServiceError as error:
        flash.error(request, error.message)
    return redirect("mentorship:my")


@login_required
@require_POST
def schedule(request, request_id: int):
    mentorship = _request_or_404(request, request_id)
    form = ScheduleForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Choose a time."), status=400)
    try:
        services.session_schedule(actor=request.user, request=mentorship, slot_id=form.cleaned_data["slot"])
    except ServiceError as error:
        flash.error(request, error.message)
    else:
        flash.success(request, _("Session scheduled. Download the calendar file to keep it."))
    return redirect("mentorship:my")


@login_required
@require_GET
def session_ics(request, session_id: int):
    session = selectors.session_get_for(user=request.user, session_id=session_id)
    if session is None:
        raise Http404
    response = HttpResponse(ics.session_calendar(session), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="tropa-session-{session.pk}.ics"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    """The mentor's own profile and slots."""
    current = selectors.mentor_profile_for(user=request.user)
    initial = {}
    if current:
        initial = {
            "company": current.company,
            "expertise": list(current.expertise.all()),
            "languages": current.language_list,
            "capacity": current.capacity,
            "response_hours": current.response_hours,
            "rules": current.rules,
            "is_published": current.is_published,
        }
    form = ProfileForm(request.POST or None, initial=initial)
    slot_form = SlotForm()
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.mentor_profile_save(
                    actor=request.user, **{**form.cleaned_data, "expertise": list(form.cleaned_data["expertise"])}
                )
            except ServiceError as error:
                apply_service_error(form, error)
            else:
                flash.success(request, _("Profile saved."))
                return redirect("mentorship:profile")
        status = 400
    return render(
        request, "mentorship/profile.html", {"form": form, "slot_form": slot_form, "profile": current}, status=status
    )


@login_required
@require_POST
def slot_add(request):
    form = SlotForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Give a start time and a duration."), status=400)
    try:
        services.slot_add(
            actor=request.user, starts_at=form.cleaned_data["starts_at"], minutes=form.cleaned_data["minutes"]
        )
    except NotFound:
        raise Http404 from None
    except ServiceError as error:
        flash.error(request, error.message)
    return redirect("mentorship:profile")
