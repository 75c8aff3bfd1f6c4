"""Forms for the profile, the language switcher and API tokens. They validate; services write."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from tropa.accounts.models import Language, Visibility

ALLOWED_IMAGE_FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}
MAX_SKILLS = 30
MAX_LINKS = 10


class ProfileForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    avatar = forms.ImageField(label=_("Photo"), required=False, help_text=_("JPEG, PNG, WebP or GIF, up to 2 MB."))
    remove_avatar = forms.BooleanField(label=_("Remove the current photo"), required=False)
    headline = forms.CharField(
        label=_("Headline"),
        max_length=140,
        required=False,
        help_text=_("One line about you, e.g. “Junior data analyst”."),
    )
    city = forms.CharField(label=_("City"), max_length=80, required=False)
    about = forms.CharField(label=_("About"), max_length=4000, required=False, widget=forms.Textarea(attrs={"rows": 5}))
    skills = forms.CharField(
        label=_("Skills"), required=False, max_length=1500, help_text=_("Comma-separated, e.g. SQL, Python, pandas.")
    )
    links = forms.CharField(
        label=_("Links"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One address per line: GitHub, portfolio, LinkedIn…"),
    )
    visibility = forms.ChoiceField(
        label=_("Who can see my profile"), choices=Visibility.choices, widget=forms.RadioSelect
    )

    def clean_avatar(self):
        image = self.cleaned_data.get("avatar")
        if not image:
            return None
        if image.size > settings.AVATAR_MAX_BYTES:
            raise forms.ValidationError(_("The photo is larger than 2 MB."))
        pil = getattr(image, "image", None)
        if pil is None or pil.format not in ALLOWED_IMAGE_FORMATS:
            raise forms.ValidationError(_("Upload a JPEG, PNG, WebP or GIF image."))
        width, height = pil.size
        if width > 6000 or height > 6000:
            raise forms.ValidationError(_("The photo is too large: at most 6000×6000 pixels."))
        return image

    def clean_skills(self):
        raw = self.cleaned_data.get("skills", "")
        skills: list[str] = []
        for item in raw.split(","):
            skill = " ".join(item.split())
            if not skill:
                continue
            if len(skill) > 40:
                raise forms.ValidationError(
                    _("Each skill must be at most 40 characters: “%(skill)s”."), params={"skill": skill[:40]}
                )
            if skill.casefold() not in {s.casefold() for s in skills}:
                skills.append(skill)
        if len(skills) > MAX_SKILLS:
            raise forms.ValidationError(_("At most %(n)d skills."), params={"n": MAX_SKILLS})
        return skills

    def clean_links(self):
        raw = self.cleaned_data.get("links", "")
        validate = URLValidator(schemes=["http", "https"])
        links: list[str] = []
        for number, line in enumerate(raw.splitlines(), start=1):
            url = line.strip()
            if not url:
                continue
            try:
                validate(url)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("Line %(line)d is not a valid http(s) address: “%(url)s”."),
                    params={"line": number, "url": url[:80]},
                ) from None
            if url not in links:
                links.append(url)
        if len(links) > MAX_LINKS:
            raise forms.ValidationError(_("At most %(n)d links."), params={"n": MAX_LINKS})
        return links


class LanguageForm(forms.Form):
    language = forms.ChoiceField(choices=Language.choices)
    next = forms.CharField(required=False, max_length=2000)


class ApiTokenForm(forms.Form):
    EXPIRY_CHOICES = [("30", _("30 days")), ("90", _("90 days")), ("365", _("1 year")), ("", _("Never"))]

    name = forms.CharField(
        label=_("Token name"), max_length=80, help_text=_("What will use it, e.g. “Reporting script”.")
    )
    expires_in_days = forms.TypedChoiceField(
        label=_("Expires"), choices=EXPIRY_CHOICES, coerce=int, empty_value=None, required=False, initial="90"
    )


class AccountDeleteForm(forms.Form):
    """The confirmation: the password, or for an account without one (social sign-in) the email address."""

    password = forms.CharField(
        label=_("Your password"),
        required=False,
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    email = forms.CharField(label=_("Your email address"), required=False, max_length=254)
