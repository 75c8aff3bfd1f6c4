"""Forms of the mentorship app."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tropa.courses.models import Skill
from tropa.mentorship.models import LANGUAGES


def _skills():
    return Skill.objects.order_by("slug")


class MatchForm(forms.Form):
    topics = forms.ModelMultipleChoiceField(label=_("Topics"), queryset=Skill.objects.none(), required=False)
    language = forms.ChoiceField(label=_("Language"), choices=[("", _("Any"))] + LANGUAGES, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = _skills()


class RequestForm(forms.Form):
    goal = forms.CharField(label=_("Your goal"), max_length=300)
    project_url = forms.URLField(label=_("Project link"), required=False, assume_scheme="https")
    topics = forms.ModelMultipleChoiceField(label=_("Topics"), queryset=Skill.objects.none())
    progress_consent = forms.BooleanField(label=_("The mentor may see my progress and projects"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = _skills()


class ProfileForm(forms.Form):
    company = forms.CharField(label=_("Company"), max_length=120, required=False)
    expertise = forms.ModelMultipleChoiceField(label=_("Expertise"), queryset=Skill.objects.none(), required=False)
    languages = forms.MultipleChoiceField(label=_("Languages"), choices=LANGUAGES, widget=forms.CheckboxSelectMultiple)
    capacity = forms.IntegerField(label=_("Mentees at a time"), min_value=1, max_value=20, initial=3)
    response_hours = forms.IntegerField(
        label=_("I answer requests within (hours)"), min_value=1, max_value=168, initial=72
    )
    rules = forms.CharField(
        label=_("How I work"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    is_published = forms.BooleanField(label=_("Published: learners can find me"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expertise"].queryset = _skills()


class SlotForm(forms.Form):
    starts_at = forms.DateTimeField(label=_("Starts"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    minutes = forms.IntegerField(label=_("Minutes"), min_value=15, max_value=180, initial=45)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(choices=[("accept", _("Accept")), ("decline", _("Decline"))])
    reason = forms.CharField(label=_("Reason"), required=False, max_length=300)


class ScheduleForm(forms.Form):
    slot = forms.IntegerField(label=_("Time"))


class AmaForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(
        label=_("What to ask about"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    starts_at = forms.DateTimeField(label=_("Starts"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    minutes = forms.IntegerField(label=_("Minutes"), min_value=15, max_value=240, initial=60)


class QuestionForm(forms.Form):
    text = forms.CharField(label=_("Your question"), max_length=500)


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Answer"), max_length=4000, widget=forms.Textarea(attrs={"rows": 2}))


OUTCOMES = [
    ("held", _("Held")),
    ("missed_by_mentee", _("Missed: the mentee did not come")),
    ("missed_by_mentor", _("Missed: I could not come")),
]


class OutcomeForm(forms.Form):
    """The mentor's record after the session's time."""

    outcome = forms.ChoiceField(label=_("What happened"), choices=OUTCOMES, widget=forms.RadioSelect)
    feedback = forms.CharField(
        label=_("Feedback for the mentee (they see it)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    notes = forms.CharField(
        label=_("My notes"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    share_notes = forms.BooleanField(label=_("Share my notes with the mentee"), required=False)


class RatingForm(forms.Form):
    """The mentee's rating of a held session."""

    rating = forms.TypedChoiceField(
        label=_("How useful was the session?"),
        choices=[(n, str(n)) for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
    )
    notes = forms.CharField(
        label=_("My notes"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )
    share_notes = forms.BooleanField(label=_("Share my notes with the mentor"), required=False)


class NotesForm(forms.Form):
    notes = forms.CharField(
        label=_("My notes"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )
    shared = forms.BooleanField(label=_("The other side may read these notes"), required=False)


class ConsentForm(forms.Form):
    consent = forms.ChoiceField(choices=[("on", _("Allow")), ("off", _("Take back"))])
