"""The daily challenge and battles."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.forms import apply_service_error
from tropa.gamification import periods
from tropa.gamification.forms import BattleAnswerForm, BattleCreateForm, DailyAnswerForm
from tropa.gamification.selectors import challenges as selectors
from tropa.gamification.services import challenges as services

# The same words whether the email is unknown or belongs to someone out of reach: no account is revealed.
NO_SUCH_OPPONENT = gettext_lazy(
    "Nobody from your school or company plays with this email. Leave the field empty to play a random opponent."
)


def _daily_cards(user):
    today = periods.local_day()
    cards = []
    for direction in selectors.daily_directions():
        cards.append(
            {
                "direction": direction,
                "question": selectors.daily_question(direction=direction, day=today),
                "answer": selectors.daily_answer_for(user=user, direction=direction, day=today),
            }
        )
    return cards, today


@login_required
@require_http_methods(["GET", "POST"])
def daily(request):
    status, error = 200, None
    if request.method == "POST":
        form = DailyAnswerForm(request.POST)
        if form.is_valid():
            try:
                answer = services.daily_answer_create(
                    actor=request.user, direction=form.cleaned_data["direction"], choice=form.cleaned_data["choice"]
                )
            except NotFound:
                raise Http404 from None
            except ServiceError as service_error:
                error, status = service_error.message, 400
            else:
                if answer.correct:
                    messages.success(request, _("Correct!"))
                else:
                    messages.info(request, _("Not this time: see the explanation below."))
                return redirect("gamification:daily")
        else:
            error, status = _("Choose an answer."), 400
    cards, today = _daily_cards(request.user)
    context = {"cards": cards, "error": error, "streak": selectors.daily_streak(user=request.user, today=today)}
    return render(request, "gamification/daily.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def battles(request):
    directions = selectors.daily_directions()
    form = BattleCreateForm(request.POST or None, directions=directions)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            email = form.cleaned_data["opponent_email"]
            opponent = selectors.opponent_find(actor=request.user, email=email) if email else None
            if email and opponent is None:
                form.add_error("opponent_email", NO_SUCH_OPPONENT)
            else:
                try:
                    battle = services.battle_create(
                        actor=request.user, direction=form.cleaned_data["direction"], opponent=opponent
                    )
                except ServiceError as error:
                    apply_service_error(form, error)
                else:
                    return redirect("gamification:battle", battle.pk)
        status = 400
    context = {"form": form, "battles": selectors.battle_list_for(user=request.user)}
    return render(request, "gamification/battles.html", context, status=status)


@login_required
@require_http_methods(["GET", "POST"])
def battle(request, battle_id: int):
    found = selectors.battle_get_for(user=request.user, battle_id=battle_id)
    if found is None:
        raise Http404
    questions = selectors.battle_questions_of(found)
    answered = selectors.battle_answered_by(battle=found, user=request.user)
    form = BattleAnswerForm(request.POST or None, questions=questions)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.battle_answer(actor=request.user, battle=found, choices=form.choices())
            except NotFound:
                raise Http404 from None
            except ServiceError as error:
                apply_service_error(form, error)
            else:
                return redirect("gamification:battle", found.pk)
        status = 400
    context = {
        "battle": found,
        "form": None if answered or found.status != "pending" else form,
        "questions": questions,
        "my_score": found.score_of(request.user.pk),
        "is_challenger": found.challenger_id == request.user.pk,
    }
    return render(request, "gamification/battle.html", context, status=status)
