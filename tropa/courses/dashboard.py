"""The "My learning" panel on the dashboard: continue where you left off, progress, next deadlines."""

from tropa.core.dashboard import Panel, register
from tropa.courses.models import EnrollmentStatus
from tropa.courses.selectors import learning as selectors

SHOWN = 3


def _context(request) -> dict | None:
    if not request.user.is_authenticated:
        return None
    enrollments = list(
        selectors.enrollment_list_for_user(user=request.user, statuses=(EnrollmentStatus.ACTIVE,))[: SHOWN + 1]
    )
    for enrollment in enrollments:
        enrollment.continue_step_id = selectors.continue_step_id(enrollment)
    return {
        "current": enrollments[0] if enrollments else None,
        "others": enrollments[1:SHOWN],
        "more": len(enrollments) > SHOWN,
        "deadlines": selectors.deadline_list_for_user(user=request.user, limit=3),
    }


register(Panel("learning", "courses/learning/partials/_dashboard_panel.html", _context, order=10))
