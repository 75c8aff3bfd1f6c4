"""Views of the roadmaps app, one module per page group."""
