"""Models of the roadmaps app, one module per concept."""

from tropa.roadmaps.models.diagnostic import Diagnostic, DiagnosticStatus, DiagnosticStep, Experience
from tropa.roadmaps.models.profile import SkillLevel, SkillSource
from tropa.roadmaps.models.recommendation import DismissedRecommendation
from tropa.roadmaps.models.roadmap import Roadmap, RoadmapComment, RoadmapStep, StepKind
from tropa.roadmaps.models.taxonomy import Level, QuizQuestion, RoleSkill, TargetRole

__all__ = [
    "Diagnostic",
    "DiagnosticStatus",
    "DiagnosticStep",
    "DismissedRecommendation",
    "Experience",
    "Level",
    "QuizQuestion",
    "Roadmap",
    "RoadmapComment",
    "RoadmapStep",
    "RoleSkill",
    "SkillLevel",
    "SkillSource",
    "StepKind",
    "TargetRole",
]
