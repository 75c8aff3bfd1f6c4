"""The roadmap section of the assistant's context: the target role, the next steps of the plan, the skill gaps.

The assistant reads the roadmaps app's stable selectors (docs/roadmaps.md); nobody imports the assistant.
"""

from __future__ import annotations

from django.urls import reverse

from tropa.roadmaps.selectors import roadmap_summary, skill_gaps, target_role

NEXT_STEPS = 3
GAPS = 5


def roadmap_section(*, user) -> dict | None:
    """None when the learner has neither a roadmap nor a target role (no diagnostic yet)."""
    roadmap = roadmap_summary(user=user)
    role = target_role(user=user)
    if roadmap is None and role is None:
        return None
    section = {"target_role": str(role.name) if role is not None else ""}
    if roadmap is not None:
        pending = [step for step in roadmap.steps if step.status != "done"][:NEXT_STEPS]
        section["next_steps"] = [
            {"title": step.label, "kind": step.step.kind, "status": step.status, "percent": step.percent}
            for step in pending
        ]
        section["weeks_left"] = roadmap.weeks_left
        section["percent"] = roadmap.percent
        section["url"] = reverse("roadmaps:roadmap")
    section["gaps"] = [{"skill": gap.name, "have": gap.have, "need": gap.need} for gap in skill_gaps(user=user)][:GAPS]
    return section
