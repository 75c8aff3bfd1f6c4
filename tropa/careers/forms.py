"""Forms of the career centre; services make the decisions, forms only parse."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tropa.careers.models import (
    HR_TRANSITIONS,
    ApplicationStatus,
    Availability,
    OpportunityKind,
    OpportunityLevel,
)
from tropa.courses.models import Course, CourseStatus, Skill


class ApplyForm(forms.Form):
    cover_note = forms.CharField(
        label=_("Cover note"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Why this opportunity, and what you would bring."),
    )
    cv = forms.FileField(label=_("CV (PDF, optional)"), required=False)
    share_portfolio = forms.BooleanField(label=_("Share my portfolio with the company"), required=False, initial=True)


class OpportunityForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=OpportunityKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), max_length=10000, widget=forms.Textarea(attrs={"rows": 8}))
    level = forms.ChoiceField(label=_("Level"), choices=OpportunityLevel.choices)
    skills = forms.ModelMultipleChoiceField(
        label=_("Skills"), queryset=Skill.objects.all(), required=False, widget=forms.SelectMultiple(attrs={"size": 6})
    )
    city = forms.CharField(label=_("City"), max_length=80, required=False)
    is_remote = forms.BooleanField(label=_("Remote"), required=False)
    salary_min = forms.IntegerField(label=_("Salary from"), required=False)
    salary_max = forms.IntegerField(label=_("Salary to"), required=False)
    currency = forms.CharField(label=_("Currency"), max_length=3, initial="RUB", required=False)
    deadline = forms.DateField(
        label=_("Apply by"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    fast_track_course = forms.ModelChoiceField(
        label=_("Fast-track: final project of the course"),
        queryset=Course.objects.filter(status=CourseStatus.PUBLISHED, format="long"),
        required=False,
    )
    fast_track_min_score = forms.IntegerField(
        label=_("Fast-track: quality score at least"),
        required=False,
        help_text=_("Only an accepted final project counts; finishing a course never does."),
    )

    def service_kwargs(self) -> dict:
        data = dict(self.cleaned_data)
        skills = data.pop("skills")
        course = data.pop("fast_track_course")
        return {**data, "skill_ids": [s.pk for s in skills], "fast_track_course_id": course.pk if course else None}


class EmployerProfileForm(forms.Form):
    tagline = forms.CharField(label=_("Tagline"), max_length=200, required=False)
    response_days = forms.IntegerField(
        label=_("We answer every application within, days"), help_text=_("Shown to learners; HR is reminded before.")
    )


class CandidateProfileForm(forms.Form):
    is_visible = forms.BooleanField(label=_("Companies may find me in talent search"), required=False)
    availability = forms.ChoiceField(label=_("Availability"), choices=Availability.choices)
    level = forms.ChoiceField(label=_("Level"), choices=[("", "—"), *OpportunityLevel.choices], required=False)
    city = forms.CharField(label=_("City"), max_length=80, required=False)
    open_to_remote = forms.BooleanField(label=_("Open to remote work"), required=False)


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Move to"),
        choices=[
            (s.value, s.label)
            for s in ApplicationStatus
            if s not in (ApplicationStatus.APPLIED, ApplicationStatus.WITHDRAWN)
        ],
    )
    reason = forms.CharField(label=_("Note to the candidate"), max_length=500, required=False)

    def __init__(self, *args, current: str | None = None, **kwargs):
        """With `current`, only the moves open from that status are offered, the next step forward first."""
        super().__init__(*args, **kwargs)
        if current is not None:
            allowed = HR_TRANSITIONS.get(current, set())
            self.fields["status"].choices = [(s.value, s.label) for s in ApplicationStatus if s in allowed]


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Why you withdraw (optional, the company reads it)"), max_length=500, required=False
    )


class NoteForm(forms.Form):
    body = forms.CharField(
        label=_("Private note for your team"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ShortlistForm(forms.Form):
    name = forms.CharField(label=_("Shortlist name"), max_length=120)


class InterviewForm(forms.Form):
    slot1 = forms.DateTimeField(label=_("Time 1"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    slot2 = forms.DateTimeField(
        label=_("Time 2"), required=False, widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    slot3 = forms.DateTimeField(
        label=_("Time 3"), required=False, widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    minutes = forms.IntegerField(label=_("Length, minutes"), initial=45)
    location = forms.CharField(label=_("Place or video link"), max_length=300, required=False)
    reason = forms.CharField(label=_("Reason for the new times"), max_length=500, required=False)

    def slots(self) -> list:
        return [self.cleaned_data[name] for name in ("slot1", "slot2", "slot3") if self.cleaned_data.get(name)]


class RatingForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("Your rating"), choices=[(str(n), str(n)) for n in range(1, 6)], coerce=int, widget=forms.RadioSelect
    )
    comment = forms.CharField(
        label=_("Comment"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class CVReviewRequestForm(forms.Form):
    organization = forms.ChoiceField(label=_("Company"))
    cv = forms.FileField(label=_("CV (PDF)"))
    question = forms.CharField(
        label=_("What would you like feedback on?"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, companies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].choices = [(c.slug, c.name) for c in companies]


class CVReviewGiveForm(forms.Form):
    comments = forms.CharField(label=_("Comments"), max_length=6000, widget=forms.Textarea(attrs={"rows": 8}))
