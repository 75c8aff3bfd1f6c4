"""Structured reasons behind a risk score, the transparent rule-based score built on them, and their wording."""

import math
from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext_lazy, ngettext_lazy

from tropa.analytics.bundle import Bundle

from .features import Features


@dataclass(frozen=True)
class Reason:
    """Why a learner looks at risk: a stable `code`, the learner's `value`, the `usual` value it is compared with
    (the course-mates' median or the learner's own past; None when not applicable), `total` for "N of M" reasons,
    and `weight` in [0, 1] (how much it adds to the rule-based score; reasons are listed heaviest first)."""

    code: str
    value: float
    usual: float | None = None
    weight: float = 0.0
    total: float | None = None


@dataclass(frozen=True)
class Score:
    enrollment_id: str
    risk: float
    reasons: list[Reason]


# How much each fully-present reason adds in the rule-based score (combined as 1 - prod(1 - w)).
RULE_WEIGHTS = {
    "inactive_days": 0.55,
    "below_cohort_activity": 0.35,
    "activity_drop": 0.1,  # measured: a fall against one's own past ranks weakly on its own
    "missed_deadlines": 0.6,
    "behind_schedule": 0.3,
    "score_drop": 0.25,
    "late_registration": 0.2,
    "negative_feedback": 0.2,
}
RULE_BASE = 0.05

_TEXTS = {
    "inactive_days": gettext_lazy("no activity for %(value)s days; usual in this cohort: %(usual)s"),
    "below_cohort_activity": gettext_lazy("active on %(value)s days so far; usual in this cohort: %(usual)s"),
    "activity_drop": gettext_lazy("active on %(value)s days last week, against %(usual)s a week on average before"),
    "missed_deadlines": gettext_lazy("missed %(value)s of the last %(total)s deadlines"),
    "behind_schedule": gettext_lazy("submitted %(value)s assignments; usual in this cohort: %(usual)s"),
    "score_drop": gettext_lazy("last score %(value)s, down from an average of %(usual)s"),
    "late_registration": gettext_lazy("registered %(value)s days before the start; usual in this cohort: %(usual)s"),
}
_NEGATIVE_FEEDBACK = ngettext_lazy(
    "rated %(value)s lesson as not useful in the last two weeks",
    "rated %(value)s lessons as not useful in the last two weeks",
    "value",
)


def _fmt(number) -> str:
    if number is None or (isinstance(number, float) and math.isnan(number)):
        return "-"
    return str(int(round(number))) if abs(number - round(number)) < 0.05 else f"{number:.1f}"


def reason_text(reason: Reason) -> str:
    """One translated sentence for a reason, in the active language (e.g. for CSV, CLI output and pages)."""
    values = {"value": _fmt(reason.value), "usual": _fmt(reason.usual), "total": _fmt(reason.total)}
    if reason.code == "negative_feedback":
        return _NEGATIVE_FEEDBACK % {"value": int(reason.value)}
    template = _TEXTS.get(reason.code)
    return str(template % values) if template is not None else reason.code


def _clip(x):
    return np.clip(np.nan_to_num(x, nan=0.0), 0.0, 1.0)


