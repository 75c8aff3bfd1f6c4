"""Admin for the courses app."""
