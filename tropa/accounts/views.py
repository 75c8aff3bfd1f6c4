"""Account pages: profile editing, public profile, settings hub, language switcher and API tokens."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tropa.accounts import selectors, services
from tropa.accounts.forms import ApiTokenForm, LanguageForm, ProfileForm
from tropa.core.exceptions import ServiceError
from tropa.core.forms import apply_service_error
from tropa.core.ratelimit import hit


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    profile = services.profile_ensure(user=request.user)
    if request.method == "POST":
        form = ProfileForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.profile_update(
                    actor=request.user,
                    first_name=data["first_name"],
                    last_name=data["last_name"],
                    headline=data["headline"],
                    city=data["city"],
                    about=data["about"],
                    skills=data["skills"],
                    links=data["links"],
                    visibility=data["visibility"],
                    avatar=data["avatar"],
                    remove_avatar=data["remove_avatar"],
                )
            except ServiceError as error:
                apply_service_error(form, error)
            else:
                messages.success(request, _("Profile saved."))
                return redirect("accounts:profile_edit")
        status = 400
    else:
        form = ProfileForm(
            initial={
                "first_name": request.user.first_name,
                "last_name": request.user.last_name,
                "headline": profile.headline,
                "city": profile.city,
                "about": profile.about,
                "skills": ", ".join(profile.skills),
                "links": "\n".join(profile.links),
                "visibility": profile.visibility,
            }
        )
        status = 200
    return render(request, "accounts/profile_edit.html", {"form": form, "profile": profile}, status=status)


@require_GET
def profile_detail(request, user_id: int):
    profile = selectors.profile_get_for(request.user, user_id)
    if profile is None:
        raise Http404
    return render(request, "accounts/profile_detail.html", {"profile": profile, "person": profile.user})


@login_required
@require_GET
def settings_index(request):
    return render(request, "accounts/settings.html")


@require_POST
def language_set(request):
    form = LanguageForm(request.POST)
    if not form.is_valid():
        return HttpResponse(_("Unsupported language."), status=400)
    language = form.cleaned_data["language"]
    target = form.cleaned_data["next"] or request.headers.get("referer", "/")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    if request.user.is_authenticated:
        services.user_set_language(user=request.user, language=language)
    response = redirect(target)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 24 * 3600,
        samesite="Lax",
        secure=request.is_secure(),
        httponly=True,
    )
    return response


@login_required
@require_http_methods(["GET", "POST"])
def tokens(request):
    created_key = None
    form = ApiTokenForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if not hit("api-token-create", str(request.user.pk), settings.API_TOKEN_CREATE_RATE):
            messages.error(request, _("Too many tokens created recently. Try again later."))
            status = 429
        elif form.is_valid():
            try:
                token, created_key = services.api_token_create(
                    actor=request.user,
                    name=form.cleaned_data["name"],
                    expires_in_days=form.cleaned_data["expires_in_days"],
                )
            except ServiceError as error:
                apply_service_error(form, error)
                status = 400
            else:
                form = ApiTokenForm()
        else:
            status = 400
    context = {"form": form, "tokens": list(selectors.api_token_list(user=request.user)), "created_key": created_key}
    response = render(request, "accounts/tokens.html", context, status=status)
    response["Cache-Control"] = "no-store"  # the raw key is on this page once
    return response


@login_required
@require_POST
def token_revoke(request, token_id: int):
    try:
        token = services.api_token_revoke(actor=request.user, token_id=token_id)
    except ServiceError:
        raise Http404 from None
    messages.success(request, _("Token “%(name)s” revoked.") % {"name": token.name})
    return redirect("accounts:tokens")
