"""Pages of the notifications app: the list, opening and marking read, the navbar bell and email preferences."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tropa.core.exceptions import NotFound, ServiceError
from tropa.core.forms import apply_service_error
from tropa.notifications import selectors, services
from tropa.notifications.forms import EmailPreferencesForm

COUNT_CHANGED = "notifications-count-changed"  # the bell listens
LIST_CHANGED = "notifications-list-changed"  # the list listens
HTMX_STOP_POLLING = 286


def _partial(request) -> bool:
    return bool(request.htmx) and not request.htmx.boosted


def _back(request, fallback: str = "notifications:list"):
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(fallback)


@login_required
@require_GET
def notification_list(request):
    unread_only = request.GET.get("filter") == "unread"
    page = selectors.notification_page(
        user=request.user, unread_only=unread_only, page_number=request.GET.get("page") or 1
    )
    context = {"page": page, "unread_only": unread_only}
    template = "notifications/partials/_list.html" if _partial(request) else "notifications/list.html"
    return render(request, template, context)


@login_required
@require_GET
def notification_open(request, notification_id: int):
    # Opening marks read: idempotent and harmless, so a plain link (no form) is enough.
    try:
        notification = services.notification_mark_read(recipient=request.user, notification_id=notification_id)
    except NotFound:
        raise Http404 from None
    return redirect(notification.url or "notifications:list")


@login_required
@require_POST
def notification_read(request, notification_id: int):
    try:
        notification = services.notification_mark_read(recipient=request.user, notification_id=notification_id)
    except NotFound:
        raise Http404 from None
    if _partial(request):
        response = render(request, "notifications/partials/_item.html", {"notification": notification})
        response["HX-Trigger"] = COUNT_CHANGED
        return response
    return _back(request)


@login_required
@require_POST
def notification_read_all(request):
    updated = services.notification_mark_all_read(recipient=request.user)
    message = (
        ngettext("%(count)d notification marked as read.", "%(count)d notifications marked as read.", updated)
        % {"count": updated}
        if updated
        else _("You have no unread notifications.")
    )
    if _partial(request):
        response = render(request, "notifications/partials/_status.html", {"message": message})
        response["HX-Trigger"] = f"{COUNT_CHANGED}, {LIST_CHANGED}"
        return response
    messages.success(request, message)
    return _back(request)


@require_GET
def bell(request):
    """The bell's inner part for htmx polling; 204 when the count the page shows is still right."""
    if not request.user.is_authenticated:
        # A poll from a page whose session has ended: tell htmx to stop instead of swapping in a login page.
        return HttpResponse(status=HTMX_STOP_POLLING) if request.htmx else redirect_to_login(request.get_full_path())
    if not request.htmx:
        return redirect("notifications:list")
    count = selectors.notification_unread_count(user=request.user)
    if request.GET.get("seen") == str(count):
        return HttpResponse(status=204)  # nothing to swap, so screen readers hear nothing new
    return render(request, "notifications/partials/_bell_inner.html", {"count": count})


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    status = 200
    form = EmailPreferencesForm(request.POST if request.method == "POST" else None)  # all unticked is a valid POST
    if request.method == "POST":
        if form.is_valid():
            try:
                services.email_preferences_update(user=request.user, email_kinds=set(form.cleaned_data["email"]))
            except ServiceError as error:
                apply_service_error(form, error)
            else:
                messages.success(request, _("Notification preferences saved."))
                return redirect("notifications:preferences")
        status = 400
    rows = selectors.email_preference_list(user=request.user)
    return render(request, "notifications/preferences.html", {"form": form, "rows": rows}, status=status)
