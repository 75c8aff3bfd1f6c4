"""The verbs the courses app records on the activity spine; analytics and gamification subscribe to them.

Every event of a learner's work carries organization_id and course_id; payloads name what the verb
alone does not (scores, reasons).
"""

ENROLLED = "course.enrolled"
WAITLISTED = "course.waitlisted"
STEP_VIEWED = "step.viewed"
STEP_COMPLETED = "step.completed"
QUIZ_ATTEMPTED = "quiz.attempted"  # payload: score (%), passed, attempt number
ASSIGNMENT_SUBMITTED = "assignment.submitted"
ASSIGNMENT_REVIEWED = "assignment.reviewed"  # payload: status (accepted | returned)
MODULE_UNLOCKED = "module.unlocked"  # payload: module_id, reason (previous_completed | date)
COURSE_COMPLETED = "course.completed"
COURSE_LEFT = "course.left"  # payload: reason, comment
CERTIFICATE_ISSUED = "certificate.issued"
CERTIFICATE_REVOKED = "certificate.revoked"
LESSON_RATED = "lesson.rated"  # payload: useful, has_comment
COURSE_REVIEWED = "course.reviewed"  # payload: rating
COURSE_SUBMITTED_FOR_REVIEW = "course.submitted_for_review"
COURSE_APPROVED = "course.approved"
COURSE_RETURNED = "course.returned"
COURSE_PUBLISHED = "course.published"
COURSE_ARCHIVED = "course.archived"
COHORT_CREATED = "cohort.created"
COHORT_UPDATED = "cohort.updated"
COHORT_SCHEDULE_CHANGED = "cohort.schedule_changed"
COHORT_CURATORS_CHANGED = "cohort.curators_changed"
COHORT_INVITE_ROTATED = "cohort.invite_rotated"  # never carries the code
