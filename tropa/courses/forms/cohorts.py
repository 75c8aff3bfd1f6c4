"""Forms of the cohort pages: settings, the schedule of module openings and deadlines, curators.

They parse input; the services check the rules and write.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tropa.courses.models import CohortEnrollmentPolicy

DATETIME_LOCAL = "%Y-%m-%dT%H:%M"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class DateTimeLocalInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format=DATETIME_LOCAL, **kwargs)


class CohortForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=120, help_text=_("For example “Spring 2026”."))
    starts_on = forms.DateField(label=_("Starts"), widget=DateInput(), input_formats=["%Y-%m-%d"])
    ends_on = forms.DateField(label=_("Ends"), widget=DateInput(), input_formats=["%Y-%m-%d"])
    capacity = forms.IntegerField(
        label=_("Seats"),
        required=False,
        min_value=1,
        max_value=100_000,
        help_text=_("Leave empty for no limit. When the seats are taken, new learners join the waitlist."),
    )
    enrollment_policy = forms.ChoiceField(
        label=_("Enrollment"),
        choices=CohortEnrollmentPolicy.choices,
        initial=CohortEnrollmentPolicy.OPEN,
        widget=forms.RadioSelect,
    )

    @classmethod
    def for_cohort(cls, cohort, **kwargs) -> CohortForm:
        initial = {
            "title": cohort.title,
            "starts_on": cohort.starts_on,
            "ends_on": cohort.ends_on,
            "capacity": cohort.capacity,
            "enrollment_policy": cohort.enrollment_policy,
        }
        return cls(initial=initial, prefix="settings", **kwargs)


class ScheduleForm(forms.Form):
    """One pair of fields per module, `opens_at_<id>` and `deadline_<id>`, in the site's time zone.

    The service names the field at fault the same way, so its refusal lands next to the right input.
    """

    def __init__(self, *args, schedule: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for item in schedule:
            module = item.module
            opens, deadline = f"opens_at_{module.pk}", f"deadline_{module.pk}"
            self.fields[opens] = forms.DateTimeField(
                label=_("Opens"), required=False, widget=DateTimeLocalInput(), input_formats=[DATETIME_LOCAL]
            )
            self.fields[deadline] = forms.DateTimeField(
                label=_("Deadline"), required=False, widget=DateTimeLocalInput(), input_formats=[DATETIME_LOCAL]
            )
            self.initial.setdefault(opens, item.opens_at)
            self.initial.setdefault(deadline, item.deadline)
            self.rows.append({"module": module, "opens_at": self[opens], "deadline": self[deadline]})

    def schedule_rows(self) -> list[dict]:
        """The cleaned dates as {module_id, opens_at, deadline} for cohort_schedule_set."""
        return [
            {
                "module_id": row["module"].pk,
                "opens_at": self.cleaned_data.get(f"opens_at_{row['module'].pk}"),
                "deadline": self.cleaned_data.get(f"deadline_{row['module'].pk}"),
            }
            for row in self.rows
        ]


class CuratorsForm(forms.Form):
    curators = forms.MultipleChoiceField(
        label=_("Curators"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Curators see this cohort's learners and check their work; they cannot change its settings."),
    )

    def __init__(self, *args, candidates: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.candidates = {str(user.pk): user for user in candidates}
        self.fields["curators"].choices = [(str(user.pk), f"{user.display_name} ({user.email})") for user in candidates]

    def chosen_users(self) -> list:
        return [self.candidates[pk] for pk in self.cleaned_data["curators"]]
