"""Forms of the roadmaps app: they parse and check types and ranges; the services check the rest."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tropa.roadmaps.models import Experience, Level

HOURS_HELP = _("How many hours a week you can study, 1 to 60.")


class GoalForm(forms.Form):
    role = forms.TypedChoiceField(label=_("Target role"), required=False, coerce=int, empty_value=None)
    direction = forms.TypedChoiceField(
        label=_("Or a direction, if you are not sure of the role yet"), required=False, coerce=int, empty_value=None
    )
    interests = forms.TypedMultipleChoiceField(
        label=_("Other interests (up to three)"),
        required=False,
        coerce=int,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    experience = forms.ChoiceField(label=_("Experience"), required=False, choices=[("", "—"), *Experience.choices])
    hours_per_week = forms.IntegerField(
        label=_("Hours a week"), required=False, min_value=1, max_value=60, help_text=HOURS_HELP
    )

    def __init__(self, *args, roles=(), directions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [("", "—"), *((role.pk, role.name) for role in roles)]
        self.fields["direction"].choices = [("", "—"), *((d.pk, d.name) for d in directions)]
        self.fields["interests"].choices = [(d.pk, d.name) for d in directions]


class SkillsForm(forms.Form):
    """One select per skill of the goal: "skill_<id>" with a level 0..3; left empty means not rated yet."""

    def __init__(self, *args, skills=(), **kwargs):
        super().__init__(*args, **kwargs)
        for skill in skills:
            self.fields[f"skill_{skill.pk}"] = forms.TypedChoiceField(
                label=skill.name, required=False, coerce=int, empty_value=None, choices=[("", "—"), *Level.choices]
            )

    def levels(self) -> dict[int, int]:
        return {
            int(name.removeprefix("skill_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("skill_") and value is not None
        }


class AnswerForm(forms.Form):
    question = forms.IntegerField(widget=forms.HiddenInput)
    choice = forms.TypedChoiceField(
        label=_("Your answer"), coerce=int, widget=forms.RadioSelect(attrs={"class": "form-check-input"})
    )

    def __init__(self, *args, question=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = question.choices if question else []
        self.fields["choice"].choices = list(enumerate(choices))
        if question is not None:
            self.fields["question"].initial = question.pk


class SettingsForm(forms.Form):
    role = forms.TypedChoiceField(label=_("Target role"), coerce=int)
    hours_per_week = forms.IntegerField(label=_("Hours a week"), min_value=1, max_value=60, help_text=HOURS_HELP)

    def __init__(self, *args, roles=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(role.pk, role.name) for role in roles]


class CourseChoiceForm(forms.Form):
    course = forms.IntegerField(label=_("Course"))
    note = forms.CharField(label=_("Note"), required=False, max_length=500)


class MoveForm(forms.Form):
    direction = forms.ChoiceField(label=_("Direction"), choices=[("up", _("Up")), ("down", _("Down"))])


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Comment"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3}))


class AcceptForm(forms.Form):
    kind = forms.CharField(max_length=20)
    item = forms.IntegerField()
