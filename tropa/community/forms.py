"""Forms of the community app: they parse input; services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tropa.community.models import CategoryKind, DigestFrequency, TopicKind


class TopicForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(label=_("Text (Markdown)"), widget=forms.Textarea(attrs={"rows": 8}), max_length=20_000)
    tags = forms.CharField(label=_("Tags, separated by commas"), required=False, max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=TopicKind.choices, initial=TopicKind.DISCUSSION)
    work_url = forms.URLField(
        label=_("Link to the work (for a feedback request)"), required=False, assume_scheme="https"
    )


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Your reply (Markdown)"), widget=forms.Textarea(attrs={"rows": 5}), max_length=20_000
    )


class EditForm(forms.Form):
    body = forms.CharField(label=_("Text (Markdown)"), widget=forms.Textarea(attrs={"rows": 8}), max_length=20_000)
    reason = forms.CharField(label=_("Reason for the edit"), required=False, max_length=200)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=300)


class TopicModerateForm(forms.Form):
    ACTIONS = [
        ("close", _("Close")),
        ("open", _("Reopen")),
        ("hide", _("Hide")),
        ("slow", _("Set slow mode")),
        ("move", _("Move")),
        ("merge", _("Merge into another topic")),
    ]
    action = forms.ChoiceField(label=_("Action"), choices=ACTIONS)
    reason = forms.CharField(label=_("Reason"), max_length=300)
    slow_mode_seconds = forms.IntegerField(label=_("Seconds between posts"), required=False, min_value=0)
    category = forms.SlugField(label=_("Move to category (slug)"), required=False)
    into = forms.IntegerField(label=_("Merge into topic number"), required=False, min_value=1)


class FeedPrivacyForm(forms.Form):
    share_learning = forms.BooleanField(
        label=_("Show my finished courses, certificates, badges and projects to my followers"), required=False
    )
    share_forum = forms.BooleanField(label=_("Show my new forum topics to my followers"), required=False)


class DigestForm(forms.Form):
    frequency = forms.ChoiceField(
        label=_("Email digest of what I follow"),
        choices=[("", _("No digest")), *DigestFrequency.choices],
        required=False,
    )


class CategoryForm(forms.Form):
    """A category as staff edit it; the view passes the courses, cohorts and directions the actor manages."""

    name = forms.CharField(label=_("Category name"), max_length=120)
    slug = forms.SlugField(label=_("Address (latin letters, digits and dashes)"), max_length=80)
    kind = forms.ChoiceField(label=_("Who sees it"), choices=CategoryKind.choices)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
    course = forms.ModelChoiceField(label=_("Course (for course and alumni categories)"), queryset=None, required=False)
    cohort = forms.ModelChoiceField(label=_("Cohort (for a cohort category)"), queryset=None, required=False)
    direction = forms.ModelChoiceField(label=_("Direction"), queryset=None, required=False)
    position = forms.IntegerField(label=_("Position in the list"), min_value=0, max_value=10_000, initial=0)

    def __init__(self, *args, courses, cohorts, directions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = courses
        self.fields["cohort"].queryset = cohorts
        self.fields["direction"].queryset = directions
