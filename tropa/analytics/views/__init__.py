"""Views of the analytics app, one module per area: desk, history and model, course analytics, reports."""
