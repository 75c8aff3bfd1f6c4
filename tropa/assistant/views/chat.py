"""The chat: a page and a panel (loaded into the navbar's side panel), one question at a time, history kept."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from tropa.assistant.forms import QuestionForm
from tropa.assistant.llm import configured_endpoint
from tropa.assistant.selectors import history_for
from tropa.assistant.services.chat import assistant_ask, chat_clear
from tropa.core.exceptions import ServiceError
from tropa.core.forms import apply_service_error

SUGGESTIONS = [
    ("next", "What should I learn next?"),
    ("progress", "How am I doing?"),
    ("cv", "Improve my CV"),
    ("interview", "Prepare me for an interview"),
]


def _suggestions() -> list[str]:
    return [_(text) for _key, text in SUGGESTIONS]


def _context(request, *, form=None, where: str = "page") -> dict:
    return {
        "history": history_for(user=request.user),
        "form": form or QuestionForm(),
        "suggestions": _suggestions(),
        "model_configured": configured_endpoint() is not None,
        "where": where,
    }


@login_required
@require_GET
def chat(request):
    return render(request, "assistant/chat.html", _context(request))


@login_required
@require_GET
def panel(request):
    """The chat for the navbar's side panel (htmx); a plain visit gets the page."""
    if not request.htmx:
        return redirect("assistant:chat")
    return render(request, "assistant/partials/_chat.html", _context(request, where="panel"))


@login_required
@require_POST
def ask(request):
    """One question: htmx gets the exchange to append (or the form's error, 400; 429 when rate-limited)."""
    where = "panel" if request.POST.get("where") == "panel" else "page"
    form = QuestionForm(request.POST)
    status = 400
    if form.is_valid():
        try:
            asked, answered = assistant_ask(actor=request.user, text=form.cleaned_data["question"])
        except ServiceError as error:
            apply_service_error(form, error)
            status = 429 if error.code == "rate_limited" else 400
        else:
            if request.htmx:
                return render(request, "assistant/partials/_exchange.html",
                              {"messages_shown": [asked, answered], "where": where})  # fmt: skip
            return redirect("assistant:chat")
    if request.htmx:
        return render(request, "assistant/partials/_error.html", {"form": form}, status=status)
    return render(request, "assistant/chat.html", _context(request, form=form), status=status)


@login_required
@require_POST
def clear(request):
    chat_clear(actor=request.user)
    messages.success(request, _("The conversation was deleted."))
    return redirect("assistant:chat")
