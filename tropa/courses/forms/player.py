"""Forms of the course player: quiz answers, submitted work, the curator's decision, lesson marks, course reviews.

They parse and check the shape of input; the services check the rest and write.
"""

from __future__ import annotations

from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from tropa.courses.models import QuestionKind, Step
from tropa.courses.selectors.player import ReviewStatus
from tropa.courses.services.feedback import MAX_RATING_COMMENT, MAX_REVIEW_TEXT
from tropa.courses.services.submissions import ALLOWED_FILE_TYPES, MAX_COMMENT, MAX_TEXT

QUESTION_PREFIX = "question_"


class QuizInputError(ValueError):
    """A posted field that names no question (its name is kept to show it)."""

    def __init__(self, field: str):
        super().__init__(field)
        self.field = field


def quiz_answers_from_post(post, step: Step) -> dict[int, object]:
    """{question id: raw answer} from the posted `question_<id>` fields; unknown ids are passed on for the
    service to refuse by name. Raises QuizInputError for a field whose id is not a number.
    """
    kinds = {question.pk: question.kind for question in step.questions.all()}
    answers: dict[int, object] = {}
    for name in post:
        if not name.startswith(QUESTION_PREFIX):
            continue
        suffix = name[len(QUESTION_PREFIX) :]
        if not suffix.isdigit():
            raise QuizInputError(name)
        question_id = int(suffix)
        if kinds.get(question_id) == QuestionKind.MULTIPLE:
            answers[question_id] = post.getlist(name)
        else:
            values = post.getlist(name)
            answers[question_id] = values[0] if len(values) == 1 else values
    return answers


class SubmissionForm(forms.Form):
    text = forms.CharField(
        label=_("Your answer"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Markdown is supported."),
    )
    file = forms.FileField(
        label=_("File"),
        required=False,
        # Lazy to the end: formatted when rendered, in the reader's language.
        help_text=format_lazy(_("Accepted: {types}."), types=", ".join(sorted(ALLOWED_FILE_TYPES))),
    )
    link = forms.CharField(
        label=_("Link"),
        required=False,
        max_length=1000,
        widget=forms.URLInput(attrs={"placeholder": "https://"}),
        help_text=_("For example, a repository or a document that you have shared."),
    )


class ReviewDecisionForm(forms.Form):
    ACCEPT, RETURN = "accept", "return"

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(ACCEPT, _("Accept")), (RETURN, _("Return for rework"))],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment to the learner"),
        required=False,
        max_length=MAX_COMMENT,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Required when you return the work: say what to improve."),
    )


class ReviewQueueFilterForm(forms.Form):
    course = forms.TypedChoiceField(label=_("Course"), required=False, coerce=int, empty_value=None)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("submitted", _("Waiting for review")),
            ("returned", _("Returned for rework")),
            ("accepted", _("Accepted")),
            ("all", _("All")),
        ],
    )

    def __init__(self, *args, courses=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].choices = [("", _("All courses"))] + [(c.pk, c.title) for c in courses]

    def filters(self) -> dict:
        """The selector's arguments: invalid choices fall back to the defaults instead of an error page."""
        if not self.is_valid():
            return {"course_id": None, "status": ReviewStatus.WAITING}
        return {
            "course_id": self.cleaned_data.get("course"),
            "status": self.cleaned_data.get("status") or ReviewStatus.WAITING,
        }


class LessonRatingForm(forms.Form):
    useful = forms.TypedChoiceField(
        label=_("Was this lesson useful?"),
        choices=[("yes", _("Useful")), ("no", _("Not useful"))],
        coerce=lambda value: value == "yes",
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=MAX_RATING_COMMENT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class CourseReviewForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Your rating"),
        choices=[(n, str(n)) for n in range(5, 0, -1)],
        coerce=int,
        widget=forms.RadioSelect,
    )
    text = forms.CharField(
        label=_("Your review"),
        required=False,
        max_length=MAX_REVIEW_TEXT,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What did you learn? Who would you recommend the course to?"),
    )
