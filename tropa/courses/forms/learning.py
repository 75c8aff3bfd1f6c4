"""Forms of a learner's side of a course: joining (cohort, invitation code) and leaving (why)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tropa.courses.models import Cohort, Course, LeaveReason


class EnrollForm(forms.Form):
    """The cohort to join (one of the course's) and, for invite-only cohorts, the invitation code."""

    cohort = forms.ModelChoiceField(
        label=_("Cohort"),
        queryset=Cohort.objects.none(),
        required=False,
        error_messages={"invalid_choice": _("Choose one of the course's cohorts.")},
    )
    code = forms.CharField(label=_("Invitation code"), max_length=32, required=False, strip=True)

    def __init__(self, *args, course: Course, **kwargs):
        super().__init__(*args, **kwargs)
        self.course = course
        self.fields["cohort"].queryset = Cohort.objects.filter(course=course)


class LeaveForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why are you leaving?"),
        choices=LeaveReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Tell us why you are leaving.")},
    )
    comment = forms.CharField(
        label=_("Anything else the school should know?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Optional. The school sees your answer and uses it to improve the course."),
    )
