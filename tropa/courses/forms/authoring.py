"""Forms of the course studio: they check input and uploads against choices the view passes in; services write."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from tropa.courses.models import CourseFormat, CourseLevel, CourseMode, QuestionKind, StepKind, UnlockRule
from tropa.courses.services.authoring import (
    COVER_MAX_BYTES,
    CURRENCIES,
    MAX_DURATION_WEEKS,
    MAX_SUMMARY,
    MAX_TEAM,
    MAX_TEXT,
    MAX_TITLE,
    MAX_WEEKLY_HOURS,
)
from tropa.courses.services.authoring_quiz import MAX_CHOICE_TEXT, MAX_CHOICES
from tropa.courses.services.authoring_structure import MAX_ATTEMPTS_LIMIT
from tropa.courses.services.workflow import MAX_NOTE
from tropa.courses.video import VIDEO_TYPES, video_file_problem, video_max_bytes, video_url_problem

COVER_FORMATS = {"JPEG", "PNG", "WEBP"}
COVER_CONTENT_TYPES = {"image/jpeg", "image/png", "image/webp"}
COVER_MAX_PIXELS = 6000


def _textarea(rows: int) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows})


class CourseCreateForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=MAX_TITLE)
    organization = forms.TypedChoiceField(label=_("Organization"), coerce=int, choices=())
    format = forms.ChoiceField(label=_("Format"), choices=CourseFormat.choices, widget=forms.RadioSelect)
    language = forms.ChoiceField(label=_("Language of the course"), choices=settings.LANGUAGES)

    def __init__(self, *args, organizations: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organization"].choices = [(o.pk, o.name) for o in organizations]


class CourseSettingsForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=MAX_TITLE)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=MAX_SUMMARY,
        required=False,
        help_text=_("One or two sentences for the catalogue."),
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=MAX_TEXT,
        required=False,
        widget=_textarea(8),
        help_text=_("Markdown: **bold**, *italics*, lists, links, tables."),
    )
    outcomes = forms.CharField(
        label=_("What learners will be able to do"),
        max_length=MAX_TEXT,
        required=False,
        widget=_textarea(4),
        help_text=_("One outcome per line."),
    )
    direction = forms.TypedChoiceField(label=_("Direction"), coerce=int, required=False, empty_value=None, choices=())
    skills = forms.TypedMultipleChoiceField(
        label=_("Skills"), coerce=int, required=False, choices=(), widget=forms.CheckboxSelectMultiple
    )
    level = forms.ChoiceField(label=_("Level"), choices=CourseLevel.choices)
    format = forms.ChoiceField(label=_("Format"), choices=CourseFormat.choices)
    mode = forms.ChoiceField(label=_("Mode"), choices=CourseMode.choices)
    language = forms.ChoiceField(label=_("Language of the course"), choices=settings.LANGUAGES)
    price = forms.DecimalField(
        label=_("Price"), min_value=0, max_digits=10, decimal_places=2, help_text=_("0 for a free course.")
    )
    currency = forms.ChoiceField(label=_("Currency"), choices=[(c, c) for c in CURRENCIES])
    duration_weeks = forms.IntegerField(label=_("Duration, weeks"), min_value=1, max_value=MAX_DURATION_WEEKS)
    weekly_hours = forms.IntegerField(label=_("Effort, hours a week"), min_value=1, max_value=MAX_WEEKLY_HOURS)
    cover = forms.ImageField(
        label=_("Cover"),
        required=False,
        help_text=_("JPEG, PNG or WebP, up to 5 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    remove_cover = forms.BooleanField(label=_("Remove the current cover"), required=False)
    author = forms.TypedChoiceField(label=_("Lead author"), coerce=int, choices=())
    team = forms.TypedMultipleChoiceField(
        label=_("Course team"),
        coerce=int,
        required=False,
        choices=(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("People of your organization shown on the course page with the lead author."),
    )

    def __init__(self, *args, directions: list, skills: list, members: list, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["direction"].choices = [("", _("—"))] + [(d.pk, d.name) for d in directions]
        self.fields["skills"].choices = [(s.pk, s.name) for s in skills]
        people = [(m.user_id, f"{m.user.display_name} ({m.get_role_display()})") for m in members]
        self.fields["author"].choices = people
        self.fields["team"].choices = people

    def clean_team(self):
        team = self.cleaned_data.get("team") or []
        if len(team) > MAX_TEAM:
            raise forms.ValidationError(_("A course team has at most %(n)d people."), params={"n": MAX_TEAM})
        return team

    def clean_cover(self):
        """The same checks as a profile photo: declared type, real image format, size and dimensions."""
        image = self.cleaned_data.get("cover")
        if not image:
            return None
        if image.size > COVER_MAX_BYTES:
            raise forms.ValidationError(_("The cover image is larger than 5 MB."))
        declared = (getattr(image, "content_type", "") or "").lower()
        pil = getattr(image, "image", None)
        if declared not in COVER_CONTENT_TYPES or pil is None or pil.format not in COVER_FORMATS:
            raise forms.ValidationError(_("Upload a JPEG, PNG or WebP image."))
        width, height = pil.size
        if width > COVER_MAX_PIXELS or height > COVER_MAX_PIXELS:
            raise forms.ValidationError(_("The cover is too large: at most 6000×6000 pixels."))
        return image


class ModuleForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=MAX_TITLE)
    summary = forms.CharField(label=_("Summary"), max_length=MAX_TEXT, required=False, widget=_textarea(3))
    unlock_rule = forms.ChoiceField(
        label=_("Opens"),
        choices=UnlockRule.choices,
        initial=UnlockRule.OPEN,
        widget=forms.RadioSelect,
        help_text=_("Dates are set in each cohort's schedule."),
    )


class LessonForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=MAX_TITLE)


# What the body of each kind of step is called on its form.
BODY_LABELS = {
    StepKind.TEXT: (_("Text"), _("Markdown: headings, lists, code, tables, links and images.")),
    StepKind.VIDEO: (_("Description"), _("Optional, Markdown: shown under the video.")),
    StepKind.QUIZ: (_("Introduction"), _("Optional, Markdown: shown before the questions.")),
    StepKind.ASSIGNMENT: (_("Instructions"), _("Markdown: what to do and how the work will be checked.")),
    StepKind.FINAL_PROJECT: (_("Project brief"), _("Markdown: the task, what to hand in, how it is judged.")),
}


class StepForm(forms.Form):
    """The fields every step has; `step_form(kind)` adds the kind's own."""

    title = forms.CharField(label=_("Title"), max_length=MAX_TITLE)
    body = forms.CharField(label=_("Text"), max_length=MAX_TEXT, required=False, widget=_textarea(12))
    required = forms.BooleanField(label=_("Required for completion"), required=False, initial=True)

    def __init__(self, *args, kind: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        label, help_text = BODY_LABELS[kind]
        self.fields["body"].label, self.fields["body"].help_text = label, help_text


class VideoStepForm(StepForm):
    video_file = forms.FileField(
        label=_("Video file"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(sorted(set(VIDEO_TYPES.values())))}),
    )
    remove_video_file = forms.BooleanField(label=_("Remove the uploaded file"), required=False)
    video_url = forms.URLField(
        label=_("Video link"),
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text=_("A link to the video on YouTube, Vimeo, Rutube or VK Video, instead of a file."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["video_file"].help_text = _("MP4 or WebM, up to %(limit)s.") % {
            "limit": filesizeformat(video_max_bytes())
        }

    def clean_video_file(self):
        upload = self.cleaned_data.get("video_file")
        if not upload:
            return None
        problem = video_file_problem(upload)
        if problem:
            raise forms.ValidationError(problem)
        return upload

    def clean_video_url(self):
        url = (self.cleaned_data.get("video_url") or "").strip()
        if url:
            problem = video_url_problem(url)
            if problem:
                raise forms.ValidationError(problem)
        return url


class QuizStepForm(StepForm):
    max_attempts = forms.IntegerField(
        label=_("Attempt limit"),
        required=False,
        min_value=1,
        max_value=MAX_ATTEMPTS_LIMIT,
        help_text=_("Empty for unlimited attempts."),
    )
    pass_score = forms.IntegerField(
        label=_("Pass mark, %"),
        min_value=0,
        max_value=100,
        initial=100,
        help_text=_("The share of questions to answer correctly to complete the step."),
    )


def step_form(kind: str, *args, **kwargs) -> StepForm:
    form_class = {StepKind.VIDEO: VideoStepForm, StepKind.QUIZ: QuizStepForm}.get(kind, StepForm)
    return form_class(*args, kind=kind, **kwargs)


class StepKindForm(forms.Form):
    """Which kind of step to add (a final project only in long courses)."""

    kind = forms.ChoiceField(label=_("Kind"), choices=StepKind.choices)

    def __init__(self, *args, long_course: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not long_course:
            self.fields["kind"].choices = [c for c in StepKind.choices if c[0] != StepKind.FINAL_PROJECT]


class QuestionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of question"), choices=QuestionKind.choices, widget=forms.RadioSelect)
    prompt = forms.CharField(
        label=_("Question"), max_length=MAX_TEXT, widget=_textarea(3), help_text=_("Markdown is allowed.")
    )
    explanation = forms.CharField(
        label=_("Explanation shown after answering"), max_length=MAX_TEXT, required=False, widget=_textarea(3)
    )
    number_answer = forms.DecimalField(
        label=_("Correct number"), required=False, max_digits=14, decimal_places=4, help_text=_("For number questions.")
    )
    number_tolerance = forms.DecimalField(
        label=_("Tolerance"),
        required=False,
        min_value=0,
        max_digits=14,
        decimal_places=4,
        help_text=_("Answers within this distance of the number count as correct."),
    )
    accepted_answers = forms.CharField(
        label=_("Accepted answers"),
        max_length=MAX_TEXT,
        required=False,
        widget=_textarea(3),
        help_text=_("For short-text questions: one per line; case and extra spaces are ignored."),
    )


class ChoiceForm(forms.Form):
    id = forms.IntegerField(required=False, widget=forms.HiddenInput)
    text = forms.CharField(label=_("Answer"), max_length=MAX_CHOICE_TEXT, required=False)
    is_correct = forms.BooleanField(label=_("Correct"), required=False)


ChoiceFormSet = forms.formset_factory(ChoiceForm, extra=0, max_num=MAX_CHOICES, absolute_max=MAX_CHOICES)
BLANK_CHOICE_ROWS = 2  # empty rows offered under the existing answers


class ReturnForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the authors"),
        max_length=MAX_NOTE,
        widget=_textarea(4),
        help_text=_("What to change before the course can be approved."),
    )


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")])