def reason_weights(features: Features) -> dict[str, np.ndarray]:
    """Severity in [0, 1] of every reason for every row (0 = absent), plus the numbers shown with it."""
    r = features.raw
    out: dict[str, np.ndarray] = {}
    at_day = features.at_day
    # Inactivity: days without activity beyond what is usual among course-mates.
    since, usual = r["days_since_last"], r.get("days_since_last_usual")
    if usual is not None:
        # Capped: in a course where most have gone quiet, a week of silence is still a warning sign.
        excess = since - np.clip(np.nan_to_num(usual, nan=0.0), 2.0, 7.0)
        out["inactive_days"] = _clip(excess / 10.0) * (since >= 3)
        active, ausual = r["active_days"], r["active_days_usual"]
        out["below_cohort_activity"] = _clip((ausual - active) / np.maximum(ausual, 1.0)) * (active < ausual)
        last7, before = r["active_last7"], r["active_before_per7"]
        drop = (before - last7) / np.maximum(before, 1.0)
        out["activity_drop"] = _clip(drop) * (np.nan_to_num(before) >= 2) * (at_day > 7)
        out["negative_feedback"] = _clip(r["negative_feedback"] / 2.0)
    missed3, last3 = r["missed_last3"], r["last3"]
    out["missed_deadlines"] = _clip(missed3 / np.maximum(last3, 1.0)) * (np.nan_to_num(missed3) >= 1)
    sub, sub_usual = r["submitted"], r.get("submitted_usual")
    if sub_usual is not None:
        out["behind_schedule"] = _clip((sub_usual - sub) / np.maximum(sub_usual, 1.0)) * (sub < sub_usual)
    last, prev = r["last_score"], r["previous_mean"]
    out["score_drop"] = _clip((prev - last - 10.0) / 30.0)
    # Registering late only means something where course-mates usually register well ahead (e.g. OULAD).
    lead, lead_usual = r["registration_lead"], np.nan_to_num(r["registration_lead_usual"], nan=0.0)
    late = (lead_usual >= 14) & (np.nan_to_num(lead, nan=lead_usual) < np.minimum(lead_usual / 4, 7))
    out["late_registration"] = late * _clip((np.minimum(lead_usual / 4, 7) - lead) / 7.0 + 0.5)
    return out


def _numbers(code, features: Features, i: int) -> tuple[float, float | None, float | None]:
    r = features.raw
    if code == "inactive_days":
        return r["days_since_last"][i], r["days_since_last_usual"][i], None
    if code == "below_cohort_activity":
        return r["active_days"][i], r["active_days_usual"][i], None
    if code == "activity_drop":
        return r["active_last7"][i], r["active_before_per7"][i], None
    if code == "negative_feedback":
        return r["negative_feedback"][i], None, None
    if code == "missed_deadlines":
        return r["missed_last3"][i], None, r["last3"][i]
    if code == "behind_schedule":
        return r["submitted"][i], r["submitted_usual"][i], None
    if code == "score_drop":
        return r["last_score"][i], r["previous_mean"][i], None
    return r["registration_lead"][i], r["registration_lead_usual"][i], None


def reasons_for(features: Features, weights: dict[str, np.ndarray], rows, top: int = 3) -> list[list[Reason]]:
    """The heaviest `top` reasons present for each of `rows`."""
    codes = list(weights)
    matrix = np.column_stack([weights[c] * RULE_WEIGHTS[c] for c in codes]) if codes else np.zeros((0, 0))
    result = []
    for i in rows:
        found = []
        if codes:
            for j in np.argsort(-matrix[i], kind="stable")[:top]:
                if matrix[i, j] <= 0:
                    break
                value, usual, total = _numbers(codes[j], features, i)
                found.append(
                    Reason(
                        code=codes[j],
                        value=float(value),
                        usual=None if usual is None or np.isnan(usual) else float(usual),
                        weight=round(float(matrix[i, j]), 4),
                        total=None if total is None else float(total),
                    )
                )
        result.append(found)
    return result


def rule_risk(weights: dict[str, np.ndarray], n: int) -> np.ndarray:
    """The transparent score: 1 - (1 - base) * prod(1 - rule weight * severity)."""
    keep = np.full(n, 1.0 - RULE_BASE)
    for code, severity in weights.items():
        keep *= 1.0 - RULE_WEIGHTS[code] * severity
    return 1.0 - keep


def rule_score(bundle: Bundle, at_day: int) -> list[Score]:
    """Rule-based risk for every enrollment of `bundle` at day `at_day`: no training, every point explained."""
    from .features import build_features

    features = build_features(bundle, at_day, kinds=[])
    weights = reason_weights(features)
    risk = rule_risk(weights, len(bundle))
    reasons = reasons_for(features, weights, range(len(bundle)))
    ids = bundle.enrollments["enrollment_id"]
    return [Score(str(ids[i]), float(risk[i]), reasons[i]) for i in range(len(bundle))]
