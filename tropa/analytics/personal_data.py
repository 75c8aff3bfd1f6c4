"""What analytics holds about a learner (drop-out risk scores, alerts, interventions, NPS answers).

Risk scores are staff data about the learner, but under GDPR art. 15 the data subject may see what is held
about them, so the export includes their scores with the reasons, the alerts raised and which kinds of
intervention were logged; the staff's free-text notes are left out (they are the staff's words and may
mention others). Erasure deletes the scores (their alerts go with them) and the notes; the activity history
(daily counts per enrollment, pseudonymous) and the intervention rows stay, so the school's model, funnels and
"did it help" statistics keep their numbers. NPS scores stay for the course's NPS; the comment is removed.
"""

from __future__ import annotations

from tropa.accounts.data_registry import register, rows
from tropa.analytics.models import Alert, HistoryEnrollment, Intervention, NpsResponse, RiskScore


def export(user) -> dict:
    histories = HistoryEnrollment.objects.filter(enrollment__user=user)
    return {
        "risk_scores": rows(
            RiskScore.objects.filter(enrollment__in=histories),
            "enrollment__enrollment_id",
            "day",
            "at_day",
            "probability",
            "reasons",
            "method",
        ),
        "alerts": rows(
            Alert.objects.filter(enrollment__in=histories), "enrollment__enrollment_id", "kind", "created_at"
        ),
        "interventions": rows(
            Intervention.objects.filter(enrollment__in=histories), "enrollment__enrollment_id", "kind", "created_at"
        ),
        "nps": rows(
            NpsResponse.objects.filter(enrollment__user=user),
            "course__title",
            "milestone",
            "score",
            "comment",
            "created_at",
        ),
    }


def erase(user) -> None:
    histories = HistoryEnrollment.objects.filter(enrollment__user=user)
    RiskScore.objects.filter(enrollment__in=histories).delete()
    Intervention.objects.filter(enrollment__in=histories).exclude(note="").update(note="")
    NpsResponse.objects.filter(enrollment__user=user).exclude(comment="").update(comment="")


register(
    "analytics",
    export=export,
    erase=erase,
    kept={
        "analytics.BundleImport.actor": "Staff work: who imported a school's history.",
        "analytics.RiskModelVersion.trained_by": "Staff work: who trained a school's model.",
        "analytics.Alert.marked_by": "Staff work: a curator's verdict on an alert about another learner.",
        "analytics.Intervention.actor": "Staff work: a curator's action for another learner.",
    },
)
