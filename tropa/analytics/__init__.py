"""Early warning: activity rollups, the drop-out risk model, alerts, interventions, course analytics, bundles."""
