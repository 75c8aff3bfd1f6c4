"""The analytics app's reads, one module per area: history, desk, model, course analytics, reports."""
