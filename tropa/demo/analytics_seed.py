"""Seed early warning for the demo: Data School gets imported past runs, a trained model and today's scores.

The past runs are a small synthetic bundle built in code (never the development datasets), with the activity
kinds the platform itself records, so that the model trained on them reads the live cohort's rollup. The live
cohort of the data-analysis course (tropa/demo/course_seed.py) has steady, stalled and silent learners: the
curator's desk shows them ranked with real reasons as soon as `make run` starts.
"""

from __future__ import annotations

import tempfile
from collections import defaultdict
from pathlib import Path

from tropa.analytics.bundle import Bundle, write_bundle
from tropa.analytics.bundle.synthetic import synthetic_rows
from tropa.analytics.models import RiskModelVersion
from tropa.analytics.services.imports import bundle_import
from tropa.analytics.services.modeling import risk_model_train
from tropa.analytics.services.rollup import history_rollup
from tropa.analytics.services.scoring import risk_score_organization
from tropa.analytics.services.settings import analytics_settings_update

SCHOOL = "data-school"
# The synthetic generator's kinds, as the live rollup names what learners do on the platform.
LIVE_KINDS = {"access": "view", "video": "view", "problem": "quiz", "discussion": "complete"}


def demo_history_rows() -> dict[str, list[dict]]:
    """Six past runs of forty learners each, finished: enough history for a trained model."""
    rows = synthetic_rows(courses=6, per_course=40, days=56, seed=2026, prefix="past")
    counts: dict[tuple, float] = defaultdict(float)
    for row in rows["activity"]:
        counts[(row["enrollment_id"], row["date"], LIVE_KINDS.get(row["kind"], row["kind"]))] += row["count"]
    rows["activity"] = [
        {"enrollment_id": e, "date": day, "kind": kind, "count": count} for (e, day, kind), count in counts.items()
    ]
    return rows


def seed_analytics(*, users: dict, organizations: dict) -> int:
    """Import the past runs, train, score the live learners; skipped entirely once the school has a model."""
    organization = organizations[SCHOOL]
    if RiskModelVersion.objects.filter(organization=organization).exists():
        return 0
    owner = users[f"owner@{SCHOOL}.local"]
    with tempfile.TemporaryDirectory(prefix="tropa-demo-bundle-") as folder:
        write_bundle(Bundle.from_rows(**demo_history_rows()), Path(folder))
        bundle_import(actor=owner, organization=organization, path=folder, file_name="past-runs-2024.zip")
    # No hold-out in the demo: every alert is shown, so the curator sees the whole story.
    analytics_settings_update(
        actor=owner,
        organization=organization,
        values={"alert_threshold": 55, "holdout_percent": 0, "notify_guardians": True},
    )
    history_rollup(organization_id=organization.pk)
    risk_model_train(organization=organization, actor=owner)
    scores = risk_score_organization(organization_id=organization.pk)
    return 2 + len(scores)
