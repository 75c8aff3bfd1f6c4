"""Forms of the analytics app: the bundle upload, desk filters, actions on a learner, settings."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tropa.analytics.models import AnalyticsSettings, InterventionKind


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".zip,.csv,.gz"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class BundleUploadForm(forms.Form):
    files = MultipleFileField(
        label=_("Bundle"),
        help_text=_("One zip of the bundle, or its CSV files (enrollments.csv is required; .csv.gz is fine)."),
    )
    skip_bad_rows = forms.BooleanField(
        label=_("Skip bad rows and import the rest"),
        required=False,
        help_text=_("Otherwise one bad row stops the whole import, and nothing is written."),
    )


class DeskFilterForm(forms.Form):
    course = forms.TypedChoiceField(label=_("Course"), required=False, coerce=int, empty_value=None)
    cohort = forms.TypedChoiceField(label=_("Cohort"), required=False, coerce=int, empty_value=None)
    curator = forms.TypedChoiceField(label=_("Curator"), required=False, coerce=int, empty_value=None)

    def __init__(self, *args, options, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["course"].choices = everything + [(c.pk, c.title) for c in options.courses]
        self.fields["cohort"].choices = everything + [(c.pk, f"{c.course.title} — {c.title}") for c in options.cohorts]
        self.fields["curator"].choices = everything + [(u.pk, u.display_name) for u in options.curators]
        for field in self.fields.values():
            field.widget.attrs["class"] = "form-select form-select-sm"


# What the curator clicks (the log then says what was done, in InterventionKind's words).
ACTIONS = [
    (InterventionKind.MESSAGE, _("Message the learner")),
    (InterventionKind.MENTOR, _("Suggest a mentor")),
    (InterventionKind.EXTEND, _("Extend a deadline")),
    (InterventionKind.PARENT, _("Contact the parent")),
    (InterventionKind.CONTACTED, _("Mark as contacted")),
]


class InterventionForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Action"), choices=ACTIONS, widget=forms.RadioSelect(attrs={"class": "form-check-input"})
    )
    note = forms.CharField(
        label=_("Message"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    step = forms.TypedChoiceField(label=_("Step"), required=False, coerce=int, empty_value=None)
    due_on = forms.DateField(label=_("New deadline"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    alert = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, steps=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["step"].choices = [("", _("Choose a step"))] + [(s.pk, s.title) for s in steps]


class ExtendForm(forms.Form):
    """The small form behind "Extend a deadline": which step, the new date, why."""

    step = forms.TypedChoiceField(label=_("Step"), coerce=int)
    due_on = forms.DateField(label=_("New deadline"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("Reason"), max_length=500, widget=forms.Textarea(attrs={"rows": 2}))
    alert = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, steps=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["step"].choices = [("", _("Choose a step"))] + [(s.pk, s.title) for s in steps]


class AlertMarkForm(forms.Form):
    useful = forms.TypedChoiceField(choices=[("1", _("Useful")), ("0", _("Not useful"))], coerce=lambda v: v == "1")


class AnalyticsSettingsForm(forms.ModelForm):
    class Meta:
        model = AnalyticsSettings
        fields = ["alert_threshold", "alert_jump", "notify_guardians", "holdout_percent", "completion_target"]

    def clean_alert_threshold(self):
        return _percent(self.cleaned_data["alert_threshold"], low=1)

    def clean_alert_jump(self):
        return _percent(self.cleaned_data["alert_jump"], low=1)

    def clean_holdout_percent(self):
        return _percent(self.cleaned_data["holdout_percent"], high=50)

    def clean_completion_target(self):
        return _percent(self.cleaned_data["completion_target"], low=1)


def _percent(value: int, *, low: int = 0, high: int = 100) -> int:
    if not low <= value <= high:
        raise forms.ValidationError(_("Enter a number from %(low)s to %(high)s.") % {"low": low, "high": high})
    return value


class NpsForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("How likely are you to recommend this course to a friend?"),
        choices=[(n, str(n)) for n in range(11)],
        coerce=int,
        widget=forms.RadioSelect(attrs={"class": "btn-check"}),
    )
    comment = forms.CharField(
        label=_("What would make it better?"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
