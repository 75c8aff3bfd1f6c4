"""The catalogue's filter form: a GET form whose every field is optional and checked against known values."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tropa.courses.models import CourseFormat, CourseLevel, CourseMode
from tropa.courses.selectors.catalogue import (
    PRICE_FREE,
    PRICE_PAID,
    SORT_NEWEST,
    SORT_RATING,
    SORT_RELEVANCE,
    CatalogueFilters,
    CatalogueOptions,
)

ANY = [("", _("Any"))]
SORT_CHOICES = [
    (SORT_RELEVANCE, _("Relevance")),
    (SORT_RATING, _("Rating")),
    (SORT_NEWEST, _("Newest")),
]
PRICE_CHOICES = [(PRICE_FREE, _("Free")), (PRICE_PAID, _("Paid"))]
FILTER_FIELDS = ("direction", "skill", "level", "format", "mode", "language", "provider", "price")


class CatalogueFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), max_length=100, required=False, strip=True)
    direction = forms.ChoiceField(label=_("Direction"), required=False)
    skill = forms.ChoiceField(label=_("Skill"), required=False)
    level = forms.ChoiceField(label=_("Level"), required=False, choices=ANY + list(CourseLevel.choices))
    format = forms.ChoiceField(label=_("Format"), required=False, choices=ANY + list(CourseFormat.choices))
    mode = forms.ChoiceField(label=_("How you learn"), required=False, choices=ANY + list(CourseMode.choices))
    language = forms.ChoiceField(label=_("Language"), required=False, choices=ANY + list(settings.LANGUAGES))
    provider = forms.ChoiceField(label=_("Provider"), required=False)
    price = forms.ChoiceField(label=_("Price"), required=False, choices=ANY + PRICE_CHOICES)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)

    def __init__(self, *args, options: CatalogueOptions, **kwargs):
        super().__init__(*args, **kwargs)
        # Choices come from the selector's lists, so validating a value costs no query of its own.
        self.fields["direction"].choices = ANY + options.directions
        self.fields["skill"].choices = ANY + options.skills
        self.fields["provider"].choices = ANY + options.providers
        self.fields["q"].widget.attrs.update(
            {
                "type": "search",
                "autocomplete": "off",
                "enterkeyhint": "search",
                "placeholder": _("A course, skill or school"),
            }
        )

    def filters(self) -> CatalogueFilters:
        """The filters that are valid; a field with a bad value is left out (and its error shown)."""
        self.is_valid()
        data = {name: self.cleaned_data.get(name) or "" for name in self.fields}
        return CatalogueFilters(**data)

    @property
    def active_filter_count(self) -> int:
        if not hasattr(self, "cleaned_data"):
            return 0
        return sum(1 for name in FILTER_FIELDS if self.cleaned_data.get(name))
