"""Seed the demo diagnostic and roadmap through the real services: the demo learner aims at data analyst, took the
diagnostic (overrating SQL, which the quiz corrects), got a roadmap, and their mentor commented on it."""

from __future__ import annotations

from tropa.courses.models import Skill
from tropa.roadmaps.models import Diagnostic, Roadmap, TargetRole
from tropa.roadmaps.services import diagnostic as diagnostics
from tropa.roadmaps.services import roadmap as roadmaps

SELF_LEVELS = {"sql": 3, "excel": 2, "statistics": 1, "python": 1, "pandas": 0, "data-visualization": 1}


def seed_roadmaps(*, users: dict) -> int:
    """Once: skipped when the demo learner already has a diagnostic."""
    learner = users["learner@tropa.local"]
    role = TargetRole.objects.filter(slug="data-analyst").first()
    if role is None or Diagnostic.objects.filter(user=learner).exists():
        return 0
    diagnostic = diagnostics.diagnostic_start(actor=learner)
    diagnostics.diagnostic_save_goal(
        actor=learner, diagnostic=diagnostic, role_id=role.pk, direction_id=None, interest_ids=[],
        experience="switch", hours_per_week=8, advance=True,
    )  # fmt: skip
    skills = dict(Skill.objects.filter(slug__in=SELF_LEVELS).values_list("slug", "pk"))
    levels = {skills[slug]: level for slug, level in SELF_LEVELS.items() if slug in skills}
    diagnostics.diagnostic_save_skills(actor=learner, diagnostic=diagnostic, levels=levels, advance=True)
    diagnostic.refresh_from_db()
    answered = 0
    while not diagnostic.is_completed and (question := diagnostics.current_question(diagnostic)) is not None:
        # Right on everything but SQL's harder questions: the quiz brings the "3" in SQL down.
        right = question.skill.slug != "sql" or question.level == 1
        choice = question.correct if right else (question.correct + 1) % len(question.choices_en)
        diagnostics.diagnostic_answer(actor=learner, diagnostic=diagnostic, question_id=question.pk, choice=choice)
        diagnostic.refresh_from_db()
        answered += 1
    roadmap = Roadmap.objects.filter(user=learner).first()
    created = 1 + answered
    mentor = users.get("mentor@technosoft.local")
    if roadmap is not None and mentor is not None:
        roadmaps.roadmap_comment_add(
            actor=mentor,
            roadmap=roadmap,
            text="Хороший план. SQL подтянем на встречах: до собеседования успеем оконные функции.",
        )
        created += 1
    return created
