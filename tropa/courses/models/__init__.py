"""The courses app's models, one module per concept."""

from tropa.courses.models.catalogue import Course, CourseFormat, CourseLevel, CourseMode, CourseStatus, Direction, Skill
from tropa.courses.models.certificates import Certificate
from tropa.courses.models.cohorts import Cohort, CohortEnrollmentPolicy, CohortModule
from tropa.courses.models.deadlines import DeadlineExtension
from tropa.courses.models.learning import (
    CourseReview,
    Enrollment,
    EnrollmentStatus,
    LeaveReason,
    LessonRating,
    QuizAttempt,
    StepProgress,
    Submission,
    SubmissionStatus,
)
from tropa.courses.models.structure import (
    Choice,
    Lesson,
    Module,
    Question,
    QuestionKind,
    Step,
    StepKind,
    UnlockRule,
)

__all__ = [
    "Certificate",
    "Choice",
    "Cohort",
    "CohortEnrollmentPolicy",
    "CohortModule",
    "Course",
    "CourseFormat",
    "CourseLevel",
    "CourseMode",
    "CourseReview",
    "CourseStatus",
    "DeadlineExtension",
    "Direction",
    "Enrollment",
    "EnrollmentStatus",
    "LeaveReason",
    "Lesson",
    "LessonRating",
    "Module",
    "Question",
    "QuestionKind",
    "QuizAttempt",
    "Skill",
    "Step",
    "StepKind",
    "StepProgress",
    "Submission",
    "SubmissionStatus",
    "UnlockRule",
]
