"""The analytics app's writes, one module per area: rollup, import, training, scoring, alerts, interventions."""
