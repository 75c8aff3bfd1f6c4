"""Reads of a learner's side of a course: enrollments, unlocking and progress, and the outline.

One package with one import path (`tropa.courses.selectors.learning`): the modules split it by concept.
"""

from tropa.courses.selectors.learning.enrollments import (
    LEARNING_STATUSES,
    LISTED_STATUSES,
    STEP_ORDER,
    cohort_get_by_invite_code,
    cohort_get_for_course,
    cohort_list_open_for_enrollment,
    continue_step_id,
    course_get_for_learning,
    deadline_list_for_user,
    enrollment_get_for,
    enrollment_list_for_user,
    enrollment_waitlist_position,
)
from tropa.courses.selectors.learning.family import ChildLearning, child_get_for_guardian, child_learning
from tropa.courses.selectors.learning.outline import LessonItem, ModuleItem, Outline, StepItem, course_outline
from tropa.courses.selectors.learning.unlocking import (
    LearnerRows,
    ModuleState,
    course_progress_counts,
    format_opening,
    is_archived,
    learner_rows,
    module_state_map,
    module_states,
    percent_of,
)

__all__ = [
    "ChildLearning",
    "LEARNING_STATUSES",
    "LISTED_STATUSES",
    "STEP_ORDER",
    "LearnerRows",
    "LessonItem",
    "ModuleItem",
    "ModuleState",
    "Outline",
    "StepItem",
    "child_get_for_guardian",
    "child_learning",
    "cohort_get_by_invite_code",
    "cohort_get_for_course",
    "cohort_list_open_for_enrollment",
    "continue_step_id",
    "course_get_for_learning",
    "course_outline",
    "course_progress_counts",
    "deadline_list_for_user",
    "enrollment_get_for",
    "enrollment_list_for_user",
    "enrollment_waitlist_position",
    "format_opening",
    "is_archived",
    "learner_rows",
    "module_state_map",
    "module_states",
    "percent_of",
]
