"""URL routes of the courses app: authoring (the course studio, under /courses/studio/)."""

from django.urls import path

from tropa.courses.views import authoring as studio
from tropa.courses.views import authoring_steps as steps
from tropa.courses.views import authoring_structure as structure

_COURSE = "studio/<slug:slug>/"

urlpatterns = [
    path("studio/", studio.studio, name="studio"),
    path("studio/new/", studio.studio_create, name="studio_create"),
    path(_COURSE, studio.studio_course, name="studio_course"),
    path(f"{_COURSE}settings/", studio.studio_settings, name="studio_settings"),
    path(f"{_COURSE}preview/", studio.studio_preview, name="studio_preview"),
    path(f"{_COURSE}submit/", studio.studio_submit, name="studio_submit"),
    path(f"{_COURSE}approve/", studio.studio_approve, name="studio_approve"),
    path(f"{_COURSE}return/", studio.studio_return, name="studio_return"),
    path(f"{_COURSE}publish/", studio.studio_publish, name="studio_publish"),
    path(f"{_COURSE}archive/", studio.studio_archive, name="studio_archive"),
    path(f"{_COURSE}modules/new/", structure.module_create, name="studio_module_create"),
    path(f"{_COURSE}modules/<int:module_id>/", structure.module_edit, name="studio_module_edit"),
    path(f"{_COURSE}modules/<int:module_id>/move/", structure.module_move, name="studio_module_move"),
    path(f"{_COURSE}modules/<int:module_id>/delete/", structure.module_delete, name="studio_module_delete"),
    path(f"{_COURSE}modules/<int:module_id>/lessons/new/", structure.lesson_create, name="studio_lesson_create"),
    path(f"{_COURSE}lessons/<int:lesson_id>/", structure.lesson_edit, name="studio_lesson_edit"),
    path(f"{_COURSE}lessons/<int:lesson_id>/move/", structure.lesson_move, name="studio_lesson_move"),
    path(f"{_COURSE}lessons/<int:lesson_id>/delete/", structure.lesson_delete, name="studio_lesson_delete"),
    path(f"{_COURSE}lessons/<int:lesson_id>/steps/new/", steps.step_create, name="studio_step_create"),
    path(f"{_COURSE}steps/<int:step_id>/", steps.step_edit, name="studio_step_edit"),
    path(f"{_COURSE}steps/<int:step_id>/move/", structure.step_move, name="studio_step_move"),
    path(f"{_COURSE}steps/<int:step_id>/delete/", structure.step_delete, name="studio_step_delete"),
    path(f"{_COURSE}steps/<int:step_id>/questions/new/", steps.question_create, name="studio_question_create"),
    path(
        f"{_COURSE}steps/<int:step_id>/questions/<int:question_id>/",
        steps.question_edit,
        name="studio_question_edit",
    ),
    path(
        f"{_COURSE}steps/<int:step_id>/questions/<int:question_id>/move/",
        steps.question_move,
        name="studio_question_move",
    ),
    path(
        f"{_COURSE}steps/<int:step_id>/questions/<int:question_id>/delete/",
        steps.question_delete,
        name="studio_question_delete",
    ),
]
