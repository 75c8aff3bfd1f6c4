"""Django admin for the courses app: the catalogue's vocabularies, courses and their structure, cohorts, learning.

The admin is for platform staff fixing data; schools build courses in the studio. Counters kept by the
services (ratings, learners, seats, progress) are read-only here, so that a hand edit cannot make them lie.
"""

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from tropa.courses.models import (
    Certificate,
    Choice,
    Cohort,
    CohortModule,
    Course,
    CourseReview,
    DeadlineExtension,
    Direction,
    Enrollment,
    Lesson,
    LessonRating,
    Module,
    Question,
    QuizAttempt,
    Skill,
    Step,
    StepProgress,
    Submission,
)

# Links typed without a scheme are read as https (Django 6's default; the form warns until then).
HTTPS_LINKS = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Direction)
class DirectionAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_ru", "name_en"]
    search_fields = ["slug", "name_ru", "name_en"]
    prepopulated_fields = {"slug": ["name_en"]}


@admin.register(Skill)
class SkillAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_ru", "name_en"]
    search_fields = ["slug", "name_ru", "name_en"]
    prepopulated_fields = {"slug": ["name_en"]}


# Courses and their structure: course -> modules -> lessons -> steps -> questions -> choices. Inlines go one
# level deep (the admin does not nest them); each level links on to the next with show_change_link.


class ModuleInline(admin.TabularInline):
    model = Module
    extra = 0
    fields = ["position", "title", "unlock_rule", "archived_at"]
    readonly_fields = ["archived_at"]
    ordering = ["position", "pk"]
    show_change_link = True


class CohortInline(admin.TabularInline):
    model = Cohort
    extra = 0
    fields = ["title", "starts_on", "ends_on", "capacity", "enrollment_policy", "active_count", "waitlist_count"]
    readonly_fields = ["active_count", "waitlist_count"]
    show_change_link = True


@admin.register(Course)
class CourseAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "organization",
        "status",
        "format",
        "mode",
        "level",
        "language",
        "price",
        "rating_average",
        "learners_count",
        "published_at",
    ]
    list_filter = ["status", "format", "mode", "level", "language", "direction"]
    search_fields = ["title", "slug", "summary", "organization__name", "organization__slug", "author__email"]
    list_select_related = ["organization"]
    raw_id_fields = ["organization", "author", "team"]
    filter_horizontal = ["skills"]
    date_hierarchy = "published_at"
    readonly_fields = [
        "created_at",
        "updated_at",
        "rating_average",
        "rating_count",
        "learners_count",
        "completed_count",
    ]
    inlines = [ModuleInline, CohortInline]
    fieldsets = [
        (None, {"fields": ["organization", "title", "slug", "status", "published_at", "review_note"]}),
        (
            _("Product"),
            {
                "fields": [
                    "summary",
                    "description",
                    "outcomes",
                    "cover",
                    "direction",
                    "skills",
                    "level",
                    "format",
                    "mode",
                    "language",
                    "price",
                    "currency",
                    "duration_weeks",
                    "weekly_hours",
                ]
            },
        ),
        (_("People"), {"fields": ["author", "team"]}),
        (
            _("Counters"),
            {
                "fields": ["rating_average", "rating_count", "learners_count", "completed_count"],
                "classes": ["collapse"],
            },
        ),
        (_("Dates"), {"fields": ["created_at", "updated_at"], "classes": ["collapse"]}),
    ]


class LessonInline(admin.TabularInline):
    model = Lesson
    extra = 0
    fields = ["position", "title", "archived_at"]
    readonly_fields = ["archived_at"]
    ordering = ["position", "pk"]
    show_change_link = True


@admin.register(Module)
class ModuleAdmin(admin.ModelAdmin):
    list_display = ["title", "course", "position", "unlock_rule", "archived_at"]
    list_filter = ["unlock_rule", ("archived_at", admin.EmptyFieldListFilter)]
    search_fields = ["title", "course__title", "course__slug"]
    list_select_related = ["course"]
    raw_id_fields = ["course"]
    inlines = [LessonInline]


class StepInline(admin.TabularInline):
    model = Step
    extra = 0
    fields = ["position", "kind", "title", "required", "archived_at"]
    readonly_fields = ["archived_at"]
    ordering = ["position", "pk"]
    show_change_link = True
    formfield_overrides = HTTPS_LINKS


@admin.register(Lesson)
class LessonAdmin(admin.ModelAdmin):
    list_display = ["title", "module", "position", "archived_at"]
    list_filter = [("archived_at", admin.EmptyFieldListFilter)]
    search_fields = ["title", "module__title", "module__course__title"]
    list_select_related = ["module"]
    raw_id_fields = ["module"]
    inlines = [StepInline]


class QuestionInline(admin.StackedInline):
    model = Question
    extra = 0
    fields = ["position", "kind", "prompt", "explanation", "number_answer", "number_tolerance", "accepted_answers"]
    show_change_link = True


@admin.register(Step)
class StepAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "course", "lesson", "position", "required", "archived_at"]
    list_filter = ["kind", "required", ("archived_at", admin.EmptyFieldListFilter)]
    search_fields = ["title", "course__title", "course__slug", "lesson__title"]
    list_select_related = ["course", "lesson"]
    raw_id_fields = ["lesson", "course"]
    readonly_fields = ["created_at", "updated_at"]
    inlines = [QuestionInline]
    formfield_overrides = HTTPS_LINKS


