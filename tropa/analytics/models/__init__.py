"""The analytics app's models, one module per concept."""

from tropa.analytics.models.history import (
    BundleImport,
    DailyActivity,
    HistoryAssessment,
    HistoryEnrollment,
    HistorySource,
    HistorySubmission,
    Outcome,
)
from tropa.analytics.models.risk import (
    Alert,
    AlertKind,
    AnalyticsSettings,
    Intervention,
    InterventionKind,
    RiskModelVersion,
    RiskScore,
    ScoreMethod,
)
from tropa.analytics.models.survey import Milestone, NpsResponse

__all__ = [
    "Alert",
    "AlertKind",
    "AnalyticsSettings",
    "BundleImport",
    "DailyActivity",
    "HistoryAssessment",
    "HistoryEnrollment",
    "HistorySource",
    "HistorySubmission",
    "Intervention",
    "InterventionKind",
    "Milestone",
    "NpsResponse",
    "Outcome",
    "RiskModelVersion",
    "RiskScore",
    "ScoreMethod",
]
