"""The course team's forms: the project's settings and a rubric criterion."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tropa.courses.models import Skill, Step, StepKind
from tropa.projects.models import FinalProject

SETTINGS_FIELDS = [
    "title", "brief", "step", "require_repository", "require_files", "require_demo", "require_writeup", "deadline",
    "late_policy", "late_penalty_percent", "revisions_allowed", "pass_score", "review_by_curator",
    "review_by_mentor", "review_by_expert", "peer_count", "peer_anonymous", "peer_review_days",
    "max_team_size",
]  # fmt: skip


class ProjectSettingsForm(forms.ModelForm):
    """Parses the settings; the project is written by services.definition.project_save."""

    deadline = forms.DateTimeField(
        label=_("Deadline"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Cohorts may have their own."),
    )

    class Meta:
        model = FinalProject
        fields = SETTINGS_FIELDS
        widgets = {"brief": forms.Textarea(attrs={"rows": 8})}

    def __init__(self, *args, course, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["step"].queryset = Step.objects.filter(
            course=course, kind=StepKind.FINAL_PROJECT, archived_at__isnull=True
        )
        self.fields["peer_count"].widget.attrs.update(min=0, max=5)
        self.fields["max_team_size"].widget.attrs.update(min=1, max=6)
        self.fields["max_team_size"].required = False  # left empty: everyone works alone

    def _post_clean(self):
        pass  # no model validation here: the service checks and writes

    def service_fields(self) -> dict:
        data = dict(self.cleaned_data)
        data.pop("step", None)
        if data.get("max_team_size") is None:
            data["max_team_size"] = 1
        return data


class CriterionForm(forms.Form):
    title = forms.CharField(label=_("Criterion"), max_length=200)
    description = forms.CharField(label=_("What is judged"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    weight = forms.IntegerField(label=_("Weight"), min_value=1, max_value=100, initial=1)
    levels = forms.CharField(
        label=_("Level descriptors"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One level per line, from the lowest to the highest."),
    )
    skills = forms.ModelMultipleChoiceField(
        label=_("Skills it evidences"), queryset=Skill.objects.all(), required=False
    )

    def level_list(self) -> list[str]:
        return [line for line in self.cleaned_data["levels"].splitlines() if line.strip()]


class CohortDeadlineForm(forms.Form):
    deadline = forms.DateTimeField(
        label=_("Cohort deadline"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=_("Empty: the cohort follows the project's deadline."),
    )
