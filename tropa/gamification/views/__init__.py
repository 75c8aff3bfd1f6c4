"""Views of the gamification app, one module per area."""
