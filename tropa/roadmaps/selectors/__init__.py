"""The roadmaps app's reads. The functions below are its stable API for other apps (the assistant, the CV):

- `skill_profile(user=...) -> list[SkillEntry]`: every skill with the learner's level (0..3) and what the target
  role needs;
- `skill_gaps(user=...) -> list[Gap]`: the skills below the role's level, the largest gap first;
- `roadmap_summary(user=...) -> RoadmapView | None`: the learner's roadmap with per-step status and progress;
- `target_role(user=...) -> TargetRole | None`.

They read only the given user's own data; callers decide who may ask (see `permissions.can_view_roadmap`).
"""

from __future__ import annotations

from tropa.roadmaps.selectors.facts import role_get
from tropa.roadmaps.selectors.profile import Gap, SkillEntry, skill_gaps, skill_profile, target_role_id
from tropa.roadmaps.selectors.roadmap import RoadmapView, StepView, roadmap_of, roadmap_view


def roadmap_summary(*, user) -> RoadmapView | None:
    roadmap = roadmap_of(user=user)
    return roadmap_view(roadmap=roadmap) if roadmap is not None else None


def target_role(*, user):
    return role_get(role_id=target_role_id(user=user))


__all__ = [
    "Gap",
    "RoadmapView",
    "SkillEntry",
    "StepView",
    "roadmap_summary",
    "skill_gaps",
    "skill_profile",
    "target_role",
]
