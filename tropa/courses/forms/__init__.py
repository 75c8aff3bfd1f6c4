"""Forms of the courses app, one module per area."""
