"""Forms of the assistant app: a question, and the CV editor (with one include box and position per item)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tropa.assistant.models import QUESTION_MAX_CHARS, CurriculumVitae


class QuestionForm(forms.Form):
    question = forms.CharField(
        label=_("Your question"),
        max_length=QUESTION_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 2, "maxlength": QUESTION_MAX_CHARS}),
        error_messages={"required": _("Write a question.")},
    )


class CVForm(forms.ModelForm):
    """The owner's edits; `items` (from the CV document) add `include_<n>` and `position_<n>` fields."""

    class Meta:
        model = CurriculumVitae
        fields = ["headline", "summary", "email", "phone", "location", "links", "experience", "education", "language"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 4}),
            "links": forms.Textarea(attrs={"rows": 2}),
            "experience": forms.Textarea(attrs={"rows": 5}),
            "education": forms.Textarea(attrs={"rows": 3}),
            "language": forms.Select(choices=[("ru", _("Russian")), ("en", _("English"))]),
        }
        help_texts = {
            "experience": _(
                "One block per job, separated by an empty line; the first line is the role, company and years."
            ),  # fmt: skip
            "education": _("One block per school or university, separated by an empty line."),
            "links": _("GitHub, LinkedIn, a personal site: http(s) addresses, one per line."),
        }

    def __init__(self, *args, items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        for number, item in enumerate(self.items):
            item.include_field = f"include_{number}"
            item.position_field = f"position_{number}"
            self.fields[item.include_field] = forms.BooleanField(required=False, initial=item.included)
            self.fields[item.position_field] = forms.IntegerField(min_value=1, max_value=99, initial=item.position,
                                                                  label=_("Position"))  # fmt: skip

    def bound_items(self) -> list:
        for item in self.items:
            item.include_bound = self[item.include_field]
            item.position_bound = self[item.position_field]
        return self.items

    def choices(self) -> tuple[list[str], list[str]]:
        """(hidden item keys, item keys in the chosen order) from the cleaned data."""
        data = self.cleaned_data
        hidden = [item.key for item in self.items if not data.get(item.include_field)]
        ranked = sorted(self.items, key=lambda item: (data.get(item.position_field) or 99, item.position))
        return hidden, [item.key for item in ranked]
