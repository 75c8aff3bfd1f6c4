"""Forms of the organizations app. They validate input; services write."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tropa.organizations.models import OrganizationKind, Role


class OrganizationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(
        label=_("Kind"),
        choices=OrganizationKind.choices,
        widget=forms.RadioSelect,
        help_text=_("Schools teach and may keep a roster of learners; companies hire and teach their own."),
    )
    description = forms.CharField(
        label=_("Description"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    website = forms.URLField(
        label=_("Website"), required=False, assume_scheme="https", help_text=_("For example https://example.com")
    )
    city = forms.CharField(label=_("City"), max_length=80, required=False)


class OrganizationSettingsForm(OrganizationForm):
    """The same details except the kind, which is fixed once the organization exists."""

    kind = None


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email"), max_length=254)
    role = forms.ChoiceField(label=_("Role"), choices=())

    def __init__(self, *args, roles: list[str] | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(Role.choices)
        self.fields["role"].choices = [(role, labels[role]) for role in (roles or [])]


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class SwitchForm(forms.Form):
    organization_id = forms.IntegerField(min_value=1)
    next = forms.CharField(required=False, max_length=2000)


class GuardianRequestForm(forms.Form):
    child_email = forms.EmailField(
        label=_("Your child's email"),
        max_length=254,
        help_text=_("The email your child signs in to Tropa with. They (or their school) will confirm the link."),
    )
    relation = forms.CharField(
        label=_("Who you are to them"),
        max_length=40,
        required=False,
        help_text=_("Optional, e.g. mother, father, grandparent, guardian."),
    )
