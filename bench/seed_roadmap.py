"""The persona's diagnostic, skill profile and roadmap, made through the product's own services after the bulk load.

One learner's worth of rows: cheaper to write through the services (which plan the roadmap over the seeded
courses) than to imitate the planner in tuples. Runs once the indexes are rebuilt and the sequences reset.
"""

from __future__ import annotations

from django.utils import timezone

from bench.sizes import PERSONA_EMAIL

HOURS_PER_WEEK = 8


def seed_persona_roadmap() -> int:
    """Return the number of roadmap steps planned for the persona."""
    from tropa.accounts.models import User
    from tropa.roadmaps.models import Diagnostic, DiagnosticStatus, DiagnosticStep, Experience, RoleSkill, TargetRole
    from tropa.roadmaps.services.profile import skills_assess
    from tropa.roadmaps.services.roadmap import roadmap_plan

    persona = User.objects.get(email=PERSONA_EMAIL)
    role = TargetRole.objects.filter(is_active=True).order_by("position", "pk").first()
    if role is None:
        return 0
    # Half the role's skills at a beginner's level: the planner has gaps to fill.
    required = list(RoleSkill.objects.filter(role=role).order_by("pk").values_list("skill_id", flat=True))
    levels = dict.fromkeys(required[::2], 1)
    Diagnostic.objects.create(
        user=persona, status=DiagnosticStatus.COMPLETED, step=DiagnosticStep.DONE, role=role,
        direction_id=role.direction_id, experience=Experience.STUDY, hours_per_week=HOURS_PER_WEEK,
        self_levels={str(k): v for k, v in levels.items()}, result={str(k): v for k, v in levels.items()},
        completed_at=timezone.now(),
    )  # fmt: skip
    skills_assess(user=persona, levels=levels)
    roadmap = roadmap_plan(actor=persona, user=persona, role=role, hours_per_week=HOURS_PER_WEEK)
    return roadmap.steps.count()
