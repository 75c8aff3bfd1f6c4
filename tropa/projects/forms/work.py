"""The learner's and the reviewers' forms: a version, a review against the rubric, an appeal, its answer."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from tropa.projects.models import ReviewDecision


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data if item]
        return [super().clean(data, initial)] if data else []


class SubmitForm(forms.Form):
    """Links are checked by the service (http/https only), so every refusal reads the same on the page and the API."""

    title = forms.CharField(label=_("Project title"), max_length=200, required=False)
    summary = forms.CharField(label=_("One-line summary"), max_length=500, required=False)
    repository_url = forms.CharField(label=_("Repository link"), max_length=500, required=False)
    demo_url = forms.CharField(label=_("Demo link"), max_length=500, required=False)
    writeup = forms.CharField(label=_("Write-up"), required=False, widget=forms.Textarea(attrs={"rows": 8}))
    files = MultipleFileField(label=_("Files"), required=False)


class ReviewForm(forms.Form):
    """One level field (`c<id>`) and one comment field (`c<id>_comment`) per criterion, then feedback."""

    feedback = forms.CharField(label=_("Feedback"), widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, criteria, staff: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"c{criterion.pk}"] = forms.TypedChoiceField(
                label=criterion.title,
                choices=[(str(n), level) for n, level in enumerate(criterion.levels)],
                coerce=int,
                widget=forms.RadioSelect,
            )
            self.fields[f"c{criterion.pk}_comment"] = forms.CharField(
                label=_("Comment on “%(criterion)s”") % {"criterion": criterion.title},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        if staff:
            self.fields["decision"] = forms.ChoiceField(
                label=_("Decision"), choices=ReviewDecision.choices, widget=forms.RadioSelect
            )

    def rows(self):
        """(criterion, level field, comment field) for the template."""
        return [(c, self[f"c{c.pk}"], self[f"c{c.pk}_comment"]) for c in self.criteria]

    def levels(self) -> dict:
        return {c.pk: self.cleaned_data[f"c{c.pk}"] for c in self.criteria}

    def comments(self) -> dict:
        return {c.pk: self.cleaned_data.get(f"c{c.pk}_comment", "") for c in self.criteria}


class AppealForm(forms.Form):
    reason = forms.CharField(label=_("Why is this review unfair?"), widget=forms.Textarea(attrs={"rows": 3}))


class AppealResolveForm(forms.Form):
    UPHOLD, DISMISS = "uphold", "dismiss"
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(UPHOLD, _("Uphold: the review stops counting")), (DISMISS, _("Dismiss: the review stands"))],
        widget=forms.RadioSelect,
    )
    resolution = forms.CharField(label=_("Answer to the learner"), widget=forms.Textarea(attrs={"rows": 3}))


class PortfolioItemForm(forms.Form):
    item = forms.CharField(max_length=40)
    visibility = forms.CharField(max_length=16)


class TeamInviteForm(forms.Form):
    email = forms.EmailField(label=_("Classmate's email"), max_length=254)
