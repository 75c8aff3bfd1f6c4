"""Helpers of the roadmaps tests: run the diagnostic through the real services."""

from __future__ import annotations

from tropa.roadmaps.services import diagnostic as services


def take_diagnostic(user, role, *, hours: int = 5, levels: dict | None = None, right: bool = True):
    """Goal -> self-assessment -> every quiz question answered right (or wrong)."""
    diagnostic = services.diagnostic_start(actor=user)
    services.diagnostic_save_goal(
        actor=user, diagnostic=diagnostic, role_id=role.pk, direction_id=None, interest_ids=[],
        experience="study", hours_per_week=hours, advance=True,
    )  # fmt: skip
    services.diagnostic_save_skills(actor=user, diagnostic=diagnostic, levels=levels or {}, advance=True)
    diagnostic.refresh_from_db()
    while (question := services.current_question(diagnostic)) is not None and not diagnostic.is_completed:
        choice = question.correct if right else (question.correct + 1) % len(question.choices_en)
        services.diagnostic_answer(actor=user, diagnostic=diagnostic, question_id=question.pk, choice=choice)
        diagnostic.refresh_from_db()
    return diagnostic


def complete_course(user, course, capture) -> None:
    """Enroll and complete every step through the courses services, running the handlers on commit."""
    from tropa.courses.services.enrollment import enrollment_create
    from tropa.courses.services.progress import step_complete

    with capture(execute=True):
        enrollment = enrollment_create(actor=user, course=course)
        for step in course.steps.all():
            step_complete(enrollment=enrollment, step=step)
