"""Forms of the gamification app: rule settings, the daily challenge, battles."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tropa.courses.models import Direction


class XPRuleForm(forms.Form):
    rule = forms.CharField(widget=forms.HiddenInput)
    points = forms.IntegerField(label=_("XP"), min_value=0, max_value=1000)
    daily_cap = forms.IntegerField(label=_("Daily cap"), min_value=0, max_value=10000, required=False)
    enabled = forms.BooleanField(label=_("Enabled"), required=False)


class DailyAnswerForm(forms.Form):
    direction = forms.ModelChoiceField(queryset=Direction.objects.all(), widget=forms.HiddenInput)
    choice = forms.IntegerField(label=_("Your answer"), min_value=0, max_value=9)


class BattleCreateForm(forms.Form):
    direction = forms.ModelChoiceField(label=_("Direction"), queryset=Direction.objects.none())
    opponent_email = forms.EmailField(
        label=_("Opponent's email"),
        required=False,
        help_text=_("Someone from your school or company. Leave empty to play a random learner of your level."),
    )

    def __init__(self, *args, directions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["direction"].queryset = Direction.objects.filter(pk__in=[d.pk for d in directions])


class BattleAnswerForm(forms.Form):
    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        for n, question in enumerate(questions):
            self.fields[f"q{n}"] = forms.TypedChoiceField(
                label=question.prompt,
                choices=list(enumerate(question.choices)),
                coerce=int,
                widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
            )

    def choices(self) -> list[int]:
        return [self.cleaned_data[name] for name in self.fields]