class ChoiceInline(admin.TabularInline):
    model = Choice
    extra = 0
    fields = ["position", "text", "is_correct"]


@admin.register(Question)
class QuestionAdmin(admin.ModelAdmin):
    list_display = ["__str__", "kind", "step", "position"]
    list_filter = ["kind"]
    search_fields = ["prompt", "step__title", "step__course__title"]
    list_select_related = ["step"]
    raw_id_fields = ["step"]
    inlines = [ChoiceInline]


# Cohorts.


class CohortModuleInline(admin.TabularInline):
    model = CohortModule
    extra = 0
    raw_id_fields = ["module"]
    fields = ["module", "opens_at", "deadline"]


@admin.register(Cohort)
class CohortAdmin(admin.ModelAdmin):
    list_display = [
        "title",
        "course",
        "starts_on",
        "ends_on",
        "capacity",
        "active_count",
        "waitlist_count",
        "enrollment_policy",
    ]
    list_filter = ["enrollment_policy", "starts_on"]
    search_fields = ["title", "course__title", "course__slug"]
    list_select_related = ["course"]
    raw_id_fields = ["course", "curators"]
    date_hierarchy = "starts_on"
    # The invite code is a credential: it is rotated in the cohort page, never typed or read here.
    exclude = ["invite_code"]
    readonly_fields = ["active_count", "waitlist_count", "created_at", "updated_at"]
    inlines = [CohortModuleInline]


# Learning.


@admin.register(Enrollment)
class EnrollmentAdmin(admin.ModelAdmin):
    list_display = ["user", "course", "cohort", "status", "progress_percent", "enrolled_at", "last_activity_at"]
    list_filter = ["status", "leave_reason"]
    search_fields = ["user__email", "user__last_name", "course__title", "course__slug", "cohort__title"]
    list_select_related = ["user", "course", "cohort"]
    raw_id_fields = ["user", "course", "cohort", "last_step"]
    date_hierarchy = "enrolled_at"
    readonly_fields = ["progress_percent", "last_step", "last_activity_at", "created_at", "updated_at"]


@admin.register(StepProgress)
class StepProgressAdmin(admin.ModelAdmin):
    list_display = ["enrollment", "step", "viewed_at", "completed_at", "score"]
    list_filter = [("completed_at", admin.EmptyFieldListFilter)]
    search_fields = ["enrollment__user__email", "step__title", "step__course__title"]
    list_select_related = ["enrollment__user", "enrollment__course", "step"]
    raw_id_fields = ["enrollment", "step"]


@admin.register(QuizAttempt)
class QuizAttemptAdmin(admin.ModelAdmin):
    list_display = ["enrollment", "step", "number", "score", "passed", "created_at"]
    list_filter = ["passed"]
    search_fields = ["enrollment__user__email", "step__title"]
    list_select_related = ["enrollment__user", "enrollment__course", "step"]
    raw_id_fields = ["enrollment", "step"]
    readonly_fields = ["answers", "results", "score", "passed", "number", "created_at"]


@admin.register(Submission)
class SubmissionAdmin(admin.ModelAdmin):
    list_display = ["enrollment", "step", "status", "submitted_at", "reviewer", "reviewed_at"]
    list_filter = ["status"]
    search_fields = ["enrollment__user__email", "step__title", "step__course__title", "reviewer__email"]
    list_select_related = ["enrollment__user", "enrollment__course", "step", "reviewer"]
    raw_id_fields = ["enrollment", "step", "reviewer"]
    date_hierarchy = "submitted_at"
    formfield_overrides = HTTPS_LINKS


@admin.register(DeadlineExtension)
class DeadlineExtensionAdmin(admin.ModelAdmin):
    """A learner's own later deadline; granted from the curator's desk, where it is logged as an intervention."""

    list_display = ["enrollment", "step", "previous_due_at", "due_at", "granted_by", "created_at"]
    search_fields = ["enrollment__user__email", "step__title", "step__course__title", "reason"]
    list_select_related = ["enrollment__user", "enrollment__course", "step", "granted_by"]
    raw_id_fields = ["enrollment", "step", "granted_by"]
    readonly_fields = ["previous_due_at", "created_at", "updated_at"]


@admin.register(LessonRating)
class LessonRatingAdmin(admin.ModelAdmin):
    list_display = ["lesson", "enrollment", "useful", "created_at"]
    list_filter = ["useful"]
    search_fields = ["lesson__title", "enrollment__user__email", "comment"]
    list_select_related = ["lesson", "enrollment__user", "enrollment__course"]
    raw_id_fields = ["enrollment", "lesson"]


@admin.register(CourseReview)
class CourseReviewAdmin(admin.ModelAdmin):
    list_display = ["course", "enrollment", "rating", "created_at"]
    list_filter = ["rating"]
    search_fields = ["course__title", "enrollment__user__email", "text"]
    list_select_related = ["course", "enrollment__user", "enrollment__course"]
    raw_id_fields = ["enrollment", "course"]
    readonly_fields = ["created_at", "updated_at"]


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = ["code", "learner_name", "course_title", "organization_name", "issued_at", "revoked_at"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["code", "learner_name", "course_title", "organization_name", "enrollment__user__email"]
    # What was certified is a record: it is issued and revoked by the school, not edited by hand.
    readonly_fields = [
        "enrollment",
        "code",
        "learner_name",
        "course_title",
        "organization_name",
        "issued_at",
        "revoked_at",
        "revoke_reason",
    ]

    def has_add_permission(self, request):
        return False
