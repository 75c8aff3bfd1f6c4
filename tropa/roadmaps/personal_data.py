"""What roadmaps holds about a person (diagnostics, skill profile, roadmap, its comments, recommendations they
dismissed) for export and erasure.

All of it is the person's own planning and is deleted (comments mentors left on it go with the roadmap).
Comments the person wrote on other learners' roadmaps, and their edits of others' steps, stay there.
"""

from __future__ import annotations

from tropa.accounts.data_registry import register, rows
from tropa.roadmaps.models import Diagnostic, DismissedRecommendation, Roadmap, RoadmapComment, RoadmapStep, SkillLevel


def export(user) -> dict:
    return {
        "diagnostics": rows(
            Diagnostic.objects.filter(user=user),
            "status",
            "role__slug",
            "interest_ids",
            "experience",
            "hours_per_week",
            "self_levels",
            "quiz",
            "quiz_levels",
            "result",
            "created_at",
            "completed_at",
        ),
        "skill_levels": rows(
            SkillLevel.objects.filter(user=user), "skill__slug", "assessed", "evidenced", "evidence", "source"
        ),
        "roadmap": rows(Roadmap.objects.filter(user=user), "role__slug", "hours_per_week", "version", "updated_at"),
        "roadmap_steps": rows(
            RoadmapStep.objects.filter(roadmap__user=user), "position", "kind", "title", "weeks", "pinned", "note"
        ),
        "comments_on_my_roadmap": rows(
            RoadmapComment.objects.filter(roadmap__user=user), "author_id", "text", "created_at"
        ),
        "recommendations_dismissed": rows(
            DismissedRecommendation.objects.filter(user=user), "kind", "item_id", "created_at"
        ),
        "comments_written": rows(RoadmapComment.objects.filter(author=user), "roadmap__user_id", "text", "created_at"),
    }


def erase(user) -> None:
    Roadmap.objects.filter(user=user).delete()
    SkillLevel.objects.filter(user=user).delete()
    Diagnostic.objects.filter(user=user).delete()
    DismissedRecommendation.objects.filter(user=user).delete()


register(
    "roadmaps",
    export=export,
    erase=erase,
    covers=[
        "roadmaps.Diagnostic.user",
        "roadmaps.SkillLevel.user",
        "roadmaps.Roadmap.user",
        "roadmaps.DismissedRecommendation.user",
    ],
    kept={
        "roadmaps.RoadmapComment.author": "Advice given on another learner's roadmap stays with that learner.",
        "roadmaps.RoadmapStep.edited_by": "A mentor's edit of another learner's roadmap.",
    },
)
